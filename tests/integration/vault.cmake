holdfast_add_test(tst_folder_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_folder_vault.cpp LABELS integration TIMEOUT 600)
holdfast_add_test(tst_azure_blob_vault SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_azure_blob_vault.cpp LABELS integration TIMEOUT 600)
