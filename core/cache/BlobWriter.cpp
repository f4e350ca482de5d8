#include "cache/BlobWriter.h"

#include "cache/BlobCipher.h"
#include "cache/BlobImportPipeline.h"
#include "cache/MasterKey.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <optional>
#include <unistd.h>

namespace holdfast::cache {

using namespace blobformat;

namespace {

// Ciphertext is written in blocks of this many chunk records (~1 MiB).
constexpr qsizetype kRecordsPerWrite = 16;
constexpr qsizetype kOutputBufferBytes = kHeaderBytes + kRecordsPerWrite * kRecordBytes;
// Writeback is started every 8 MiB, so disk I/O overlaps with encryption and
// the fsync at the end has little left to do.
constexpr qint64 kWritebackStartBytes = 8 * 1024 * 1024;
constexpr qint64 kReadBlockBytes = 1024 * 1024;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

struct WipingDeleter
{
    qsizetype bytes = 0;
    void operator()(unsigned char* p) const
    {
        OPENSSL_cleanse(p, static_cast<size_t>(bytes));
        delete[] p;
    }
};
using PlainBuffer = std::unique_ptr<unsigned char[], WipingDeleter>;

PlainBuffer makePlainBuffer(qsizetype bytes)
{
    return PlainBuffer(new unsigned char[static_cast<size_t>(bytes)], WipingDeleter{bytes});
}

} // namespace

struct BlobWriter::Private
{
    enum class State
    {
        Invalid,
        Open,
        Finished,
        Failed,
        Aborted,
        Suspended,
    };

    State state = State::Invalid;
    QString failure;
    QString id;
    QByteArray partialPath; // encoded for the file system
    QByteArray finalPath;
    QByteArray directoryPath;
    int fd = -1;
    std::optional<BlobCipher> cipher;
    crypto::Sha256 sha;

    PlainBuffer pending = makePlainBuffer(kChunkBytes);
    qsizetype pendingBytes = 0;
    std::unique_ptr<unsigned char[]> output{new unsigned char[kOutputBufferBytes]};
    qsizetype outputBytes = 0;
    quint64 nextChunk = 0;
    qint64 plaintextBytes = 0;
    qint64 fileBytes = 0;
    qint64 writebackStartedBytes = 0;
    bool lastSealed = false; // importFile's pipeline sealed and wrote every chunk

    ~Private() { discard(); }

    void discard()
    {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
        if (!partialPath.isEmpty() && state != State::Finished && state != State::Suspended) {
            ::unlink(partialPath.constData());
            partialPath.clear();
        }
    }

    Error fail(const QString& what)
    {
        if (state == State::Open) {
            failure = QStringLiteral("blob %1: %2").arg(id, what);
            state = State::Failed;
            discard();
        }
        return makeError(failure);
    }

    Status checkOpen() const
    {
        if (state == State::Open)
            return {};
        if (state == State::Failed)
            return makeError(failure);
        return makeError(QStringLiteral("blob %1: the writer is already %2")
                             .arg(id, state == State::Finished    ? QStringLiteral("finished")
                                      : state == State::Suspended ? QStringLiteral("suspended")
                                                                  : QStringLiteral("aborted")));
    }

    Status flushOutput()
    {
        qsizetype done = 0;
        while (done < outputBytes) {
            const ssize_t written = ::write(fd, output.get() + done, static_cast<size_t>(outputBytes - done));
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return fail(
                    QStringLiteral("cannot write %1: %2")
                        .arg(QFile::decodeName(partialPath), errnoText(written < 0 ? errno : ENOSPC)));
            done += written;
        }
        fileBytes += outputBytes;
        outputBytes = 0;
        if (fileBytes - writebackStartedBytes >= kWritebackStartBytes) {
            // Best effort: only a hint to start writeback now, fsync still decides.
            ::sync_file_range(fd, writebackStartedBytes, fileBytes - writebackStartedBytes,
                              SYNC_FILE_RANGE_WRITE);
            writebackStartedBytes = fileBytes;
        }
        return {};
    }

    Status seal(const unsigned char* plaintext, qsizetype bytes, bool last)
    {
        if (outputBytes + bytes + kTagBytes > kOutputBufferBytes) {
            if (Status flushed = flushOutput(); !flushed)
                return flushed;
        }
        if (!cipher->sealChunk(nextChunk, last, plaintext, bytes, output.get() + outputBytes))
            return fail(QStringLiteral("chunk %1: encryption failed").arg(nextChunk));
        outputBytes += bytes + kTagBytes;
        ++nextChunk;
        return {};
    }

