# Fuzz targets for workflows/signals: every parser of release-signal files, each checking
# that it either returns a result whose canonical JSON is stable or an InvalidArgument
# error that names the file.
foreach(name junit feature_flags telemetry)
  docket_fuzz_target(NAME ${name}_signal_fuzz
                     SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/${name}_signal_fuzz.cc
                     DEPS docket::workflows_signals
                     CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/${name}_signal)
endforeach()
