# desktop/player: the review player on demo calls imported into a real
# encrypted cache (offscreen). The sync test call measures alignment.
holdfast_add_test(tst_player
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_player.cpp
    LIBS Holdfast::Desktop
    LABELS gui media
    FIXTURES demo_vault sync_test_vault
    TIMEOUT 600)
add_dependencies(tst_player holdfast-cli)

# Sound really heard: a private PulseAudio null sink, its monitor recorded.
holdfast_add_test(tst_player_audio
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_player_audio.cpp
    LIBS Holdfast::Desktop PkgConfig::GST
    LABELS gui media audio
    FIXTURES sync_test_vault
    TIMEOUT 300)
# It measures timing (beeps within 300 ms of play, 40 ms of their flashes):
# run alone, so a heavy neighbour (tst_demo_media, or any test under ASan)
# cannot make a correct player late.
set_tests_properties(tst_player_audio PROPERTIES RUN_SERIAL TRUE)

# Not a test: opens the player on a cache for screenshots and manual checks
# (tests/gui/player_demo.cpp); never run by CTest.
add_executable(holdfast_player_demo ${CMAKE_CURRENT_LIST_DIR}/player_demo.cpp)
target_link_libraries(holdfast_player_demo PRIVATE Holdfast::Desktop Holdfast::Options)
