#include "library/RecordingListModel.h"

#include "app/DisplayNames.h"
#include "library/RecordingPageFetcher.h"
#include "workspace/Workspace.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QScopedValueRollback>

namespace holdfast::desktop {

namespace {

QString formatDuration(qint64 duration_ms)
{
    const qint64 seconds = (duration_ms + 500) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString directionText(model::CallDirection direction)
{
    switch (direction) {
    case model::CallDirection::Inbound:
        return RecordingListModel::tr("Inbound");
    case model::CallDirection::Outbound:
        return RecordingListModel::tr("Outbound");
    case model::CallDirection::Internal:
        return RecordingListModel::tr("Internal");
    case model::CallDirection::Invalid:
        break;
    }
    return {};
}

QString trackIconPath(model::TrackKind kind)
{
    switch (kind) {
    case model::TrackKind::Audio:
        return QStringLiteral(":/icons/track-audio.svg");
    case model::TrackKind::Video:
        return QStringLiteral(":/icons/track-video.svg");
    case model::TrackKind::Screen:
        return QStringLiteral(":/icons/track-screen.svg");
    case model::TrackKind::Invalid:
        break;
    }
    return {};
}

bool isVerified(const cache::RecordingSummary& summary)
{
    return summary.verificationState == cache::VerificationState::Verified;
}

} // namespace

RecordingListModel::RecordingListModel(Workspace& workspace, QObject* parent, int pageSize)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
    , m_pageSize(std::max(1, pageSize))
    , m_verifiedIcon(QStringLiteral(":/icons/verified.svg"))
    , m_failedIcon(QStringLiteral(":/icons/failed.svg"))
    , m_fetcher(std::make_unique<RecordingPageFetcher>(workspace))
{
    reload();
}

RecordingListModel::~RecordingListModel() = default;

void RecordingListModel::reload()
{
    ++m_generation; // a page still being read belongs to the listing before
    // Views (and QAbstractItemModelTester) may call fetchMore() from their
    // modelReset handlers; rows inserted then would land inside the reset.
    // canFetchMore() says no until the reset is announced, then the first
    // page is read here.
    m_resetting = true;
    beginResetModel();
    m_pages.clear();
    m_rowCount = 0;
    m_ahead.reset();
    m_reading = false;
    m_insertOnArrival = false;
    m_atEnd = false;
    m_lastError.clear();
    auto total = m_workspace.countRecordings(m_filter);
    m_total = total ? *total : -1;
    if (!total) {
        m_lastError = total.errorMessage();
        m_atEnd = true;
    }
    endResetModel();
    m_resetting = false;
    // The first page right away: the view shows something before it asks.
    // This one read (which audits the listing) is on this thread; the pages
    // after it are read ahead on the fetcher's.
    if (!m_atEnd) {
        auto first = m_workspace.listRecordings(m_filter, m_pageSize, 0, m_order);
        if (!first) {
            m_atEnd = true;
            m_lastError = first.errorMessage();
        } else {
            if (first->size() < m_pageSize)
                m_atEnd = true;
            if (!first->isEmpty())
                insertPage(std::move(first).value());
        }
    }
    if (!m_lastError.isEmpty())
        Q_EMIT loadFailed(m_lastError);
    Q_EMIT reloaded(m_total);
    readAhead();
}

void RecordingListModel::setFilter(const cache::SearchFilter& filter)
{
    m_filter = filter;
    reload();
}

const cache::RecordingSummary& RecordingListModel::summary(int row) const
{
    // Every page but the last holds exactly m_pageSize rows.
    return m_pages.at(row / m_pageSize).at(row % m_pageSize);
}

int RecordingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int RecordingListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RecordingListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_resetting && !m_fetching && (m_ahead || !m_atEnd);
}

void RecordingListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_ahead) {
        Page page = std::move(*m_ahead);
        m_ahead.reset();
        insertPage(std::move(page));
        readAhead(); // the page after it, while the view shows this one
        return;
    }
    // Still being read: the rows are inserted when it arrives. Never wait here.
    m_insertOnArrival = true;
    readAhead();
}

void RecordingListModel::readAhead()
{
    if (m_atEnd || m_ahead || m_reading || m_rowCount == 0)
        return;
    m_reading = true;
    // The next page starts after the last row: as cheap deep down as at the top.
    RecordingPageFetcher::Request request{m_filter, m_order, m_pageSize, m_rowCount, summary(m_rowCount - 1)};
    m_fetcher->fetch(std::move(request), [this, generation = m_generation](Result<Page> page) {
        pageRead(generation, std::move(page));
    });
}

void RecordingListModel::pageRead(quint64 generation, Result<Page> page)
{
    if (generation != m_generation)
        return;
    m_reading = false;
    if (!page) {
        fail(page.errorMessage());
        return;
    }
    if (page->size() < m_pageSize)
        m_atEnd = true;
    if (page->isEmpty()) {
        m_insertOnArrival = false; // nothing more to insert
        return;
    }
    m_ahead = std::move(page).value();
    if (std::exchange(m_insertOnArrival, false))
        fetchMore({});
}

