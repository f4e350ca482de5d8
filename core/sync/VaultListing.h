#pragma once

#include "sync/SyncTypes.h"
#include "vault/Vault.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::sync {

// One recording package as the vault lists it: recordings/YYYY/MM/DD/<id>/...
struct RemotePackage
{
    QString recordingId; // the directory name (a UUID without braces)
    QString directory;   // "recordings/2024/05/01/<id>"
    QDate day;
    QMap<QString, vault::BlobEntry> blobs; // by package-relative path ("media/a1.webm")

    QString blobName(const QString& relativePath) const
    {
        return directory + QLatin1Char('/') + relativePath;
    }
};

struct VaultListing
{
    QMap<QString, vault::BlobEntry> keys; // capture node id -> keys/<node>.pem
    QList<RemotePackage> packages;        // in scope, sorted by directory
    qint64 blobsListed = 0;
    qint64 listCalls = 0;
};

// The package directory ("recordings/2024/05/01/<id>") and package-relative
// path of a blob name; false for names outside that layout.
bool splitPackageBlobName(const QString& name, QString* directory, QString* relativePath, QDate* day,
                          QString* recordingId);

// Lists keys/ and the recordings the scope covers, page by page (5,000
// names a call). A bounded date range lists only its months' prefixes.
// progress gets the number of names listed so far.
vault::VaultResult<VaultListing> listVault(vault::Vault& vault, const SyncScope& scope,
                                           const std::function<void(qint64 listed)>& progress = {},
                                           const std::atomic_bool* cancel = nullptr);

} // namespace holdfast::sync
