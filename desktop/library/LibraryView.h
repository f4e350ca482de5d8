#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace holdfast::desktop {

class RecordingListModel;

// The recording list of one vault: a filter box, the sortable table and a
// details pane for the selected recording (participants, tracks and, for a
// package that failed verification, every problem found).
class LibraryView : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryView(RecordingListModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    void focusFilter();

private:
    void showDetails();

    RecordingListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_table;
    QPlainTextEdit* m_details;
};

} // namespace holdfast::desktop
