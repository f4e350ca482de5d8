#include "crypto/Sha256.h"

#include <QFile>
#include <openssl/evp.h>

namespace holdfast::crypto {

namespace {

constexpr qint64 kChunkBytes = 1024 * 1024;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

} // namespace

struct Sha256::Private
{
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx{EVP_MD_CTX_new()};

    void reset()
    {
        // Only fails on allocation failure, which Qt treats as fatal anyway.
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
            qFatal("SHA-256: cannot initialise the OpenSSL digest");
    }
};

Sha256::Sha256()
    : d(std::make_unique<Private>())
{
    d->reset();
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::addData(const char* data, qint64 bytes)
{
    if (bytes > 0)
        EVP_DigestUpdate(d->ctx.get(), data, static_cast<size_t>(bytes));
}

QByteArray Sha256::result()
{
    QByteArray digest(kDigestBytes, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(d->ctx.get(), reinterpret_cast<unsigned char*>(digest.data()), &length);
    d->reset();
    return digest;
}

QByteArray Sha256::hash(const QByteArray& data)
{
    Sha256 sha;
    sha.addData(data);
    return sha.result();
}

QByteArray Sha256::hashHex(const QByteArray& data)
{
    return hash(data).toHex();
}

Result<QByteArray> Sha256::hashFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open for reading: %2").arg(path, file.errorString()));
    Sha256 sha;
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(buffer.data(), kChunkBytes);
        if (read < 0)
            return makeError(QStringLiteral("%1: read error: %2").arg(path, file.errorString()));
        if (read == 0)
            break;
        sha.addData(buffer.constData(), read);
    }
    return sha.result();
}

QByteArray Sha256::fromHex(const QByteArray& hex)
{
    if (hex.size() != 2 * kDigestBytes)
        return {};
    for (const char c : hex) {
        const bool isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!isHex)
            return {};
    }
    return QByteArray::fromHex(hex);
}

} // namespace holdfast::crypto
