#include "player/PlayerView.h"

#include "app/DisplayNames.h"
#include "media/CallPlayback.h"
#include "media/TrackPipeline.h"
#include "player/TimelineWidget.h"
#include "player/TrackPlayback.h"
#include "player/TranscriptPanel.h"
#include "player/WrappingRowLayout.h"
#include "sync/SyncTypes.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <utility>

namespace holdfast::desktop {

namespace {

constexpr int kTick_ms = 30;
constexpr double kRates[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};

QString clockText(qint64 ms, bool tenths)
{
    ms = std::max<qint64>(ms, 0);
    const qint64 s = ms / 1000;
    QString text = QStringLiteral("%1:%2:%3")
                       .arg(s / 3600)
                       .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                       .arg(s % 60, 2, 10, QLatin1Char('0'));
    if (tenths) // the locale's decimal point: 0:00:53,6 in German
        text += QLocale().decimalPoint() + QString::number((ms % 1000) / 100);
    return text;
}

QColor speakerColor(int index)
{
    static const QColor kColors[] = {QColor(0x3b, 0x8e, 0xa5), QColor(0xc0, 0x5a, 0x3c),
                                     QColor(0x6a, 0x9a, 0x3a), QColor(0x8e, 0x5a, 0xb0),
                                     QColor(0xb0, 0x8e, 0x2a), QColor(0x4a, 0x6a, 0xc0)};
    return kColors[index % int(std::size(kColors))];
}

} // namespace

PlayerView::PlayerView(Workspace& workspace, const QString& recordingId, qint64 startAt_ms, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_recordingId(recordingId)
    , m_tickTimer(new QTimer(this))
    , m_shuttleBackTimer(new QTimer(this))
{
    setAccessibleName(tr("Player"));
    m_tickTimer->setInterval(kTick_ms);
    m_tickTimer->setTimerType(Qt::PreciseTimer);
    connect(m_tickTimer, &QTimer::timeout, this, &PlayerView::tick);
    m_shuttleBackTimer->setInterval(150);
    connect(m_shuttleBackTimer, &QTimer::timeout, this,
            [this] { seek(position_ms() - 150 * 2 * m_shuttleBackLevel); });
    load(startAt_ms);
}

PlayerView::~PlayerView()
{
    m_tickTimer->stop();
    m_waveformCancelled = true;
    m_downloadsCancelled = true;
    if (m_waveformThread) {
        m_waveformThread->wait();
        delete m_waveformThread;
    }
    for (QThread* thread : std::as_const(m_downloadThreads)) {
        thread->wait();
        delete thread;
    }
    delete m_playback; // pipelines stop before the tiles they draw into go
    m_playback = nullptr;
    m_tracks.clear();
}

void PlayerView::load(qint64 startAt_ms)
{
    auto detail = m_workspace.recording(m_recordingId);
    if (!detail) {
        m_errorText = detail.errorMessage();
    } else {
        m_manifest = detail->manifest;
        m_bookmarks = detail->bookmarks;
        m_duration_ms = std::max<qint64>(m_manifest.durationMs(), 1);
        for (const model::Track& track : m_manifest.tracks)
            m_duration_ms = std::max(m_duration_ms, track.offset_ms + track.duration_ms);
        m_playback = new media::CallPlayback(m_duration_ms);
        const bool canDownload = static_cast<bool>(m_workspace.policy().check(compliance::Action::SyncVault));
        for (const model::Track& track : m_manifest.tracks) {
            auto t = std::make_unique<TrackPlayback>(track, canDownload);
            if (detail->blobIdsByPath.contains(track.path))
                openTrack(t.get());
            else
                t->setNotDownloaded();
            connect(t.get(), &TrackPlayback::downloadRequested, this,
                    [this, track = t.get()] { downloadTrack(track); });
            m_tracks.push_back(std::move(t));
        }
        auto transcript = m_workspace.transcript(m_recordingId);
        if (transcript)
            m_transcriptData = *transcript;
        // With a mixed track, the per-participant tracks start muted (unmute or solo one to hear it).
        const QString master = masterTrackId();
        if (!master.isEmpty() &&
            trackById(master)->track().participant == QLatin1String(model::kMixedParticipant))
            for (const auto& t : m_tracks)
                if (t->track().kind == model::TrackKind::Audio && t->track().id != master)
                    t->setMuted(true);
        connect(m_playback, &media::CallPlayback::trackFailed, this,
                [this](const QString& trackId, const QString& message) {
                    if (TrackPlayback* t = trackById(trackId))
                        t->setFailed(message);
                    showStatus(message);
                });
        connect(m_playback, &media::CallPlayback::settled, this, [this] {
            updateUi(position_ms());
            Q_EMIT settled();
        });
        connect(m_playback, &media::CallPlayback::finished, this, [this] { pause(); });
    }
    buildUi();
    buildShortcuts();
    if (!m_errorText.isEmpty()) {
        showStatus(tr("Cannot open recording %1: %2").arg(m_recordingId, m_errorText));
        return;
    }
    m_playback->seek(startAt_ms);
    updateUi(position_ms());
    startWaveform();
}

void PlayerView::openTrack(TrackPlayback* track)
{
    auto device = m_workspace.openTrackMedia(m_recordingId, track->track().id);
    if (!device) {
        track->setFailed(device.errorMessage());
        return;
    }
    auto pipeline = m_playback->addTrack(track->track(), std::move(device).value());
    if (!pipeline) {
        track->setFailed(pipeline.errorMessage());
        return;
    }
    track->setPipeline(*pipeline);
    track->setVolume(m_volume);
}

void PlayerView::downloadTrack(TrackPlayback* track)
{
    track->setDownloadProgress(0, 0);
    const QString trackId = track->track().id;
    QThread* thread = QThread::create([this, trackId] {
        const auto progress = [this, trackId](const sync::SyncProgress& p) {
            QMetaObject::invokeMethod(
                this,
                [this, trackId, done = p.bytesDone, total = p.bytesTotal] {
                    if (TrackPlayback* t = trackById(trackId);
                        t && t->availability() == TrackPlayback::Availability::Downloading)
                        t->setDownloadProgress(done, total);
                },
                Qt::QueuedConnection);
        };
        const Status fetched = m_workspace.fetchTrackMediaFromSavedVault(m_recordingId, trackId, progress,
                                                                         &m_downloadsCancelled);
        QMetaObject::invokeMethod(
            this,
            [this, trackId, error = fetched ? QString() : fetched.errorMessage()] {
                TrackPlayback* t = trackById(trackId);
                if (!t)
                    return;
                if (!error.isEmpty()) {
                    t->setNotDownloaded();
                    showStatus(tr("Download of track %1 failed: %2").arg(trackId, error));
                    return;
                }
                openTrack(t);
                // The new track joins the others at the playhead.
                m_playback->seek(position_ms());
                if (t->track().kind == model::TrackKind::Audio)
                    startWaveform(); // the call's sound may be here now
                showStatus(tr("Track %1 downloaded").arg(trackId));
            },
            Qt::QueuedConnection);
    });
    m_downloadThreads.append(thread);
    thread->start();
}

void PlayerView::buildUi()
{
    auto* tiles = new QWidget;
    auto* tileGrid = new QGridLayout(tiles);
    tileGrid->setContentsMargins(0, 0, 0, 0);
    // Each audio track's mute, solo and download controls stay together; the
    // groups wrap into more rows rather than widen the player.
    auto* audioControls = new QWidget;
    audioControls->setObjectName(QStringLiteral("audioControls"));
    auto* audioRows = new WrappingRowLayout(audioControls);
    audioRows->setContentsMargins(0, 0, 0, 0);
    int visual = 0;
    for (const auto& t : m_tracks) {
        const model::Track& track = t->track();
        const QString who = participantName(track.participant);
        if (t->isVisual()) {
            auto* box = new QWidget;
            auto* boxLayout = new QVBoxLayout(box);
            boxLayout->setContentsMargins(2, 2, 2, 2);
            auto* caption = new QLabel(QStringLiteral("%1 · %2").arg(
                track.kind == model::TrackKind::Screen ? tr("Screen share") : tr("Video"), who));
            boxLayout->addWidget(caption);
            boxLayout->addWidget(t->tile(), 1);
            // The screen share gets the large first cell, tiles go beside it.
            if (track.kind == model::TrackKind::Screen)
                tileGrid->addWidget(box, 0, 0, 2, 2);
            else {
                tileGrid->addWidget(box, visual / 2, 2 + visual % 2);
                ++visual;
            }
        } else {
            auto* mute = new QCheckBox(tr("Mute %1").arg(
                track.participant == QLatin1String(model::kMixedParticipant) ? tr("mixed audio") : who));
            mute->setObjectName(QStringLiteral("mute-%1").arg(track.id));
            mute->setChecked(t->isMuted());
            connect(mute, &QCheckBox::toggled, this,
                    [this, id = track.id](bool muted) { setTrackMuted(id, muted); });
            auto* group = new QWidget;
            auto* groupLayout = new QHBoxLayout(group);
            groupLayout->setContentsMargins(0, 0, 8, 0);
            groupLayout->addWidget(mute);
            auto* solo = new QToolButton;
            solo->setText(tr("Solo"));
            solo->setCheckable(true);
            solo->setObjectName(QStringLiteral("solo-%1").arg(track.id));
            solo->setToolTip(tr("Hear only this track"));
            solo->setAccessibleName(tr("Solo %1").arg(
                track.participant == QLatin1String(model::kMixedParticipant) ? tr("mixed audio") : who));
            connect(solo, &QToolButton::toggled, this, [this, id = track.id](bool on) {
                if (on)
                    setSoloTrack(id);
                else if (m_soloTrackId == id)
                    setSoloTrack(QString());
            });
            groupLayout->addWidget(solo);
            groupLayout->addWidget(t->audioDownloadControls());
            audioRows->addWidget(group);
            // Mute and solo work once the media is here (it may be downloaded on demand).
            const auto enableControls = [mute, solo, track = t.get()] {
                const auto availability = track->availability();
                mute->setEnabled(availability == TrackPlayback::Availability::Available);
                solo->setEnabled(mute->isEnabled());
                mute->setToolTip(availability == TrackPlayback::Availability::Failed ? track->errorText()
                                 : mute->isEnabled()                                 ? QString()
                                                     : tr("media not downloaded"));
            };
            enableControls();
            connect(t.get(), &TrackPlayback::statusChanged, mute, enableControls);
        }
    }
    auto* media = new QWidget;
    auto* mediaLayout = new QVBoxLayout(media);
    mediaLayout->setContentsMargins(0, 0, 0, 0);
    mediaLayout->addWidget(tiles, 1);
    mediaLayout->addWidget(audioControls);

    // Side panel: transcript, bookmarks, shortcuts.
    m_transcript = new TranscriptPanel;
    QHash<QString, QString> names;
    for (const model::Participant& participant : std::as_const(m_manifest.participants))
        names.insert(participant.id, participant.displayName);
    m_transcript->setTranscript(m_transcriptData, names);
    connect(m_transcript, &TranscriptPanel::wordClicked, this, &PlayerView::seek);
    m_bookmarkList = new QListWidget;
    m_bookmarkList->setAccessibleName(tr("Bookmarks"));
    connect(m_bookmarkList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { seek(item->data(Qt::UserRole).toLongLong()); });
    auto* shortcutsLabel = new QLabel;
    shortcutsLabel->setObjectName(QStringLiteral("shortcutList"));
    shortcutsLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    shortcutsLabel->setTextFormat(Qt::RichText);
    shortcutsLabel->setWordWrap(true); // a long translation wraps instead of widening the player
    auto* side = new QTabWidget;
    side->addTab(m_transcript, tr("Transcript"));
    side->addTab(m_bookmarkList, tr("Bookmarks"));
    side->addTab(shortcutsLabel, tr("Shortcuts"));
    // Wide enough for every tab name in any language and a readable transcript.
    side->setMinimumWidth(
        std::max(side->tabBar()->sizeHint().width(), fontMetrics().averageCharWidth() * 45));

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(media);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    // Timeline.
    m_timeline = new TimelineWidget;
    m_timeline->setDuration(m_duration_ms);
    m_timeline->setWaveformMessage(tr("computing waveform…"));
    QList<TimelineWidget::Lane> speakerLanes;
    QHash<QString, int> laneOf;
    for (const model::TranscriptSegment& segment : std::as_const(m_transcriptData.segments)) {
        if (!laneOf.contains(segment.speaker)) {
            laneOf.insert(segment.speaker, int(speakerLanes.size()));
            speakerLanes.append(
                {participantName(segment.speaker), speakerColor(int(speakerLanes.size())), {}});
        }
        speakerLanes[laneOf.value(segment.speaker)].spans.append({segment.start_ms, segment.end_ms});
    }
    m_timeline->setSpeakerLanes(speakerLanes);
    QList<TimelineWidget::Lane> trackLanes;
    for (const auto& t : m_tracks) {
        if (!t->isVisual())
            continue;
        const model::Track& track = t->track();
        const bool available = t->availability() == TrackPlayback::Availability::Available;
        trackLanes.append(
            {QStringLiteral("%1 %2").arg(track.kind == model::TrackKind::Screen ? tr("Screen") : tr("Video"),
                                         participantName(track.participant)),
             available ? QColor(0x70, 0x70, 0x70) : QColor(0xc8, 0xc8, 0xc8),
             {{track.offset_ms, track.offset_ms + track.duration_ms}}});
    }
    m_timeline->setTrackLanes(trackLanes);
    connect(m_timeline, &TimelineWidget::seekRequested, this, &PlayerView::seek);
    auto* zoomIn = new QToolButton;
    zoomIn->setText(QStringLiteral("+"));
    zoomIn->setToolTip(tr("Zoom in (Ctrl++)"));
    zoomIn->setAccessibleName(tr("Zoom in"));
    connect(zoomIn, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomIn);
    auto* zoomOut = new QToolButton;
    zoomOut->setText(QStringLiteral("−"));
    zoomOut->setToolTip(tr("Zoom out (Ctrl+-)"));
    zoomOut->setAccessibleName(tr("Zoom out"));
    connect(zoomOut, &QToolButton::clicked, m_timeline, &TimelineWidget::zoomOut);
    auto* timelineRow = new QHBoxLayout;
    timelineRow->addWidget(m_timeline, 1);
    auto* zoomColumn = new QVBoxLayout;
    zoomColumn->addWidget(zoomIn);
    zoomColumn->addWidget(zoomOut);
    zoomColumn->addStretch(1);
    timelineRow->addLayout(zoomColumn);

    // Transport.
    m_playButton = new QToolButton;
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_playButton->setToolTip(tr("Play / pause (Space)"));
    m_playButton->setAccessibleName(tr("Play"));
    connect(m_playButton, &QToolButton::clicked, this, &PlayerView::togglePlay);
    const auto button = [this](QStyle::StandardPixmap icon, const QString& tip, auto slot) {
        auto* b = new QToolButton;
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto* previousTurn = button(QStyle::SP_MediaSkipBackward, tr("Previous speaker turn (P)"),
                                &PlayerView::previousSpeakerTurn);
    auto* nextTurn =
        button(QStyle::SP_MediaSkipForward, tr("Next speaker turn (N)"), &PlayerView::nextSpeakerTurn);
    m_timeLabel = new QLabel;
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_rateBox = new QComboBox;
    for (const double rate : kRates)
        m_rateBox->addItem(DisplayNames::playbackRate(rate), rate);
    m_rateBox->setCurrentIndex(2);
    m_rateBox->setToolTip(tr("Playback speed (the pitch stays the same)"));
    m_rateBox->setAccessibleName(tr("Playback speed"));
    connect(m_rateBox, &QComboBox::activated, this,
            [this](int index) { setPlaybackRate(m_rateBox->itemData(index).toDouble()); });
    m_volumeSlider = new QSlider(Qt::Horizontal);
    m_volumeSlider->setRange(0, 100);
    m_volumeSlider->setValue(100);
    m_volumeSlider->setMaximumWidth(120);
    m_volumeSlider->setToolTip(tr("Volume (Up / Down)"));
    m_volumeSlider->setAccessibleName(tr("Volume"));
    connect(m_volumeSlider, &QSlider::valueChanged, this,
            [this](int value) { setVolume(float(value) / 100.0f); });
    auto* bookmarkButton = new QToolButton;
    bookmarkButton->setText(tr("Bookmark"));
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    auto* transport = new QHBoxLayout;
    transport->addWidget(previousTurn);
    transport->addWidget(m_playButton);
    transport->addWidget(nextTurn);
    transport->addWidget(m_timeLabel);
    transport->addSpacing(12);
    transport->addWidget(new QLabel(tr("Speed")));
    transport->addWidget(m_rateBox);
    transport->addWidget(new QLabel(tr("Volume")));
    transport->addWidget(m_volumeSlider);
    transport->addWidget(bookmarkButton);
    transport->addWidget(m_statusLabel, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(timelineRow);
    layout->addLayout(transport);

    m_addBookmarkAction = new QAction(tr("Add bookmark…"), this);
    connect(m_addBookmarkAction, &QAction::triggered, this, &PlayerView::promptBookmark);
    bookmarkButton->setDefaultAction(m_addBookmarkAction);
    if (!canAddBookmarks()) {
        m_addBookmarkAction->setEnabled(false);
        m_addBookmarkAction->setToolTip(tr("Read-only workspace: bookmarks cannot be added"));
    }
    refreshBookmarks();
}

void PlayerView::buildShortcuts()
{
    struct Entry
    {
        QKeySequence key;
        QString text;
        std::function<void()> run;
    };
    const QList<Entry> entries = {
        {Qt::Key_Space, tr("Play / pause"),
         [this] {
             togglePlay();
         }},
        {Qt::Key_K, tr("Stop shuttle and pause"),
         [this] {
             shuttleStop();
         }},
        {Qt::Key_L, tr("Play forward, faster on each press (up to 2×)"),
         [this] {
             shuttleForward();
         }},
        {Qt::Key_J, tr("Rewind, faster on each press"),
         [this] {
             shuttleBackward();
         }},
        {Qt::Key_Left, tr("Back 5 seconds"),
         [this] {
             jumpBy(-kJump_ms);
         }},
        {Qt::Key_Right, tr("Forward 5 seconds"),
         [this] {
             jumpBy(kJump_ms);
         }},
        {Qt::Key_Comma, tr("Previous frame"),
         [this] {
             stepFrames(-1);
         }},
        {Qt::Key_Period, tr("Next frame"),
         [this] {
             stepFrames(1);
         }},
        {Qt::Key_P, tr("Previous speaker turn"),
         [this] {
             previousSpeakerTurn();
         }},
        {Qt::Key_N, tr("Next speaker turn"),
         [this] {
             nextSpeakerTurn();
         }},
        {Qt::Key_BracketLeft, tr("Slower"),
         [this] {
             setPlaybackRate(m_rate - 0.25);
         }},
        {Qt::Key_BracketRight, tr("Faster"),
         [this] {
             setPlaybackRate(m_rate + 0.25);
         }},
        {Qt::Key_Up, tr("Volume up"),
         [this] {
             m_volumeSlider->setValue(m_volumeSlider->value() + 10);
         }},
        {Qt::Key_Down, tr("Volume down"),
         [this] {
             m_volumeSlider->setValue(m_volumeSlider->value() - 10);
         }},
        {Qt::Key_B, tr("Bookmark the playhead (with a note)"),
         [this] {
             m_addBookmarkAction->trigger();
         }},
        {QKeySequence::Find, tr("Find in transcript"),
         [this] {
             m_transcript->focusFind();
         }},
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), tr("Zoom the timeline in"),
         [this] {
             m_timeline->zoomIn();
         }},
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QString(),
         [this] {
             m_timeline->zoomIn();
         }},
        {QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("Zoom the timeline out"),
         [this] {
             m_timeline->zoomOut();
         }},
    };
    QString list = QStringLiteral("<table cellspacing=4>");
    for (const Entry& entry : entries) {
        auto* action = new QAction(entry.text, this);
        action->setShortcut(entry.key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, entry.run);
        addAction(action);
        m_shortcutActions << action;
        if (!entry.text.isEmpty())
            list += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(entry.key.toString(QKeySequence::NativeText).toHtmlEscaped(),
                             entry.text.toHtmlEscaped());
    }
    list += QStringLiteral("</table>");
    if (auto* label = findChild<QLabel*>(QStringLiteral("shortcutList")))
        label->setText(list);
}

void PlayerView::startWaveform()
{
    if (m_waveformThread && !m_waveformThread->isFinished()) {
        m_waveformAgain = true; // audio arrived while the last one was read: read again after it
        return;
    }
    delete m_waveformThread;
    m_waveformAgain = false;
    m_waveformThread = QThread::create([this] {
        auto peaks = m_workspace.callWaveformPeaks(m_recordingId, media::WaveformPeaks::kDefaultBucket_ms, {},
                                                   &m_waveformCancelled);
        QMetaObject::invokeMethod(
            this,
            [this, peaks = std::move(peaks)] {
                if (peaks) {
                    m_timeline->setWaveform(*peaks);
                    Q_EMIT waveformLoaded();
                } else {
                    m_timeline->setWaveformMessage(tr("no waveform: %1").arg(peaks.errorMessage()));
                }
                if (m_waveformAgain) {
                    m_waveformThread->wait(); // it is returning
                    startWaveform();
                }
            },
            Qt::QueuedConnection);
    });
    m_waveformThread->start(QThread::LowPriority);
}

qint64 PlayerView::position_ms() const
{
    return m_playback ? m_playback->position_ms() : 0;
}

bool PlayerView::isSettled() const
{
    return m_playback && m_playback->isSettled();
}

void PlayerView::play()
{
    if (m_playing || !m_errorText.isEmpty())
        return;
    m_shuttleBackTimer->stop();
    m_shuttleBackLevel = 0;
    m_playing = true;
    m_playback->play();
    m_tickTimer->start();
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    Q_EMIT playingChanged(true);
}

void PlayerView::pause()
{
    m_shuttleBackTimer->stop();
    m_shuttleBackLevel = 0;
    if (!m_playing)
        return;
    m_playing = false;
    m_playback->pause();
    m_tickTimer->stop();
    updateUi(position_ms());
    m_playButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    Q_EMIT playingChanged(false);
}

void PlayerView::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void PlayerView::seek(qint64 call_ms)
{
    if (!m_playback)
        return;
    m_playback->seek(call_ms);
    updateUi(position_ms());
}

void PlayerView::jumpBy(qint64 delta_ms)
{
    seek(position_ms() + delta_ms);
}

void PlayerView::stepFrames(int frames)
{
    qint64 frame_ms = 0;
    for (const auto& t : m_tracks)
        if (t->isVisual() && t->pipeline() && t->pipeline()->frameDuration_ms() > 0)
            frame_ms = frame_ms > 0 ? std::min(frame_ms, t->pipeline()->frameDuration_ms())
                                    : t->pipeline()->frameDuration_ms();
    if (frame_ms <= 0)
        frame_ms = 40;
    pause();
    seek(position_ms() + frames * frame_ms);
}

void PlayerView::setPlaybackRate(double rate)
{
    rate = std::clamp(rate, kMinRate, kMaxRate);
    m_rate = rate;
    if (m_playback)
        m_playback->setRate(rate);
    for (int i = 0; i < m_rateBox->count(); ++i)
        if (qFuzzyCompare(m_rateBox->itemData(i).toDouble(), rate))
            m_rateBox->setCurrentIndex(i);
    showStatus(tr("Speed %1").arg(DisplayNames::playbackRate(rate)));
}

void PlayerView::setVolume(float volume)
{
    m_volume = std::clamp(volume, 0.0f, 1.0f);
    for (const auto& t : m_tracks)
        t->setVolume(m_volume);
    if (m_volumeSlider->value() != int(std::lround(m_volume * 100)))
        m_volumeSlider->setValue(int(std::lround(m_volume * 100)));
}

void PlayerView::setTrackMuted(const QString& trackId, bool muted)
{
    TrackPlayback* t = trackById(trackId);
    if (!t)
        return;
    if (!m_applyingSolo && !m_soloTrackId.isEmpty() && t->isMuted() != muted) {
        // A mute changed by hand: the solo is over, the mutes stay as they are now.
        const QString soloed = std::exchange(m_soloTrackId, QString());
        if (auto* button = findChild<QToolButton*>(QStringLiteral("solo-%1").arg(soloed)))
            button->setChecked(false);
    }
    t->setMuted(muted);
    if (auto* box = findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(trackId));
        box && box->isChecked() != muted)
        box->setChecked(muted);
}

