# trend_detection_bench: TrendScreen recall and false-block rate on a seeded release
# generator, beside the fixed rule "more than 5 events in 48 h", and the time of one
# 200-area screen (the gate issue). Figures: docs/statistics.md.
add_executable(trend_detection_bench ${CMAKE_CURRENT_SOURCE_DIR}/trend_detection_bench.cc)
target_link_libraries(trend_detection_bench PRIVATE docket::policy_stats benchmark::benchmark_main)
