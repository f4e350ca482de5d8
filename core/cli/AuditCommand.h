#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli audit verify|list: the hash-chained audit log of a cache.
class AuditCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override { return QStringLiteral("Verify or list the audit log of a cache"); }
    int run(const QStringList& arguments) override;

private:
    int runVerify(const QStringList& arguments);
    int runList(const QStringList& arguments);
};

} // namespace holdfast::cli
