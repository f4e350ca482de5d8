#include "library/LibraryView.h"

#include "app/DisplayNames.h"
#include "inspector/InspectorView.h"
#include "library/CachedGrooveScrollBar.h"
#include "library/FilterSidebar.h"
#include "library/RecordingListModel.h"
#include "library/SearchResultsModel.h"
#include "library/SnippetDelegate.h"
#include "workspace/Workspace.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace holdfast::desktop {

namespace {
constexpr int kListPage = 0;
constexpr int kSearchPage = 1;
} // namespace

LibraryView::LibraryView(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_recordings(new RecordingListModel(workspace, this))
    , m_hits(new SearchResultsModel(workspace, this))
    , m_sidebar(new FilterSidebar(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_pages(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_searchTable(new QTableView(this))
    , m_searchInfo(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_inspector(new InspectorView(workspace, this))
    , m_detailTabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("libraryView"));
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(
        tr("Search transcripts, participants, tags and notes (Ctrl+F); \"quoted phrase\", prefix*"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search recordings"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(400);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &LibraryView::runSearch);
    connect(m_searchDelay, &QTimer::timeout, this, &LibraryView::runSearch);

    m_table->setObjectName(QStringLiteral("recordingTable"));
    // Lists of many thousand rows: scrolling repaints only the scroll bars' sliders.
    CachedGrooveScrollBar::installOn(m_table);
    CachedGrooveScrollBar::installOn(m_searchTable);
    m_table->setAccessibleName(tr("Recordings"));
    m_table->setModel(m_recordings);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights and column widths: no pass over every row to measure.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RecordingListModel::ParticipantsColumn, QHeaderView::Stretch);
    // The status column fits its longest word in the UI language, beside the icon.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int statusText = std::max(metrics.horizontalAdvance(RecordingListModel::tr("Verified")),
                                    metrics.horizontalAdvance(RecordingListModel::tr("Quarantined")));
    // Other columns keep a default width unless their title in the UI
    // language needs more (the header is measured, not the rows).
    const auto setWidth = [header](int column, int width) {
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
    };
    setWidth(RecordingListModel::StatusColumn, std::max(115, statusText + 44));
    setWidth(RecordingListModel::DateColumn, 150);
    setWidth(RecordingListModel::TitleColumn, 220);
    setWidth(RecordingListModel::DurationColumn, 80);
    setWidth(RecordingListModel::DirectionColumn, 90);
    setWidth(RecordingListModel::TracksColumn, 150);
    setWidth(RecordingListModel::TagsColumn, 100);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(RecordingListModel::DateColumn, Qt::DescendingOrder);
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, [this, header](int column) {
        if (!RecordingListModel::isSortable(column)) {
            // Only date and duration are ordered by the cache; keep the indicator honest.
            const QSignalBlocker blocker(header);
            const bool newest = m_recordings->order() == cache::RecordingOrder::NewestFirst ||
                                m_recordings->order() == cache::RecordingOrder::OldestFirst;
            const bool descending = m_recordings->order() == cache::RecordingOrder::NewestFirst ||
                                    m_recordings->order() == cache::RecordingOrder::LongestFirst;
            header->setSortIndicator(newest ? RecordingListModel::DateColumn
                                            : RecordingListModel::DurationColumn,
                                     descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            return;
        }
        m_recordings->sort(column, header->sortIndicatorOrder());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openRecordingRequested(index.data(RecordingListModel::RecordingIdRole).toString(), 0);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryView::showDetails);
    connect(m_recordings, &QAbstractItemModel::modelReset, this, &LibraryView::showDetails);
    connect(m_recordings, &RecordingListModel::reloaded, this, &LibraryView::updateStatus);
    connect(m_sidebar, &FilterSidebar::filterChanged, this, [this](const cache::SearchFilter& filter) {
        m_recordings->setFilter(filter);
        if (isShowingSearch())
            runSearch();
    });

    m_searchTable->setObjectName(QStringLiteral("searchResultsTable"));
    m_searchTable->setAccessibleName(tr("Search results"));
    m_searchTable->setModel(m_hits);
    m_searchTable->setItemDelegateForColumn(SearchResultsModel::SnippetColumn,
                                            new SnippetDelegate(SearchResultsModel::SnippetHtmlRole, this));
    m_searchTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_searchTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_searchTable->setWordWrap(false);
    m_searchTable->verticalHeader()->hide();
    m_searchTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_searchTable->horizontalHeader()->setSectionResizeMode(SearchResultsModel::SnippetColumn,
                                                            QHeaderView::Stretch);
    connect(m_searchTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT openRecordingRequested(index.data(SearchResultsModel::RecordingIdRole).toString(),
                                      index.data(SearchResultsModel::StartRole).toLongLong());
    });
    m_searchInfo->setObjectName(QStringLiteral("searchInfo"));
    auto* searchPage = new QWidget(this);
    auto* searchLayout = new QVBoxLayout(searchPage);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->addWidget(m_searchInfo);
    searchLayout->addWidget(m_searchTable);

    m_pages->addWidget(m_table);
    m_pages->addWidget(searchPage);

    m_details->setObjectName(QStringLiteral("recordingDetails"));
    m_details->setAccessibleName(tr("Recording details"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a recording to see its participants, tracks and verification."));

    m_detailTabs->setObjectName(QStringLiteral("detailTabs"));
    m_detailTabs->addTab(m_details, tr("Summary"));
    m_detailTabs->addTab(m_inspector, tr("Inspector"));
    // The inspector reads (and audits) a recording only while it is shown.
    connect(m_detailTabs, &QTabWidget::currentChanged, this, &LibraryView::updateInspector);

    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->addWidget(m_pages);
    centre->addWidget(m_detailTabs);
    centre->setStretchFactor(0, 4);
    centre->setStretchFactor(1, 1);

    auto* sidebarScroll = new QScrollArea(this);
    sidebarScroll->setWidget(m_sidebar);
    sidebarScroll->setWidgetResizable(true);
    sidebarScroll->setMinimumWidth(220);
    sidebarScroll->setMaximumWidth(300);
    sidebarScroll->setFrameShape(QFrame::NoFrame);

    auto* main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(sidebarScroll);
    main->addWidget(centre);
    main->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(main, 1);
    showDetails();
}

bool LibraryView::isShowingSearch() const
{
    return m_pages->currentIndex() == kSearchPage;
}

void LibraryView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LibraryView::reload()
{
    m_recordings->reload();
    if (isShowingSearch())
        runSearch();
}

void LibraryView::runSearch()
{
    m_searchDelay->stop();
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_hits->clear();
        m_pages->setCurrentIndex(kListPage);
        updateStatus();
        return;
    }
    m_pages->setCurrentIndex(kSearchPage);
    if (!m_hits->search(text, m_sidebar->filter())) {
        m_searchInfo->setText(tr("Cannot search for this: %1").arg(m_hits->lastError()));
        return;
    }
    const int count = m_hits->rowCount();
    m_searchInfo->setText(count >= SearchResultsModel::kMaxHits
                              ? tr("The first %n matches, best first. Double-click or press Enter to play "
                                   "from the match.",
                                   nullptr, count)
                              : tr("%n match(es), best first. Double-click or press Enter to play from the "
                                   "match.",
                                   nullptr, count));
    if (count > 0)
        m_searchTable->selectRow(0);
}

void LibraryView::updateStatus()
{
    const qint64 total = m_recordings->totalCount();
    if (total < 0)
        Q_EMIT statusMessage(tr("Could not read the recordings: %1").arg(m_recordings->lastError()));
    else
        Q_EMIT statusMessage(m_recordings->filter().isEmpty()
                                 ? tr("%1 recording(s) in the cache").arg(QLocale().toString(total))
                                 : tr("%1 recording(s) match the filters").arg(QLocale().toString(total)));
}

void LibraryView::showInspector()
{
    m_detailTabs->setCurrentWidget(m_inspector);
    updateInspector();
}

void LibraryView::updateInspector()
{
    if (m_detailTabs->currentWidget() != m_inspector)
        return;
    const QModelIndex current = m_table->currentIndex();
    m_inspector->showRecording(current.isValid() ? m_recordings->summary(current.row()).id : QString());
}

void LibraryView::showDetails()
{
    updateInspector();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const cache::RecordingSummary& s = m_recordings->summary(current.row());
    QStringList lines;
    lines << tr("Recording %1").arg(s.id);
    lines << tr("%1, started %2 UTC, %3 s")
                 .arg(s.title, s.startedAt.toUTC().toString(Qt::ISODate),
                      QLocale().toString(s.duration_ms / 1000.0, 'f', 1));
    lines << tr("Participants: %1").arg(s.participants.join(QStringLiteral(", ")));
    QStringList kinds;
    for (const model::TrackKind kind : s.trackKinds)
        kinds << DisplayNames::trackKind(kind);
    lines << tr("Tracks: %1").arg(kinds.join(QStringLiteral(", ")));
    if (!s.tags.isEmpty())
        lines << tr("Tags: %1").arg(s.tags.join(QStringLiteral(", ")));
    if (!s.holdState.isEmpty() && s.holdState != QLatin1String(cache::kHoldStateNone))
        lines << tr("Hold: %1").arg(DisplayNames::holdState(s.holdState));
    lines << QString();
    if (s.verificationState == cache::VerificationState::Verified)
        lines << tr("Verification: every file matches its SHA-256 and the capture signature is valid.");
    else
        lines << tr("QUARANTINED — never shown as valid: %1").arg(s.quarantineReason);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace holdfast::desktop
