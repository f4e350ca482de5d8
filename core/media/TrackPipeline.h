#pragma once

#include "model/Track.h"
#include "util/Result.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QIODevice;
typedef struct _GstClock GstClock;
typedef struct _GstElement GstElement;

namespace holdfast::media {

// One track of a call played by its own GStreamer pipeline:
//   appsrc (random access on the track's device: the encrypted cache decrypts
//   on read, nothing plaintext is written) → decodebin →
//   audio: scaletempo (speed without pitch change) → queue → volume → audio sink;
//   video: BGRx frames → queue → appsink, kept as the track's current frame
//   (the buffer itself, no copy).
// CallPlayback puts every track's pipeline on one clock and sets their base
// times itself, so all tracks render against the same timeline; this class
// only seeks, prerolls, starts at a given base time and pauses.
class TrackPipeline : public QObject
{
    Q_OBJECT

public:
    // The audio sink: $HOLDFAST_AUDIO_SINK (a gst-launch bin description,
    // e.g. "fakesink sync=true" for machines without sound) else autoaudiosink.
    static QString audioSinkDescription();
    // The scheduling policy the most recent output thread runs with: SCHED_RR
    // where the system allows a real-time priority, SCHED_OTHER where it does
    // not, -1 before any track has played.
    static int outputThreadPolicy();

    TrackPipeline(const model::Track& track, std::unique_ptr<QIODevice> device, GstClock* clock,
                  QObject* parent = nullptr);
    ~TrackPipeline() override;

    // Builds the pipeline and starts prerolling (prerolled() follows).
    Status start();

    const model::Track& track() const { return m_track; }
    bool isVisual() const { return m_track.kind != model::TrackKind::Audio; }
    QString errorText() const;
    bool hasFailed() const { return !errorText().isEmpty(); }

    // Flushing, frame-accurate seek to track_ms (the track's own time) at
    // rate; the pipeline is paused afterwards and emits prerolled() once the
    // frame / audio at that time is ready.
    void seekPaused(qint64 track_ms, double rate);
    bool isSettling() const { return m_settling; }
    // Plays against the shared clock: track time t renders at clock time
    // baseTime_ns + (t - seek position) / rate.
    void playAt(quint64 baseTime_ns);
    void pause();
    bool isPlaying() const { return m_playing; }

    // The pipeline's stream position in track time, -1 when unknown.
    qint64 position_ms() const;
    void setVolume(double volume); // 0..1
    void setMuted(bool muted);
    // What the pipeline's volume element does now (false for video tracks).
    bool isMuted() const;

    // The frame most recently rendered (or prerolled), its track time and the
    // steady-clock time (ns, CLOCK_MONOTONIC) it was handed over for display.
    QImage currentFrame() const;
    qint64 currentFrameTime_ms() const;
    qint64 currentFrameShownAt_ns() const;
    // Frame duration of a video track once known (0 before, and for audio).
    qint64 frameDuration_ms() const { return m_frameDuration_ms.load(); }

    // Stops the track for good with this reason (failed() follows).
    void markFailed(const QString& message);

Q_SIGNALS:
    void prerolled();
    // A new current frame (queued from the streaming thread).
    void frameShown();
    void failed(const QString& message);

private:
    struct Streaming;
    void handleBusMessage(int type, const QString& text);
    void takeSample(void* sample, bool preroll);
    bool linkDecodedPad(void* pad);

    model::Track m_track;
    std::unique_ptr<QIODevice> m_device;
    GstClock* m_clock;
    GstElement* m_pipeline = nullptr;
    GstElement* m_volume = nullptr;
    GstElement* m_branchSink = nullptr;  // first element after decodebin for the wanted stream
    GstElement* m_outputQueue = nullptr; // its thread hands the track over to the output
    bool m_settling = false;
    bool m_playing = false;
    bool m_hasPlayed = false;     // since the last READY
    qint64 m_pendingSeek_ms = -1; // sought once the reopened pipeline has prerolled
    double m_pendingRate = 1.0;
    std::atomic_bool m_linked{false};
    std::atomic<qint64> m_frameDuration_ms{0};

    mutable QMutex m_mutex; // guards the members below, shared with streaming threads
    QString m_error;
    QImage m_frame;
    qint64 m_frameTime_ms = -1;
    qint64 m_frameShownAt_ns = 0;
    bool m_frameSignalPending = false;
};

} // namespace holdfast::media
