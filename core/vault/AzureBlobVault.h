#pragma once

#include "vault/AzureConnectionString.h"
#include "vault/AzureSharedKeySigner.h"
#include "vault/HttpTransport.h"
#include "vault/RetryPolicy.h"
#include "vault/Vault.h"

#include <QString>
#include <atomic>
#include <memory>
#include <optional>

namespace holdfast::vault {

// A vault in an Azure Blob Storage container (or below a name prefix in it),
// spoken to with the Blob REST API over QNetworkAccessManager. Shared Key or
// SAS authorisation, HTTPS against the system CAs (plus one optional extra
// CA), timeouts, retries with jittered back-off, resumed ranged reads and
// Content-MD5 checks. Thread-safe: see Vault.
class AzureBlobVault : public Vault
{
public:
    // The REST API version every request pins (Azurite 3.35 accepts it).
    static constexpr char kApiVersion[] = "2024-11-04";

    struct Options
    {
        AzureConnectionString credentials;
        QString container;
        QString prefix;      // "" or "a/b/": vault names are relative to it
        QString extraCaFile; // PEM file of CAs trusted in addition to the system's
        HttpTimeouts timeouts;
        RetryPolicy retry;
    };

    struct Stats
    {
        qint64 attempts = 0; // HTTP requests sent
        qint64 retries = 0;  // of which were retries or resumptions
    };

    static VaultResult<std::unique_ptr<AzureBlobVault>> create(Options options);
    ~AzureBlobVault() override;

    QString describe() const override;
    const QString& container() const { return m_options.container; }
    QString host() const; // "host:port" for messages

    // Creates the container; succeeds when it already exists.
    VaultStatus createContainer(const std::atomic_bool* cancel = nullptr);
    // Deletes one blob (tests, tooling; the sync path never deletes).
    VaultStatus deleteBlob(const QString& name, const std::atomic_bool* cancel = nullptr);

    Stats stats() const { return {m_attempts.load(), m_retries.load()}; }

protected:
    VaultStatus doCreateIfMissing(const std::atomic_bool* cancel) override { return createContainer(cancel); }
    VaultResult<ListPage> doList(const QString& prefix, const QString& marker, int maxResults,
                                 const std::atomic_bool* cancel) override;
    VaultResult<BlobEntry> doStat(const QString& name, const std::atomic_bool* cancel) override;
    VaultResult<qint64> doReadTo(const QString& name, QIODevice* out, qint64 offset_bytes,
                                 qint64 length_bytes, const ProgressCallback& progress,
                                 const std::atomic_bool* cancel) override;
    VaultResult<QString> doPut(const QString& name, QIODevice* data, qint64 bytes, const Condition& condition,
                               const PutOptions& options, const ProgressCallback& progress,
                               const std::atomic_bool* cancel) override;
    VaultResult<QString> doSetMetadata(const QString& name, const Metadata& metadata,
                                       const Condition& condition, const std::atomic_bool* cancel) override;

private:
    struct Operation;

    AzureBlobVault(Options options, QSslConfiguration ssl);

    QUrl urlFor(const QString& blobPath, const QList<QPair<QString, QString>>& query) const;
    // Sends op with retries; returns the final successful response or a mapped error.
    VaultResult<HttpResponse> run(Operation& op, const std::atomic_bool* cancel);
    VaultError mapHttpError(const Operation& op, const HttpResponse& response) const;
    VaultError mapFailure(const Operation& op, const HttpResponse& response) const;
    VaultResult<qint64> readSmallRange(const QString& name, QIODevice* out, qint64 offset_bytes,
                                       qint64 length_bytes, const ProgressCallback& progress,
                                       const std::atomic_bool* cancel);

    Options m_options;
    std::optional<AzureSharedKeySigner> m_signer; // empty: SAS only
    HttpTransport m_transport;
    mutable std::atomic<qint64> m_attempts{0};
    mutable std::atomic<qint64> m_retries{0};
};

} // namespace holdfast::vault