void PlayerView::setSoloTrack(const QString& trackId)
{
    if (trackId == m_soloTrackId)
        return;
    const TrackPlayback* soloed = trackById(trackId);
    if (!trackId.isEmpty() && (!soloed || soloed->track().kind != model::TrackKind::Audio))
        return;
    if (m_soloTrackId.isEmpty()) {
        m_mutedBeforeSolo.clear();
        for (const auto& t : m_tracks)
            if (t->track().kind == model::TrackKind::Audio)
                m_mutedBeforeSolo.insert(t->track().id, t->isMuted());
    }
    m_applyingSolo = true;
    const QString previous = std::exchange(m_soloTrackId, trackId);
    for (const auto& t : m_tracks) {
        if (t->track().kind != model::TrackKind::Audio)
            continue;
        const QString& id = t->track().id;
        setTrackMuted(id, trackId.isEmpty() ? m_mutedBeforeSolo.value(id, t->isMuted()) : id != trackId);
    }
    for (const QString& id : {previous, trackId})
        if (auto* button = findChild<QToolButton*>(QStringLiteral("solo-%1").arg(id)))
            button->setChecked(id == m_soloTrackId && !id.isEmpty());
    m_applyingSolo = false;
}

void PlayerView::nextSpeakerTurn()
{
    const qint64 now = position_ms();
    QString speaker;
    for (const model::TranscriptSegment& segment : std::as_const(m_transcriptData.segments)) {
        if (segment.start_ms <= now) {
            speaker = segment.speaker;
            continue;
        }
        if (segment.speaker != speaker) {
            seek(segment.start_ms);
            return;
        }
    }
}

