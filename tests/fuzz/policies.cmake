# Fuzz targets for policies/: policy files (parse, evaluate, lint) and evidence JSON.
docket_fuzz_target(NAME policy_file_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/policy_file_fuzz.cc
                   DEPS docket::policies
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/policy_file)
docket_fuzz_target(NAME evidence_json_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/evidence_json_fuzz.cc
                   DEPS docket::policies
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/evidence_json)
