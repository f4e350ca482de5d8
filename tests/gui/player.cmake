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

# Not a test: opens the player on a cache for screenshots and manual checks
# (tests/gui/player_demo.cpp); never run by CTest.
add_executable(holdfast_player_demo ${CMAKE_CURRENT_LIST_DIR}/player_demo.cpp)
target_link_libraries(holdfast_player_demo PRIVATE Holdfast::Desktop Holdfast::Options)
