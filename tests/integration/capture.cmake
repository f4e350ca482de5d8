holdfast_add_test(tst_package_verifier SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_package_verifier.cpp LABELS integration)
holdfast_add_test(tst_capture_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_capture_cli.cpp LABELS integration)
# The CLI drives holdfast-cli through HOLDFAST_CLI: build it with the test.
add_dependencies(tst_capture_cli holdfast-cli)
