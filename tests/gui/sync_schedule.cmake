# desktop/sync: vault accounts syncing by themselves on a schedule, from the
# demo vault into a real encrypted cache (offscreen).
holdfast_add_test(tst_sync_schedule
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sync_schedule.cpp
    LIBS Holdfast::Desktop
    LABELS gui
    FIXTURES demo_vault)