void PlayerView::previousSpeakerTurn()
{
    // The start of the turn at the playhead, or, within its first second, of
    // the turn before it, as a music player's "previous" does: right after N
    // (at the start of a turn), P goes back to the turn N came from.
    constexpr qint64 kGrace_ms = 1000;
    const qint64 now = position_ms();
    qint64 turnStart = 0;
    qint64 previousTurnStart = 0;
    bool inATurn = false;
    QString speaker;
    for (const model::TranscriptSegment& segment : std::as_const(m_transcriptData.segments)) {
        if (segment.start_ms > now)
            break;
        if (!inATurn || segment.speaker != speaker) {
            previousTurnStart = turnStart; // 0 before the first turn
            turnStart = segment.start_ms;
            speaker = segment.speaker;
            inATurn = true;
        }
    }
    seek(now - turnStart > kGrace_ms ? turnStart : previousTurnStart);
}

void PlayerView::shuttleForward()
{
    m_shuttleBackTimer->stop();
    m_shuttleBackLevel = 0;
    if (!m_playing) {
        setPlaybackRate(1.0);
        play();
    } else {
        setPlaybackRate(m_rate < 1.5 ? 1.5 : 2.0);
    }
}

void PlayerView::shuttleBackward()
{
    // Rewind steps back through the call showing a frame per step (WebM
    // decoders cannot play backwards without decoding each group again).
    pause();
    m_shuttleBackLevel = std::min(m_shuttleBackLevel + 1, 4);
    m_shuttleBackTimer->start();
    showStatus(tr("Rewind %1×").arg(2 * m_shuttleBackLevel));
}

