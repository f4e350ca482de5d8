#include "cache/SearchQuery.h"

#include "cache/SearchFilterSql.h"
#include "cache/Statement.h"

#include <QStringList>

namespace holdfast::cache {

namespace {

constexpr qsizetype kMaxQueryChars = 1000;
constexpr int kMaxTerms = 16;

struct Term
{
    QString text;
    bool prefix = false;
};

bool hasSearchableCharacter(const QString& text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// Quotes and stars have meaning to FTS: inside a term they become separators,
// which is also how the tokenizer treats them.
QString cleanTermText(QString text)
{
    for (QChar& c : text) {
        if (c == u'"' || c == u'*' || c.category() == QChar::Other_Control)
            c = u' ';
    }
    return text.simplified();
}

QString escapeLike(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped;
}

} // namespace

bool SearchFilter::isEmpty() const
{
    return !startedFrom_ms && !startedBefore_ms && participant.isEmpty() &&
           direction == model::CallDirection::Invalid && !minDuration_ms && !maxDuration_ms &&
           trackKinds.isEmpty() && holdState.isEmpty() && verificationState.isEmpty() && tag.isEmpty();
}

QString searchHitKindName(SearchHitKind kind)
{
    switch (kind) {
    case SearchHitKind::Transcript:
        return QStringLiteral("transcript");
    case SearchHitKind::Participant:
        return QStringLiteral("participant");
    case SearchHitKind::Tag:
        return QStringLiteral("tag");
    case SearchHitKind::Note:
        return QStringLiteral("note");
    case SearchHitKind::Invalid:
        break;
    }
    return QString();
}

Result<QString> toFtsMatchExpression(const QString& userQuery)
{
    if (userQuery.size() > kMaxQueryChars)
        return makeError(QStringLiteral("bad search query: longer than %1 characters").arg(kMaxQueryChars));

    QList<Term> terms;
    const qsizetype n = userQuery.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = userQuery.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Term term;
        if (c == u'"') {
            // A phrase runs to the next quote, or to the end when unterminated.
            const qsizetype close = userQuery.indexOf(u'"', i + 1);
            const qsizetype end = close < 0 ? n : close;
            QString body = userQuery.mid(i + 1, end - i - 1).trimmed();
            term.prefix = body.endsWith(u'*');
            // "phrase"* is accepted too.
            if (close >= 0 && close + 1 < n && userQuery.at(close + 1) == u'*') {
                term.prefix = true;
                i = close + 2;
            } else {
                i = close < 0 ? n : close + 1;
            }
            term.text = cleanTermText(body);
        } else {
            qsizetype end = i;
            while (end < n && !userQuery.at(end).isSpace() && userQuery.at(end) != u'"')
                ++end;
            const QString word = userQuery.mid(i, end - i);
            i = end;
            if (word == QLatin1String("AND"))
                continue;
            term.prefix = word.endsWith(u'*');
            term.text = cleanTermText(word);
        }
        if (!hasSearchableCharacter(term.text))
            continue;
        // A one-character prefix would expand to a large part of the vocabulary.
        if (term.prefix && term.text.size() < 2)
            term.prefix = false;
        terms.append(term);
    }
    if (terms.isEmpty())
        return makeError(QStringLiteral("bad search query: nothing to search for in \"%1\"").arg(userQuery));
    if (terms.size() > kMaxTerms)
        return makeError(QStringLiteral("bad search query: more than %1 terms").arg(kMaxTerms));

    QStringList parts;
    for (const Term& term : terms)
        parts << (u'"' + term.text + (term.prefix ? QStringLiteral("*\"") : QStringLiteral("\"")));
    return parts.join(u' ');
}

int trackKindBit(model::TrackKind kind)
{
    switch (kind) {
    case model::TrackKind::Audio:
        return 1;
    case model::TrackKind::Video:
        return 2;
    case model::TrackKind::Screen:
        return 4;
    case model::TrackKind::Invalid:
        break;
    }
    return 0;
}

QString searchFilterSql(const SearchFilter& filter)
{
    QStringList clauses;
    if (filter.startedFrom_ms)
        clauses << QStringLiteral("r.started_at >= :f_from");
    if (filter.startedBefore_ms)
        clauses << QStringLiteral("r.started_at < :f_before");
    if (!filter.participant.isEmpty())
        clauses << QStringLiteral(
            "r.id IN (SELECT recording_id FROM participants WHERE participant_id = :f_pid "
            "OR phone = :f_pid OR email = :f_pid COLLATE NOCASE OR display_name LIKE :f_pname ESCAPE '\\')");
    if (filter.direction != model::CallDirection::Invalid)
        clauses << QStringLiteral("r.direction = :f_direction");
    if (filter.minDuration_ms)
        clauses << QStringLiteral("r.duration_ms >= :f_min_duration");
    if (filter.maxDuration_ms)
        clauses << QStringLiteral("r.duration_ms <= :f_max_duration");
    if (!filter.trackKinds.isEmpty())
        clauses << QStringLiteral("(r.track_kinds & :f_kinds) = :f_kinds");
    if (!filter.holdState.isEmpty())
        clauses << QStringLiteral("r.hold_state = :f_hold");
    if (!filter.verificationState.isEmpty())
        clauses << QStringLiteral("r.verification_state = :f_verification");
    if (!filter.tag.isEmpty())
        clauses << QStringLiteral("r.id IN (SELECT recording_id FROM tags WHERE tag = :f_tag)");
    if (clauses.isEmpty())
        return QString();
    return u'(' + clauses.join(QStringLiteral(" AND ")) + u')';
}

Status bindSearchFilter(Statement& statement, const SearchFilter& filter)
{
    Status s;
    if (filter.startedFrom_ms && !(s = statement.bindInt64(":f_from", *filter.startedFrom_ms)))
        return s;
    if (filter.startedBefore_ms && !(s = statement.bindInt64(":f_before", *filter.startedBefore_ms)))
        return s;
    if (!filter.participant.isEmpty()) {
        if (!(s = statement.bindText(":f_pid", filter.participant)))
            return s;
        if (!(s = statement.bindText(":f_pname", u'%' + escapeLike(filter.participant) + u'%')))
            return s;
    }
    if (filter.direction != model::CallDirection::Invalid &&
        !(s = statement.bindText(":f_direction", model::callDirectionName(filter.direction))))
        return s;
    if (filter.minDuration_ms && !(s = statement.bindInt64(":f_min_duration", *filter.minDuration_ms)))
        return s;
    if (filter.maxDuration_ms && !(s = statement.bindInt64(":f_max_duration", *filter.maxDuration_ms)))
        return s;
    if (!filter.trackKinds.isEmpty()) {
        int mask = 0;
        for (const model::TrackKind kind : filter.trackKinds)
            mask |= trackKindBit(kind);
        if (!(s = statement.bindInt64(":f_kinds", mask)))
            return s;
    }
    if (!filter.holdState.isEmpty() && !(s = statement.bindText(":f_hold", filter.holdState)))
        return s;
    if (!filter.verificationState.isEmpty() &&
        !(s = statement.bindText(":f_verification", filter.verificationState)))
        return s;
    if (!filter.tag.isEmpty() && !(s = statement.bindText(":f_tag", filter.tag)))
        return s;
    return s;
}

} // namespace holdfast::cache
