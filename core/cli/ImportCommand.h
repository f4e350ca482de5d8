#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli import: verifies and imports a folder vault into a cache.
class ImportCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override { return QStringLiteral("Import a folder vault into a cache"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