void PlayerView::shuttleStop()
{
    pause();
    showStatus(QString());
}

bool PlayerView::canAddBookmarks() const
{
    return m_errorText.isEmpty() &&
           static_cast<bool>(m_workspace.policy().check(compliance::Action::AddBookmark));
}

bool PlayerView::addBookmark(qint64 position_ms, const QString& note)
{
    auto id = m_workspace.addBookmark(m_recordingId, position_ms, note);
    if (!id) {
        showStatus(tr("Bookmark not added: %1").arg(id.errorMessage()));
        return false;
    }
    cache::Bookmark bookmark;
    bookmark.id = *id;
    bookmark.recordingId = m_recordingId;
    bookmark.position_ms = position_ms;
    bookmark.note = note;
    bookmark.createdAt_ms = QDateTime::currentMSecsSinceEpoch();
    bookmark.author = m_workspace.identity().actor;
    m_bookmarks.append(bookmark);
    std::stable_sort(
        m_bookmarks.begin(), m_bookmarks.end(),
        [](const cache::Bookmark& a, const cache::Bookmark& b) { return a.position_ms < b.position_ms; });
    refreshBookmarks();
    showStatus(tr("Bookmark added at %1").arg(clockText(position_ms, true)));
    Q_EMIT bookmarksChanged();
    return true;
}

