#pragma once

#include "cache/BlobFormat.h"
#include "crypto/AesGcm.h"
#include "util/Result.h"

#include <QByteArray>
#include <array>

namespace holdfast::cache {

class MasterKey;

// Seals and opens the header and chunk records of one blob (BlobFormat.h)
// under its per-blob key. Shared by BlobWriter and BlobReader; no I/O and no
// allocation per chunk.
class BlobCipher
{
public:
    // idBytes: the kIdBytes raw bytes of the blob id.
    static Result<BlobCipher> create(const MasterKey& masterKey, const QByteArray& idBytes,
                                     crypto::AesGcm::Direction direction);

    // Writes the kHeaderBytes header (encrypting cipher only).
    bool writeHeader(unsigned char* header);
    // Empty when the header is this blob's and authentic, otherwise what is wrong.
    QString checkHeader(const unsigned char* header);

    // plaintext (bytes <= kChunkBytes) -> record of bytes + kTagBytes.
    bool sealChunk(quint64 index, bool last, const unsigned char* plaintext, qsizetype bytes,
                   unsigned char* record);
    // record of plaintextBytes + kTagBytes -> plaintext; false (plaintext
    // zeroed) when the record is not chunk `index` of this blob with that
    // last-chunk flag.
    bool openChunk(quint64 index, bool last, const unsigned char* record, qsizetype plaintextBytes,
                   unsigned char* plaintext);

private:
    BlobCipher(crypto::AesGcm gcm, const QByteArray& idBytes);
    void fillChunkParameters(quint64 index, bool last);

    crypto::AesGcm m_gcm;
    std::array<unsigned char, blobformat::kHeaderAuthenticatedBytes> m_headerPrefix{};
    std::array<unsigned char, crypto::AesGcm::kNonceBytes> m_nonce{};
    std::array<unsigned char, blobformat::kHeaderAuthenticatedBytes + 9> m_chunkAad{};
};

} // namespace holdfast::cache
