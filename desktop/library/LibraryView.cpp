#include "library/LibraryView.h"

#include "library/RecordingListModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace holdfast::desktop {

LibraryView::LibraryView(RecordingListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RecordingListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter->setObjectName(QStringLiteral("libraryFilter"));
    m_filter->setPlaceholderText(tr("Filter by title, participant or source (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter recordings"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("recordingTable"));
    m_table->setAccessibleName(tr("Recordings"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RecordingListModel::DateColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RecordingListModel::ParticipantsColumn,
                                                      QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LibraryView::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LibraryView::showDetails);

    m_details->setObjectName(QStringLiteral("recordingDetails"));
    m_details->setAccessibleName(tr("Recording details"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a recording to see its participants, tracks and verification."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(splitter);
}

void LibraryView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void LibraryView::showDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const capture::VerificationReport& report = m_model->report(current.row());
    QStringList lines;
    if (report.manifest) {
        const model::Manifest& manifest = *report.manifest;
        lines << tr("Recording %1").arg(manifest.id.toString(QUuid::WithoutBraces));
        lines << tr("Captured by %1, %2 to %3 UTC")
                     .arg(manifest.captureNode, manifest.startedAt.toUTC().toString(Qt::ISODate),
                          manifest.endedAt.toUTC().toString(QStringLiteral("HH:mm:ss")));
        lines << QString() << tr("Participants:");
        for (const model::Participant& participant : manifest.participants) {
            QStringList contact;
            for (const QString& item : {participant.phone, participant.email})
                if (!item.isEmpty())
                    contact << item;
            lines << QStringLiteral("  %1 — %2%3")
                         .arg(participant.displayName, participant.role,
                              contact.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(contact.join(", ")));
        }
        lines << QString() << tr("Tracks:");
        for (const model::Track& track : manifest.tracks)
            lines << tr("  %1 %2 of %3, starts at %4 s, %5 s long (%6, %7)")
                         .arg(track.id, model::trackKindName(track.kind), track.participant)
                         .arg(track.offset_ms / 1000.0, 0, 'f', 1)
                         .arg(track.duration_ms / 1000.0, 0, 'f', 1)
                         .arg(track.mediaType, track.codec);
    } else {
        lines << report.packageDirectory;
    }
    lines << QString();
    if (report.valid())
        lines << tr("Verification: every file matches its SHA-256 and the capture signature is valid.");
    else
        lines << tr("Verification FAILED:") << report.summary();
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace holdfast::desktop
