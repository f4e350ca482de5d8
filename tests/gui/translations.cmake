holdfast_add_test(tst_translations
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp
    LIBS Holdfast::Desktop
    LABELS gui
    FIXTURES demo_vault)
