#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <memory>

namespace holdfast::crypto {

// AES-256-GCM over OpenSSL EVP (AES-NI / VAES when the CPU has them). The key
// schedule is set up once and kept in the EVP context, so sealing many small
// messages under one key costs only an IV reset each: no allocation, no
// implicit algorithm fetch per message. Move-only; OpenSSL wipes the expanded
// key when the context is freed. A context is one direction only.
class AesGcm
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 12;
    static constexpr int kTagBytes = 16;

    enum class Direction
    {
        Invalid,
        Encrypt,
        Decrypt,
    };

    ~AesGcm();
    AesGcm(AesGcm&&) noexcept;
    AesGcm& operator=(AesGcm&&) noexcept;
    AesGcm(const AesGcm&) = delete;
    AesGcm& operator=(const AesGcm&) = delete;

    // key points at kKeyBytes bytes; they are not retained.
    static Result<AesGcm> create(Direction direction, const unsigned char* key);

    // Encrypts bytes from in to out (in == out is allowed) and writes the
    // kTagBytes tag. False only on an internal OpenSSL failure.
    bool encrypt(const unsigned char* nonce, QByteArrayView associatedData, const unsigned char* in,
                 qsizetype bytes, unsigned char* out, unsigned char* tag);
    // Decrypts and verifies. False when the tag does not match (damage,
    // tampering or the wrong key): out is then zeroed, so unauthenticated
    // plaintext never escapes.
    bool decrypt(const unsigned char* nonce, QByteArrayView associatedData, const unsigned char* in,
                 qsizetype bytes, unsigned char* out, const unsigned char* tag);

private:
    struct Private;
    explicit AesGcm(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace holdfast::crypto