void RecordingListModel::insertPage(Page page)
{
    // Not again from a handler of the insertion below.
    const QScopedValueRollback<bool> fetching(m_fetching, true);
    const int first = m_rowCount;
    const int count = int(page.size());
    beginInsertRows({}, first, first + count - 1);
    m_pages.append(std::move(page));
    m_rowCount += count;
    endInsertRows();
}

void RecordingListModel::fail(const QString& message)
{
    m_atEnd = true;
    m_insertOnArrival = false;
    m_lastError = message;
    Q_EMIT loadFailed(m_lastError);
}

void RecordingListModel::sort(int column, Qt::SortOrder order)
{
    cache::RecordingOrder wanted = m_order;
    if (column == DateColumn)
        wanted = order == Qt::DescendingOrder ? cache::RecordingOrder::NewestFirst
                                              : cache::RecordingOrder::OldestFirst;
    else if (column == DurationColumn)
        wanted = order == Qt::DescendingOrder ? cache::RecordingOrder::LongestFirst
                                              : cache::RecordingOrder::ShortestFirst;
    else
        return; // sorted in the cache only by date and duration
    if (wanted == m_order)
        return;
    m_order = wanted;
    reload();
}

QVariant RecordingListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const cache::RecordingSummary& summary = this->summary(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(summary, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return isVerified(summary) ? tr("Hashes and capture signature verified")
                                       : tr("Quarantined: %1").arg(summary.quarantineReason);
        if (index.column() == ParticipantsColumn)
            return summary.participants.join(QLatin1Char('\n'));
        if (index.column() == DateColumn)
            return QLocale().toString(summary.startedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return isVerified(summary) ? m_verifiedIcon : m_failedIcon;
        if (index.column() == TracksColumn)
            return trackIcons(summary.trackKinds); // a pixmap: drawn at its own width
        return {};
    case Qt::ForegroundRole:
        if (!isVerified(summary) && index.column() == StatusColumn)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case VerifiedRole:
        return isVerified(summary);
    case RecordingIdRole:
        return summary.id;
    case QuarantineReasonRole:
        return summary.quarantineReason;
    default:
        return {};
    }
}

QVariant RecordingListModel::displayData(const cache::RecordingSummary& summary, int column) const
{
    switch (column) {
    case StatusColumn:
        return isVerified(summary) ? tr("Verified") : tr("Quarantined");
    case DateColumn:
        return QLocale().toString(summary.startedAt.toLocalTime(), QLocale::ShortFormat);
    case DurationColumn:
        return formatDuration(summary.duration_ms);
    case TitleColumn:
        return summary.title;
    case ParticipantsColumn:
        return summary.participants.join(QStringLiteral(", "));
    case DirectionColumn:
        return directionText(summary.direction);
    case TracksColumn: {
        QStringList kinds;
        for (const model::TrackKind kind : summary.trackKinds)
            kinds << DisplayNames::trackKind(kind);
        return kinds.join(QStringLiteral(" · "));
    }
    case TagsColumn:
        return summary.tags.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QPixmap RecordingListModel::trackIcons(const QList<model::TrackKind>& kinds) const
{
    int mask = 0;
    for (const model::TrackKind kind : kinds)
        mask |= 1 << int(kind);
    if (mask == 0)
        return {};
    auto cached = m_trackIcons.constFind(mask);
    if (cached != m_trackIcons.cend())
        return *cached;
    constexpr int kSize = 16;
    int count = 0;
    for (const model::TrackKind kind :
         {model::TrackKind::Audio, model::TrackKind::Video, model::TrackKind::Screen})
        count += (mask & (1 << int(kind))) ? 1 : 0;
    QPixmap pixmap(kSize * count + 2 * (count - 1), kSize);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        int x = 0;
        for (const model::TrackKind kind :
             {model::TrackKind::Audio, model::TrackKind::Video, model::TrackKind::Screen}) {
            if (mask & (1 << int(kind))) {
                QIcon(trackIconPath(kind)).paint(&painter, QRect(x, 0, kSize, kSize));
                x += kSize + 2;
            }
        }
    }
    m_trackIcons.insert(mask, pixmap);
    return pixmap;
}

QVariant RecordingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && isSortable(section))
        return tr("Click to sort");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case DateColumn:
        return tr("Date");
    case DurationColumn:
        return tr("Duration");
    case TitleColumn:
        return tr("Title");
    case ParticipantsColumn:
        return tr("Participants");
    case DirectionColumn:
        return tr("Direction");
    case TracksColumn:
        return tr("Tracks");
    case TagsColumn:
        return tr("Tags");
    default:
        return {};
    }
}

} // namespace holdfast::desktop
