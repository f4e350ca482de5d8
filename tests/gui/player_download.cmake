# desktop/player: media the on-demand policy has not fetched yet, downloaded
# from the player's Download button, then played (offscreen); from a folder
# vault, and from Azurite behind a proxy that stalls the download midway.
holdfast_add_test(tst_player_download
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_player_download.cpp
    LIBS Holdfast::Desktop
    LABELS gui media
    FIXTURES sync_test_vault)
