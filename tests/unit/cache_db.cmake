# core/cache (SQLCipher database, migrations, search) and core/audit.
holdfast_add_test(tst_database SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_database.cpp LABELS unit cache)
holdfast_add_test(tst_search SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_search.cpp LABELS unit cache)
holdfast_add_test(tst_audit_log SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audit_log.cpp LABELS unit audit)
