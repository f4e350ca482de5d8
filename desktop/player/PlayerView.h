#pragma once

#include "cache/RecordingStore.h"
#include "model/Manifest.h"
#include "model/Transcript.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QSlider;
class QThread;
class QTimer;
class QToolButton;

namespace holdfast {
class Workspace;
namespace media {
class CallPlayback;
}
} // namespace holdfast

namespace holdfast::desktop {

class TimelineWidget;
class TrackPlayback;
class TranscriptPanel;

// The review player of one recording: every track on one call timeline,
// played from the encrypted cache only (media::CallPlayback: one GStreamer
// pipeline per track on Workspace::openTrackMedia, all on one clock), with
// the timeline (waveform, speakers, track spans, bookmarks), the transcript
// and the bookmarks beside it. Tiles of tracks outside their span say "not
// started yet" or "ended"; media the on-demand policy has not fetched yet
// shows as "media not downloaded" with a Download button and progress.
class PlayerView : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kMinRate = 0.5;
    static constexpr double kMaxRate = 2.0;
    static constexpr qint64 kJump_ms = 5000;

    PlayerView(Workspace& workspace, const QString& recordingId, qint64 startAt_ms = 0,
               QWidget* parent = nullptr);
    ~PlayerView() override;

    const QString& recordingId() const { return m_recordingId; }
    // Non-empty when the recording could not be opened (the view says so too).
    const QString& errorText() const { return m_errorText; }
    qint64 duration_ms() const { return m_duration_ms; }
    // The playhead, on the call timeline.
    qint64 position_ms() const;
    // True once every track shows the playhead's moment (after a seek or start).
    bool isSettled() const;
    media::CallPlayback* playback() const { return m_playback; }
    bool isPlaying() const { return m_playing; }
    double playbackRate() const { return m_rate; }
    float volume() const { return m_volume; }

    // Tracks in manifest order.
    QStringList trackIds() const;
    // Where the track's own player is on the call timeline; -1 when it has no
    // player (media not downloaded or failed to open).
    qint64 trackPosition_ms(const QString& trackId) const;
    // What the track's tile says instead of a picture ("" while it shows one).
    QString trackStatus(const QString& trackId) const;
    bool isTrackAvailable(const QString& trackId) const;
    // The last frame a video or screen track showed (null for audio), the
    // track time of that frame and when (steady clock, ns) it was shown.
    QImage currentFrame(const QString& trackId) const;
    qint64 currentFrameTime_ms(const QString& trackId) const;
    qint64 currentFrameShownAt_ns(const QString& trackId) const;
    bool isTrackMuted(const QString& trackId) const;
    // The audio track heard alone ("" when none is soloed).
    QString soloTrackId() const { return m_soloTrackId; }
    QString masterTrackId() const;

    const QList<cache::Bookmark>& bookmarks() const { return m_bookmarks; }
    bool canAddBookmarks() const;

    TimelineWidget* timeline() const { return m_timeline; }
    TranscriptPanel* transcriptPanel() const { return m_transcript; }
    QListWidget* bookmarkList() const { return m_bookmarkList; }
    QAction* addBookmarkAction() const { return m_addBookmarkAction; }
    QList<QAction*> shortcutActions() const { return m_shortcutActions; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void seek(qint64 call_ms);
    void jumpBy(qint64 delta_ms);
    // Pauses and moves by whole frames of the fastest video track.
    void stepFrames(int frames);
    void setPlaybackRate(double rate); // clamped to [kMinRate, kMaxRate]
    void setVolume(float volume);      // 0..1
    void setTrackMuted(const QString& trackId, bool muted);
    // Hears only this audio track (every other one muted); "" ends the solo
    // and restores the mutes from before it. Muting or unmuting a track by
    // hand also ends it.
    void setSoloTrack(const QString& trackId);
    void nextSpeakerTurn();
    void previousSpeakerTurn();
    // J / K / L: L plays, and faster on each press; J rewinds, faster on each
    // press; K stops both.
    void shuttleForward();
    void shuttleBackward();
    void shuttleStop();
    // Adds a bookmark (Workspace::addBookmark: stored and audited); false
    // with the reason in the status line when refused.
    bool addBookmark(qint64 position_ms, const QString& note);
    // B: asks for an optional note, then bookmarks the playhead.
    void promptBookmark();

Q_SIGNALS:
    void positionChanged(qint64 call_ms);
    void playingChanged(bool playing);
    // Every track shows the playhead's moment.
    void settled();
    void waveformLoaded();
    void bookmarksChanged();

private:
    void load(qint64 startAt_ms);
    void buildUi();
    void buildShortcuts();
    void startWaveform();
    void tick();
    void openTrack(TrackPlayback* track);
    void downloadTrack(TrackPlayback* track);
    void updateUi(qint64 call_ms);
    void refreshBookmarks();
    TrackPlayback* trackById(const QString& trackId) const;
    QString participantName(const QString& participantId) const;
    void showStatus(const QString& text);

    Workspace& m_workspace;
    QString m_recordingId;
    QString m_errorText;
    model::Manifest m_manifest;
    model::Transcript m_transcriptData;
    QList<cache::Bookmark> m_bookmarks;
    qint64 m_duration_ms = 0;

    media::CallPlayback* m_playback = nullptr;
    std::vector<std::unique_ptr<TrackPlayback>> m_tracks;
    bool m_playing = false;
    double m_rate = 1.0;
    float m_volume = 1.0f;
    QString m_soloTrackId;
    QHash<QString, bool> m_mutedBeforeSolo;
    bool m_applyingSolo = false;
    int m_shuttleBackLevel = 0;
    QTimer* m_tickTimer;
    QTimer* m_shuttleBackTimer;

    QThread* m_waveformThread = nullptr;
    std::atomic_bool m_waveformCancelled{false};
    bool m_waveformAgain = false;
    QList<QThread*> m_downloadThreads;
    std::atomic_bool m_downloadsCancelled{false};

    TimelineWidget* m_timeline = nullptr;
    TranscriptPanel* m_transcript = nullptr;
    QListWidget* m_bookmarkList = nullptr;
    QToolButton* m_playButton = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QComboBox* m_rateBox = nullptr;
    QSlider* m_volumeSlider = nullptr;
    QAction* m_addBookmarkAction = nullptr;
    QList<QAction*> m_shortcutActions;
};

} // namespace holdfast::desktop
