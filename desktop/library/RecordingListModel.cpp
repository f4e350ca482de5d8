#include "library/RecordingListModel.h"

#include <QIcon>
#include <QLocale>
#include <QStringList>
#include <algorithm>

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

int countTracks(const model::Manifest& manifest, model::TrackKind kind)
{
    return int(std::count_if(manifest.tracks.cbegin(), manifest.tracks.cend(),
                             [kind](const model::Track& track) { return track.kind == kind; }));
}

QString trackSummary(const model::Manifest& manifest)
{
    QStringList parts;
    if (const int audio = countTracks(manifest, model::TrackKind::Audio))
        parts << RecordingListModel::tr("%n audio", nullptr, audio);
    if (const int video = countTracks(manifest, model::TrackKind::Video))
        parts << RecordingListModel::tr("%n video", nullptr, video);
    if (const int screen = countTracks(manifest, model::TrackKind::Screen))
        parts << RecordingListModel::tr("%n screen", nullptr, screen);
    return parts.join(QStringLiteral(" · "));
}

QString participantNames(const model::Manifest& manifest)
{
    QStringList names;
    for (const model::Participant& participant : manifest.participants)
        names << participant.displayName;
    return names.join(QStringLiteral(", "));
}

} // namespace

RecordingListModel::RecordingListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void RecordingListModel::setReports(QList<capture::VerificationReport> reports)
{
    beginResetModel();
    m_reports = std::move(reports);
    endResetModel();
}

void RecordingListModel::clear()
{
    setReports({});
}

int RecordingListModel::verifiedCount() const
{
    return int(std::count_if(m_reports.cbegin(), m_reports.cend(), [](const auto& r) { return r.valid(); }));
}

int RecordingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int RecordingListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordingListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const capture::VerificationReport& report = m_reports.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(report, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return report.valid() ? tr("Hashes and capture signature verified")
                                  : tr("Verification failed:\n%1").arg(report.summary());
        if (index.column() == ParticipantsColumn && report.manifest) {
            QStringList lines;
            for (const model::Participant& participant : report.manifest->participants)
                lines << QStringLiteral("%1 (%2)").arg(participant.displayName, participant.role);
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return QIcon(report.valid() ? QStringLiteral(":/icons/verified.svg")
                                        : QStringLiteral(":/icons/failed.svg"));
        return {};
    case Qt::AccessibleTextRole:
        return displayData(report, index.column());
    case VerifiedRole:
        return report.valid();
    case RecordingIdRole:
        return report.manifest ? report.manifest->id.toString(QUuid::WithoutBraces) : QString();
    case ProblemsRole:
        return report.summary();
    case SortRole:
        return sortData(report, index.column());
    default:
        return {};
    }
}

QVariant RecordingListModel::displayData(const capture::VerificationReport& report, int column) const
{
    if (column == StatusColumn)
        return report.valid() ? tr("Verified") : tr("Failed");
    if (!report.manifest)
        return column == TitleColumn ? tr("Unreadable package: %1").arg(report.packageDirectory) : QVariant();
    const model::Manifest& manifest = *report.manifest;
    switch (column) {
    case DateColumn:
        return QLocale().toString(manifest.startedAt.toLocalTime(), QLocale::ShortFormat);
    case DurationColumn:
        return formatDuration(manifest.durationMs());
    case TitleColumn:
        return manifest.title;
    case ParticipantsColumn:
        return participantNames(manifest);
    case TracksColumn:
        return trackSummary(manifest);
    case SourceColumn:
        return QStringLiteral("%1 · %2").arg(manifest.source, model::callDirectionName(manifest.direction));
    default:
        return {};
    }
}

QVariant RecordingListModel::sortData(const capture::VerificationReport& report, int column) const
{
    if (column == StatusColumn)
        return report.valid() ? 1 : 0;
    if (!report.manifest)
        return {};
    switch (column) {
    case DateColumn:
        return report.manifest->startedAt;
    case DurationColumn:
        return report.manifest->durationMs();
    case TracksColumn:
        return int(report.manifest->tracks.size());
    default:
        return displayData(report, column);
    }
}

QVariant RecordingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
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
    case TracksColumn:
        return tr("Tracks");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace holdfast::desktop
