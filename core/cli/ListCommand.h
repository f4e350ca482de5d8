#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli list: the recordings in a cache.
class ListCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override { return QStringLiteral("List the recordings in a cache"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
