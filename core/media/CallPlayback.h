#pragma once

#include "model/Track.h"
#include "util/Result.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

class QIODevice;
typedef struct _GstClock GstClock;

namespace holdfast::media {

class TrackPipeline;

// Plays every track of one call on one timeline. Each track has its own
// GStreamer pipeline (TrackPipeline); all of them run on the same clock, and
// every start is a frame-accurate seek of each pipeline to the call time
// minus the track's offset, followed, once all have prerolled, by PLAYING
// with base times chosen so that call time T renders at the same clock time
// in every track. A track that starts later waits for its offset on that
// clock; one that has ended stays paused. No drift correction is needed:
// the tracks share the clock instead of following each other.
//
// Commands that arrive while the tracks are still settling (a drag on the
// timeline, say) are merged: only the latest target is sought next.
class CallPlayback : public QObject
{
    Q_OBJECT

public:
    // A pipeline that has not prerolled after this long is reported as failed.
    static constexpr int kSettleTimeout_ms = 8000;

    explicit CallPlayback(qint64 duration_ms, QObject* parent = nullptr);
    ~CallPlayback() override;

    // Adds a track reading its media from device; it starts prerolling now.
    Result<TrackPipeline*> addTrack(const model::Track& track, std::unique_ptr<QIODevice> device);
    TrackPipeline* track(const QString& trackId) const;

    qint64 duration_ms() const { return m_duration_ms; }
    // The call time now: where the tracks are, or will start from.
    qint64 position_ms() const;
    bool isPlaying() const { return m_wantPlaying; }
    // True while the tracks render on the clock (playing and settled).
    bool isRunning() const { return m_running; }
    bool isSettled() const;
    double rate() const { return m_rate; }
    // Where a track's pipeline is on the call timeline (its stream position
    // plus its offset), -1 when unknown.
    qint64 trackPosition_ms(const QString& trackId) const;

    void play();
    void pause();
    void seek(qint64 call_ms);
    void setRate(double rate);

Q_SIGNALS:
    // Every track has prerolled at the target (its frame is shown).
    void settled();
    void started();
    void trackFailed(const QString& trackId, const QString& message);
    // The playhead reached the end of the call.
    void finished();

private:
    void reposition();
    std::vector<TrackPipeline*> seekOrder() const;
    void onTrackPrerolled();
    void startTracks();
    void stopTracks();
    void checkEnd();

    qint64 m_duration_ms;
    GstClock* m_clock;
    std::vector<std::unique_ptr<TrackPipeline>> m_tracks;
    qint64 m_target_ms = 0; // where the tracks were (or are being) sought to
    quint64 m_base_ns = 0;  // clock time at which m_target_ms renders, while running
    bool m_wantPlaying = false;
    bool m_running = false;
    bool m_repositionQueued = false;
    bool m_prepared = false; // every track settled at m_target_ms and ready to start
    double m_rate = 1.0;
    QTimer m_endTimer;
    QTimer m_settleWatchdog;
};

} // namespace holdfast::media
