add_executable(merkle_bench ${CMAKE_CURRENT_SOURCE_DIR}/merkle_bench.cc)
target_link_libraries(merkle_bench PRIVATE docket::ledger benchmark::benchmark_main)
find_package(RocksDB CONFIG REQUIRED)
add_executable(ledger_bench ${CMAKE_CURRENT_SOURCE_DIR}/ledger_bench.cc)
target_link_libraries(ledger_bench PRIVATE docket::ledger RocksDB::rocksdb-shared
                                           benchmark::benchmark_main)
