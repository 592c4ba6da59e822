# Evidence bundles: a self-contained export of the whole log or of chosen entries, with
# checkpoints, proofs and blobs, verifiable with nothing but a public key (issue #3).
# Needs log.cmake (ledger_proto, the store) and vault.cmake (blob envelopes).
docket_proto_library(NAME ledger_bundle_proto
                     PROTOS ${CMAKE_CURRENT_SOURCE_DIR}/proto/bundle.proto)
list(APPEND DOCKET_LEDGER_SOURCES
     ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_reader.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_records.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/bundle/bundle_writer.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/bundle/internal/entry_blobs.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/bundle/verify_bundle.cc)
# The bundle code parses LedgerEntry (the blobs an entry names) and the bundle records.
list(APPEND DOCKET_LEDGER_PRIVATE_DEPS docket::ledger_bundle_proto docket::ledger_proto)
