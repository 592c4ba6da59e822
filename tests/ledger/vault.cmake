# Tests for ledger/vault/: AES-GCM helpers, the subject keyring and the blob vault.
# RocksDB is linked directly so tests can tamper with the stored bytes (TempLedger).
find_package(RocksDB CONFIG REQUIRED)
docket_test(NAME aes_gcm_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/vault/aes_gcm_test.cc
            DEPS docket::ledger)
docket_test(NAME subject_keyring_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/vault/subject_keyring_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
docket_test(NAME blob_vault_test
            SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/vault/blob_vault_test.cc
                    ${CMAKE_CURRENT_SOURCE_DIR}/log_test_env.cc
            DEPS docket::ledger RocksDB::rocksdb-shared)
