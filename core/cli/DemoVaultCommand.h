#pragma once

#include "Command.h"

namespace holdfast::cli {

// holdfast-cli demo-vault: generates a folder vault of realistic demo calls.
class DemoVaultCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("demo-vault"); }
    QString summary() const override { return QStringLiteral("Generate a folder vault of demo calls"); }
    bool needsGuiApplication() const override { return true; } // the generator renders with QPainter
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
