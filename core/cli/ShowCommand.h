#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli show: one recording of a cache in full.
class ShowCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override { return QStringLiteral("Show one recording of a cache in full"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
