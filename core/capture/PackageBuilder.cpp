#include "capture/PackageBuilder.h"

#include "crypto/Ed25519PrivateKey.h"
#include "crypto/Sha256.h"
#include "media/MediaProbe.h"
#include "vault/LocalFolderVault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace holdfast::capture {

namespace {

constexpr qint64 kCopyChunkBytes = 1024 * 1024;
const QString kTranscript = QString::fromLatin1(model::kTranscriptFileName);

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Undo log for one build: whatever this build created in the vault is removed
// again unless commit() is reached, so a failed build leaves the vault as it was.
class VaultTransaction
{
public:
    VaultTransaction() = default;
    VaultTransaction(const VaultTransaction&) = delete;
    VaultTransaction& operator=(const VaultTransaction&) = delete;
    ~VaultTransaction()
    {
        if (m_committed)
            return;
        if (!m_stagingDirectory.isEmpty())
            QDir(m_stagingDirectory).removeRecursively();
        for (const QString& file : std::as_const(m_files))
            QFile::remove(file);
        for (const QString& dir : std::as_const(m_directories))
            QDir().rmdir(dir); // only succeeds when empty: never removes someone else's data
    }

    void addDirectory(const QString& path) { m_directories.prepend(path); } // removed innermost first
    void addFile(const QString& path) { m_files.append(path); }
    void setStagingDirectory(const QString& path) { m_stagingDirectory = path; }
    void commit() { m_committed = true; }

private:
    QStringList m_directories;
    QStringList m_files;
    QString m_stagingDirectory;
    bool m_committed = false;
};

// Creates path and any missing parents, recording each one created.
Status ensureDirectory(const QString& path, VaultTransaction& transaction)
{
    const QFileInfo info(path);
    if (info.isDir())
        return {};
    if (info.exists() || info.isSymLink())
        return makeError(QStringLiteral("%1: exists and is not a directory").arg(path));
    const QString parent = info.absolutePath();
    if (parent != path) {
        if (Status status = ensureDirectory(parent, transaction); !status)
            return status;
    }
    if (!QDir().mkdir(path)) {
        if (QFileInfo(path).isDir())
            return {}; // created concurrently by another builder
        return makeError(QStringLiteral("%1: cannot create directory").arg(path));
    }
    transaction.addDirectory(path);
    return {};
}

Status fsyncPath(const QString& path, bool directory)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return makeError(QStringLiteral("%1: cannot open to flush: %2").arg(path, errnoText(errno)));
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (result != 0)
        return makeError(QStringLiteral("%1: cannot flush to disk: %2").arg(path, errnoText(error)));
    return {};
}

Result<model::PackageFile> writeNewFile(const QString& absolutePath, const QString& packagePath,
                                        const QByteArray& data)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(QStringLiteral("%1: cannot create: %2").arg(absolutePath, file.errorString()));
    if (file.write(data) != data.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return makeError(QStringLiteral("%1: cannot write: %2").arg(absolutePath, file.errorString()));
    file.close();
    return model::PackageFile{packagePath, crypto::Sha256::hashHex(data), data.size()};
}

// Copies bit-exact, hashing the bytes as they are written.
Result<model::PackageFile> copyIntoPackage(const QString& source, const QString& absolutePath,
                                           const QString& packagePath)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open for reading: %2").arg(source, in.errorString()));
    QFile out(absolutePath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(QStringLiteral("%1: cannot create: %2").arg(absolutePath, out.errorString()));
    crypto::Sha256 sha;
    QByteArray buffer(kCopyChunkBytes, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 read = in.read(buffer.data(), kCopyChunkBytes);
        if (read < 0)
            return makeError(QStringLiteral("%1: read error: %2").arg(source, in.errorString()));
        if (read == 0)
            break;
        if (out.write(buffer.constData(), read) != read)
            return makeError(QStringLiteral("%1: write error: %2").arg(absolutePath, out.errorString()));
        sha.addData(buffer.constData(), read);
        total += read;
    }
    if (!out.flush() || ::fsync(out.handle()) != 0)
        return makeError(QStringLiteral("%1: cannot flush to disk: %2").arg(absolutePath, out.errorString()));
    return model::PackageFile{packagePath, sha.result().toHex(), total};
}

