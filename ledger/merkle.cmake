# RFC 9162 Merkle tree: hashes, proofs, verification, incremental accumulator.
list(APPEND DOCKET_LEDGER_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/merkle.cc)
