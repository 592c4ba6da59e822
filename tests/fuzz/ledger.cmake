# Fuzz targets for ledger/ parsers of outside bytes; each replays its corpus under ctest
# as `<name>_fuzz_corpus`.
# checkpoint: bytes -> signed note / checkpoint / verifier key parsers and OpenNote,
#   OpenCheckpoint with a fixed trusted key.
# blob_envelope: bytes -> ParseBlobEnvelope (the stored form of an encrypted blob).
# bundle: bytes -> BundleReader and VerifyBundle with a fixed trusted key (the test
#   signer). Valid seeds come from verify_bundle_test (DOCKET_WRITE_BUNDLE_CORPUS=DIR).
# inclusion_proof: bytes -> VerifyInclusion / VerifyConsistency on arbitrary proofs, and
#   honest proofs over small trees.
foreach(name checkpoint blob_envelope bundle inclusion_proof)
  docket_fuzz_target(NAME ${name}_fuzz
                     SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/${name}_fuzz.cc
                     DEPS docket::ledger
                     CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name})
endforeach()
# ledger_stored: the ledger's readers of its own stored bytes (tiles, tile keys, key
#   events), which verification must not trust.
docket_fuzz_target(NAME ledger_stored_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ledger_stored_fuzz.cc
                   DEPS docket::ledger
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/ledger_stored)
