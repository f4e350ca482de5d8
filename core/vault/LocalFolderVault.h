#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace holdfast::vault {

// A vault that is a directory on disk (the embedded default and the demo
// vault): keys/<node>.pem and recordings/YYYY/MM/DD/<recording-id>/.
// Blob-level access to vaults (folder and Azure) is the Vault interface in
// vault/Vault.h; this class knows the package layout of a folder vault.
class LocalFolderVault
{
public:
    explicit LocalFolderVault(QString rootDirectory);

    const QString& rootDirectory() const { return m_root; }
    QString keysDirectory() const;

    // Absolute paths of every package directory under recordings/, sorted.
    // Fails, naming the directory, when the root is not a readable vault.
    Result<QStringList> packageDirectories() const;

    // Package directory of one recording id (searched under recordings/).
    Result<QString> packageDirectory(const QString& recordingId) const;

private:
    QString m_root;
};

} // namespace holdfast::vault