// Renames a directory, refusing to replace an existing target (even an empty one).
Status renameNoReplace(const QString& from, const QString& to)
{
    const QByteArray nativeFrom = QFile::encodeName(from);
    const QByteArray nativeTo = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, nativeFrom.constData(), AT_FDCWD, nativeTo.constData(), RENAME_NOREPLACE) == 0)
        return {};
    int error = errno;
    if (error == EINVAL || error == ENOSYS) {
        // Filesystem without RENAME_NOREPLACE: check, then rename (racy but rare).
        if (QFileInfo::exists(to) || QFileInfo(to).isSymLink())
            error = EEXIST;
        else if (::rename(nativeFrom.constData(), nativeTo.constData()) == 0)
            return {};
        else
            error = errno;
    }
    if (error == EEXIST || error == ENOTEMPTY)
        return makeError(QStringLiteral("%1: package already exists").arg(to));
    return makeError(QStringLiteral("%1: cannot move the package into place: %2").arg(to, errnoText(error)));
}

// Extension for media/<track-id>.<ext>: the source's, when it is a plain one.
QString safeExtension(const QString& sourceFile)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9]{1,16}$"));
    const QString suffix = QFileInfo(sourceFile).suffix().toLower();
    return plain.match(suffix).hasMatch() ? suffix : QString();
}

QString requestError(const QString& message)
{
    return QStringLiteral("capture request: %1").arg(message);
}

Status checkPublishedKey(const QString& keyPath, const QString& node, const crypto::Ed25519PublicKey& ours)
{
    const QFileInfo info(keyPath);
    if (!info.exists() && !info.isSymLink())
        return {};
    auto published = crypto::Ed25519PublicKey::loadPem(keyPath);
    if (!published || !(*published == ours))
        return makeError(
            QStringLiteral("capture node %1 already has a different published key (%2)").arg(node, keyPath));
    return {};
}

// Publishes keys/<node>.pem without ever replacing an existing file.
Status publishKey(const QString& keyPath, const QString& node, const crypto::Ed25519PublicKey& ours,
                  VaultTransaction& transaction)
{
    if (Status status = ensureDirectory(QFileInfo(keyPath).absolutePath(), transaction); !status)
        return status;
    if (QFileInfo::exists(keyPath))
        return checkPublishedKey(keyPath, node, ours);
    const QString temporary = QStringLiteral("%1.tmp-%2")
                                  .arg(keyPath)
                                  .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    {
        auto written = writeNewFile(temporary, {}, ours.toPem());
        if (!written) {
            QFile::remove(temporary);
            return written.error();
        }
    }
    const int linked =
        ::link(QFile::encodeName(temporary).constData(), QFile::encodeName(keyPath).constData());
    const int error = errno;
    QFile::remove(temporary);
    if (linked != 0) {
        if (error == EEXIST) // published concurrently: fine if it is the same key
            return checkPublishedKey(keyPath, node, ours);
        return makeError(
            QStringLiteral("%1: cannot publish the capture node key: %2").arg(keyPath, errnoText(error)));
    }
    transaction.addFile(keyPath);
    return fsyncPath(QFileInfo(keyPath).absolutePath(), true);
}

} // namespace

PackageBuilder::PackageBuilder(QString vaultDirectory, QString captureNodeId,
                               const crypto::Ed25519PrivateKey& key)
    : m_vaultDirectory(std::move(vaultDirectory))
    , m_captureNodeId(std::move(captureNodeId))
    , m_key(key)
{}

