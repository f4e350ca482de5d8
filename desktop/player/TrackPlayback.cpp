#include "player/TrackPlayback.h"

#include "workspace/Workspace.h"

#include <QAudioOutput>
#include <QLabel>
#include <QMediaPlayer>
#include <QStackedWidget>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>
#include <algorithm>

namespace holdfast::desktop {

namespace {

// Seeking takes a moment to show: a track is not judged for drift right after one.
constexpr qint64 kSettle_ms = 400;

QString mediaFileName(const model::Track& track)
{
    // Only the extension matters: it tells the backend what the device holds.
    const QString suffix = track.path.section(QLatin1Char('.'), -1);
    return QStringLiteral("track-%1.%2").arg(track.id, suffix.isEmpty() ? QStringLiteral("webm") : suffix);
}

} // namespace

TrackPlayback::TrackPlayback(Workspace& workspace, const QString& recordingId, const model::Track& track,
                             bool mediaInCache, QObject* parent)
    : QObject(parent)
    , m_track(track)
{
    if (isVisual()) {
        m_tile = new QStackedWidget;
        m_tile->setAccessibleName(tr("Track %1").arg(track.id));
        m_tile->setMinimumSize(160, 90);
        m_tileText = new QLabel;
        m_tileText->setAlignment(Qt::AlignCenter);
        m_tileText->setWordWrap(true);
        m_tileText->setAutoFillBackground(true);
        m_tile->addWidget(m_tileText);
    }
    if (!mediaInCache) {
        m_availability = Availability::NotDownloaded;
        setTileText(tr("media not downloaded"));
        return;
    }
    auto device = workspace.openTrackMedia(recordingId, track.id);
    if (!device) {
        m_availability = Availability::Failed;
        m_errorText = device.errorMessage();
        setTileText(tr("cannot play: %1").arg(m_errorText));
        return;
    }
    m_device = std::move(device).value();
    m_availability = Availability::Available;
    m_player = new QMediaPlayer(this);
    if (isVisual()) {
        m_video = new QVideoWidget;
        m_video->setAspectRatioMode(Qt::KeepAspectRatio);
        m_tile->addWidget(m_video);
        m_player->setVideoOutput(m_video);
        connect(m_video->videoSink(), &QVideoSink::videoFrameChanged, this, &TrackPlayback::onFrame);
    } else {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) {
                m_errorText = message;
                setTileText(tr("cannot play: %1").arg(message));
                Q_EMIT statusChanged();
            });
    m_player->setSourceDevice(m_device.get(), QUrl(mediaFileName(track)));
    setTileText(tr("not started yet"));
}

TrackPlayback::~TrackPlayback()
{
    if (m_player) {
        m_player->stop();
        m_player->setVideoOutput(nullptr);
        m_player->setSourceDevice(nullptr);
        delete m_player;
    }
    delete m_tile; // owned here, wherever the player view placed it
}

QWidget* TrackPlayback::tile() const
{
    return m_tile;
}

TrackPlayback::Placement TrackPlayback::placementAt(qint64 call_ms) const
{
    if (call_ms < m_track.offset_ms)
        return Placement::NotStarted;
    if (call_ms >= m_track.offset_ms + m_track.duration_ms)
        return Placement::Ended;
    return Placement::Inside;
}

qint64 TrackPlayback::callPosition_ms() const
{
    return m_player ? m_player->position() + m_track.offset_ms : m_track.offset_ms;
}

QImage TrackPlayback::currentFrame() const
{
    return m_lastFrame.isValid() ? m_lastFrame.toImage() : QImage();
}

void TrackPlayback::onFrame(const QVideoFrame& frame)
{
    if (frame.isValid())
        m_lastFrame = frame; // converted only when asked for
    if (m_repeatSeekTo >= 0 && m_player && m_player->playbackState() != QMediaPlayer::PlayingState) {
        const qint64 target = m_repeatSeekTo;
        m_repeatSeekTo = -1;
        m_player->setPosition(target == m_player->position() ? target + 1 : target);
    }
}

void TrackPlayback::setTileText(const QString& text)
{
    if (!m_tile)
        return;
    m_tileText->setText(QStringLiteral("%1\n%2").arg(model::trackKindName(m_track.kind), text));
    m_tile->setCurrentWidget(m_tileText);
}

void TrackPlayback::follow(qint64 call_ms, bool playing, qint64 tolerance_ms)
{
    if (!m_player || !m_errorText.isEmpty())
        return;
    const Placement placement = placementAt(call_ms);
    if (placement != m_placement) {
        m_placement = placement;
        if (placement == Placement::NotStarted)
            setTileText(tr("not started yet"));
        else if (placement == Placement::Ended)
            setTileText(tr("ended"));
        else if (m_tile)
            m_tile->setCurrentWidget(m_video);
        Q_EMIT statusChanged();
    }
    if (placement != Placement::Inside) {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        return;
    }
    const qint64 want = call_ms - m_track.offset_ms;
    if (!playing) {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        return;
    }
    if (m_player->playbackState() != QMediaPlayer::PlayingState) {
        m_repeatSeekTo = -1;
        m_player->setPosition(want);
        m_player->play();
        m_sinceSeek.start();
        return;
    }
    if (m_sinceSeek.isValid() && m_sinceSeek.elapsed() < kSettle_ms)
        return;
    if (qAbs(m_player->position() - want) > tolerance_ms) {
        m_player->setPosition(want);
        m_sinceSeek.start();
    }
}

void TrackPlayback::seekTo(qint64 call_ms, bool playing)
{
    if (!m_player || !m_errorText.isEmpty())
        return;
    const qint64 want = std::clamp<qint64>(call_ms - m_track.offset_ms, 0, m_track.duration_ms);
    if (m_player->playbackState() == QMediaPlayer::StoppedState)
        m_player->pause(); // prerolls: a paused video track shows its frame
    m_player->setPosition(want);
    // A seek issued while the pipeline is still prerolling may be dropped or
    // show the key frame before the target: a paused video track seeks again
    // once the first frame after this seek is in (1 ms off when Qt 6.4 would
    // otherwise skip a seek to the position it believes it is at).
    m_repeatSeekTo = (isVisual() && !playing) ? want : -1;
    m_sinceSeek.start();
    follow(call_ms, playing, 0);
}

void TrackPlayback::pause()
{
    if (m_player && m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
}

void TrackPlayback::setRate(double rate)
{
    if (m_player)
        m_player->setPlaybackRate(rate);
}

void TrackPlayback::setVolume(float volume)
{
    m_volume = volume;
    if (m_audio)
        m_audio->setVolume(m_muted ? 0.0f : volume);
}

// Muting is volume 0: the track keeps playing in step, ready to be heard.
void TrackPlayback::setMuted(bool muted)
{
    m_muted = muted;
    if (m_audio)
        m_audio->setVolume(m_muted ? 0.0f : m_volume);
}

} // namespace holdfast::desktop
