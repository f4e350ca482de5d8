#pragma once

#include "capture/PackageVerifier.h"

#include <QAbstractTableModel>
#include <QList>

namespace holdfast::desktop {

// Table of the recordings in a vault with their verification state.
// Holds no logic beyond presentation: the reports come from core.
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
        TracksColumn,
        SourceColumn,
        ColumnCount
    };

    enum Role
    {
        VerifiedRole = Qt::UserRole + 1, // bool
        RecordingIdRole,                 // QString
        ProblemsRole,                    // QString, one problem per line
        SortRole,                        // value used for sorting the column
    };

    explicit RecordingListModel(QObject* parent = nullptr);

    void setReports(QList<capture::VerificationReport> reports);
    void clear();
    const capture::VerificationReport& report(int row) const { return m_reports.at(row); }
    int verifiedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const capture::VerificationReport& report, int column) const;
    QVariant sortData(const capture::VerificationReport& report, int column) const;

    QList<capture::VerificationReport> m_reports;
};

} // namespace holdfast::desktop
