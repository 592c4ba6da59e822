# replay_bench: point and bulk what-if replay over a 1M-entry ledger (issue #8).
add_executable(replay_bench ${CMAKE_CURRENT_SOURCE_DIR}/replay_bench.cc)
target_link_libraries(replay_bench PRIVATE docket::replay docket::adapter_ledger
                                           benchmark::benchmark_main)
target_compile_definitions(replay_bench PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
