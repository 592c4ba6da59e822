# Small helpers so each module's CMakeLists.txt states only what is particular to it.

# Compiler flags shared by every target: warnings, sanitizers, fuzzing.
function(docket_setup_toolchain_flags)
  add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                      -Wimplicit-fallthrough
                      # Designated initializers that rely on member defaults are idiomatic.
                      -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 false positive on "literal" + std::string at -O2 (GCC bug 105329).
    add_compile_options(-Wno-restrict)
  endif()
  if(DOCKET_WERROR)
    add_compile_options(-Werror)
  endif()
  if(DOCKET_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
  endif()
  if(DOCKET_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
  endif()
  if(DOCKET_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined)
    add_link_options(-fsanitize=address,undefined)
  endif()
endfunction()

# Engine build id: version, commit and toolchain. Recorded in every run manifest so a
# replay can tell whether it runs the same build.
function(docket_build_id out_var)
  execute_process(COMMAND git rev-parse --short=12 HEAD
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR commit STREQUAL "")
    set(commit "nogit")
  endif()
  set(${out_var}
      "docket-${PROJECT_VERSION}+${commit}.${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}.${CMAKE_BUILD_TYPE}"
      PARENT_SCOPE)
endfunction()

# docket_module_library(NAME target SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One static library per module, include root = repository root, aliased docket::<name>.
function(docket_module_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(docket_${ARG_NAME} STATIC ${ARG_SOURCES})
  add_library(docket::${ARG_NAME} ALIAS docket_${ARG_NAME})
  target_include_directories(docket_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}
                                                       ${PROJECT_BINARY_DIR})
  target_link_libraries(docket_${ARG_NAME} PUBLIC ${ARG_PUBLIC_DEPS}
                                           PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# docket_proto_library(NAME target PROTOS a.proto ... [DEPS other_proto_targets])
# Runs protoc from the repository root so generated headers keep repo-rooted paths
# (#include "engine/proto/run.pb.h") and imports resolve across modules.
function(docket_proto_library)
  cmake_parse_arguments(ARG "" "NAME" "PROTOS;DEPS" ${ARGN})
  set(srcs)
  foreach(proto ${ARG_PROTOS})
    get_filename_component(abs ${proto} ABSOLUTE)
    file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${abs})
    string(REGEX REPLACE "\\.proto$" "" stem ${rel})
    set(cc ${PROJECT_BINARY_DIR}/${stem}.pb.cc)
    set(h ${PROJECT_BINARY_DIR}/${stem}.pb.h)
    add_custom_command(
      OUTPUT ${cc} ${h}
      COMMAND protobuf::protoc --cpp_out=${PROJECT_BINARY_DIR} -I ${PROJECT_SOURCE_DIR} ${rel}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      DEPENDS ${abs} protobuf::protoc
      COMMENT "protoc ${rel}")
    list(APPEND srcs ${cc})
  endforeach()
  add_library(docket_${ARG_NAME} STATIC ${srcs})
  add_library(docket::${ARG_NAME} ALIAS docket_${ARG_NAME})
  target_include_directories(docket_${ARG_NAME} PUBLIC ${PROJECT_BINARY_DIR})
  target_link_libraries(docket_${ARG_NAME} PUBLIC protobuf::libprotobuf ${ARG_DEPS})
  # Generated code is not ours to lint.
  target_compile_options(docket_${ARG_NAME} PRIVATE -w)
endfunction()

# docket_test(NAME name SOURCES ... DEPS ...): one gtest binary registered with ctest.
function(docket_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock
                                            GTest::gtest_main)
  target_compile_definitions(${ARG_NAME} PRIVATE
                             DOCKET_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  include(GoogleTest)
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "DOCKET_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# docket_fuzz_target(NAME name SOURCES ... DEPS ... CORPUS dir)
# Under the fuzz preset: a libFuzzer binary. Always: a ctest that replays every file of
# the checked-in corpus through the same entry point.
function(docket_fuzz_target)
  cmake_parse_arguments(ARG "" "NAME;CORPUS" "SOURCES;DEPS" ${ARGN})
  add_executable(${ARG_NAME}_corpus_test ${ARG_SOURCES}
                 ${PROJECT_SOURCE_DIR}/tests/fuzz/corpus_runner_main.cc)
  target_link_libraries(${ARG_NAME}_corpus_test PRIVATE ${ARG_DEPS})
  add_test(NAME ${ARG_NAME}_corpus COMMAND ${ARG_NAME}_corpus_test ${ARG_CORPUS})
  if(DOCKET_FUZZ)
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS})
    target_link_options(${ARG_NAME} PRIVATE -fsanitize=fuzzer)
  endif()
endfunction()
