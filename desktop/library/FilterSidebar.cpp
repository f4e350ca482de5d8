#include "library/FilterSidebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace holdfast::desktop {

FilterSidebar::FilterSidebar(QWidget* parent)
    : QWidget(parent)
    , m_fromEnabled(new QCheckBox(tr("&From"), this))
    , m_from(new QDateEdit(this))
    , m_toEnabled(new QCheckBox(tr("&To"), this))
    , m_to(new QDateEdit(this))
    , m_participant(new QLineEdit(this))
    , m_tag(new QLineEdit(this))
    , m_audio(new QCheckBox(tr("Audio"), this))
    , m_video(new QCheckBox(tr("Video"), this))
    , m_screen(new QCheckBox(tr("Screen share"), this))
    , m_direction(new QComboBox(this))
    , m_verification(new QComboBox(this))
    , m_clear(new QPushButton(tr("C&lear Filters"), this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("filterSidebar"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this] { Q_EMIT filterChanged(filter()); });

    const QDate today = QDate::currentDate();
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(today);
        edit->setEnabled(false);
    }
    m_from->setDate(today.addMonths(-1));
    m_from->setObjectName(QStringLiteral("filterFrom"));
    m_from->setAccessibleName(tr("Recorded on or after"));
    m_fromEnabled->setObjectName(QStringLiteral("filterFromEnabled"));
    m_fromEnabled->setAccessibleName(tr("Filter by earliest date"));
    m_to->setObjectName(QStringLiteral("filterTo"));
    m_to->setAccessibleName(tr("Recorded on or before"));
    m_toEnabled->setObjectName(QStringLiteral("filterToEnabled"));
    m_toEnabled->setAccessibleName(tr("Filter by latest date"));
    m_participant->setObjectName(QStringLiteral("filterParticipant"));
    m_participant->setAccessibleName(tr("Participant"));
    m_participant->setPlaceholderText(tr("Name, phone or e-mail"));
    m_participant->setClearButtonEnabled(true);
    m_tag->setObjectName(QStringLiteral("filterTag"));
    m_tag->setAccessibleName(tr("Tag"));
    m_tag->setPlaceholderText(tr("Exact tag"));
    m_tag->setClearButtonEnabled(true);
    m_audio->setObjectName(QStringLiteral("filterAudio"));
    m_video->setObjectName(QStringLiteral("filterVideo"));
    m_screen->setObjectName(QStringLiteral("filterScreen"));
    m_audio->setAccessibleName(tr("Has an audio track"));
    m_video->setAccessibleName(tr("Has a video track"));
    m_screen->setAccessibleName(tr("Has a screen-share track"));
    m_direction->setObjectName(QStringLiteral("filterDirection"));
    m_direction->setAccessibleName(tr("Call direction"));
    m_direction->addItem(tr("Any direction"), int(model::CallDirection::Invalid));
    m_direction->addItem(tr("Inbound"), int(model::CallDirection::Inbound));
    m_direction->addItem(tr("Outbound"), int(model::CallDirection::Outbound));
    m_direction->addItem(tr("Internal"), int(model::CallDirection::Internal));
    m_verification->setObjectName(QStringLiteral("filterVerification"));
    m_verification->setAccessibleName(tr("Verification state"));
    m_verification->addItem(tr("Verified and quarantined"), QString());
    m_verification->addItem(tr("Verified only"), QStringLiteral("verified"));
    m_verification->addItem(tr("Quarantined only"), QStringLiteral("quarantined"));
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clear->setAccessibleName(tr("Clear all filters"));

    auto* dates = new QGroupBox(tr("Date"), this);
    auto* datesLayout = new QFormLayout(dates);
    datesLayout->addRow(m_fromEnabled, m_from);
    datesLayout->addRow(m_toEnabled, m_to);
    auto* people = new QGroupBox(tr("Participant and tag"), this);
    auto* peopleLayout = new QVBoxLayout(people);
    peopleLayout->addWidget(m_participant);
    peopleLayout->addWidget(m_tag);
    auto* tracks = new QGroupBox(tr("Tracks present"), this);
    auto* tracksLayout = new QVBoxLayout(tracks);
    tracksLayout->addWidget(m_audio);
    tracksLayout->addWidget(m_video);
    tracksLayout->addWidget(m_screen);
    auto* other = new QGroupBox(tr("Call"), this);
    auto* otherLayout = new QVBoxLayout(other);
    otherLayout->addWidget(m_direction);
    otherLayout->addWidget(m_verification);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dates);
    layout->addWidget(people);
    layout->addWidget(tracks);
    layout->addWidget(other);
    layout->addWidget(m_clear);
    layout->addStretch(1);

    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox* box : {m_fromEnabled, m_toEnabled, m_audio, m_video, m_screen})
        connect(box, &QCheckBox::toggled, this, &FilterSidebar::scheduleChange);
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &FilterSidebar::scheduleChange);
    for (QLineEdit* edit : {m_participant, m_tag})
        connect(edit, &QLineEdit::textChanged, this, &FilterSidebar::scheduleChange);
    for (QComboBox* combo : {m_direction, m_verification})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterSidebar::scheduleChange);
    connect(m_clear, &QPushButton::clicked, this, &FilterSidebar::clear);
}

QCheckBox* FilterSidebar::trackKindCheck(model::TrackKind kind) const
{
    switch (kind) {
    case model::TrackKind::Audio:
        return m_audio;
    case model::TrackKind::Video:
        return m_video;
    case model::TrackKind::Screen:
        return m_screen;
    case model::TrackKind::Invalid:
        break;
    }
    return nullptr;
}

cache::SearchFilter FilterSidebar::filter() const
{
    cache::SearchFilter filter;
    // Days are local calendar days; the cache compares UTC instants.
    if (m_fromEnabled->isChecked())
        filter.startedFrom_ms = m_from->date().startOfDay().toMSecsSinceEpoch();
    if (m_toEnabled->isChecked())
        filter.startedBefore_ms = m_to->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    filter.participant = m_participant->text().trimmed();
    filter.tag = m_tag->text().trimmed();
    if (m_audio->isChecked())
        filter.trackKinds << model::TrackKind::Audio;
    if (m_video->isChecked())
        filter.trackKinds << model::TrackKind::Video;
    if (m_screen->isChecked())
        filter.trackKinds << model::TrackKind::Screen;
    filter.direction = model::CallDirection(m_direction->currentData().toInt());
    filter.verificationState = m_verification->currentData().toString();
    return filter;
}

void FilterSidebar::clear()
{
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_fromEnabled), QSignalBlocker(m_toEnabled), QSignalBlocker(m_participant),
        QSignalBlocker(m_tag),         QSignalBlocker(m_audio),     QSignalBlocker(m_video),
        QSignalBlocker(m_screen),      QSignalBlocker(m_direction), QSignalBlocker(m_verification)};
    m_fromEnabled->setChecked(false);
    m_toEnabled->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_participant->clear();
    m_tag->clear();
    m_audio->setChecked(false);
    m_video->setChecked(false);
    m_screen->setChecked(false);
    m_direction->setCurrentIndex(0);
    m_verification->setCurrentIndex(0);
    m_debounce->stop();
    Q_EMIT filterChanged(filter());
}

void FilterSidebar::scheduleChange()
{
    m_debounce->start();
}

} // namespace holdfast::desktop
