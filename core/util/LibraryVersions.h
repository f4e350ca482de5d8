#pragma once

#include <QString>

namespace holdfast {

// Versions of the libraries Holdfast runs on, as loaded at run time (for the
// About box and bug reports).
struct LibraryVersions
{
    QString qt;
    QString gstreamer;
    QString sqlcipher; // "4.5.x community"-style text from PRAGMA cipher_version
    QString sqlite;
    QString openssl;
};

LibraryVersions libraryVersions();

} // namespace holdfast
