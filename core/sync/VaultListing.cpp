#include "sync/VaultListing.h"

#include "model/Manifest.h"

#include <QUuid>

namespace holdfast::sync {

namespace {

constexpr int kListPageSize = 5000; // Azure's maximum
constexpr qint64 kMaxMonthPrefixes = 120;

bool isDigits(QStringView text, int length)
{
    if (text.size() != length)
        return false;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// The list prefixes that cover the scope: whole months when both ends are
// set and the range is not huge, else everything under recordings/.
QStringList recordingPrefixes(const SyncScope& scope)
{
    const QString root = QLatin1String(model::kVaultRecordingsDirectory) + QLatin1Char('/');
    if (!scope.from.isValid() || !scope.to.isValid() || scope.from > scope.to)
        return {root};
    QStringList prefixes;
    QDate month(scope.from.year(), scope.from.month(), 1);
    const QDate last(scope.to.year(), scope.to.month(), 1);
    while (month <= last) {
        if (prefixes.size() >= kMaxMonthPrefixes)
            return {root};
        prefixes << root + QStringLiteral("%1/%2/")
                               .arg(month.year(), 4, 10, QLatin1Char('0'))
                               .arg(month.month(), 2, 10, QLatin1Char('0'));
        month = month.addMonths(1);
    }
    return prefixes;
}

} // namespace

bool splitPackageBlobName(const QString& name, QString* directory, QString* relativePath, QDate* day,
                          QString* recordingId)
{
    // recordings / YYYY / MM / DD / <id> / rest...
    const QList<QStringView> parts = QStringView(name).split(QLatin1Char('/'));
    if (parts.size() < 6 || parts.at(0) != QLatin1String(model::kVaultRecordingsDirectory) ||
        !isDigits(parts.at(1), 4) || !isDigits(parts.at(2), 2) || !isDigits(parts.at(3), 2))
        return false;
    const QDate date(parts.at(1).toInt(), parts.at(2).toInt(), parts.at(3).toInt());
    const QUuid id = QUuid::fromString(parts.at(4));
    if (!date.isValid() || id.isNull() || id.toString(QUuid::WithoutBraces) != parts.at(4))
        return false;
    const qsizetype directoryLength = parts.at(0).size() + parts.at(1).size() + parts.at(2).size() +
                                      parts.at(3).size() + parts.at(4).size() + 4;
    if (directory)
        *directory = name.left(directoryLength);
    if (relativePath)
        *relativePath = name.mid(directoryLength + 1);
    if (day)
        *day = date;
    if (recordingId)
        *recordingId = parts.at(4).toString();
    return true;
}

vault::VaultResult<VaultListing> listVault(vault::Vault& vault, const SyncScope& scope,
                                           const std::function<void(qint64 listed)>& progress,
                                           const std::atomic_bool* cancel)
{
    VaultListing listing;
    const auto listAll = [&](const QString& prefix,
                             const std::function<void(const vault::BlobEntry&)>& take) -> vault::VaultStatus {
        QString marker;
        do {
            auto page = vault.list(prefix, marker, kListPageSize, cancel);
            ++listing.listCalls;
            if (!page)
                return page.error();
            for (const vault::BlobEntry& entry : std::as_const(page->entries))
                take(entry);
            listing.blobsListed += page->entries.size();
            if (progress)
                progress(listing.blobsListed);
            marker = page->nextMarker;
        } while (!marker.isEmpty());
        return {};
    };

    const QString keysPrefix = QLatin1String(model::kVaultKeysDirectory) + QLatin1Char('/');
    if (auto keys = listAll(keysPrefix,
                            [&](const vault::BlobEntry& entry) {
                                const QString file = entry.name.mid(keysPrefix.size());
                                if (file.endsWith(QLatin1String(".pem")) && !file.contains(QLatin1Char('/')))
                                    listing.keys.insert(file.chopped(4), entry);
                            });
        !keys)
        return keys.error();

    // Names arrive sorted, so a package's blobs are consecutive.
    for (const QString& prefix : recordingPrefixes(scope)) {
        const auto listed = listAll(prefix, [&](const vault::BlobEntry& entry) {
            QString directory, relative, id;
            QDate day;
            if (!splitPackageBlobName(entry.name, &directory, &relative, &day, &id) || !scope.contains(day))
                return;
            if (listing.packages.isEmpty() || listing.packages.constLast().directory != directory)
                listing.packages.append(RemotePackage{id, directory, day, {}});
            listing.packages.last().blobs.insert(relative, entry);
        });
        if (!listed)
            return listed.error();
    }
    return listing;
}

} // namespace holdfast::sync
