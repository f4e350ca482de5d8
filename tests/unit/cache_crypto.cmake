# core/cache keys and blob store, core/crypto KDF/HKDF/AES-GCM.
holdfast_add_test(tst_key_file SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_key_file.cpp LABELS unit)
holdfast_add_test(tst_blob_store SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_blob_store.cpp LABELS unit)
