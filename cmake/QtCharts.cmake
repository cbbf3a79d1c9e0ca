# Qt Charts as the target motcua::QtCharts. Debian 12's qt6-charts-dev does not pull in
# libqt6opengl6-dev, without which Qt6ChartsConfig.cmake refuses to load (it wants Qt6::OpenGL
# and Qt6::OpenGLWidgets as link dependencies). The chart headers need nothing from QtOpenGL, and
# libQt6Charts.so carries its own runtime dependency on libQt6OpenGL.so.6, so when the package
# does not load we import the library and its headers directly.
if(TARGET motcua::QtCharts)
  return()
endif()
find_package(Qt6 6.4 QUIET COMPONENTS Charts)
if(TARGET Qt6::Charts)
  add_library(motcua::QtCharts INTERFACE IMPORTED GLOBAL)
  target_link_libraries(motcua::QtCharts INTERFACE Qt6::Charts)
  return()
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets)
get_target_property(_motcua_qtcore_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
find_path(MOTCUA_QTCHARTS_INCLUDE_DIR NAMES QtCharts/qchart.h
          HINTS ${_motcua_qtcore_includes} PATH_SUFFIXES .. REQUIRED)
find_library(MOTCUA_QTCHARTS_LIBRARY NAMES Qt6Charts REQUIRED)
add_library(motcua::QtCharts UNKNOWN IMPORTED GLOBAL)
set_target_properties(motcua::QtCharts PROPERTIES
  IMPORTED_LOCATION "${MOTCUA_QTCHARTS_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES
    "${MOTCUA_QTCHARTS_INCLUDE_DIR};${MOTCUA_QTCHARTS_INCLUDE_DIR}/QtCharts"
  INTERFACE_LINK_LIBRARIES "Qt6::Widgets")
message(STATUS "Qt Charts: ${MOTCUA_QTCHARTS_LIBRARY} (imported directly: Qt6ChartsConfig.cmake "
               "did not load, usually for want of libqt6opengl6-dev)")
