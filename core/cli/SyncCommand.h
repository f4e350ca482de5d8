#pragma once

#include "CacheCommand.h"
#include "VaultOptions.h"

namespace holdfast::cli {

// holdfast-cli sync: pulls a vault (folder or Azure Blob) into a cache.
class SyncCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("sync"); }
    QString summary() const override
    {
        return QStringLiteral("Sync recordings from a vault (folder or Azure Blob) into a cache");
    }
    int run(const QStringList& arguments) override;

private:
    VaultOptions m_vaultOptions;
};

} // namespace holdfast::cli
