#include "cache/BlobReader.h"

#include "cache/BlobCipher.h"
#include "cache/MasterKey.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace holdfast::cache {

using namespace blobformat;

struct BlobReader::Private
{
    QString id;
    QString path;
    int fd = -1;
    std::optional<BlobCipher> cipher;
    std::unique_ptr<unsigned char[]> record{new unsigned char[kRecordBytes]};
    std::unique_ptr<unsigned char[]> plaintext{new unsigned char[kChunkBytes]};
    qint64 cachedChunk = -1;
    qint64 chunkCount = 0;
    qint64 lastChunkBytes = 0;
    qint64 plaintextBytes = 0;

    ~Private()
    {
        reset();
        OPENSSL_cleanse(plaintext.get(), kChunkBytes);
    }

    void reset()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
        cipher.reset();
        if (cachedChunk >= 0)
            OPENSSL_cleanse(plaintext.get(), kChunkBytes);
        cachedChunk = -1;
        chunkCount = 0;
        lastChunkBytes = 0;
        plaintextBytes = 0;
    }

    qint64 chunkBytes(qint64 index) const { return index == chunkCount - 1 ? lastChunkBytes : kChunkBytes; }

    // Decrypts chunk index into destination (kChunkBytes room); on failure
    // destination holds zeros and error says why.
    bool loadChunk(qint64 index, unsigned char* destination, QString* error)
    {
        const qint64 bytes = chunkBytes(index);
        const qint64 recordBytes = bytes + kTagBytes;
        const qint64 offset = kHeaderBytes + index * kRecordBytes;
        qint64 done = 0;
        while (done < recordBytes) {
            const ssize_t got =
                ::pread(fd, record.get() + done, static_cast<size_t>(recordBytes - done), offset + done);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                *error = QStringLiteral("blob %1: chunk %2: read error: %3")
                             .arg(id)
                             .arg(index)
                             .arg(QString::fromLocal8Bit(strerror(errno)));
                return false;
            }
            if (got == 0) {
                *error = QStringLiteral("blob %1: chunk %2: file ends early (truncated)").arg(id).arg(index);
                return false;
            }
            done += got;
        }
        if (!cipher->openChunk(static_cast<quint64>(index), index == chunkCount - 1, record.get(), bytes,
                               destination)) {
            *error =
                QStringLiteral("blob %1: chunk %2: authentication failed (damaged, truncated, reordered or "
                               "tampered data)")
                    .arg(id)
                    .arg(index);
            return false;
        }
        return true;
    }

    bool cacheChunk(qint64 index, QString* error)
    {
        if (cachedChunk == index)
            return true;
        cachedChunk = -1;
        if (!loadChunk(index, plaintext.get(), error))
            return false;
        cachedChunk = index;
        return true;
    }
};

BlobReader::BlobReader(QObject* parent)
    : QIODevice(parent)
    , d(std::make_unique<Private>())
{}

BlobReader::~BlobReader()
{
    if (isOpen())
        close();
}

