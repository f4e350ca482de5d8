#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class FilterSidebar;
class InspectorView;
class RecordingListModel;
class SearchResultsModel;

// The library of the unlocked cache: a filter sidebar, a search box, the
// recording list (or the search hits while a search is shown) and a summary
// of the selected recording. Opening a recording or a hit (double-click or
// Enter) is announced with openRecordingRequested; the window routes it to
// the player.
class LibraryView : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryView(Workspace& workspace, QWidget* parent = nullptr);

    RecordingListModel* recordingModel() const { return m_recordings; }
    SearchResultsModel* searchModel() const { return m_hits; }
    QTableView* table() const { return m_table; }
    QTableView* searchTable() const { return m_searchTable; }
    QLineEdit* searchEdit() const { return m_search; }
    FilterSidebar* sidebar() const { return m_sidebar; }
    InspectorView* inspector() const { return m_inspector; }
    // Shows the inspector tab (manifest, transcript, audit) for the selection.
    void showInspector();
    bool isShowingSearch() const;
    void focusSearch();
    // Re-reads the list (after a sync) and repeats the current search.
    void reload();
    // Runs the search in the box now; an empty box shows the list again.
    void runSearch();

Q_SIGNALS:
    void openRecordingRequested(const QString& recordingId, qint64 position_ms);
    void statusMessage(const QString& message);

private:
    void showDetails();
    void updateInspector();
    void updateStatus();

    Workspace& m_workspace;
    RecordingListModel* m_recordings;
    SearchResultsModel* m_hits;
    FilterSidebar* m_sidebar;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QStackedWidget* m_pages;
    QTableView* m_table;
    QTableView* m_searchTable;
    QLabel* m_searchInfo;
    QPlainTextEdit* m_details;
    InspectorView* m_inspector;
    QTabWidget* m_detailTabs;
};

} // namespace holdfast::desktop
