# Tests for ledger/merkle.cc.
docket_test(NAME merkle_test SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/merkle_test.cc
            DEPS docket::ledger)
