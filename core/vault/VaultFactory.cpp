#include "vault/VaultFactory.h"

#include "vault/FolderVault.h"

namespace holdfast::vault {

VaultResult<std::unique_ptr<Vault>> openVault(const QString& url, const VaultOpenOptions& options)
{
    auto parsed = VaultUrl::parse(url);
    if (!parsed)
        return parsed.error();
    if (parsed->scheme == VaultUrl::Scheme::File)
        return std::unique_ptr<Vault>(std::make_unique<FolderVault>(parsed->localPath));

    AzureBlobVault::Options azure;
    if (options.credentials) {
        azure.credentials = *options.credentials;
    } else {
        auto fromEnvironment = AzureConnectionString::fromEnvironment();
        if (!fromEnvironment)
            return fromEnvironment.error();
        azure.credentials = std::move(fromEnvironment).value();
    }
    azure.container = parsed->container;
    azure.prefix = parsed->prefix;
    azure.extraCaFile = options.extraCaFile;
    azure.timeouts = options.timeouts;
    azure.retry = options.retry;
    auto vault = AzureBlobVault::create(std::move(azure));
    if (!vault)
        return vault.error();
    return std::unique_ptr<Vault>(std::move(vault).value());
}

VaultResult<std::unique_ptr<Vault>> openVault(const QString& url, const QString& connectionString,
                                              const QString& extraCaFile)
{
    VaultOpenOptions options;
    if (!connectionString.isEmpty()) {
        auto credentials = AzureConnectionString::parse(connectionString);
        if (!credentials)
            return credentials.error();
        options.credentials = std::move(credentials).value();
    }
    options.extraCaFile = extraCaFile;
    return openVault(url, options);
}

} // namespace holdfast::vault
