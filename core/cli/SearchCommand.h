#pragma once

#include "CacheCommand.h"

namespace holdfast::cli {

// holdfast-cli search: full-text search over a cache's transcripts, participants, tags and notes.
class SearchCommand : public CacheCommand
{
public:
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override { return QStringLiteral("Search transcripts and metadata in a cache"); }
    int run(const QStringList& arguments) override;
};

} // namespace holdfast::cli
