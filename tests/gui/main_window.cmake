holdfast_add_test(tst_main_window
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_main_window.cpp
    LIBS Holdfast::Desktop
    LABELS gui
    FIXTURES demo_vault)
