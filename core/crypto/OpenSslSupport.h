#pragma once

// Internal to core/crypto: the only header besides the .cpp files that
// names OpenSSL types. Never include it from outside this folder.

#include <QByteArray>
#include <QString>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace holdfast::crypto::detail {

struct EvpPkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;

struct BioDeleter
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

// Drains OpenSSL's thread-local error queue into one readable string, so a
// stale error never shows up in a later, unrelated message.
QString takeOpenSslErrors();

// Contents of a memory BIO.
QByteArray bioContents(BIO* bio);

} // namespace holdfast::crypto::detail
