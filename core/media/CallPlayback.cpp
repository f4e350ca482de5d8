#include "media/CallPlayback.h"

#include "media/MediaProbe.h"
#include "media/TrackPipeline.h"

#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <gst/gst.h>

namespace holdfast::media {

namespace {

// The tracks start on the clock's current time, without a lead for the
// pipelines to reach PLAYING: measured with a PulseAudio null sink, any lead
// given delays the first sound by as much again (40 ms of lead put the first
// beep 50 ms behind its flash; none puts it within 25 ms), while pictures
// are on time either way.
constexpr quint64 kStartLead_ns = 0;

} // namespace

CallPlayback::CallPlayback(qint64 duration_ms, QObject* parent)
    : QObject(parent)
    , m_duration_ms(std::max<qint64>(duration_ms, 1))
{
    ensureGStreamer();
    m_clock = gst_system_clock_obtain(); // monotonic: the same time base as std::chrono::steady_clock
    m_endTimer.setSingleShot(true);
    m_endTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_endTimer, &QTimer::timeout, this, &CallPlayback::checkEnd);
    m_settleWatchdog.setSingleShot(true);
    m_settleWatchdog.setInterval(kSettleTimeout_ms);
    connect(&m_settleWatchdog, &QTimer::timeout, this, [this] {
        for (const auto& t : m_tracks)
            if (t->isSettling() && !t->hasFailed())
                t->markFailed(tr("the media did not load within %1 s").arg(kSettleTimeout_ms / 1000));
    });
}

CallPlayback::~CallPlayback()
{
    m_tracks.clear(); // pipelines stop before the clock goes
    gst_object_unref(m_clock);
}

Result<TrackPipeline*> CallPlayback::addTrack(const model::Track& track, std::unique_ptr<QIODevice> device)
{
    auto pipeline = std::make_unique<TrackPipeline>(track, std::move(device), m_clock, this);
    TrackPipeline* added = pipeline.get();
    connect(added, &TrackPipeline::prerolled, this, &CallPlayback::onTrackPrerolled);
    connect(added, &TrackPipeline::failed, this, [this, added](const QString& message) {
        Q_EMIT trackFailed(added->track().id, message);
        onTrackPrerolled(); // the others need not wait for it
    });
    if (Status started = added->start(); !started)
        return makeError(QStringLiteral("track %1: %2").arg(track.id, started.errorMessage()));
    m_tracks.push_back(std::move(pipeline));
    // The first seek waits for the initial preroll: reposition() is queued until then.
    m_repositionQueued = true;
    m_settleWatchdog.start();
    return added;
}

TrackPipeline* CallPlayback::track(const QString& trackId) const
{
    for (const auto& t : m_tracks)
        if (t->track().id == trackId)
            return t.get();
    return nullptr;
}

qint64 CallPlayback::position_ms() const
{
    if (!m_running)
        return m_target_ms;
    const GstClockTime now = gst_clock_get_time(m_clock);
    if (now <= m_base_ns)
        return m_target_ms;
    const double advanced_ms = double(now - m_base_ns) / double(GST_MSECOND) * m_rate;
    return std::min(m_duration_ms, m_target_ms + qint64(std::floor(advanced_ms)));
}

bool CallPlayback::isSettled() const
{
    return std::none_of(m_tracks.begin(), m_tracks.end(),
                        [](const auto& t) { return t->isSettling() && !t->hasFailed(); }) &&
           !m_repositionQueued;
}

qint64 CallPlayback::trackPosition_ms(const QString& trackId) const
{
    const TrackPipeline* t = track(trackId);
    if (!t || t->hasFailed())
        return -1;
    const qint64 position = t->position_ms();
    return position < 0 ? -1 : position + t->track().offset_ms;
}

void CallPlayback::play()
{
    if (m_wantPlaying)
        return;
    m_wantPlaying = true;
    if (m_target_ms >= m_duration_ms) {
        m_target_ms = 0;
        reposition();
    } else if (m_prepared) {
        startTracks(); // already waiting at the playhead: starts at once
    } else {
        reposition();
    }
}

void CallPlayback::pause()
{
    if (!m_wantPlaying)
        return;
    m_wantPlaying = false;
    if (m_running) {
        m_target_ms = position_ms();
        stopTracks();
        // Shows the exact frame of the paused moment and readies the next start.
        reposition();
    }
}

