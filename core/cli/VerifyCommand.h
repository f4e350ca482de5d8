#pragma once

#include "Command.h"

namespace holdfast::cli {

// holdfast-cli verify: checks packages in a folder vault against their signed manifests.
class VerifyCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString summary() const override
    {
        return QStringLiteral("Verify hashes and signatures of recordings in a vault");
    }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
