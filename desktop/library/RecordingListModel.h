#pragma once

#include "cache/RecordingStore.h"
#include "cache/SearchQuery.h"
#include "util/Result.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPixmap>
#include <memory>
#include <optional>

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class RecordingPageFetcher;

// The recordings of the cache, read page by page (Workspace::listRecordings,
// each page starting after the last row of the one before) as the view
// scrolls, so that a cache of 100,000 recordings opens as fast as one of ten.
// The first page is read at once; every further page is read ahead of need
// on a worker thread (RecordingPageFetcher), so fetchMore() never waits for
// the database: it inserts the page read ahead, or, when that is still being
// read, the rows follow as soon as it arrives. Sorting and filtering happen
// in the cache: sort() and setFilter() start again from the first page.
class RecordingListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn = 0,
        DateColumn,
        DurationColumn,
        TitleColumn,
        ParticipantsColumn,
        DirectionColumn,
        TracksColumn,
        TagsColumn,
        ColumnCount
    };

    enum Role
    {
        VerifiedRole = Qt::UserRole + 1, // bool
        RecordingIdRole,                 // QString
        QuarantineReasonRole,            // QString, empty when verified
    };

    static constexpr int kDefaultPageSize = 200;

    explicit RecordingListModel(Workspace& workspace, QObject* parent = nullptr,
                                int pageSize = kDefaultPageSize);
    ~RecordingListModel() override; // waits for a page being read

    // Starts again from the first page (after a sync, a filter change).
    void reload();
    void setFilter(const cache::SearchFilter& filter);
    const cache::SearchFilter& filter() const { return m_filter; }
    cache::RecordingOrder order() const { return m_order; }
    // Recordings matching the filter, loaded or not; -1 when unknown.
    qint64 totalCount() const { return m_total; }
    const cache::RecordingSummary& summary(int row) const;
    // The next page has been read ahead and waits for fetchMore().
    bool hasPageAhead() const { return m_ahead.has_value(); }
    QString lastError() const { return m_lastError; }
    static bool isSortable(int column) { return column == DateColumn || column == DurationColumn; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // After a reload, with the new total.
    void reloaded(qint64 total);
    void loadFailed(const QString& message);

private:
    using Page = QList<cache::RecordingSummary>;

    QVariant displayData(const cache::RecordingSummary& summary, int column) const;
    QPixmap trackIcons(const QList<model::TrackKind>& kinds) const;
    void insertPage(Page page);
    void readAhead();
    void pageRead(quint64 generation, Result<Page> page);
    void fail(const QString& message);

    Workspace& m_workspace;
    int m_pageSize;
    cache::SearchFilter m_filter;
    cache::RecordingOrder m_order = cache::RecordingOrder::NewestFirst;
    // The rows loaded, in pages of m_pageSize (only the last one may be
    // shorter): appending a page never moves the rows loaded before it.
    QList<Page> m_pages;
    int m_rowCount = 0;
    std::optional<Page> m_ahead;    // the next page, read ahead and not inserted yet
    bool m_reading = false;         // a page is being read on the worker thread
    bool m_insertOnArrival = false; // fetchMore() came while it was being read
    bool m_atEnd = false;           // no rows after the loaded and read-ahead ones
    bool m_resetting = false;
    bool m_fetching = false;
    quint64 m_generation = 0; // bumped by reload(): pages of an older listing are dropped
    qint64 m_total = -1;
    QString m_lastError;
    QIcon m_verifiedIcon; // made once: a QIcon per data() call parses the SVG again on every paint
    QIcon m_failedIcon;
    mutable QHash<int, QPixmap> m_trackIcons;        // by kind mask
    std::unique_ptr<RecordingPageFetcher> m_fetcher; // last: stopped first, before the rows go
};

} // namespace holdfast::desktop
