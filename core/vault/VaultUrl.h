#pragma once

#include "vault/Vault.h"

#include <QString>

namespace holdfast::vault {

// Where a vault lives, as the CLI and settings spell it:
//   file:///srv/vault              a local directory (FolderVault)
//   azure://<container>[/prefix]   an Azure Blob container, optionally below a
//                                  name prefix (AzureBlobVault). Credentials
//                                  come separately (connection string).
struct VaultUrl
{
    enum class Scheme
    {
        Invalid = 0,
        File,
        Azure
    };

    Scheme scheme = Scheme::Invalid;
    QString localPath; // File: absolute, cleaned
    QString container; // Azure: 3-63 of a-z 0-9 '-'
    QString prefix;    // Azure: "" or "a/b/" (always ends with '/')

    static VaultResult<VaultUrl> parse(const QString& text);
    QString toString() const;
};

// Azure's container name rule: 3-63 characters, lower-case letters, digits and
// single hyphens, starting and ending with a letter or digit.
bool isValidContainerName(const QString& name);

} // namespace holdfast::vault