void CallPlayback::seek(qint64 call_ms)
{
    const qint64 at = std::clamp<qint64>(call_ms, 0, m_duration_ms);
    if (m_running)
        stopTracks();
    m_target_ms = at;
    reposition();
}

void CallPlayback::setRate(double rate)
{
    if (qFuzzyCompare(rate, m_rate))
        return;
    if (m_running) {
        m_target_ms = position_ms();
        stopTracks();
    }
    m_rate = rate;
    reposition();
}

void CallPlayback::stopTracks()
{
    m_running = false;
    m_endTimer.stop();
    for (const auto& t : m_tracks)
        t->pause();
}

void CallPlayback::reposition()
{
    const bool busy = std::any_of(m_tracks.begin(), m_tracks.end(),
                                  [](const auto& t) { return t->isSettling() && !t->hasFailed(); });
    if (busy) {
        m_repositionQueued = true;
        return;
    }
    m_repositionQueued = false;
    m_prepared = false;
    bool anySeek = false;
    for (TrackPipeline* t : seekOrder()) {
        if (t->hasFailed())
            continue;
        const model::Track& track = t->track();
        // Before its start a track waits at its first frame; after its end it
        // shows its last moment (a seek past the end prerolls on end-of-stream).
        const qint64 trackTarget = std::clamp<qint64>(m_target_ms - track.offset_ms, 0, track.duration_ms);
        t->seekPaused(trackTarget, m_rate);
        anySeek = true;
    }
    if (anySeek)
        m_settleWatchdog.start();
    else
        onTrackPrerolled();
}

std::vector<TrackPipeline*> CallPlayback::seekOrder() const
{
    // Each seek is partly done in the calling thread (flush, demuxer seek)
    // before the next one is issued, and all tracks then decode towards the
    // target on the same cores: the track with the most to decode (the
    // screen share, then camera video, then audio) starts first, so that it
    // is not the last to settle.
    const auto weight = [](const TrackPipeline* t) {
        switch (t->track().kind) {
        case model::TrackKind::Screen:
            return 0;
        case model::TrackKind::Video:
            return 1;
        default:
            return 2;
        }
    };
    std::vector<TrackPipeline*> order;
    for (const auto& t : m_tracks)
        order.push_back(t.get());
    std::stable_sort(order.begin(), order.end(),
                     [&](const TrackPipeline* a, const TrackPipeline* b) { return weight(a) < weight(b); });
    return order;
}

void CallPlayback::onTrackPrerolled()
{
    const bool busy = std::any_of(m_tracks.begin(), m_tracks.end(),
                                  [](const auto& t) { return t->isSettling() && !t->hasFailed(); });
    if (busy)
        return;
    m_settleWatchdog.stop();
    if (m_repositionQueued) {
        reposition();
        return;
    }
    m_prepared = true;
    Q_EMIT settled();
    if (m_wantPlaying && !m_running)
        startTracks();
}

void CallPlayback::startTracks()
{
    m_prepared = false;
    const GstClockTime base = gst_clock_get_time(m_clock) + kStartLead_ns;
    for (const auto& t : m_tracks) {
        if (t->hasFailed())
            continue;
        const model::Track& track = t->track();
        if (m_target_ms >= track.offset_ms + track.duration_ms)
            continue; // ended: stays on its last moment
        // A track that starts later renders its first frame when the call
        // reaches its offset.
        const qint64 wait_ms = std::max<qint64>(0, track.offset_ms - m_target_ms);
        t->playAt(base + GstClockTime(double(wait_ms) * GST_MSECOND / m_rate));
    }
    m_base_ns = base;
    m_running = true;
    m_endTimer.start(int(std::ceil(double(m_duration_ms - m_target_ms) / m_rate)) + 40);
    Q_EMIT started();
}

void CallPlayback::checkEnd()
{
    if (!m_running)
        return;
    const qint64 now = position_ms();
    if (now < m_duration_ms) {
        m_endTimer.start(int(std::ceil(double(m_duration_ms - now) / m_rate)) + 10);
        return;
    }
    m_wantPlaying = false;
    m_target_ms = m_duration_ms;
    stopTracks();
    Q_EMIT finished();
}

} // namespace holdfast::media
