# Run with cmake -P: regenerates the near-duplicate evaluation set (near_duplicates.jsonl)
# into OUT_FILE with GENERATOR and fails unless it matches EXPECTED_FILE byte for byte.
foreach(var GENERATOR OUT_FILE EXPECTED_FILE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compare_near_duplicates.cmake: -D${var}=... is required")
  endif()
endforeach()

get_filename_component(out_dir "${OUT_FILE}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
file(REMOVE "${OUT_FILE}")
get_filename_component(generator_name "${GENERATOR}" NAME)
get_filename_component(expected_name "${EXPECTED_FILE}" NAME)
execute_process(COMMAND "${GENERATOR}" "${OUT_FILE}" RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${generator_name} failed (${rc}): ${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED_FILE}" "${OUT_FILE}"
                RESULT_VARIABLE differs)
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "regenerated ${OUT_FILE} does not match checked-in ${EXPECTED_FILE}; "
                      "regenerate with ${generator_name} tests/golden/near_duplicates/${expected_name} "
                      "and review the diff")
endif()
message(STATUS "${expected_name} reproduced byte for byte")
