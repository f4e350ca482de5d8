#include "vault/LocalFolderVault.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

namespace holdfast::vault {

namespace {

// Sub-directories of dir, sorted; hidden entries (".staging", editor
// droppings) are never part of the vault layout.
QStringList subdirectories(const QString& dir)
{
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

LocalFolderVault::LocalFolderVault(QString rootDirectory)
    : m_root(QDir::cleanPath(QDir(rootDirectory).absolutePath()))
{}

QString LocalFolderVault::keysDirectory() const
{
    return m_root + QStringLiteral("/keys");
}

Result<QStringList> LocalFolderVault::packageDirectories() const
{
    const QFileInfo root(m_root);
    if (!root.isDir())
        return makeError(QStringLiteral("%1: vault directory does not exist").arg(m_root));
    if (!root.isReadable() || !root.isExecutable())
        return makeError(QStringLiteral("%1: vault directory is not readable").arg(m_root));
    const QString recordings = m_root + QStringLiteral("/recordings");
    if (!QFileInfo(recordings).isDir())
        return makeError(QStringLiteral("%1: not a vault (no recordings/ directory)").arg(m_root));

    // Every directory at recordings/YYYY/MM/DD/<id>, with or without a
    // manifest, so that the verifier can flag incomplete packages.
    QStringList packages;
    for (const QString& year : subdirectories(recordings)) {
        const QString yearDir = recordings + QLatin1Char('/') + year;
        for (const QString& month : subdirectories(yearDir)) {
            const QString monthDir = yearDir + QLatin1Char('/') + month;
            for (const QString& day : subdirectories(monthDir)) {
                const QString dayDir = monthDir + QLatin1Char('/') + day;
                for (const QString& id : subdirectories(dayDir))
                    packages << dayDir + QLatin1Char('/') + id;
            }
        }
    }
    packages.sort();
    return packages;
}

Result<QString> LocalFolderVault::packageDirectory(const QString& recordingId) const
{
    const QUuid uuid = QUuid::fromString(recordingId);
    if (uuid.isNull())
        return makeError(QStringLiteral("\"%1\" is not a recording id (expected a UUID)").arg(recordingId));
    auto packages = packageDirectories();
    if (!packages)
        return packages.error();
    const QString wanted = uuid.toString(QUuid::WithoutBraces);
    for (const QString& dir : std::as_const(*packages)) {
        if (QFileInfo(dir).fileName() == wanted)
            return dir;
    }
    return makeError(QStringLiteral("recording %1 not found in vault %2").arg(wanted, m_root));
}

} // namespace holdfast::vault
