# checkpoint_fuzz: bytes -> signed note / checkpoint / verifier key parsers and OpenNote,
# OpenCheckpoint with a fixed trusted key. The corpus replays as `checkpoint_fuzz_corpus`.
docket_fuzz_target(
  NAME checkpoint_fuzz
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/checkpoint_fuzz.cc
  DEPS docket::ledger
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/checkpoint)

# blob_envelope_fuzz: bytes -> ParseBlobEnvelope (the stored form of an encrypted blob).
# The corpus replays as `blob_envelope_corpus`.
docket_fuzz_target(
  NAME blob_envelope
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/blob_envelope_fuzz.cc
  DEPS docket::ledger
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/blob_envelope)

# bundle_fuzz: bytes -> BundleReader and VerifyBundle with a fixed trusted key (the test
# signer). Valid seeds come from verify_bundle_test (DOCKET_WRITE_BUNDLE_CORPUS=DIR).
# The corpus replays as `bundle_corpus`.
docket_fuzz_target(
  NAME bundle
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/bundle_fuzz.cc
  DEPS docket::ledger
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/bundle)

# inclusion_proof_fuzz: bytes -> VerifyInclusion / VerifyConsistency on arbitrary
# proofs, and honest proofs over small trees. The corpus replays as `inclusion_proof_corpus`.
docket_fuzz_target(
  NAME inclusion_proof
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/inclusion_proof_fuzz.cc
  DEPS docket::ledger
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/inclusion_proof)