void PlayerView::promptBookmark()
{
    if (!canAddBookmarks())
        return;
    const qint64 at = position_ms();
    const bool wasPlaying = m_playing;
    pause();
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Add bookmark"),
                                               tr("Note for %1 (optional):").arg(clockText(at, true)),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        addBookmark(at, note.trimmed());
    if (wasPlaying)
        play();
}

void PlayerView::refreshBookmarks()
{
    m_bookmarkList->clear();
    QList<TimelineWidget::Marker> markers;
    for (const cache::Bookmark& bookmark : std::as_const(m_bookmarks)) {
        const QString label =
            bookmark.note.isEmpty()
                ? clockText(bookmark.position_ms, true)
                : QStringLiteral("%1  %2").arg(clockText(bookmark.position_ms, true), bookmark.note);
        auto* item = new QListWidgetItem(label, m_bookmarkList);
        item->setData(Qt::UserRole, bookmark.position_ms);
        item->setToolTip(tr("by %1").arg(bookmark.author));
        markers.append({bookmark.position_ms, bookmark.note});
    }
    m_timeline->setBookmarks(markers);
}

void PlayerView::tick()
{
    if (!m_playing)
        return;
    updateUi(position_ms());
}

void PlayerView::updateUi(qint64 call_ms)
{
    m_timeLabel->setText(
        QStringLiteral("%1 / %2").arg(clockText(call_ms, true), clockText(m_duration_ms, false)));
    m_timeline->setPlayhead(call_ms);
    m_transcript->setPosition(call_ms);
    for (const auto& t : m_tracks)
        t->showPlacement(call_ms);
    Q_EMIT positionChanged(call_ms);
}

