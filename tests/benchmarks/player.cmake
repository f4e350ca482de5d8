# The review player on the sync test call (first frame, seek, drift, CPU)
# against a plain QMediaPlayer and a bare playbin: run by bench_player.sh
# through `make bench`, not registered with CTest.
add_executable(holdfast-bench-player ${CMAKE_CURRENT_LIST_DIR}/player_bench.cpp)
target_link_libraries(holdfast-bench-player PRIVATE Holdfast::Desktop Qt6::Multimedia Qt6::Test PkgConfig::GST
                                                    Holdfast::Options)
