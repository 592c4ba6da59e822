# themes_bench: term weights, LSA, clustering and the whole theme pipeline over generated
# short texts (issue #5).
add_executable(themes_bench ${CMAKE_CURRENT_SOURCE_DIR}/themes_bench.cc)
target_link_libraries(themes_bench PRIVATE docket::workflows_themes benchmark::benchmark_main)
