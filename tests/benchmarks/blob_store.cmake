# Encrypted blob store throughput tool, driven by bench_blob_store.sh (`make bench`).
# Deliberately not a CTest test: it measures, it does not check.
add_executable(bench_blob_store ${CMAKE_CURRENT_LIST_DIR}/bench_blob_store.cpp)
target_link_libraries(bench_blob_store PRIVATE Holdfast::Core Holdfast::Options)
