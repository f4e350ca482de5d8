# Warning and hardening flags, applied per target through holdfast_options.
option(HOLDFAST_WERROR "Treat compiler warnings as errors" OFF)
option(HOLDFAST_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(holdfast_options INTERFACE)
add_library(Holdfast::Options ALIAS holdfast_options)
target_compile_options(holdfast_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    -fstack-protector-strong
    $<$<BOOL:${HOLDFAST_WERROR}>:-Werror>
    $<$<BOOL:${HOLDFAST_SANITIZE}>:-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined>)
target_compile_definitions(holdfast_options INTERFACE
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
target_link_options(holdfast_options INTERFACE
    -Wl,-z,relro,-z,now
    $<$<BOOL:${HOLDFAST_SANITIZE}>:-fsanitize=address,undefined>)
