#pragma once

#include "cache/RecordingStore.h"
#include "cache/SearchQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPixmap>

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

// The recordings of the cache, read page by page (Workspace::listRecordings
// with limit/offset) as the view scrolls, so that a cache of 100,000
// recordings opens as fast as one of ten. Sorting and filtering happen in the
// cache: sort() and setFilter() start again from the first page.
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

    // Starts again from the first page (after a sync, a filter change).
    void reload();
    void setFilter(const cache::SearchFilter& filter);
    const cache::SearchFilter& filter() const { return m_filter; }
    cache::RecordingOrder order() const { return m_order; }
    // Recordings matching the filter, loaded or not; -1 when unknown.
    qint64 totalCount() const { return m_total; }
    const cache::RecordingSummary& summary(int row) const { return m_rows.at(row); }
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
    QVariant displayData(const cache::RecordingSummary& summary, int column) const;
    QPixmap trackIcons(const QList<model::TrackKind>& kinds) const;

    Workspace& m_workspace;
    int m_pageSize;
    cache::SearchFilter m_filter;
    cache::RecordingOrder m_order = cache::RecordingOrder::NewestFirst;
    QList<cache::RecordingSummary> m_rows;
    bool m_atEnd = false;
    bool m_resetting = false;
    bool m_fetching = false;
    qint64 m_total = -1;
    QString m_lastError;
    QIcon m_verifiedIcon; // made once: a QIcon per data() call parses the SVG again on every paint
    QIcon m_failedIcon;
    mutable QHash<int, QPixmap> m_trackIcons; // by kind mask
};

} // namespace holdfast::desktop
