# add_unit_test(NAME test_foo SOURCES test_foo.cpp LIBS motcua_domain [LABELS unit] [LAUNCHER cmd...])
# One Qt Test executable per test file; runs offscreen with a private temporary HOME-like state.
function(add_unit_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS;LAUNCHER;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    MOTCUA_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(T_LAUNCHER)
    add_test(NAME ${T_NAME} COMMAND ${T_LAUNCHER} $<TARGET_FILE:${T_NAME}>)
  else()
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT 300
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;TZ=UTC;${T_ENV}")
endfunction()
