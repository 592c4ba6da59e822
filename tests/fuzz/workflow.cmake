# workflow_fuzz: workflow YAML bytes -> ParseWorkflow -> BuildPlan against the fake step
# types of tests/testing. The corpus replays as the ctest `workflow_fuzz_corpus`.
docket_fuzz_target(
  NAME workflow_fuzz
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/workflow_fuzz.cc
  DEPS docket::engine docket_test_support
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/workflow)
