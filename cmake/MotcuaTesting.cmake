# add_unit_test(NAME test_foo SOURCES test_foo.cpp LIBS motcua_domain [LABELS unit] [LAUNCHER cmd...])
# One Qt Test executable per test file; runs offscreen with a private temporary HOME-like state.
function(add_unit_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS;LAUNCHER;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  # Paths reach the test through the environment (tests/testpaths.h), never as compile
  # definitions: absolute paths in a command line make every clone's objects differ for ccache.
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  # Qt6::Test compiles the binary directory into QTEST_MAIN (for QFINDTESTDATA, which we do not use).
  set_target_properties(${T_NAME} PROPERTIES QT_TESTCASE_BUILDDIR ".")
  set(paths "MOTCUA_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  if(TARGET motcuactl)
    list(APPEND paths "MOTCUACTL_PATH=$<TARGET_FILE:motcuactl>")
  endif()
  if(TARGET motcua-server)
    list(APPEND paths "MOTCUA_SERVER_PATH=$<TARGET_FILE:motcua-server>")
  endif()
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
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;TZ=UTC;${paths};${T_ENV}")
endfunction()
