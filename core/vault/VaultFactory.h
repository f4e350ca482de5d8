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
// The same for a saved account's fields, and the one way every caller (sync
// job, on-demand fetch, CLI) opens a saved account's vault: an empty
// connection string means AZURE_STORAGE_CONNECTION_STRING (and nothing for
// folder vaults).
VaultResult<std::unique_ptr<Vault>> openVault(const QString& url, const QString& connectionString,
                                              const QString& extraCaFile);

} // namespace holdfast::vault
