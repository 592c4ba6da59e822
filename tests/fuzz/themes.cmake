# Fuzz targets for workflows/themes and `docket themes`.
# Severity models, lexicons and earlier theme tables: parse or refuse with a message.
docket_fuzz_target(NAME themes_files_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/themes_files_fuzz.cc
                   DEPS docket::workflows
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/themes_files)
# `docket themes` over arbitrary stdin: exit 0 or 1, JSON lines, the table last.
docket_fuzz_target(NAME themes_command_fuzz
                   SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/themes_command_fuzz.cc
                   DEPS docket::adapter_cli Boost::json
                   CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/corpus/themes_command)
