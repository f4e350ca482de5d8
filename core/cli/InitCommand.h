#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli init: creates a new encrypted cache.
class InitCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override { return QStringLiteral("Create a new encrypted cache"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
