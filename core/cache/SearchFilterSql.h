#pragma once

// Internal to core/cache: the SQL form of a SearchFilter over recordings
// aliased "r". Parameters are named :f_*; bind them with bindSearchFilter().

#include "cache/SearchQuery.h"
#include "util/Result.h"

#include <QString>

namespace holdfast::cache {

class Statement;

// "" when the filter is empty, else "(... AND ...)".
QString searchFilterSql(const SearchFilter& filter);
Status bindSearchFilter(Statement& statement, const SearchFilter& filter);
int trackKindBit(model::TrackKind kind);

} // namespace holdfast::cache
