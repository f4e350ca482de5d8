#include "vault/FolderVault.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QUrl>
#include <QUuid>
#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace holdfast::vault {

namespace {

const QLatin1String kTempPrefix(".holdfast-tmp-");
constexpr qint64 kCopyChunk_bytes = 1024 * 1024;

bool isTempComponent(const QString& name)
{
    const QStringList parts = name.split(QLatin1Char('/'));
    return std::any_of(parts.begin(), parts.end(),
                       [](const QString& p) { return p.startsWith(kTempPrefix); });
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

FolderVault::FolderVault(QString rootDirectory)
    : m_root(QDir::cleanPath(QDir(rootDirectory).absolutePath()))
{}

QString FolderVault::describe() const
{
    return QUrl::fromLocalFile(m_root).toString();
}

QString FolderVault::pathOf(const QString& name) const
{
    return m_root + QLatin1Char('/') + name;
}

VaultStatus FolderVault::checkRoot() const
{
    if (!QFileInfo(m_root).isDir())
        return makeVaultError(ErrorKind::ContainerNotFound,
                              QStringLiteral("vault directory '%1' does not exist").arg(m_root));
    return {};
}

VaultResult<BlobEntry> FolderVault::entryFor(const QString& name) const
{
    const QString path = pathOf(name);
    BlobEntry entry;
    entry.name = name;
#ifdef Q_OS_UNIX
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode)) {
        if (auto root = checkRoot(); !root)
            return root.error();
        return makeVaultError(
            ErrorKind::NotFound,
            QStringLiteral("blob '%1' not found in vault directory '%2'").arg(name, m_root));
    }
    const qint64 mtime_ns = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    entry.bytes = info.st_size;
    entry.etag = QStringLiteral("\"%1-%2-%3\"")
                     .arg(quint64(info.st_ino), 0, 16)
                     .arg(quint64(info.st_size), 0, 16)
                     .arg(quint64(mtime_ns), 0, 16);
    entry.lastModified = QDateTime::fromMSecsSinceEpoch(mtime_ns / 1000000, Qt::UTC);
#else
    const QFileInfo info(path);
    if (!info.isFile()) {
        if (auto root = checkRoot(); !root)
            return root.error();
        return makeVaultError(
            ErrorKind::NotFound,
            QStringLiteral("blob '%1' not found in vault directory '%2'").arg(name, m_root));
    }
    entry.bytes = info.size();
    entry.lastModified = info.lastModified().toUTC();
    entry.etag = QStringLiteral("\"%1-%2\"")
                     .arg(info.size(), 0, 16)
                     .arg(entry.lastModified.toMSecsSinceEpoch(), 0, 16);
#endif
    return entry;
}

VaultStatus FolderVault::doCreateIfMissing(const std::atomic_bool* cancel)
{
    if (isCancelled(cancel))
        return makeVaultError(ErrorKind::Cancelled, QStringLiteral("creating %1 was cancelled").arg(m_root));
    if (!QDir().mkpath(m_root))
        return makeVaultError(ErrorKind::Io,
                              QStringLiteral("cannot create the vault directory %1").arg(m_root));
    return {};
}

VaultResult<ListPage> FolderVault::doList(const QString& prefix, const QString& marker, int maxResults,
                                          const std::atomic_bool* cancel)
{
    if (auto root = checkRoot(); !root)
        return root.error();
    maxResults = std::clamp(maxResults, 1, 5000);
    // Walk only the deepest directory the prefix names.
    const int slash = prefix.lastIndexOf(QLatin1Char('/'));
    const QString startDir = slash < 0 ? m_root : pathOf(prefix.left(slash));
    QList<QByteArray> names; // UTF-8, so the order is Azure's (byte order)
    if (QFileInfo(startDir).isDir()) {
        QDirIterator it(startDir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        int visited = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if ((++visited % 1024) == 0 && isCancelled(cancel))
                return makeVaultError(ErrorKind::Cancelled,
                                      QStringLiteral("listing '%1' was cancelled").arg(m_root));
            const QString name = path.mid(m_root.size() + 1);
            if (!name.startsWith(prefix) || isTempComponent(name) || !QFileInfo(path).isFile())
                continue;
            names.append(name.toUtf8());
        }
    }
    std::sort(names.begin(), names.end());
    const QByteArray after = marker.toUtf8();
    auto begin = marker.isEmpty() ? names.cbegin() : std::upper_bound(names.cbegin(), names.cend(), after);

    ListPage page;
    for (auto it = begin; it != names.cend(); ++it) {
        if (page.entries.size() == maxResults) {
            page.nextMarker = page.entries.last().name;
            break;
        }
        auto entry = entryFor(QString::fromUtf8(*it));
        if (!entry) {
            if (entry.kind() == ErrorKind::NotFound)
                continue; // removed while we listed
            return entry.error();
        }
        page.entries.append(std::move(entry).value());
    }
    return page;
}

