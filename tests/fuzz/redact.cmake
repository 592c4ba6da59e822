# Fuzz target for workflows/redact: the PII scanner's span invariants on any bytes.
docket_fuzz_target(NAME pii_scanner_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/pii_scanner_fuzz.cc
                   DEPS docket::workflows_redact
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/pii_scanner)
