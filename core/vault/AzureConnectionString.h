#pragma once

#include "vault/Vault.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace holdfast::vault {

// An Azure Storage connection string, read the way Azure's SDKs read them:
//   DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=<base64>;EndpointSuffix=core.windows.net
//   BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=...&sig=...
//   UseDevelopmentStorage=true   (Azurite's public devstoreaccount1 on 127.0.0.1:10000)
// Keys are case-insensitive; values may contain '='. Errors never quote the key.
struct AzureConnectionString
{
    QString accountName;
    QByteArray accountKey;         // decoded; empty when only a SAS is given
    QString sharedAccessSignature; // without a leading '?'
    QUrl blobEndpoint;             // e.g. http://127.0.0.1:10000/devstoreaccount1 (no trailing '/')

    static VaultResult<AzureConnectionString> parse(const QString& text);

    // From the environment variable AZURE_STORAGE_CONNECTION_STRING.
    static VaultResult<AzureConnectionString> fromEnvironment();

    // Azurite's well-known development account (the key is public).
    static AzureConnectionString developmentStorage(const QString& blobEndpoint = {});

    bool hasSharedKey() const { return !accountKey.isEmpty(); }
    bool hasSas() const { return !sharedAccessSignature.isEmpty(); }
};

inline constexpr char kDevelopmentAccountName[] = "devstoreaccount1";
inline constexpr char kDevelopmentAccountKeyBase64[] =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
inline constexpr char kDevelopmentBlobEndpoint[] = "http://127.0.0.1:10000/devstoreaccount1";

} // namespace holdfast::vault
