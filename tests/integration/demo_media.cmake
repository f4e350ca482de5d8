# core/capture/demo + core/media: the demo vault is real, reproducible media.
# Reads the shared demo vault (CTest fixture "demo_vault", made by holdfast-cli)
# and the sync test call ("sync_test_vault"), and generates a few calls itself
# for the determinism checks.
holdfast_add_test(tst_demo_media
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_demo_media.cpp
    LIBS PkgConfig::GST
    LABELS integration media
    FIXTURES demo_vault sync_test_vault
    TIMEOUT 600)
add_dependencies(tst_demo_media holdfast-cli)

# core/media/WaveformPeaks on real demo media, from files and from the encrypted cache.
holdfast_add_test(tst_waveform_peaks
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_waveform_peaks.cpp
    LABELS integration media
    FIXTURES demo_vault sync_test_vault)
add_dependencies(tst_waveform_peaks holdfast-cli)
