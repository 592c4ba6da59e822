# Fuzz target for adapters/llm: any provider answer (status, headers, body) is classified
# into a ChatResponse that serializes and parses back, without crashing, and nothing from
# the body leaks into `detail` beyond a short token.
docket_fuzz_target(NAME llm_answer_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/llm_answer_fuzz.cc
                   DEPS docket::adapter_llm
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/llm_answer)

# The profiles file (YAML a user writes): parses or says why, never crashes.
docket_fuzz_target(NAME llm_profiles_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/llm_profiles_fuzz.cc
                   DEPS docket::adapter_llm
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/llm_profiles)
