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
            DEPS docket::ledger RocksDB::rocksdb-shared)
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
