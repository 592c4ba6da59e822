# Fuzz target for workflows/synthesize: model answers (outside bytes) through the
# answer validator (schema, evidence and contact-detail checks).
docket_fuzz_target(NAME synthesis_answer_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/synthesis_answer_fuzz.cc
                   DEPS docket::workflows_synthesize
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/synthesis_answer)
target_compile_definitions(synthesis_answer_fuzz_corpus_test
                           PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
if(DOCKET_FUZZ)
  target_compile_definitions(synthesis_answer_fuzz PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
