# Fuzz targets for the feedback domain's own parsers of outside bytes: releases files,
# and workflow files checked against the real feedback step types.
docket_fuzz_target(
  NAME releases_fuzz
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/releases_fuzz.cc
  DEPS docket::workflows
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/releases)
docket_fuzz_target(
  NAME feedback_workflow_fuzz
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/feedback_workflow_fuzz.cc
  DEPS docket::workflows
  CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/feedback_workflow)
