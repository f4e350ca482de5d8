# cmake -DLUPDATE=<lupdate> -DSOURCES_LIST=<file> -DTS_DIR=<dir> -DWORK_DIR=<dir> -P CheckTranslations.cmake
# Runs lupdate on copies of the .ts files and fails when that changes them,
# i.e. when the code has strings the .ts files do not have yet (or no longer).
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(GLOB ts_files "${TS_DIR}/holdfast_*.ts")
set(copies "")
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    file(COPY_FILE "${ts}" "${WORK_DIR}/${name}")
    list(APPEND copies "${WORK_DIR}/${name}")
endforeach()

execute_process(
    COMMAND "${LUPDATE}" -silent -no-obsolete -locations none "@${SOURCES_LIST}" -ts ${copies}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result})")
endif()

set(stale "")
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    file(READ "${ts}" before)
    file(READ "${WORK_DIR}/${name}" after)
    if(NOT before STREQUAL after)
        string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${after}")
        list(LENGTH unfinished count)
        list(APPEND stale "${name} (${count} untranslated after update)")
    endif()
endforeach()
if(stale)
    list(JOIN stale ", " stale)
    message(FATAL_ERROR "Translations are not current: ${stale}. Run "
        "`cmake --build <build> --target update_translations`, translate the "
        "entries marked unfinished and see translations/README.md.")
endif()
message(STATUS "Translations are current")
