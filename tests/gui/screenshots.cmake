# The screenshot tour (take_screenshots.sh runs it under Xvfb); not a test.
add_executable(holdfast-screenshot-tour ${CMAKE_CURRENT_LIST_DIR}/screenshot_tour.cpp)
target_link_libraries(holdfast-screenshot-tour PRIVATE Holdfast::Desktop Qt6::Test Holdfast::Options)
