# holdfast_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>]
#                   [TIMEOUT <seconds>] [FIXTURES <fixtures...>])
# One QtTest executable registered with CTest. Tests run headless (offscreen QPA)
# and play sound into a discarding sink (tst_player_audio brings its own PulseAudio).
function(holdfast_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;FIXTURES" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test Holdfast::TestSupport ${ARG_LIBS} Holdfast::Options)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOLDFAST_CLI=$<TARGET_FILE:holdfast-cli>;HOLDFAST_SOURCE_DIR=${PROJECT_SOURCE_DIR};HOLDFAST_TEST_DEMO_VAULT=${HOLDFAST_TEST_DEMO_VAULT};HOLDFAST_TEST_SYNC_TEST_VAULT=${HOLDFAST_TEST_SYNC_TEST_VAULT};ASAN_OPTIONS=detect_leaks=0;HOLDFAST_AUDIO_SINK=fakesink sync=true")
    if(ARG_FIXTURES)
        set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
    endif()
endfunction()