VaultResult<BlobEntry> FolderVault::doStat(const QString& name, const std::atomic_bool*)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    return entryFor(name);
}

VaultResult<qint64> FolderVault::doReadTo(const QString& name, QIODevice* out, qint64 offset_bytes,
                                          qint64 length_bytes, const ProgressCallback& progress,
                                          const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    if (out == nullptr || !out->isWritable())
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("reading blob '%1': the output is not open for writing").arg(name));
    if (offset_bytes < 0 || length_bytes < -1)
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("reading blob '%1': invalid range %2+%3")
                                  .arg(name)
                                  .arg(offset_bytes)
                                  .arg(length_bytes));
    auto entry = entryFor(name);
    if (!entry)
        return entry.error();
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly))
        return makeVaultError(
            ErrorKind::Io,
            QStringLiteral("cannot open blob '%1' in '%2': %3").arg(name, m_root, file.errorString()));
    const qint64 size = file.size();
    if (length_bytes == 0 || (size == 0 && offset_bytes == 0))
        return qint64(0);
    if (offset_bytes >= size)
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("reading blob '%1': offset %2 is beyond its end (%3 bytes)")
                                  .arg(name)
                                  .arg(offset_bytes)
                                  .arg(size));
    const qint64 total = length_bytes < 0 ? size - offset_bytes : std::min(length_bytes, size - offset_bytes);
    if (!file.seek(offset_bytes))
        return makeVaultError(ErrorKind::Io,
                              QStringLiteral("cannot seek in blob '%1': %2").arg(name, file.errorString()));
    qint64 done = 0;
    QByteArray chunk;
    while (done < total) {
        if (isCancelled(cancel))
            return makeVaultError(ErrorKind::Cancelled,
                                  QStringLiteral("reading blob '%1' was cancelled").arg(name));
        chunk = file.read(std::min(kCopyChunk_bytes, total - done));
        if (chunk.isEmpty())
            return makeVaultError(
                ErrorKind::Io,
                QStringLiteral("blob '%1' ended early after %2 of %3 bytes").arg(name).arg(done).arg(total));
        if (out->write(chunk) != chunk.size())
            return makeVaultError(
                ErrorKind::Io,
                QStringLiteral("reading blob '%1': cannot write: %2").arg(name, out->errorString()));
        done += chunk.size();
        if (progress)
            progress(done, total);
    }
    return done;
}

