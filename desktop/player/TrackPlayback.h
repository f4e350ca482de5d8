#pragma once

#include "model/Track.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QString>
#include <QVideoFrame>
#include <memory>

class QAudioOutput;
class QIODevice;
class QLabel;
class QMediaPlayer;
class QStackedWidget;
class QVideoWidget;
class QWidget;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

// One track of the recording in the player: a QMediaPlayer reading the
// track's media straight from the encrypted cache (Workspace::openTrackMedia,
// never a plaintext file), an audio output for audio tracks, and for video
// and screen tracks a tile that shows the picture or says why there is none
// ("not started yet", "ended", "media not downloaded").
class TrackPlayback : public QObject
{
    Q_OBJECT

public:
    enum class Availability
    {
        Invalid = 0,
        Available,     // the media is in the cache and opened
        NotDownloaded, // the on-demand policy has not fetched it yet
        Failed,        // opening failed; errorText() says why
    };
    enum class Placement
    {
        Invalid = 0,
        NotStarted, // the call time is before the track's offset
        Inside,
        Ended,
    };

    TrackPlayback(Workspace& workspace, const QString& recordingId, const model::Track& track,
                  bool mediaInCache, QObject* parent = nullptr);
    ~TrackPlayback() override;

    const model::Track& track() const { return m_track; }
    bool isVisual() const { return m_track.kind != model::TrackKind::Audio; }
    Availability availability() const { return m_availability; }
    QString errorText() const { return m_errorText; }
    QMediaPlayer* player() const { return m_player; } // null unless Available
    QWidget* tile() const;                            // null for audio tracks

    Placement placementAt(qint64 call_ms) const;
    // Where the track's player is, on the call timeline.
    qint64 callPosition_ms() const;
    // The last frame the track's video output received (null image for audio).
    QImage currentFrame() const;

    // Brings the track to call time call_ms: plays (when playing) or shows the
    // frame there (when paused), pauses outside its span. Re-seeks a playing
    // track only when it has drifted more than tolerance_ms from call_ms and
    // is not still settling from a previous seek.
    void follow(qint64 call_ms, bool playing, qint64 tolerance_ms);
    void seekTo(qint64 call_ms, bool playing);
    void pause();
    void setRate(double rate);
    void setVolume(float volume);
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    // Time since the last seek or start, for the master clock (-1: never).
    qint64 msSinceSeek() const { return m_sinceSeek.isValid() ? m_sinceSeek.elapsed() : -1; }

Q_SIGNALS:
    void statusChanged();

private:
    void setTileText(const QString& text);
    void onFrame(const QVideoFrame& frame);

    model::Track m_track;
    Availability m_availability = Availability::Invalid;
    QString m_errorText;
    std::unique_ptr<QIODevice> m_device;
    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QStackedWidget* m_tile = nullptr;
    QVideoWidget* m_video = nullptr;
    QLabel* m_tileText = nullptr;
    QVideoFrame m_lastFrame;
    QElapsedTimer m_sinceSeek;
    Placement m_placement = Placement::Invalid;
    bool m_muted = false;
    float m_volume = 1.0f;
    // A paused seek is repeated once its first frame arrives (see seekTo).
    qint64 m_repeatSeekTo = -1;
};

} // namespace holdfast::desktop