Result<model::Manifest> PackageBuilder::build(const CaptureRequest& request) const
{
    if (m_key.isNull())
        return makeError(QStringLiteral("capture node %1: no signing key loaded").arg(m_captureNodeId));
    if (!model::isSafeCaptureNodeId(m_captureNodeId))
        return makeError(QStringLiteral("invalid capture node id \"%1\"").arg(m_captureNodeId));
    const QString vaultRoot = QDir::cleanPath(QDir(m_vaultDirectory).absolutePath());

    // 1. The request itself, before touching any file.
    if (!request.startedAt.isValid())
        return makeError(requestError(QStringLiteral("started_at is missing or invalid")));
    if (request.endedAt.isValid() && request.endedAt < request.startedAt)
        return makeError(requestError(QStringLiteral("ended_at is before started_at")));
    if (request.participants.isEmpty())
        return makeError(requestError(QStringLiteral("no participants")));
    if (request.tracks.isEmpty())
        return makeError(requestError(QStringLiteral("no media tracks")));
    QSet<QString> participantIds;
    for (const model::Participant& participant : request.participants) {
        if (participant.id.isEmpty() || participant.id == QLatin1String(model::kMixedParticipant))
            return makeError(
                requestError(QStringLiteral("invalid participant id \"%1\"").arg(participant.id)));
        if (participantIds.contains(participant.id))
            return makeError(
                requestError(QStringLiteral("duplicate participant id \"%1\"").arg(participant.id)));
        participantIds.insert(participant.id);
    }
    for (qsizetype i = 0; i < request.tracks.size(); ++i) {
        const CaptureTrackInput& track = request.tracks.at(i);
        const QString where = QStringLiteral("track %1 (%2)").arg(i + 1).arg(track.sourceFile);
        if (track.kind == model::TrackKind::Invalid)
            return makeError(requestError(QStringLiteral("%1: kind is missing").arg(where)));
        const bool mixed = track.participant == QLatin1String(model::kMixedParticipant);
        if (!mixed && !participantIds.contains(track.participant))
            return makeError(
                requestError(QStringLiteral("%1: participant \"%2\" is not a participant of the call")
                                 .arg(where, track.participant)));
        if (mixed && track.kind == model::TrackKind::Video)
            return makeError(
                requestError(QStringLiteral("%1: a video track belongs to one participant").arg(where)));
        if (track.offset_ms < 0)
            return makeError(
                requestError(QStringLiteral("%1: negative offset %2 ms").arg(where).arg(track.offset_ms)));
        const QFileInfo info(track.sourceFile);
        if (!info.exists())
            return makeError(QStringLiteral("%1: file not found").arg(track.sourceFile));
        if (!info.isFile())
            return makeError(QStringLiteral("%1: not a regular file").arg(track.sourceFile));
    }

    // 2. Probe: refuse anything GStreamer cannot decode before copying a byte.
    model::Manifest manifest;
    manifest.id = request.id.isNull() ? QUuid::createUuid() : request.id;
    manifest.captureNode = m_captureNodeId;
    manifest.startedAt = request.startedAt.toUTC();
    manifest.source = request.source;
    manifest.direction = request.direction;
    manifest.title = request.title;
    manifest.participants = request.participants;
    qint64 lastEnd_ms = 0;
    QStringList sources;
    for (qsizetype i = 0; i < request.tracks.size(); ++i) {
        const CaptureTrackInput& input = request.tracks.at(i);
        auto probed = media::probeMedia(input.sourceFile);
        if (!probed) {
            // The probe's message normally names the file already; make sure it does.
            const QString message = probed.errorMessage();
            return makeError(
                message.contains(input.sourceFile)
                    ? message
                    : QStringLiteral("%1: cannot be decoded: %2").arg(input.sourceFile, message));
        }
        const media::MediaInfo& info = *probed;
        if (input.kind == model::TrackKind::Audio && !info.hasAudio)
            return makeError(QStringLiteral("%1: has no audio stream").arg(input.sourceFile));
        if (input.kind != model::TrackKind::Audio && !info.hasVideo)
            return makeError(QStringLiteral("%1: has no video stream").arg(input.sourceFile));
        model::Track track;
        track.id = QStringLiteral("t%1").arg(i + 1);
        track.kind = input.kind;
        track.participant = input.participant;
        const QString extension = safeExtension(input.sourceFile);
        track.path = QStringLiteral("media/") + track.id +
                     (extension.isEmpty() ? QString() : QLatin1Char('.') + extension);
        track.mediaType = info.mediaType;
        track.codec = info.codec;
        track.offset_ms = input.offset_ms;
        track.duration_ms = info.duration_ms;
        lastEnd_ms = std::max(lastEnd_ms, input.offset_ms + info.duration_ms);
        manifest.tracks.append(track);
        // Placeholder hash until the copy is hashed: lets the manifest be validated up front.
        manifest.files.append({track.path, QByteArray(64, '0'), QFileInfo(input.sourceFile).size()});
        sources << input.sourceFile;
    }
    manifest.endedAt =
        request.endedAt.isValid() ? request.endedAt.toUTC() : manifest.startedAt.addMSecs(lastEnd_ms);

    QByteArray transcriptJson;
    if (request.transcript) {
        if (Status status = model::validateTranscript(*request.transcript); !status)
            return makeError(QStringLiteral("%1: %2").arg(kTranscript, status.errorMessage()));
        if (Status status = model::validateTranscriptAgainstManifest(*request.transcript, manifest); !status)
            return makeError(QStringLiteral("%1: %2").arg(kTranscript, status.errorMessage()));
        transcriptJson = model::serializeTranscriptJson(*request.transcript);
        manifest.files.append({kTranscript, crypto::Sha256::hashHex(transcriptJson), transcriptJson.size()});
    }
    if (Status status = model::validateManifest(manifest); !status)
        return status.error();

    // 3. Nothing in the vault may conflict: same id, or another key for this node.
    const QString target = vaultRoot + QLatin1Char('/') + manifest.vaultDirectory();
    if (QFileInfo::exists(target))
        return makeError(QStringLiteral("%1: package already exists").arg(target));
    if (auto existing =
            vault::LocalFolderVault(vaultRoot).packageDirectory(manifest.id.toString(QUuid::WithoutBraces)))
        return makeError(QStringLiteral("recording %1 already exists in the vault (%2)")
                             .arg(manifest.id.toString(QUuid::WithoutBraces), *existing));
    const crypto::Ed25519PublicKey publicKey = m_key.publicKey();
    const QString keyPath = QStringLiteral("%1/%2/%3.pem")
                                .arg(vaultRoot, QLatin1String(model::kVaultKeysDirectory), m_captureNodeId);
    if (Status status = checkPublishedKey(keyPath, m_captureNodeId, publicKey); !status)
        return status.error();

    // 4. Assemble in staging: readers never see a half-written package.
    VaultTransaction transaction;
    const QString stagingRoot = vaultRoot + QStringLiteral("/.staging");
    const QString staging = QStringLiteral("%1/%2-%3")
                                .arg(stagingRoot, manifest.id.toString(QUuid::WithoutBraces))
                                .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    if (Status status = ensureDirectory(stagingRoot, transaction); !status)
        return status.error();
    if (!QDir().mkdir(staging))
        return makeError(QStringLiteral("%1: cannot create the staging directory").arg(staging));
    transaction.setStagingDirectory(staging);
    if (!QDir().mkdir(staging + QStringLiteral("/media")))
        return makeError(QStringLiteral("%1/media: cannot create directory").arg(staging));

    manifest.files.clear();
    for (qsizetype i = 0; i < manifest.tracks.size(); ++i) {
        const QString& path = manifest.tracks.at(i).path;
        auto copied = copyIntoPackage(sources.at(i), staging + QLatin1Char('/') + path, path);
        if (!copied)
            return copied.error();
        manifest.files.append(*copied);
    }
    if (request.transcript) {
        auto written = writeNewFile(staging + QLatin1Char('/') + kTranscript, kTranscript, transcriptJson);
        if (!written)
            return written.error();
        manifest.files.append(*written);
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const model::PackageFile& a, const model::PackageFile& b) { return a.path < b.path; });
    if (Status status = model::validateManifest(manifest); !status)
        return status.error();

    // 5. Sign the exact bytes written, and check the round trip before publishing.
    const QByteArray manifestJson = model::serializeManifestJson(manifest);
    const QByteArray signature = m_key.sign(manifestJson);
    if (signature.size() != crypto::Ed25519PrivateKey::kSignatureBytes ||
        !publicKey.verify(manifestJson, signature))
        return makeError(QStringLiteral("capture node %1: signing the manifest failed").arg(m_captureNodeId));
    if (auto reparsed = model::parseManifestJson(manifestJson); !reparsed || !(*reparsed == manifest))
        return makeError(QStringLiteral("manifest.json: does not round-trip through the parser: %1")
                             .arg(reparsed ? QStringLiteral("fields differ") : reparsed.errorMessage()));
    for (const auto& [name, bytes] : {std::pair{QString::fromLatin1(model::kManifestFileName), manifestJson},
                                      std::pair{QString::fromLatin1(model::kSignatureFileName), signature}}) {
        auto written = writeNewFile(staging + QLatin1Char('/') + name, name, bytes);
        if (!written)
            return written.error();
    }
    for (const QString& dir : {staging + QStringLiteral("/media"), staging}) {
        if (Status status = fsyncPath(dir, true); !status)
            return status.error();
    }

    // 6. Publish: key first (the package needs it to verify), then the package.
    if (Status status = publishKey(keyPath, m_captureNodeId, publicKey, transaction); !status)
        return status.error();
    const QString targetParent = QFileInfo(target).absolutePath();
    if (Status status = ensureDirectory(targetParent, transaction); !status)
        return status.error();
    if (Status status = renameNoReplace(staging, target); !status)
        return status.error();
    transaction.commit();
    QDir().rmdir(stagingRoot); // only when no other build is staging
    if (Status status = fsyncPath(targetParent, true); !status)
        return status.error();
    return manifest;
}

} // namespace holdfast::capture
