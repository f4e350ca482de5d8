#include "capture/CaptureNodeKeyStore.h"

#include "crypto/SecureMemory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace holdfast::capture {

namespace {

// Resolves symlinks in the longest existing prefix of path, so that a
// directory that does not exist yet can still be compared with the vault.
QString resolvedPath(const QString& path)
{
    QString existing = QDir::cleanPath(QDir(path).absolutePath());
    QStringList missing;
    while (!QFileInfo::exists(existing)) {
        const QFileInfo info(existing);
        if (info.fileName().isEmpty())
            break;
        missing.prepend(info.fileName());
        existing = info.absolutePath();
    }
    QString resolved = QFileInfo(existing).canonicalFilePath();
    if (resolved.isEmpty())
        resolved = existing;
    for (const QString& part : missing)
        resolved += QLatin1Char('/') + part;
    return QDir::cleanPath(resolved);
}

bool isInside(const QString& path, const QString& directory)
{
    return path == directory ||
           path.startsWith(directory.endsWith(QLatin1Char('/')) ? directory : directory + QLatin1Char('/'));
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Writes a new file with mode 0600 from the start (never briefly world-readable),
// flushed to disk.
Status writePrivateFile(const QString& path, const QByteArray& data)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(QStringLiteral("%1: cannot create: %2").arg(path, errnoText()));
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, static_cast<size_t>(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString reason = errnoText();
            ::close(fd);
            ::unlink(native.constData());
            return makeError(QStringLiteral("%1: cannot write: %2").arg(path, reason));
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const QString reason = errnoText();
        ::unlink(native.constData());
        return makeError(QStringLiteral("%1: cannot flush: %2").arg(path, reason));
    }
    return {};
}

} // namespace

CaptureNodeKeyStore::CaptureNodeKeyStore(QString keyDirectory)
    : m_keyDirectory(keyDirectory.isEmpty() ? defaultKeyDirectory() : std::move(keyDirectory))
{}

QString CaptureNodeKeyStore::defaultKeyDirectory()
{
    const QString fromEnv = qEnvironmentVariable("HOLDFAST_CAPTURE_KEY_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString dataHome = qEnvironmentVariable("XDG_DATA_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    if (dataHome.isEmpty() || QDir::isRelativePath(dataHome))
        dataHome = QDir::homePath() + QStringLiteral("/.local/share");
    return dataHome + QStringLiteral("/holdfast/capture-nodes");
}

bool CaptureNodeKeyStore::isValidNodeId(const QString& nodeId)
{
    // No leading '.': keeps ".", ".." and hidden files out, as the manifest parser does.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(nodeId).hasMatch();
}

QString CaptureNodeKeyStore::keyFilePath(const QString& nodeId) const
{
    return QDir(m_keyDirectory).filePath(nodeId + QStringLiteral(".key.pem"));
}

Result<crypto::Ed25519PrivateKey> CaptureNodeKeyStore::loadOrCreate(const QString& nodeId,
                                                                    const QString& vaultDirectory) const
{
    if (!isValidNodeId(nodeId))
        return makeError(QStringLiteral("invalid capture node id \"%1\" (expected 1-64 characters of A-Z a-z "
                                        "0-9 . _ -, not starting with .)")
                             .arg(nodeId));
    if (!vaultDirectory.isEmpty() && isInside(resolvedPath(m_keyDirectory), resolvedPath(vaultDirectory)))
        return makeError(QStringLiteral("%1: the capture key directory must not be inside the vault %2 "
                                        "(anyone who can read the vault could sign packages)")
                             .arg(m_keyDirectory, vaultDirectory));

    const QString path = keyFilePath(nodeId);
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return makeError(QStringLiteral("%1: not a regular file").arg(path));
        if (info.permissions() &
            (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
            return makeError(QStringLiteral("%1: private key is accessible by group or others; "
                                            "restrict it with chmod 600")
                                 .arg(path));
        return crypto::Ed25519PrivateKey::loadPem(path);
    }

    const QDir dir(m_keyDirectory);
    if (!dir.exists()) {
        if (!QDir().mkpath(m_keyDirectory))
            return makeError(
                QStringLiteral("%1: cannot create the capture key directory").arg(m_keyDirectory));
        if (!QFile::setPermissions(m_keyDirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return makeError(QStringLiteral("%1: cannot restrict permissions to 0700").arg(m_keyDirectory));
    }

    auto key = crypto::Ed25519PrivateKey::generate();
    if (!key)
        return key;
    QByteArray pem = key->toPem();
    // Write under a temporary name and link() it into place: a concurrent
    // capture for the same node either wins or sees a complete file.
    const QString temporary = QStringLiteral("%1.tmp-%2")
                                  .arg(path)
                                  .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    const Status written = writePrivateFile(temporary, pem);
    crypto::secureWipe(pem);
    if (!written)
        return written.error();
    const QByteArray nativeTemporary = QFile::encodeName(temporary);
    const int linked = ::link(nativeTemporary.constData(), QFile::encodeName(path).constData());
    const int linkErrno = errno;
    ::unlink(nativeTemporary.constData());
    if (linked != 0) {
        if (linkErrno == EEXIST)
            return crypto::Ed25519PrivateKey::loadPem(path);
        errno = linkErrno;
        return makeError(QStringLiteral("%1: cannot create: %2").arg(path, errnoText()));
    }
    return key;
}

} // namespace holdfast::capture
