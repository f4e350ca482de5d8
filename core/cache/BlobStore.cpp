#include "cache/BlobStore.h"

#include "cache/BlobFormat.h"
#include "cache/MasterKey.h"

#include <QDir>
#include <QFile>

namespace holdfast::cache {

using namespace blobformat;

BlobStore::BlobStore(QString blobsDirectory, const MasterKey& masterKey)
    : m_directory(std::move(blobsDirectory))
    , m_masterKey(masterKey)
{}

Status BlobStore::ensureDirectory() const
{
    QDir directory(m_directory);
    if (directory.exists())
        return {};
    if (!directory.mkpath(QStringLiteral(".")))
        return makeError(QStringLiteral("%1: cannot create the blob directory").arg(m_directory));
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

QString BlobStore::blobPath(const QString& blobId) const
{
    if (!isValidBlobId(blobId))
        return {};
    return QDir(m_directory).filePath(blobId);
}

bool BlobStore::contains(const QString& blobId) const
{
    const QString path = blobPath(blobId);
    return !path.isEmpty() && QFile::exists(path);
}

QStringList BlobStore::blobIds() const
{
    QStringList ids;
    const QStringList names = QDir(m_directory).entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        if (isValidBlobId(name))
            ids << name;
    }
    return ids;
}

Result<std::unique_ptr<BlobWriter>> BlobStore::createWriter() const
{
    return BlobWriter::create(m_directory, m_masterKey);
}

Result<BlobInfo> BlobStore::importFile(const QString& sourcePath) const
{
    return BlobWriter::importFile(sourcePath, m_directory, m_masterKey);
}

Result<std::unique_ptr<BlobWriter>> BlobStore::resumeWriter(const QString& blobId) const
{
    return BlobWriter::resume(m_directory, m_masterKey, blobId);
}

void BlobStore::removePartial(const QString& blobId) const
{
    if (isValidBlobId(blobId))
        QDir(m_directory).remove(blobId + QLatin1String(kPartialSuffix));
}

Result<std::unique_ptr<BlobReader>> BlobStore::openReader(const QString& blobId, QObject* parent) const
{
    const QString path = blobPath(blobId);
    if (path.isEmpty())
        return makeError(QStringLiteral("\"%1\" is not a blob id").arg(blobId));
    auto reader = std::make_unique<BlobReader>(parent);
    if (Status opened = reader->open(path, m_masterKey); !opened)
        return opened.error();
    return reader;
}

Status BlobStore::remove(const QString& blobId) const
{
    const QString path = blobPath(blobId);
    if (path.isEmpty())
        return makeError(QStringLiteral("\"%1\" is not a blob id").arg(blobId));
    QFile file(path);
    if (!file.remove())
        return makeError(
            QStringLiteral("blob %1: cannot remove %2: %3").arg(blobId, path, file.errorString()));
    return {};
}

int BlobStore::removeInterruptedWrites(const QSet<QString>& keep) const
{
    int removed = 0;
    const QString pattern = QStringLiteral("*") + QLatin1String(kPartialSuffix);
    const QStringList names = QDir(m_directory).entryList({pattern}, QDir::Files);
    for (const QString& name : names) {
        const QString id = name.chopped(int(qstrlen(kPartialSuffix)));
        if (isValidBlobId(id) && !keep.contains(id) && QDir(m_directory).remove(name))
            ++removed;
    }
    return removed;
}

} // namespace holdfast::cache
