#pragma once

#include "vault/AzureBlobVault.h"
#include "vault/Vault.h"
#include "vault/VaultUrl.h"

#include <memory>
#include <optional>

namespace holdfast::vault {

struct VaultOpenOptions
{
    // For azure:// URLs; when empty, AZURE_STORAGE_CONNECTION_STRING is read.
    std::optional<AzureConnectionString> credentials;
    QString extraCaFile;
    HttpTimeouts timeouts;
    RetryPolicy retry;
};

// Opens the backend a vault URL names (file:///path or azure://container[/prefix]).
VaultResult<std::unique_ptr<Vault>> openVault(const QString& url, const VaultOpenOptions& options = {});

} // namespace holdfast::vault
