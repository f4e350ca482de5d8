#include "library/SearchResultsModel.h"

#include "workspace/Workspace.h"

#include <algorithm>

namespace holdfast::desktop {

SearchResultsModel::SearchResultsModel(Workspace& workspace, QObject* parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{}

bool SearchResultsModel::search(const QString& text, const cache::SearchFilter& filter)
{
    cache::SearchRequest request;
    request.text = text;
    request.filter = filter;
    request.limit = kMaxHits;
    auto hits = m_workspace.search(request);
    beginResetModel();
    m_query = text;
    m_hits.clear();
    m_lastError.clear();
    if (hits)
        m_hits = std::move(hits).value();
    else
        m_lastError = hits.errorMessage();
    endResetModel();
    return m_lastError.isEmpty();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_query.clear();
    m_hits.clear();
    m_lastError.clear();
    endResetModel();
}

QString SearchResultsModel::snippetToHtml(const QString& snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(QChar(cache::kHighlightStart),
                 QStringLiteral("<b style=\"background-color:#ffe082;color:#000\">"));
    html.replace(QChar(cache::kHighlightEnd), QStringLiteral("</b>"));
    return html;
}

QString SearchResultsModel::snippetToText(const QString& snippet)
{
    QString text = snippet;
    text.remove(QChar(cache::kHighlightStart));
    text.remove(QChar(cache::kHighlightEnd));
    return text;
}

QString SearchResultsModel::formatTime(qint64 position_ms)
{
    const qint64 seconds = std::max<qint64>(0, position_ms) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cache::SearchHit& hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn:
            return hit.start_ms >= 0 ? formatTime(hit.start_ms) : QString();
        case KindColumn:
            switch (hit.kind) {
            case cache::SearchHitKind::Transcript:
                return tr("Transcript");
            case cache::SearchHitKind::Participant:
                return tr("Participant");
            case cache::SearchHitKind::Tag:
                return tr("Tag");
            case cache::SearchHitKind::Note:
                return tr("Note");
            case cache::SearchHitKind::Invalid:
                break;
            }
            return {};
        case SnippetColumn:
            return snippetToText(hit.snippet);
        case SpeakerColumn:
            return hit.speaker;
        case RecordingColumn:
            return hit.recordingId;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SnippetColumn)
            return snippetToText(hit.snippet);
        return {};
    case RecordingIdRole:
        return hit.recordingId;
    case StartRole:
        return std::max<qint64>(0, hit.start_ms);
    case SnippetHtmlRole:
        return snippetToHtml(hit.snippet);
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Found in");
    case SnippetColumn:
        return tr("Match");
    case SpeakerColumn:
        return tr("Speaker");
    case RecordingColumn:
        return tr("Recording");
    default:
        return {};
    }
}

} // namespace holdfast::desktop
