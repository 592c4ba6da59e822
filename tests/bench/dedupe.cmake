# Near-duplicate detection speed (MinHash + LSH, grouping of 100k texts) beside a naive
# exact pairwise Jaccard baseline (issue #5).
add_executable(dedupe_bench ${CMAKE_CURRENT_SOURCE_DIR}/dedupe_bench.cc)
target_link_libraries(dedupe_bench PRIVATE docket::workflows_themes docket_near_dup_set
                                           benchmark::benchmark_main)
target_compile_definitions(dedupe_bench PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
