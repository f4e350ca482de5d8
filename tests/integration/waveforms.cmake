# Workspace::waveformPeaks / callWaveformPeaks: computed once from the
# encrypted media, kept in the encrypted database, nothing written read-only.
holdfast_add_test(tst_workspace_waveforms
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_workspace_waveforms.cpp
    LABELS integration media cache
    FIXTURES sync_test_vault)
add_dependencies(tst_workspace_waveforms holdfast-cli)
