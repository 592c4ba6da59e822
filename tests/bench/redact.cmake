# Redaction throughput/latency over the labelled evaluation set, beside a naive
# one-regex-at-a-time baseline (issue #4).
add_executable(redact_bench ${CMAKE_CURRENT_SOURCE_DIR}/redact_bench.cc)
target_link_libraries(redact_bench PRIVATE docket::workflows_redact docket::workflows_ingest docket_pii_eval Boost::json
                                           PkgConfig::RE2 benchmark::benchmark_main)
target_compile_definitions(redact_bench PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
