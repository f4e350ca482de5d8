# Vault builder and uploader for bench_sync.sh (`make bench`). Not a CTest test.
add_executable(bench_sync_vault ${CMAKE_CURRENT_LIST_DIR}/bench_sync_vault.cpp)
target_link_libraries(bench_sync_vault PRIVATE Holdfast::Core Holdfast::Options)
