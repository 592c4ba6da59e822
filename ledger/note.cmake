# C2SP signed notes and tlog checkpoints over Ed25519 (OpenSSL 3).
list(APPEND DOCKET_LEDGER_SOURCES
     ${CMAKE_CURRENT_SOURCE_DIR}/ed25519_key.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/internal/note_text.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/internal/openssl_error.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/note_key.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/note.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/checkpoint.cc)
