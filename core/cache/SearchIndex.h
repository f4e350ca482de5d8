#pragma once

#include "cache/SearchQuery.h"
#include "util/Result.h"

#include <QList>

namespace holdfast::cache {

class Database;

// Full-text search over the FTS4 indexes of the cache: transcript segments,
// participants (name, phone, e-mail), tags and bookmark notes. A hit is one
// indexed row whose text matches every term; recording filters narrow the
// hits. Hits of all kinds are ranked together by BM25 (holdfast_bm25 over
// matchinfo 'pcnalx', registered by Database) and paged with limit/offset.
// Snippets are computed for the returned page only.
class SearchIndex
{
public:
    explicit SearchIndex(Database& database)
        : m_database(database)
    {}

    Result<QList<SearchHit>> search(const SearchRequest& request);

private:
    Database& m_database;
};

} // namespace holdfast::cache
