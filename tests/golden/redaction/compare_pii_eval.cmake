# Run with cmake -P: regenerates the PII evaluation set into OUT_FILE with GENERATOR and
# fails unless it matches EXPECTED_FILE byte for byte.
foreach(var GENERATOR OUT_FILE EXPECTED_FILE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compare_pii_eval.cmake: -D${var}=... is required")
  endif()
endforeach()

get_filename_component(out_dir "${OUT_FILE}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
file(REMOVE "${OUT_FILE}")
execute_process(COMMAND "${GENERATOR}" "${OUT_FILE}" RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "docket_pii_eval_gen failed (${rc}): ${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED_FILE}" "${OUT_FILE}"
                RESULT_VARIABLE differs)
if(NOT differs EQUAL 0)
  message(FATAL_ERROR "regenerated ${OUT_FILE} does not match checked-in ${EXPECTED_FILE}; "
                      "regenerate with docket_pii_eval_gen tests/golden/redaction/pii_eval.jsonl "
                      "and review the diff")
endif()
message(STATUS "PII evaluation set reproduced byte for byte")