TrackPlayback* PlayerView::trackById(const QString& trackId) const
{
    for (const auto& t : m_tracks)
        if (t->track().id == trackId)
            return t.get();
    return nullptr;
}

QString PlayerView::participantName(const QString& participantId) const
{
    if (participantId == QLatin1String(model::kMixedParticipant))
        return tr("everyone");
    for (const model::Participant& participant : m_manifest.participants)
        if (participant.id == participantId)
            return participant.displayName.isEmpty() ? participantId : participant.displayName;
    return participantId;
}

void PlayerView::showStatus(const QString& text)
{
    if (m_statusLabel)
        m_statusLabel->setText(text);
}

QStringList PlayerView::trackIds() const
{
    QStringList ids;
    for (const auto& t : m_tracks)
        ids << t->track().id;
    return ids;
}

qint64 PlayerView::trackPosition_ms(const QString& trackId) const
{
    return m_playback ? m_playback->trackPosition_ms(trackId) : -1;
}

QString PlayerView::trackStatus(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    if (!t)
        return QString();
    if (t->availability() == TrackPlayback::Availability::NotDownloaded)
        return tr("media not downloaded");
    if (t->availability() == TrackPlayback::Availability::Downloading)
        return tr("downloading…");
    if (!t->errorText().isEmpty())
        return tr("cannot play: %1").arg(t->errorText());
    switch (t->placementAt(position_ms())) {
    case TrackPlayback::Placement::NotStarted:
        return tr("not started yet");
    case TrackPlayback::Placement::Ended:
        return tr("ended");
    default:
        return QString();
    }
}

bool PlayerView::isTrackAvailable(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    return t && t->availability() == TrackPlayback::Availability::Available;
}

QImage PlayerView::currentFrame(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    return t ? t->currentFrame() : QImage();
}

qint64 PlayerView::currentFrameTime_ms(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    return t && t->pipeline() ? t->pipeline()->currentFrameTime_ms() + t->track().offset_ms : -1;
}

qint64 PlayerView::currentFrameShownAt_ns(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    return t && t->pipeline() ? t->pipeline()->currentFrameShownAt_ns() : 0;
}

bool PlayerView::isTrackMuted(const QString& trackId) const
{
    const TrackPlayback* t = trackById(trackId);
    return t && t->isMuted();
}

// The track the reviewer hears by default: the mixed audio, else the first audio track.
QString PlayerView::masterTrackId() const
{
    QString first;
    for (const auto& t : m_tracks) {
        if (t->track().kind != model::TrackKind::Audio)
            continue;
        if (t->track().participant == QLatin1String(model::kMixedParticipant))
            return t->track().id;
        if (first.isEmpty())
            first = t->track().id;
    }
    return first;
}

} // namespace holdfast::desktop
