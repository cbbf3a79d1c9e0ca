# Use ccache when it is installed: CI rebuilds stay fast across runs on the same machine.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
  set(CMAKE_C_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
add_feature_info(ccache CCACHE_PROGRAM "compiler cache")
