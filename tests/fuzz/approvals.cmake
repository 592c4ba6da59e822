# action_entry: stored APPROVAL / OVERRIDE / INVALIDATION entries, actor signatures, the
#   actor's --key file and --expires durations (docket approve, override, decision show).
docket_fuzz_target(NAME action_entry_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/action_entry_fuzz.cc
                   DEPS docket::adapter_ledger
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/action_entry)
