# core/model: the recording package format (manifest.json, transcript.json, WebVTT).
foreach(_model_test IN ITEMS tst_manifest tst_transcript tst_webvtt)
    holdfast_add_test(${_model_test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_model_test}.cpp LABELS unit model)
    # The example package and FORMAT.md are read in place, so the documentation is tested as written.
    target_compile_definitions(${_model_test} PRIVATE
        HOLDFAST_MODEL_TEST_DATA="${CMAKE_CURRENT_LIST_DIR}/data/model"
        HOLDFAST_MODEL_FORMAT_DOC="${PROJECT_SOURCE_DIR}/core/model/FORMAT.md")
endforeach()
