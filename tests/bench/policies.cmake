# policy_eval_bench: the trend screen and a full policy evaluation (issue #6).
add_executable(policy_eval_bench ${CMAKE_CURRENT_SOURCE_DIR}/policy_eval_bench.cc)
target_link_libraries(policy_eval_bench PRIVATE docket::policies benchmark::benchmark_main)
target_compile_definitions(policy_eval_bench PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
