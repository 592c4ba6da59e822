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
