# Qt Charts as the target motcua::QtCharts. Debian 12's qt6-charts-dev does not pull in
# libqt6opengl6-dev, without which Qt6ChartsConfig.cmake refuses to load (it lists Qt6::OpenGL and
# Qt6::OpenGLWidgets as link dependencies); scripts/install-deps installs both.
if(TARGET motcua::QtCharts)
  return()
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS Charts)
add_library(motcua::QtCharts INTERFACE IMPORTED GLOBAL)
target_link_libraries(motcua::QtCharts INTERFACE Qt6::Charts)
