#include "util/LibraryVersions.h"

#include <gst/gst.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

namespace holdfast {

namespace {

QString sqlcipherVersion()
{
    sqlite3* db = nullptr;
    QString version;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            version = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version;
}

} // namespace

LibraryVersions libraryVersions()
{
    LibraryVersions versions;
    versions.qt = QString::fromLatin1(qVersion());
    guint major = 0, minor = 0, micro = 0, nano = 0;
    gst_version(&major, &minor, &micro, &nano);
    versions.gstreamer = QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(micro);
    versions.sqlcipher = sqlcipherVersion();
    versions.sqlite = QString::fromLatin1(sqlite3_libversion());
    versions.openssl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    return versions;
}

} // namespace holdfast
