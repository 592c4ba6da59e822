add_executable(executor_bench ${CMAKE_CURRENT_SOURCE_DIR}/executor_bench.cc)
target_link_libraries(executor_bench PRIVATE docket::engine benchmark::benchmark_main)