Status BlobReader::open(const QString& blobPath, const MasterKey& masterKey)
{
    if (isOpen())
        close();
    d->reset();
    const QFileInfo info(blobPath);
    const QString id = info.fileName();
    if (!isValidBlobId(id))
        return makeError(QStringLiteral("%1: the file name is not a blob id").arg(blobPath));
    d->id = id;
    d->path = blobPath;
    auto fail = [this](const QString& what) {
        const QString message = QStringLiteral("blob %1: %2").arg(d->id, what);
        d->reset();
        setErrorString(message);
        return makeError(message);
    };

    d->fd = ::open(QFile::encodeName(blobPath).constData(), O_RDONLY | O_CLOEXEC);
    if (d->fd < 0)
        return fail(
            QStringLiteral("cannot open %1: %2").arg(blobPath, QString::fromLocal8Bit(strerror(errno))));
    struct stat status
    {};
    if (::fstat(d->fd, &status) != 0)
        return fail(
            QStringLiteral("cannot stat %1: %2").arg(blobPath, QString::fromLocal8Bit(strerror(errno))));
    const qint64 fileBytes = status.st_size;

    unsigned char header[kHeaderBytes];
    if (fileBytes < kHeaderBytes || ::pread(d->fd, header, kHeaderBytes, 0) != kHeaderBytes)
        return fail(QStringLiteral("bad header: the file is shorter than a header"));
    Result<BlobCipher> cipher =
        BlobCipher::create(masterKey, QByteArray::fromHex(id.toLatin1()), crypto::AesGcm::Direction::Decrypt);
    if (!cipher)
        return fail(cipher.errorMessage());
    d->cipher.emplace(std::move(cipher).value());
    if (const QString problem = d->cipher->checkHeader(header); !problem.isEmpty())
        return fail(QStringLiteral("bad header: %1").arg(problem));

    // Layout from the size; the final chunk's tag (checked below) confirms it.
    const qint64 bodyBytes = fileBytes - kHeaderBytes;
    const qint64 fullRecords = bodyBytes / kRecordBytes;
    const qint64 remainder = bodyBytes % kRecordBytes;
    if (remainder == 0 && fullRecords == 0)
        return fail(QStringLiteral("no chunks (the file is truncated)"));
    if (remainder != 0 && remainder < kTagBytes)
        return fail(
            QStringLiteral("chunk %1: incomplete record (truncated or extended file)").arg(fullRecords));
    d->chunkCount = remainder == 0 ? fullRecords : fullRecords + 1;
    d->lastChunkBytes = remainder == 0 ? kChunkBytes : remainder - kTagBytes;
    d->plaintextBytes = (d->chunkCount - 1) * kChunkBytes + d->lastChunkBytes;

    QString error;
    if (!d->cacheChunk(d->chunkCount - 1, &error)) {
        d->reset();
        setErrorString(error);
        return makeError(error);
    }
    if (!QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return fail(QStringLiteral("cannot open the device"));
    }
    return {};
}

bool BlobReader::open(OpenMode mode)
{
    Q_UNUSED(mode);
    setErrorString(QStringLiteral("a blob is opened with open(path, masterKey)"));
    return false;
}

void BlobReader::close()
{
    QIODevice::close();
    d->reset();
}

QString BlobReader::blobId() const
{
    return d->id;
}

qint64 BlobReader::size() const
{
    return isOpen() ? d->plaintextBytes : 0;
}

bool BlobReader::seek(qint64 position)
{
    if (!isOpen() || position < 0 || position > d->plaintextBytes)
        return false;
    return QIODevice::seek(position);
}

qint64 BlobReader::readData(char* data, qint64 maxSize)
{
    qint64 position = pos();
    qint64 done = 0;
    QString error;
    while (done < maxSize && position < d->plaintextBytes) {
        const qint64 index = position / kChunkBytes;
        const qint64 offset = position % kChunkBytes;
        const qint64 chunkBytes = d->chunkBytes(index);
        const qint64 taken = std::min(maxSize - done, chunkBytes - offset);
        auto destination = reinterpret_cast<unsigned char*>(data + done);
        bool loaded = false;
        if (offset == 0 && taken == chunkBytes && d->cachedChunk != index) {
            // Whole chunk wanted: decrypt straight into the caller's buffer.
            loaded = d->loadChunk(index, destination, &error);
        } else {
            loaded = d->cacheChunk(index, &error);
            if (loaded)
                std::memcpy(destination, d->plaintext.get() + offset, static_cast<size_t>(taken));
        }
        if (!loaded) {
            setErrorString(error);
            return done > 0 ? done : -1;
        }
        done += taken;
        position += taken;
    }
    return done;
}

qint64 BlobReader::writeData(const char* data, qint64 maxSize)
{
    Q_UNUSED(data);
    Q_UNUSED(maxSize);
    return -1;
}

} // namespace holdfast::cache
