# desktop: a new user's first session through the real window, offscreen:
# create, lock, wrong then right passphrase, add and sync the demo vault,
# search, open the hit in the player at the matched segment.
holdfast_add_test(tst_end_to_end
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_end_to_end.cpp
    LIBS Holdfast::Desktop
    LABELS gui
    FIXTURES demo_vault)
