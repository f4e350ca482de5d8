# core/media: the GStreamer probe. The test writes its own media with small pipelines.
holdfast_add_test(tst_media_probe
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_media_probe.cpp
    LIBS PkgConfig::GST
    LABELS unit media)
