# Fuzz target for workflows/redact: the PII scanner's span invariants on any bytes.
docket_fuzz_target(NAME pii_scanner_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/pii_scanner_fuzz.cc
                   DEPS docket::workflows_redact
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/pii_scanner)
# Egress guard: whatever it lets through holds no email-shaped text and no Luhn-valid
# digit run (judged independently); the guard never crashes.
docket_fuzz_target(NAME egress_guard_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/egress_guard_fuzz.cc
                   DEPS docket::workflows_redact PkgConfig::RE2
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/egress_guard)
# Redaction policy files: parse or refuse with a message; custom patterns that do not
# compile are errors.
docket_fuzz_target(NAME redaction_policy_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/redaction_policy_fuzz.cc
                   DEPS docket::workflows_redact
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/redaction_policy)
# `docket redact` over arbitrary stdin: exit 0 or 1, well-formed output lines.
docket_fuzz_target(NAME redact_command_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/redact_command_fuzz.cc
                   DEPS docket::adapter_cli Boost::json
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/redact_command)
# `docket ledger detokenize`'s records: refused naming the line, or one output line per
# record with every placeholder resolved or left in place verbatim.
docket_fuzz_target(NAME ledger_detokenize_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ledger_detokenize_fuzz.cc
                   DEPS docket::adapter_cli Boost::json
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ledger_detokenize)
