#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli passwd: changes a cache's passphrase (re-wraps the master key only).
class PasswdCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("passwd"); }
    QString summary() const override { return QStringLiteral("Change the passphrase of a cache"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
