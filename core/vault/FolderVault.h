#pragma once

#include "vault/Vault.h"

#include <QMutex>
#include <QString>

namespace holdfast::vault {

// The blob-level Vault over a local directory (file:///path): blob names are
// relative file paths. Writes go to a hidden temp file in the target's
// directory and are renamed into place, so readers never see half a file.
// ETags come from the file's identity (inode, size, mtime): a rename-into-place
// always yields a new one. Conditions are atomic within this process; across
// processes only If-None-Match("*") is (it uses link(2)).
class FolderVault : public Vault
{
public:
    explicit FolderVault(QString rootDirectory);

    const QString& rootDirectory() const { return m_root; }
    QString describe() const override;

protected:
    VaultStatus doCreateIfMissing(const std::atomic_bool* cancel) override;
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
    QString pathOf(const QString& name) const;
    VaultStatus checkRoot() const;
    VaultResult<BlobEntry> entryFor(const QString& name) const;

    QString m_root;
    QMutex m_writeMutex; // serialises condition check + rename
};

} // namespace holdfast::vault
