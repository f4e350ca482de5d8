holdfast_add_test(tst_sync SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sync.cpp LABELS integration TIMEOUT 900
    FIXTURES demo_vault)
