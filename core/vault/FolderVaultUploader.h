#pragma once

#include "vault/Vault.h"

#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::vault {

struct UploadReport
{
    int uploaded = 0;  // new blobs written
    int identical = 0; // already in the vault with the same bytes (Content-MD5 or size+content)
    qint64 bytes = 0;  // bytes uploaded
};

// Copies a folder vault (keys/ and recordings/) into a vault, file by file,
// as a capture node publishes packages: every blob is created with
// If-None-Match: * so nothing already in the vault is ever overwritten. A
// blob that exists with the same bytes is skipped; one that exists with other
// bytes is an error naming it (vault originals are immutable).
// progress gets (files done, files in all, current blob name).
VaultResult<UploadReport>
uploadFolderVault(const QString& folderVault, Vault& target,
                  const std::function<void(int, int, const QString&)>& progress = {},
                  const std::atomic_bool* cancel = nullptr);

} // namespace holdfast::vault
