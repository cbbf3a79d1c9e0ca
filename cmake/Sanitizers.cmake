# WITH_ASAN: AddressSanitizer + UndefinedBehaviorSanitizer for every target.
# WITH_FUZZ: libFuzzer (clang only). Everything gets coverage instrumentation so the fuzzer sees into
# the libraries; the fuzz targets link -fsanitize=fuzzer themselves (tests/fuzz). A WITH_FUZZ build
# always has ASan + UBSan too, and its unit tests run instrumented.
if(WITH_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WITH_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(WITH_ASAN OR WITH_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -O1)
  add_link_options(-fsanitize=address,undefined)
endif()
if(WITH_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
