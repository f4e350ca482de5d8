#pragma once

#include "cache/SearchQuery.h"

#include <QAbstractTableModel>
#include <QList>

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

// Hits of a full-text search in the cache (Workspace::search): transcript
// segments with their time, participants, tags and bookmark notes, each with a
// snippet whose matched words SnippetHtmlRole marks up.
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn = 0,
        KindColumn,
        SnippetColumn,
        SpeakerColumn,
        RecordingColumn,
        ColumnCount
    };

    enum Role
    {
        RecordingIdRole = Qt::UserRole + 1, // QString
        StartRole,                          // qint64 ms; 0 when the hit has no time
        SnippetHtmlRole,                    // QString: escaped text, matches in <b>
    };

    static constexpr int kMaxHits = 200;

    explicit SearchResultsModel(Workspace& workspace, QObject* parent = nullptr);

    // Runs the search; false with lastError() for a query FTS cannot take.
    bool search(const QString& text, const cache::SearchFilter& filter = {});
    void clear();
    QString query() const { return m_query; }
    QString lastError() const { return m_lastError; }
    const cache::SearchHit& hit(int row) const { return m_hits.at(row); }

    // Escapes the snippet and turns the highlight markers into <b> tags.
    static QString snippetToHtml(const QString& snippet);
    // The snippet without markers.
    static QString snippetToText(const QString& snippet);
    static QString formatTime(qint64 position_ms); // "1:02:03" or "2:03"

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Workspace& m_workspace;
    QString m_query;
    QString m_lastError;
    QList<cache::SearchHit> m_hits;
};

} // namespace holdfast::desktop
