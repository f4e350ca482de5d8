#pragma once

#include "model/Track.h"

#include <QImage>
#include <QObject>
#include <QString>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QWidget;

namespace holdfast::media {
class TrackPipeline;
}

namespace holdfast::desktop {

class VideoTile;

// One track of the recording in the player view: its pipeline (owned by the
// view's media::CallPlayback; null while the media is not in the cache or
// could not be opened) and, for video and screen tracks, the tile that shows
// its picture or says why there is none ("not started yet", "ended", "media
// not downloaded" with a Download button and progress).
class TrackPlayback : public QObject
{
    Q_OBJECT

public:
    enum class Availability
    {
        Invalid = 0,
        Available,     // the media is in the cache and opened
        NotDownloaded, // the on-demand policy has not fetched it yet
        Downloading,
        Failed, // opening or playing failed; errorText() says why
    };
    enum class Placement
    {
        Invalid = 0,
        NotStarted, // the call time is before the track's offset
        Inside,
        Ended,
    };

    TrackPlayback(const model::Track& track, bool canDownload, QObject* parent = nullptr);
    ~TrackPlayback() override;

    const model::Track& track() const { return m_track; }
    bool isVisual() const { return m_track.kind != model::TrackKind::Audio; }
    Availability availability() const { return m_availability; }
    QString errorText() const { return m_errorText; }
    media::TrackPipeline* pipeline() const { return m_pipeline; }
    QWidget* tile() const; // null for audio tracks
    // An audio track's Download button and progress bar; null for picture tracks.
    QWidget* audioDownloadControls() const;

    void setPipeline(media::TrackPipeline* pipeline);
    void setNotDownloaded();
    void setDownloadProgress(qint64 done, qint64 total);
    void setFailed(const QString& message);

    Placement placementAt(qint64 call_ms) const;
    // Shows the picture or the reason there is none for call time call_ms.
    void showPlacement(qint64 call_ms);
    QImage currentFrame() const;

    void setVolume(float volume);
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }

Q_SIGNALS:
    void statusChanged();
    void downloadRequested();

private:
    void setTileText(const QString& text);
    void applyVolume();

    model::Track m_track;
    bool m_canDownload;
    Availability m_availability = Availability::Invalid;
    QString m_errorText;
    media::TrackPipeline* m_pipeline = nullptr;
    QStackedWidget* m_tile = nullptr;
    QWidget* m_textPage = nullptr;
    QLabel* m_tileText = nullptr;
    QPushButton* m_downloadButton = nullptr;
    QProgressBar* m_downloadProgress = nullptr;
    VideoTile* m_video = nullptr;
    QWidget* m_audioDownload = nullptr;
    Placement m_placement = Placement::Invalid;
    bool m_muted = false;
    float m_volume = 1.0f;
};

} // namespace holdfast::desktop