    Status appendFrom(int source, const QString& sourcePath, BlobWriter& writer)
    {
        PlainBuffer buffer = makePlainBuffer(kReadBlockBytes);
        for (;;) {
            const ssize_t got = ::read(source, buffer.get(), static_cast<size_t>(kReadBlockBytes));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return makeError(QStringLiteral("%1: read error: %2").arg(sourcePath, errnoText(errno)));
            if (got == 0)
                return {};
            if (Status written = writer.write(reinterpret_cast<const char*>(buffer.get()), got); !written)
                return written;
        }
    }

    // The whole blob from one file, through BlobImportPipeline (right after
    // create(): only the header is buffered). Falls back to the plain path
    // when no thread can be started.
    Status importWhole(int source, const QString& sourcePath, BlobWriter& writer)
    {
        if (Status flushed = flushOutput(); !flushed)
            return flushed;
        BlobImportPipeline pipeline(*cipher, sha);
        const BlobImportPipeline::Outcome outcome = pipeline.run(source, fd, fileBytes);
        using Failure = BlobImportPipeline::Failure;
        switch (outcome.failure) {
        case Failure::None:
            break;
        case Failure::CannotStart:
            return appendFrom(source, sourcePath, writer);
        case Failure::Read:
            return fail(QStringLiteral("%1: read error: %2").arg(sourcePath, errnoText(outcome.error)));
        case Failure::SourceShrank:
            return fail(QStringLiteral("%1: the file shrank while it was being read").arg(sourcePath));
        case Failure::Seal:
            return fail(QStringLiteral("encryption failed"));
        case Failure::Write:
            return fail(QStringLiteral("cannot write %1: %2")
                            .arg(QFile::decodeName(partialPath), errnoText(outcome.error)));
        case Failure::Sync:
            return fail(QStringLiteral("cannot sync %1: %2")
                            .arg(QFile::decodeName(partialPath), errnoText(outcome.error)));
        }
        plaintextBytes = outcome.plaintextBytes;
        nextChunk = outcome.chunks;
        fileBytes += outcome.recordBytes;
        lastSealed = true;
        return {};
    }
};

BlobWriter::BlobWriter(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

BlobWriter::~BlobWriter() = default;

Result<std::unique_ptr<BlobWriter>> BlobWriter::create(const QString& blobsDirectory,
                                                       const MasterKey& masterKey)
{
    QByteArray idBytes(kIdBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(idBytes.data()), kIdBytes) != 1)
        return makeError(QStringLiteral("cannot create a blob: the system random generator failed"));

    auto p = std::make_unique<Private>();
    p->id = QString::fromLatin1(idBytes.toHex());
    Result<BlobCipher> cipher = BlobCipher::create(masterKey, idBytes, crypto::AesGcm::Direction::Encrypt);
    if (!cipher)
        return makeError(QStringLiteral("blob %1: %2").arg(p->id, cipher.errorMessage()));
    p->cipher.emplace(std::move(cipher).value());

    const QDir directory(blobsDirectory);
    p->directoryPath = QFile::encodeName(directory.absolutePath());
    p->finalPath = QFile::encodeName(directory.absoluteFilePath(p->id));
    const QByteArray partialPath = p->finalPath + kPartialSuffix;
    p->fd = ::open(partialPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (p->fd < 0)
        return makeError(QStringLiteral("blob %1: cannot create %2: %3")
                             .arg(p->id, QFile::decodeName(partialPath), errnoText(errno)));
    p->partialPath = partialPath;
    p->state = Private::State::Open;

    if (!p->cipher->writeHeader(p->output.get()))
        return p->fail(QStringLiteral("cannot seal the header"));
    p->outputBytes = kHeaderBytes;
    return std::unique_ptr<BlobWriter>(new BlobWriter(std::move(p)));
}

QString BlobWriter::blobId() const
{
    return d->id;
}

qint64 BlobWriter::plaintextBytesWritten() const
{
    return d->plaintextBytes;
}

Status BlobWriter::write(const char* data, qint64 bytes)
{
    if (Status open = d->checkOpen(); !open)
        return open;
    if (bytes <= 0)
        return {};
    d->sha.addData(data, bytes);
    d->plaintextBytes += bytes;
    auto input = reinterpret_cast<const unsigned char*>(data);
    while (bytes > 0) {
        // A full chunk is sealed only once more data follows: it might be the last.
        if (d->pendingBytes == kChunkBytes) {
            if (Status sealed = d->seal(d->pending.get(), kChunkBytes, false); !sealed)
                return sealed;
            d->pendingBytes = 0;
        }
        if (d->pendingBytes == 0 && bytes > kChunkBytes) {
            // Fast path: seal straight from the caller's buffer, no copy.
            if (Status sealed = d->seal(input, kChunkBytes, false); !sealed)
                return sealed;
            input += kChunkBytes;
            bytes -= kChunkBytes;
            continue;
        }
        const qint64 taken = std::min<qint64>(kChunkBytes - d->pendingBytes, bytes);
        std::memcpy(d->pending.get() + d->pendingBytes, input, static_cast<size_t>(taken));
        d->pendingBytes += taken;
        input += taken;
        bytes -= taken;
    }
    return {};
}

Status BlobWriter::appendFile(const QString& sourcePath)
{
    if (Status open = d->checkOpen(); !open)
        return open;
    const int source = ::open(QFile::encodeName(sourcePath).constData(), O_RDONLY | O_CLOEXEC);
    if (source < 0)
        return makeError(QStringLiteral("%1: cannot open for reading: %2").arg(sourcePath, errnoText(errno)));
    ::posix_fadvise(source, 0, 0, POSIX_FADV_SEQUENTIAL);
    Status status = d->appendFrom(source, sourcePath, *this);
    ::close(source);
    return status;
}

Result<BlobInfo> BlobWriter::finish()
{
    if (Status open = d->checkOpen(); !open)
        return open.error();
    if (!d->lastSealed) {
        if (Status sealed = d->seal(d->pending.get(), d->pendingBytes, true); !sealed)
            return sealed.error();
        OPENSSL_cleanse(d->pending.get(), kChunkBytes);
        d->pendingBytes = 0;
        if (Status flushed = d->flushOutput(); !flushed)
            return flushed.error();
    }
    if (::fdatasync(d->fd) != 0)
        return d->fail(
            QStringLiteral("cannot sync %1: %2").arg(QFile::decodeName(d->partialPath), errnoText(errno)));
    const int closed = ::close(d->fd);
    d->fd = -1;
    if (closed != 0)
        return d->fail(
            QStringLiteral("cannot close %1: %2").arg(QFile::decodeName(d->partialPath), errnoText(errno)));
    if (::rename(d->partialPath.constData(), d->finalPath.constData()) != 0)
        return d->fail(
            QStringLiteral("cannot rename %1: %2").arg(QFile::decodeName(d->partialPath), errnoText(errno)));
    d->state = Private::State::Finished;
    // The rename must be durable too, or a crash could lose a blob the
    // database already refers to.
    const int directory = ::open(d->directoryPath.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = directory >= 0 && ::fsync(directory) == 0;
    const int syncErrno = errno;
    if (directory >= 0)
        ::close(directory);
    if (!synced) {
        ::unlink(d->finalPath.constData());
        return makeError(QStringLiteral("blob %1: cannot sync %2: %3")
                             .arg(d->id, QFile::decodeName(d->directoryPath), errnoText(syncErrno)));
    }
    return BlobInfo{d->id, d->plaintextBytes, d->sha.result()};
}

Result<std::unique_ptr<BlobWriter>> BlobWriter::resume(const QString& blobsDirectory,
                                                       const MasterKey& masterKey, const QString& blobId)
{
    if (!isValidBlobId(blobId))
        return makeError(QStringLiteral("cannot resume blob \"%1\": not a blob id").arg(blobId));
    const QByteArray idBytes = QByteArray::fromHex(blobId.toLatin1());
    auto p = std::make_unique<Private>();
    p->id = blobId;
    Result<BlobCipher> cipher = BlobCipher::create(masterKey, idBytes, crypto::AesGcm::Direction::Encrypt);
    Result<BlobCipher> opener = BlobCipher::create(masterKey, idBytes, crypto::AesGcm::Direction::Decrypt);
    if (!cipher || !opener)
        return makeError(
            QStringLiteral("blob %1: %2").arg(blobId, (cipher ? opener : cipher).errorMessage()));
    p->cipher.emplace(std::move(cipher).value());

    const QDir directory(blobsDirectory);
    p->directoryPath = QFile::encodeName(directory.absolutePath());
    p->finalPath = QFile::encodeName(directory.absoluteFilePath(blobId));
    const QByteArray partialPath = p->finalPath + kPartialSuffix;
    p->fd = ::open(partialPath.constData(), O_RDWR | O_CLOEXEC);
    if (p->fd < 0)
        return makeError(QStringLiteral("blob %1: cannot reopen %2: %3")
                             .arg(blobId, QFile::decodeName(partialPath), errnoText(errno)));
    p->partialPath = partialPath;
    // Suspended from here on: a failure below keeps the file for the caller
    // to remove or retry; nothing of it is trusted until checked.
    p->state = Private::State::Suspended;

    unsigned char header[kHeaderBytes];
    if (::pread(p->fd, header, kHeaderBytes, 0) != kHeaderBytes)
        return makeError(
            QStringLiteral("blob %1: %2 has no complete header").arg(blobId, QFile::decodeName(partialPath)));
    if (const QString wrong = opener->checkHeader(header); !wrong.isEmpty())
        return makeError(
            QStringLiteral("blob %1: %2: %3").arg(blobId, QFile::decodeName(partialPath), wrong));

    // Every whole record must open as a non-final chunk with the right
    // index; the first that does not (torn by a crash, never written) ends
    // what is kept.
    std::unique_ptr<unsigned char[]> record(new unsigned char[kRecordBytes]);
    PlainBuffer plain = makePlainBuffer(kChunkBytes);
    qint64 offset = kHeaderBytes;
    for (;;) {
        const ssize_t got = ::pread(p->fd, record.get(), kRecordBytes, offset);
        if (got != kRecordBytes ||
            !opener->openChunk(p->nextChunk, false, record.get(), kChunkBytes, plain.get()))
            break;
        p->sha.addData(reinterpret_cast<const char*>(plain.get()), kChunkBytes);
        p->plaintextBytes += kChunkBytes;
        ++p->nextChunk;
        offset += kRecordBytes;
    }
    if (::ftruncate(p->fd, offset) != 0 || ::lseek(p->fd, offset, SEEK_SET) != offset)
        return makeError(QStringLiteral("blob %1: cannot cut %2 to its verified part: %3")
                             .arg(blobId, QFile::decodeName(partialPath), errnoText(errno)));
    p->fileBytes = offset;
    p->writebackStartedBytes = offset;
    p->state = Private::State::Open;
    return std::unique_ptr<BlobWriter>(new BlobWriter(std::move(p)));
}

Result<qint64> BlobWriter::suspend()
{
    if (Status open = d->checkOpen(); !open)
        return open.error();
    // The pending chunk is not sealed (it may not be whole): it is dropped
    // and downloaded again on resume.
    d->plaintextBytes -= d->pendingBytes;
    OPENSSL_cleanse(d->pending.get(), kChunkBytes);
    d->pendingBytes = 0;
    if (Status flushed = d->flushOutput(); !flushed)
        return flushed.error();
    (void)::fdatasync(d->fd); // best effort: resume() checks whatever is there
    ::close(d->fd);
    d->fd = -1;
    d->state = Private::State::Suspended;
    return d->plaintextBytes;
}

void BlobWriter::abort()
{
    if (d->state == Private::State::Open) {
        d->discard();
        d->state = Private::State::Aborted;
    }
}

Result<BlobInfo> BlobWriter::importFile(const QString& sourcePath, const QString& blobsDirectory,
                                        const MasterKey& masterKey)
{
    // Open the source first: a missing file creates no partial file at all.
    const int source = ::open(QFile::encodeName(sourcePath).constData(), O_RDONLY | O_CLOEXEC);
    if (source < 0)
        return makeError(QStringLiteral("%1: cannot open for reading: %2").arg(sourcePath, errnoText(errno)));
    ::posix_fadvise(source, 0, 0, POSIX_FADV_SEQUENTIAL);
    Result<std::unique_ptr<BlobWriter>> writer = create(blobsDirectory, masterKey);
    Status imported = writer ? (*writer)->d->importWhole(source, sourcePath, **writer) : writer.error();
    ::close(source);
    if (!imported)
        return imported.error(); // the writer's destructor removes the partial file
    return (*writer)->finish();
}

} // namespace holdfast::cache