VaultResult<QString> FolderVault::doPut(const QString& name, QIODevice* data, qint64 bytes,
                                        const Condition& condition, const PutOptions& options,
                                        const ProgressCallback& progress, const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    if (isTempComponent(name))
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("invalid blob name '%1': '%2' is reserved").arg(name, kTempPrefix));
    if (!options.metadata.isEmpty())
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("writing blob '%1': a folder vault does not store metadata").arg(name));
    if (condition.kind == Condition::Kind::IfMatch && condition.etag.isEmpty())
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("write to '%1': If-Match needs an ETag").arg(name));
    if (data == nullptr || !data->isReadable() || bytes < 0)
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("writing blob '%1': no readable data").arg(name));
    if (auto root = checkRoot(); !root)
        return root.error();

    const QString target = pathOf(name);
    const QString directory = QFileInfo(target).path();
    if (!QDir().mkpath(directory))
        return makeVaultError(ErrorKind::Io, QStringLiteral("cannot create directory '%1'").arg(directory));
    const QString temp =
        directory + QLatin1Char('/') + kTempPrefix + QUuid::createUuid().toString(QUuid::Id128);

    QFile file(temp);
    const auto failWith = [&](ErrorKind kind, const QString& message) {
        file.close();
        QFile::remove(temp);
        return makeVaultError(kind, message);
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return failWith(ErrorKind::Io,
                        QStringLiteral("cannot create '%1': %2").arg(temp, file.errorString()));
    qint64 done = 0;
    QByteArray chunk;
    while (done < bytes) {
        if (isCancelled(cancel))
            return failWith(ErrorKind::Cancelled,
                            QStringLiteral("writing blob '%1' was cancelled").arg(name));
        if (data->bytesAvailable() <= 0 && data->isSequential())
            data->waitForReadyRead(30000);
        chunk = data->read(std::min(kCopyChunk_bytes, bytes - done));
        if (chunk.isEmpty())
            return failWith(ErrorKind::Io,
                            QStringLiteral("writing blob '%1': the data ends after %2 of %3 bytes")
                                .arg(name)
                                .arg(done)
                                .arg(bytes));
        if (file.write(chunk) != chunk.size())
            return failWith(ErrorKind::Io,
                            QStringLiteral("cannot write '%1': %2").arg(target, file.errorString()));
        done += chunk.size();
        if (progress)
            progress(done, bytes);
    }
    if (!file.flush())
        return failWith(ErrorKind::Io,
                        QStringLiteral("cannot write '%1': %2").arg(target, file.errorString()));
#ifdef Q_OS_UNIX
    ::fsync(file.handle()); // the rename below must not publish a file whose bytes are still in flight
#endif
    file.close();

    QMutexLocker lock(&m_writeMutex);
    const QByteArray tempPath = QFile::encodeName(temp);
    const QByteArray targetPath = QFile::encodeName(target);
    switch (condition.kind) {
    case Condition::Kind::IfNoneMatchAny: {
#ifdef Q_OS_UNIX
        if (::link(tempPath.constData(), targetPath.constData()) != 0) {
            if (errno == EEXIST)
                return failWith(
                    ErrorKind::PreconditionFailed,
                    QStringLiteral("writing blob '%1': the condition did not hold (it already exists "
                                   "in '%2')")
                        .arg(name, m_root));
            if (errno != EPERM && errno != ENOTSUP && errno != EXDEV)
                return failWith(ErrorKind::Io,
                                QStringLiteral("cannot create '%1': %2").arg(target, errnoText()));
            // No hard links on this file system: check-then-rename under the lock.
            if (QFileInfo::exists(target))
                return failWith(
                    ErrorKind::PreconditionFailed,
                    QStringLiteral("writing blob '%1': the condition did not hold (it already exists "
                                   "in '%2')")
                        .arg(name, m_root));
            if (::rename(tempPath.constData(), targetPath.constData()) != 0)
                return failWith(ErrorKind::Io,
                                QStringLiteral("cannot create '%1': %2").arg(target, errnoText()));
        }
        QFile::remove(temp);
#else
        if (QFileInfo::exists(target))
            return failWith(ErrorKind::PreconditionFailed,
                            QStringLiteral("writing blob '%1': it already exists in '%2'").arg(name, m_root));
        if (!QFile::rename(temp, target))
            return failWith(ErrorKind::Io, QStringLiteral("cannot create '%1'").arg(target));
#endif
        break;
    }
    case Condition::Kind::IfMatch: {
        auto current = entryFor(name);
        if (!current || current->etag != condition.etag)
            return failWith(ErrorKind::PreconditionFailed,
                            QStringLiteral("writing blob '%1': the condition did not hold (it %2 in '%3')")
                                .arg(name,
                                     current ? QStringLiteral("was changed by someone else")
                                             : QStringLiteral("does not exist"),
                                     m_root));
        [[fallthrough]];
    }
    case Condition::Kind::None:
        if (::rename(tempPath.constData(), targetPath.constData()) != 0)
            return failWith(ErrorKind::Io,
                            QStringLiteral("cannot replace '%1': %2").arg(target, errnoText()));
        break;
    }
    auto written = entryFor(name);
    if (!written)
        return written.error();
    return written->etag;
}

VaultResult<QString> FolderVault::doSetMetadata(const QString& name, const Metadata&, const Condition&,
                                                const std::atomic_bool*)
{
    return makeVaultError(
        ErrorKind::InvalidArgument,
        QStringLiteral("setting metadata of blob '%1': a folder vault does not store metadata").arg(name));
}

} // namespace holdfast::vault
