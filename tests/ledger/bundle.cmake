# Tests for ledger/bundle/: export, the strict reader and the offline bundle verifier,
# over real ledgers in temp dirs (TempLedger) and hand-built hostile bundles.
find_package(RocksDB CONFIG REQUIRED)
docket_test(NAME bundle_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_test_env.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_writer_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_reader_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/bundle/verify_bundle_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger docket::ledger_proto RocksDB::rocksdb-shared)
