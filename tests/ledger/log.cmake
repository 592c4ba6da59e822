# Tests for ledger/log/: the RocksDB store, the group-commit writer and VerifyLedger.
# RocksDB is linked directly so tests can tamper with the stored bytes.
find_package(RocksDB CONFIG REQUIRED)
docket_test(NAME ledger_writer_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ledger_writer_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
docket_test(NAME verify_ledger_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/verify_ledger_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger docket::ledger_proto RocksDB::rocksdb-shared)
docket_test(NAME entry_proto_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/entry_proto_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger docket::ledger_proto RocksDB::rocksdb-shared)
docket_test(NAME ledger_store_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ledger_store_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
docket_test(NAME tiles_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tiles_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
docket_test(NAME ledger_concurrency_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ledger_concurrency_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)

# Crash safety (issue #3): crash_safety_test spawns ledger_crash_child, which appends
# until it is killed with SIGKILL, and checks the ledger after every kill.
add_executable(ledger_crash_child ${CMAKE_CURRENT_SOURCE_DIR}/crash_child_main.cc)
target_link_libraries(ledger_crash_child PRIVATE docket::ledger RocksDB::rocksdb-shared)
docket_test(NAME crash_safety_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/crash_safety_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
target_compile_definitions(crash_safety_test PRIVATE
                           DOCKET_CRASH_CHILD="$<TARGET_FILE:ledger_crash_child>")
add_dependencies(crash_safety_test ledger_crash_child)
docket_test(NAME key_events_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/key_events_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger docket::ledger_proto RocksDB::rocksdb-shared)
