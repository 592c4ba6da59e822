# Durable ledger over RocksDB: store, group-commit writer, offline verifier (issue #3).
find_package(RocksDB CONFIG REQUIRED)
list(APPEND DOCKET_LEDGER_SOURCES
     ${CMAKE_CURRENT_SOURCE_DIR}/key_events.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/log/ledger_index.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/log/ledger_store.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/log/ledger_writer.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/log/tiles.cc
     ${CMAKE_CURRENT_SOURCE_DIR}/log/verify_ledger.cc)
list(APPEND DOCKET_LEDGER_PRIVATE_DEPS RocksDB::rocksdb-shared Threads::Threads)
# Typed ledger entries. The writer stores opaque bytes; the verifier reads key events
# (key_events.h) and bundles read the blobs an entry names.
docket_proto_library(NAME ledger_proto PROTOS ${CMAKE_CURRENT_SOURCE_DIR}/proto/entry.proto)
list(APPEND DOCKET_LEDGER_PRIVATE_DEPS docket::ledger_proto)
