# Fuzz targets for workflows/ingest: the CSV and JSON Lines ingesters and the timestamp
# parser, each checking its invariants on every input.
foreach(name csv jsonl timestamp)
  docket_fuzz_target(NAME ${name}_fuzz
                     SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/${name}_fuzz.cc
                     DEPS docket::workflows_ingest
                     CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name})
endforeach()
