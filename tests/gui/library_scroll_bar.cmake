# desktop/library: the list's scroll bar paints as a plain QScrollBar does,
# without handing fills to Qt's thread pool while it scrolls (offscreen).
holdfast_add_test(tst_library_scroll_bar
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_library_scroll_bar.cpp
    LIBS Holdfast::Desktop
    LABELS gui)
