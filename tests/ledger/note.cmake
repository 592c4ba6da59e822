# Tests for ledger/note*, ledger/ed25519_key and ledger/checkpoint.
docket_test(NAME note_test SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/note_test.cc DEPS docket::ledger)
docket_test(NAME checkpoint_test SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/checkpoint_test.cc
            DEPS docket::ledger)
