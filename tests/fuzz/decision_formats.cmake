# Fuzz target for adapters/cli/decision_formats: any bytes parsed as a decision either
# are refused with a message or render in every format, deterministically.
docket_fuzz_target(NAME decision_formats_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/decision_formats_fuzz.cc
                   DEPS docket::adapter_cli Boost::json
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/decision_formats)
