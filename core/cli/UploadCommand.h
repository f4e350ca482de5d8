#pragma once

#include "Command.h"
#include "VaultOptions.h"

namespace holdfast::cli {

// holdfast-cli upload: publishes a folder vault's packages to a vault, never
// overwriting what is there.
class UploadCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("upload"); }
    QString summary() const override
    {
        return QStringLiteral("Upload a folder vault's keys and packages to a vault (Azure Blob or folder)");
    }
    int run(const QStringList& arguments) override;

private:
    VaultOptions m_vaultOptions;
};

} // namespace holdfast::cli
