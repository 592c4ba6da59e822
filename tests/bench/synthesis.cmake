# synthesis_bench: the synthesize step's template fallback over 20 and 200 groups (issue #7).
add_executable(synthesis_bench ${CMAKE_CURRENT_SOURCE_DIR}/synthesis_bench.cc)
target_link_libraries(synthesis_bench PRIVATE docket::workflows_synthesize docket::workflows
                                              benchmark::benchmark_main)
target_compile_definitions(synthesis_bench PRIVATE DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
