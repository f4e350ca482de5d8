# Packages this build directory with CPack (it installs what is built, it does
# not build), unpacks the .deb without root and checks what it installs.
add_test(NAME packaging_deb
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/test_packaging_deb.sh
            ${CMAKE_BINARY_DIR} ${PROJECT_VERSION} ${CMAKE_CPACK_COMMAND})
set_tests_properties(packaging_deb PROPERTIES
    LABELS integration
    TIMEOUT 900
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
