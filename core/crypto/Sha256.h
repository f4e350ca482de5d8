#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace holdfast::crypto {

// Streaming SHA-256 over OpenSSL EVP. Hides the EVP context so that no
// OpenSSL type leaks into headers.
class Sha256
{
public:
    static constexpr int kDigestBytes = 32;

    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(const char* data, qint64 bytes);
    void addData(const QByteArray& data) { addData(data.constData(), data.size()); }
    // Raw 32-byte digest; the object is reset and can be reused afterwards.
    QByteArray result();

    static QByteArray hash(const QByteArray& data);    // raw 32 bytes
    static QByteArray hashHex(const QByteArray& data); // lower-case hex, 64 characters
    // Raw digest of a file read in 1 MiB chunks; the error names the file.
    static Result<QByteArray> hashFile(const QString& path);

    static QByteArray toHex(const QByteArray& raw) { return raw.toHex(); }
    // Empty when hex is not exactly 64 hex digits.
    static QByteArray fromHex(const QByteArray& hex);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace holdfast::crypto
