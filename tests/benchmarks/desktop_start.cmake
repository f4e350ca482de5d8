# Desktop cold start and scrolling on a large cache: run by
# bench_desktop_start.sh through `make bench`, not registered with CTest.
add_executable(holdfast-bench-desktop-start ${CMAKE_CURRENT_LIST_DIR}/desktop_start_bench.cpp)
target_link_libraries(holdfast-bench-desktop-start PRIVATE Holdfast::Desktop Qt6::Test Holdfast::Options)
