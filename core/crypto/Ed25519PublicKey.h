#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace holdfast::crypto {

// An Ed25519 public key (RFC 8032) over an OpenSSL EVP_PKEY. Move-only;
// a default-constructed or moved-from key is null and verifies nothing.
class Ed25519PublicKey
{
public:
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSignatureBytes = 64;

    Ed25519PublicKey();
    ~Ed25519PublicKey();
    Ed25519PublicKey(Ed25519PublicKey&&) noexcept;
    Ed25519PublicKey& operator=(Ed25519PublicKey&&) noexcept;
    Ed25519PublicKey(const Ed25519PublicKey&) = delete;
    Ed25519PublicKey& operator=(const Ed25519PublicKey&) = delete;

    // SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"); refuses other key types.
    static Result<Ed25519PublicKey> fromPem(const QByteArray& pem);
    // Reads fromPem() from a file; errors name the file.
    static Result<Ed25519PublicKey> loadPem(const QString& path);
    static Result<Ed25519PublicKey> fromRaw(const QByteArray& raw32);

    bool isNull() const;
    QByteArray toPem() const;
    QByteArray raw() const; // 32 bytes; empty when null

    // True only for a valid 64-byte signature of data made with the matching private key.
    bool verify(const QByteArray& data, const QByteArray& signature) const;

    bool operator==(const Ed25519PublicKey& other) const;

private:
    struct Private;
    explicit Ed25519PublicKey(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace holdfast::crypto
