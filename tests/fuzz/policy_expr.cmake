# Fuzz target for policies/expr: any bytes compile or are refused with a message; what
# compiles prints, recompiles to the same text and evaluates without crashing.
docket_fuzz_target(NAME policy_expr_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/policy_expr_fuzz.cc
                   DEPS docket::policy_expr
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/policy_expr)
