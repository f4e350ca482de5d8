#pragma once

#include "Command.h"

namespace holdfast::cli {

// holdfast-cli capture: ingests media files into a signed package in a folder vault.
class CaptureCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("capture"); }
    QString summary() const override
    {
        return QStringLiteral("Package captured media into a folder vault (signed)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
