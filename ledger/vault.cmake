# Blob vault: content-addressed payloads beside the tree, encrypted per data subject so
# that erasure destroys a key and leaves every proof valid (issue #3). Needs log.cmake.
list(APPEND DOCKET_LEDGER_SOURCES
     ${CMAKE_CURRENT_SOURCE_DIR}/vault/blob_vault.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/vault/subject_keyring.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/vault/internal/aes_gcm.cc)
