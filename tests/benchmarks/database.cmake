# Cache database benchmark (encrypted vs keyless SQLCipher): run by
# bench_database.sh through `make bench`, not registered with CTest.
add_executable(holdfast-bench-database ${CMAKE_CURRENT_LIST_DIR}/database_bench.cpp)
target_link_libraries(holdfast-bench-database PRIVATE Holdfast::Core Holdfast::Options)
