# Warnings and hardening for every target of the project (KeePassXC-style).
add_compile_options(-Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wformat=2)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-Wshadow=local)
else()
  add_compile_options(-Wshadow-uncaptured-local)
endif()
if(WITH_WERROR)
  add_compile_options(-Werror)
endif()

# Hardening: fortify, stack protector, full RELRO, PIE, no executable stack.
add_compile_options(-fstack-protector-strong -fno-strict-overflow)
if(NOT WITH_ASAN AND NOT WITH_FUZZ AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  add_compile_definitions(_FORTIFY_SOURCE=2)
endif()
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
add_link_options(-Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)

# Qt: no implicit casts from/to ASCII; strict iterator use.
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
                        QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS
                        QT_NO_KEYWORDS)
