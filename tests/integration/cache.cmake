# core/workspace + the cache commands of holdfast-cli: the guarantees of the
# encrypted cache, proven on the shared demo vault (CTest fixture "demo_vault").
# Every test sets HOLDFAST_TEST_FAST_KDF=1 (also in the CLI's environment):
# test-only cheap Argon2id parameters, never for a real cache.
holdfast_add_test(tst_workspace
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_workspace.cpp
    LABELS integration cache
    FIXTURES demo_vault)
holdfast_add_test(tst_cache_at_rest
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cache_at_rest.cpp
    LABELS integration cache
    FIXTURES demo_vault)
holdfast_add_test(tst_import_crash
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_import_crash.cpp
    LABELS integration cache
    FIXTURES demo_vault
    TIMEOUT 400)
holdfast_add_test(tst_cache_cli
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cache_cli.cpp
    LABELS integration cache
    FIXTURES demo_vault)
# These drive holdfast-cli through HOLDFAST_CLI: build it with the tests.
foreach(_t tst_workspace tst_cache_at_rest tst_import_crash tst_cache_cli)
    add_dependencies(${_t} holdfast-cli)
endforeach()
holdfast_add_test(tst_encrypted_playback
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_encrypted_playback.cpp
    LIBS Qt6::Multimedia
    LABELS integration cache
    FIXTURES demo_vault)
