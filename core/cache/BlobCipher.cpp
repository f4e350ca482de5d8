#include "cache/BlobCipher.h"

#include "cache/MasterKey.h"

#include <QtEndian>
#include <cstring>

namespace holdfast::cache {

using namespace blobformat;
using crypto::AesGcm;

namespace {

constexpr quint32 kChunkDomain = 0;
constexpr quint32 kHeaderDomain = 1;

QByteArrayView viewOf(const unsigned char* bytes, qsizetype size)
{
    return {reinterpret_cast<const char*>(bytes), size};
}

} // namespace

BlobCipher::BlobCipher(AesGcm gcm, const QByteArray& idBytes)
    : m_gcm(std::move(gcm))
{
    unsigned char* prefix = m_headerPrefix.data();
    std::memcpy(prefix, kMagic, sizeof kMagic);
    qToBigEndian<quint32>(kVersion, prefix + 8);
    qToBigEndian<quint32>(static_cast<quint32>(kChunkBytes), prefix + 12);
    std::memcpy(prefix + 16, idBytes.constData(), kIdBytes);
    std::memcpy(m_chunkAad.data(), prefix, kHeaderAuthenticatedBytes);
}

Result<BlobCipher> BlobCipher::create(const MasterKey& masterKey, const QByteArray& idBytes,
                                      AesGcm::Direction direction)
{
    if (idBytes.size() != kIdBytes)
        return makeError(QStringLiteral("invalid blob id"));
    Result<SecretKey> blobKey = masterKey.deriveBlobKey(idBytes);
    if (!blobKey)
        return blobKey.error();
    // The expanded key lives on in the EVP context; blobKey is wiped here.
    Result<AesGcm> gcm = AesGcm::create(direction, blobKey->data());
    if (!gcm)
        return gcm.error();
    return BlobCipher(std::move(gcm).value(), idBytes);
}

void BlobCipher::fillChunkParameters(quint64 index, bool last)
{
    qToBigEndian<quint32>(kChunkDomain, m_nonce.data());
    qToBigEndian<quint64>(index, m_nonce.data() + 4);
    qToBigEndian<quint64>(index, m_chunkAad.data() + kHeaderAuthenticatedBytes);
    m_chunkAad[kHeaderAuthenticatedBytes + 8] = last ? 1 : 0;
}

bool BlobCipher::writeHeader(unsigned char* header)
{
    std::memcpy(header, m_headerPrefix.data(), kHeaderAuthenticatedBytes);
    qToBigEndian<quint32>(kHeaderDomain, m_nonce.data());
    qToBigEndian<quint64>(0, m_nonce.data() + 4);
    return m_gcm.encrypt(m_nonce.data(), viewOf(header, kHeaderAuthenticatedBytes), nullptr, 0, nullptr,
                         header + kHeaderAuthenticatedBytes);
}

QString BlobCipher::checkHeader(const unsigned char* header)
{
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0)
        return QStringLiteral("not a Holdfast blob (bad magic)");
    if (const quint32 version = qFromBigEndian<quint32>(header + 8); version != kVersion)
        return QStringLiteral("unsupported format version %1").arg(version);
    if (const quint32 chunkBytes = qFromBigEndian<quint32>(header + 12); chunkBytes != kChunkBytes)
        return QStringLiteral("unsupported chunk size %1").arg(chunkBytes);
    if (std::memcmp(header + 16, m_headerPrefix.data() + 16, kIdBytes) != 0)
        return QStringLiteral("the header belongs to another blob");
    qToBigEndian<quint32>(kHeaderDomain, m_nonce.data());
    qToBigEndian<quint64>(0, m_nonce.data() + 4);
    if (!m_gcm.decrypt(m_nonce.data(), viewOf(header, kHeaderAuthenticatedBytes), nullptr, 0, nullptr,
                       header + kHeaderAuthenticatedBytes))
        return QStringLiteral("header authentication failed");
    return {};
}

bool BlobCipher::sealChunk(quint64 index, bool last, const unsigned char* plaintext, qsizetype bytes,
                           unsigned char* record)
{
    fillChunkParameters(index, last);
    return m_gcm.encrypt(m_nonce.data(), viewOf(m_chunkAad.data(), m_chunkAad.size()), plaintext, bytes,
                         record, record + bytes);
}

bool BlobCipher::openChunk(quint64 index, bool last, const unsigned char* record, qsizetype plaintextBytes,
                           unsigned char* plaintext)
{
    fillChunkParameters(index, last);
    return m_gcm.decrypt(m_nonce.data(), viewOf(m_chunkAad.data(), m_chunkAad.size()), record, plaintextBytes,
                         plaintext, record + plaintextBytes);
}

} // namespace holdfast::cache
