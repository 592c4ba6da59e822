# ingest_bench: CSV and JSON Lines ingest+normalize throughput, next to raw baselines
# (a memchr line split, a bare Boost.JSON parse) over the same generated data.
add_executable(ingest_bench ${CMAKE_CURRENT_SOURCE_DIR}/ingest_bench.cc)
target_link_libraries(ingest_bench PRIVATE docket::workflows_ingest Boost::json
                                           benchmark::benchmark_main)
