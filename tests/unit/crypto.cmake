holdfast_add_test(tst_crypto SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_crypto.cpp LABELS unit)
