# Run with cmake -P: regenerates the sample dataset into OUT_DIR with GENERATOR and
# fails, naming the file, unless every file matches EXPECTED_DIR byte for byte and
# neither directory has a file the other lacks.
foreach(var GENERATOR OUT_DIR EXPECTED_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compare_sample_data.cmake: -D${var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT_DIR}")
execute_process(COMMAND "${GENERATOR}" "${OUT_DIR}" RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "docket_sample_gen failed (${rc}): ${err}")
endif()

file(GLOB expected RELATIVE "${EXPECTED_DIR}" "${EXPECTED_DIR}/*")
file(GLOB generated RELATIVE "${OUT_DIR}" "${OUT_DIR}/*")
list(SORT expected)
list(SORT generated)
if(NOT expected STREQUAL generated)
  message(FATAL_ERROR "sample data file sets differ: checked in [${expected}], "
                      "generated [${generated}] in ${OUT_DIR}")
endif()
foreach(name ${expected})
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                          "${EXPECTED_DIR}/${name}" "${OUT_DIR}/${name}"
                  RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    message(FATAL_ERROR "${name} differs: regenerated ${OUT_DIR}/${name} does not match "
                        "checked-in ${EXPECTED_DIR}/${name}; regenerate with "
                        "docket_sample_gen workflows/sample/data and review the diff")
  endif()
endforeach()
message(STATUS "sample data reproduced byte for byte: ${expected}")
