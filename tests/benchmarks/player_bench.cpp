// The review player on the sync test call in a real encrypted cache
// (offscreen), against plain players of the same unencrypted files:
//   --mode first-frame  rounds of opening the recording (media::CallPlayback
//       on Workspace::openTrackMedia, as PlayerView does) until every track
//       has prerolled its first frame or audio, alternating with rounds of
//       one plain QMediaPlayer per track file of the folder vault until every
//       video has its first frame and every audio file is loaded;
//   --mode seek  paused, flushing accurate seeks to random call times until
//       every track shows the frame at the target, alternating with the same
//       seek of a bare playbin on the screen-share file until ASYNC_DONE;
//   --mode drift  plays for --duration-s seconds at --rate with 20 seeks
//       spread over it and samples every track every 100 ms: the largest
//       difference between two tracks' call times at the same instant;
//   --mode cpu  the real PlayerView plays the call for --duration-s seconds:
//       the process's CPU time (user + system) over the wall time.
// Prints "key value" lines for bench_player.sh.
#include "media/CallPlayback.h"
#include "media/TrackPipeline.h"
#include "player/PlayerView.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QAudioOutput>
#include <QCommandLineParser>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMediaPlayer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <gst/gst.h>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace holdfast;

namespace {

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "bench_player: %s\n", qPrintable(message));
    std::exit(2);
}

qint64 steadyNow_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

QString readPassphrase(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path + QStringLiteral(": cannot read"));
    return QString::fromUtf8(file.readLine()).trimmed();
}

// Runs the event loop until done() or timeout_ms; false on timeout. Times
// are taken in the slots that see the events, not when this returns.
bool runUntil(const std::function<bool()>& done, int timeout_ms)
{
    QTimer wake; // a bound on each wait, should no event come
    wake.start(50);
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeout_ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The sync test call as the cache and the folder vault hold it.
struct BenchCall
{
    QString recordingId;
    model::Manifest manifest;
    QString packageDirectory; // in the folder vault: the unencrypted files
    qint64 duration_ms = 0;

    QString plainFile(const model::Track& track) const { return packageDirectory + u'/' + track.path; }
    const model::Track* screenTrack() const
    {
        for (const model::Track& track : manifest.tracks)
            if (track.kind == model::TrackKind::Screen)
                return &track;
        return nullptr;
    }
};

BenchCall findSyncTestCall(Workspace& workspace, const QString& vault)
{
    const auto recordings = workspace.listRecordings();
    if (!recordings)
        fail(recordings.errorMessage());
    BenchCall call;
    for (const cache::RecordingSummary& summary : *recordings)
        if (summary.participants.contains(QStringLiteral("Sync Test A")))
            call.recordingId = summary.id;
    if (call.recordingId.isEmpty())
        fail(QStringLiteral("the cache holds no sync test call"));
    const auto detail = workspace.recording(call.recordingId);
    if (!detail)
        fail(detail.errorMessage());
    call.manifest = detail->manifest;
    // The same call length PlayerView plays: the manifest's or its longest track's.
    call.duration_ms = std::max<qint64>(call.manifest.durationMs(), 1);
    for (const model::Track& track : call.manifest.tracks)
        call.duration_ms = std::max(call.duration_ms, track.offset_ms + track.duration_ms);
    QDirIterator it(vault, {call.recordingId}, QDir::Dirs, QDirIterator::Subdirectories);
    if (it.hasNext())
        call.packageDirectory = it.next();
    if (call.packageDirectory.isEmpty())
        fail(QStringLiteral("%1 has no package %2").arg(vault, call.recordingId));
    return call;
}

// Opens the recording's tracks from the encrypted cache into one
// CallPlayback, as PlayerView::load does.
std::unique_ptr<media::CallPlayback> openPlayback(Workspace& workspace, const BenchCall& call)
{
    auto playback = std::make_unique<media::CallPlayback>(call.duration_ms);
    for (const model::Track& track : call.manifest.tracks) {
        auto device = workspace.openTrackMedia(call.recordingId, track.id);
        if (!device)
            fail(device.errorMessage());
        auto added = playback->addTrack(track, std::move(device).value());
        if (!added)
            fail(added.errorMessage());
    }
    return playback;
}

std::vector<media::TrackPipeline*> pipelinesOf(const media::CallPlayback& playback, const BenchCall& call)
{
    std::vector<media::TrackPipeline*> pipelines;
    for (const model::Track& track : call.manifest.tracks)
        pipelines.push_back(playback.track(track.id));
    return pipelines;
}

// Waits for CallPlayback::settled(); the time (ns since `since`) it came, -1 on timeout.
qint64 waitSettled(media::CallPlayback& playback, const QElapsedTimer& since,
                   const std::function<void()>& trigger)
{
    qint64 settledAt_ns = -1;
    const auto connection = QObject::connect(&playback, &media::CallPlayback::settled, &playback,
                                             [&] { settledAt_ns = since.nsecsElapsed(); });
    trigger();
    runUntil([&] { return settledAt_ns >= 0; }, media::CallPlayback::kSettleTimeout_ms + 2000);
    QObject::disconnect(connection);
    return settledAt_ns;
}

// The frame a track shows is the one at its target: no later than it and
// less than one frame before it (1 ms of slack for millisecond timestamps).
bool showsFrameAt(const media::TrackPipeline& pipeline, qint64 track_ms)
{
    const qint64 shown = pipeline.currentFrameTime_ms();
    const qint64 period = std::max<qint64>(pipeline.frameDuration_ms(), 1);
    return shown >= 0 && shown <= track_ms + 1 && shown > track_ms - period - 1;
}

qint64 trackTarget(const model::Track& track, qint64 call_ms)
{
    return std::clamp<qint64>(call_ms - track.offset_ms, 0, track.duration_ms);
}

// ---- first frame ------------------------------------------------------------

// Where an opening's time went: the synchronous part (reading the
// recording, auditing each track's opening, building the pipelines) and
// when each track was last ready.
struct OpeningTimes
{
    std::vector<double> open_ms;
    std::map<QString, std::vector<double>> trackReady_ms;
};

double holdfastFirstFrame_ms(Workspace& workspace, const BenchCall& call, int* wrongTracks,
                             OpeningTimes* times = nullptr)
{
    QElapsedTimer since;
    since.start();
    std::unique_ptr<media::CallPlayback> playback = openPlayback(workspace, call);
    const double opened_ms = double(since.nsecsElapsed()) / 1e6;
    std::map<QString, qint64> readyAt_ns;
    for (media::TrackPipeline* pipeline : pipelinesOf(*playback, call))
        QObject::connect(pipeline, &media::TrackPipeline::prerolled, pipeline,
                         [&, pipeline] { readyAt_ns[pipeline->track().id] = since.nsecsElapsed(); });
    // PlayerView seeks to its start position right after adding the tracks.
    const qint64 settled_ns = waitSettled(*playback, since, [&] { playback->seek(0); });
    if (settled_ns < 0)
        fail(QStringLiteral("first frame: the tracks did not settle"));
    for (media::TrackPipeline* pipeline : pipelinesOf(*playback, call))
        if (!pipeline || pipeline->hasFailed() || (pipeline->isVisual() && !showsFrameAt(*pipeline, 0)))
            ++*wrongTracks;
    if (times) {
        times->open_ms.push_back(opened_ms);
        for (const auto& [id, at_ns] : readyAt_ns)
            times->trackReady_ms[id].push_back(double(at_ns) / 1e6);
    }
    return double(settled_ns) / 1e6;
}

// One plain QMediaPlayer per track file: video into a QVideoSink (started:
// Qt 6.4 hands over no frame before play()), audio to a QAudioOutput.
struct PlainPlayer
{
    std::unique_ptr<QVideoSink> sink;
    std::unique_ptr<QAudioOutput> output;
    std::unique_ptr<QMediaPlayer> player; // destroyed before its outputs
    qint64 readyAt_ns = -1;
};

double plainPlayersFirstFrame_ms(const BenchCall& call)
{
    QElapsedTimer since;
    since.start();
    std::vector<std::unique_ptr<PlainPlayer>> players;
    int pending = 0;
    for (const model::Track& track : call.manifest.tracks) {
        auto plain = std::make_unique<PlainPlayer>();
        PlainPlayer* p = plain.get();
        p->player = std::make_unique<QMediaPlayer>();
        if (track.kind == model::TrackKind::Audio) {
            p->output = std::make_unique<QAudioOutput>();
            p->player->setAudioOutput(p->output.get());
            QObject::connect(p->player.get(), &QMediaPlayer::mediaStatusChanged, p->player.get(),
                             [p, &since, &pending](QMediaPlayer::MediaStatus status) {
                                 if (status == QMediaPlayer::LoadedMedia && p->readyAt_ns < 0) {
                                     p->readyAt_ns = since.nsecsElapsed();
                                     --pending;
                                 }
                             });
        } else {
            p->sink = std::make_unique<QVideoSink>();
            p->player->setVideoSink(p->sink.get());
            QObject::connect(p->sink.get(), &QVideoSink::videoFrameChanged, p->sink.get(),
                             [p, &since, &pending](const QVideoFrame& frame) {
                                 if (frame.isValid() && p->readyAt_ns < 0) {
                                     p->readyAt_ns = since.nsecsElapsed();
                                     --pending;
                                 }
                             });
        }
        QObject::connect(
            p->player.get(), &QMediaPlayer::errorOccurred, p->player.get(),
            [](QMediaPlayer::Error, const QString& text) { fail(QStringLiteral("QMediaPlayer: ") + text); });
        ++pending;
        p->player->setSource(QUrl::fromLocalFile(call.plainFile(track)));
        if (track.kind != model::TrackKind::Audio)
            p->player->play();
        players.push_back(std::move(plain));
    }
    if (!runUntil([&] { return pending == 0; }, 20000))
        fail(QStringLiteral("QMediaPlayer: not every file loaded within 20 s"));
    qint64 last_ns = 0;
    for (const auto& p : players)
        last_ns = std::max(last_ns, p->readyAt_ns);
    for (const auto& p : players)
        p->player->stop();
    return double(last_ns) / 1e6;
}

int measureFirstFrame(Workspace& workspace, const BenchCall& call, int rounds)
{
    // One untimed round each: plugin loading and the first PulseAudio probe
    // are paid once per process, not per opening.
    int wrong = 0;
    holdfastFirstFrame_ms(workspace, call, &wrong);
    plainPlayersFirstFrame_ms(call);
    std::vector<double> ours, plain;
    OpeningTimes times;
    wrong = 0;
    for (int round = 0; round < rounds; ++round) {
        // Alternate which side goes first: the shared machine's load hits both alike.
        if (round % 2) {
            plain.push_back(plainPlayersFirstFrame_ms(call));
            ours.push_back(holdfastFirstFrame_ms(workspace, call, &wrong, &times));
        } else {
            ours.push_back(holdfastFirstFrame_ms(workspace, call, &wrong, &times));
            plain.push_back(plainPlayersFirstFrame_ms(call));
        }
        std::printf("round %d holdfast_ms %.1f qmediaplayer_ms %.1f\n", round, ours.back(), plain.back());
        std::fflush(stdout);
    }
    std::printf("first_frame_ms %.1f\nfirst_frame_min_ms %.1f\nfirst_frame_max_ms %.1f\nqmediaplayer_ms "
                "%.1f\nqmediaplayer_min_ms %.1f\ntracks %lld\nwrong_tracks %d\nrounds %d\n",
                median(ours), *std::min_element(ours.begin(), ours.end()),
                *std::max_element(ours.begin(), ours.end()), median(plain),
                *std::min_element(plain.begin(), plain.end()),
                static_cast<long long>(call.manifest.tracks.size()), wrong, rounds);
    std::printf("open_ms %.1f\n", median(times.open_ms));
    for (const auto& [id, readyTimes] : times.trackReady_ms)
        std::printf("track_ready_ms %s %.1f\n", qPrintable(id), median(readyTimes));
    return 0;
}

// ---- seek -------------------------------------------------------------------

// A bare playbin on one file: video into an appsink (BGRx, like the
// player's), audio into a fakesink, both synchronised.
class BarePlaybin
{
public:
    explicit BarePlaybin(const QString& file)
    {
        m_playbin = gst_element_factory_make("playbin", nullptr);
        m_videoSink = gst_element_factory_make("appsink", nullptr);
        GstElement* audioSink = gst_element_factory_make("fakesink", nullptr);
        if (!m_playbin || !m_videoSink || !audioSink)
            fail(QStringLiteral("GStreamer lacks playbin, appsink or fakesink"));
        GstCaps* caps = gst_caps_from_string("video/x-raw,format=BGRx");
        g_object_set(m_videoSink, "caps", caps, "sync", TRUE, nullptr);
        gst_caps_unref(caps);
        g_object_set(audioSink, "sync", TRUE, nullptr);
        gchar* uri = gst_filename_to_uri(qPrintable(file), nullptr);
        g_object_set(m_playbin, "uri", uri, "video-sink", m_videoSink, "audio-sink", audioSink, nullptr);
        g_free(uri);
        gst_element_set_state(m_playbin, GST_STATE_PAUSED);
        if (!waitAsyncDone())
            fail(QStringLiteral("playbin did not preroll ") + file);
    }
    ~BarePlaybin()
    {
        gst_element_set_state(m_playbin, GST_STATE_NULL);
        gst_object_unref(m_playbin);
    }
    BarePlaybin(const BarePlaybin&) = delete;
    BarePlaybin& operator=(const BarePlaybin&) = delete;

    // Flushing accurate seek while paused until the new frame has prerolled (ms).
    double seek_ms(qint64 track_ms)
    {
        QElapsedTimer elapsed;
        elapsed.start();
        startSeek(track_ms);
        finishSeek();
        return double(elapsed.nsecsElapsed()) / 1e6;
    }
    void startSeek(qint64 track_ms)
    {
        if (!gst_element_seek_simple(m_playbin, GST_FORMAT_TIME,
                                     GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE),
                                     track_ms * GST_MSECOND))
            fail(QStringLiteral("playbin: the seek to %1 ms failed").arg(track_ms));
    }
    void finishSeek()
    {
        if (!waitAsyncDone())
            fail(QStringLiteral("playbin: a seek did not preroll"));
    }

    qint64 prerolledFrame_ms() const
    {
        GstSample* sample = nullptr;
        g_object_get(m_videoSink, "last-sample", &sample, nullptr);
        if (!sample)
            return -1;
        const GstBuffer* buffer = gst_sample_get_buffer(sample);
        const qint64 pts =
            buffer && GST_BUFFER_PTS_IS_VALID(buffer) ? qint64(GST_BUFFER_PTS(buffer) / GST_MSECOND) : -1;
        gst_sample_unref(sample);
        return pts;
    }

private:
    bool waitAsyncDone()
    {
        GstBus* bus = gst_element_get_bus(m_playbin);
        GstMessage* message = gst_bus_timed_pop_filtered(
            bus, 10 * GST_SECOND, GstMessageType(GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR));
        gst_object_unref(bus);
        const bool done = message && GST_MESSAGE_TYPE(message) == GST_MESSAGE_ASYNC_DONE;
        if (message)
            gst_message_unref(message);
        return done;
    }

    GstElement* m_playbin = nullptr;
    GstElement* m_videoSink = nullptr; // owned by the playbin
};

int measureSeek(Workspace& workspace, const BenchCall& call, int targets)
{
    const model::Track* screen = call.screenTrack();
    if (!screen)
        fail(QStringLiteral("the call has no screen share"));
    std::unique_ptr<media::CallPlayback> playback = openPlayback(workspace, call);
    QElapsedTimer since;
    since.start();
    if (waitSettled(*playback, since, [&] { playback->seek(0); }) < 0)
        fail(QStringLiteral("seek: the tracks did not settle after opening"));
    BarePlaybin playbin(call.plainFile(*screen));
    // For comparison only: one bare playbin per track file, all sought at once.
    std::vector<std::unique_ptr<BarePlaybin>> allPlaybins;
    for (const model::Track& track : call.manifest.tracks)
        allPlaybins.push_back(std::make_unique<BarePlaybin>(call.plainFile(track)));
    const std::vector<media::TrackPipeline*> pipelines = pipelinesOf(*playback, call);

    // Targets where every track, the screen share included, is inside its
    // span, so that both sides seek into the middle of the same file.
    QRandomGenerator random(20261123);
    std::vector<double> ours, screenOnly, plain, plainAll;
    std::map<QString, std::vector<double>> perTrack; // when each track was ready
    int wrongFrames = 0, plainWrongFrames = 0;
    qint64 worstAudio_ms = 0;
    for (int i = 0; i < targets; ++i) {
        const qint64 at =
            screen->offset_ms + random.bounded(int(call.duration_ms - 1000 - screen->offset_ms));
        // Per track: when its frame / audio at the target was ready.
        std::map<media::TrackPipeline*, qint64> prerolledAt_ns;
        std::vector<QMetaObject::Connection> connections;
        for (media::TrackPipeline* pipeline : pipelines)
            connections.push_back(
                QObject::connect(pipeline, &media::TrackPipeline::prerolled, pipeline,
                                 [&, pipeline] { prerolledAt_ns[pipeline] = since.nsecsElapsed(); }));
        const auto seekOurs = [&] {
            const qint64 start_ns = since.nsecsElapsed();
            const qint64 settled_ns = waitSettled(*playback, since, [&] { playback->seek(at); });
            if (settled_ns < 0)
                fail(QStringLiteral("seek to %1 ms: the tracks did not settle").arg(at));
            ours.push_back(double(settled_ns - start_ns) / 1e6);
            screenOnly.push_back(double(prerolledAt_ns[playback->track(screen->id)] - start_ns) / 1e6);
            for (const auto& [pipeline, at_ns] : prerolledAt_ns)
                perTrack[pipeline->track().id].push_back(double(at_ns - start_ns) / 1e6);
        };
        const auto seekPlain = [&] {
            plain.push_back(playbin.seek_ms(trackTarget(*screen, at)));
        };
        const auto seekAllPlain = [&] {
            QElapsedTimer elapsed;
            elapsed.start();
            for (size_t t = 0; t < allPlaybins.size(); ++t)
                allPlaybins[t]->startSeek(trackTarget(call.manifest.tracks[qsizetype(t)], at));
            for (const auto& p : allPlaybins)
                p->finishSeek();
            plainAll.push_back(double(elapsed.nsecsElapsed()) / 1e6);
        };
        // After a seek has prerolled, demuxers still fill their queues for a
        // while: each measured seek starts once that is over.
        const auto quiet = [] {
            QElapsedTimer idle;
            idle.start();
            runUntil([&] { return idle.elapsed() >= 200; }, 1000);
        };
        if (i % 2) {
            for (const auto& step : {std::function<void()>(seekPlain), std::function<void()>(seekAllPlain),
                                     std::function<void()>(seekOurs)}) {
                quiet();
                step();
            }
        } else {
            for (const auto& step : {std::function<void()>(seekOurs), std::function<void()>(seekAllPlain),
                                     std::function<void()>(seekPlain)}) {
                quiet();
                step();
            }
        }
        for (const auto& connection : connections)
            QObject::disconnect(connection);
        for (media::TrackPipeline* pipeline : pipelines) {
            const qint64 target = trackTarget(pipeline->track(), at);
            if (pipeline->isVisual()) {
                if (!showsFrameAt(*pipeline, target)) {
                    ++wrongFrames;
                    std::printf("wrong_frame %s at %lld ms shows %lld ms (track target %lld ms)\n",
                                qPrintable(pipeline->track().id), static_cast<long long>(at),
                                static_cast<long long>(pipeline->currentFrameTime_ms()),
                                static_cast<long long>(target));
                }
            } else {
                worstAudio_ms = std::max(worstAudio_ms, qAbs(pipeline->position_ms() - target));
            }
        }
        const qint64 plainFrame = playbin.prerolledFrame_ms();
        const qint64 screenTarget = trackTarget(*screen, at);
        if (plainFrame < 0 || plainFrame > screenTarget + 1 || plainFrame <= screenTarget - 101)
            ++plainWrongFrames;
        std::printf("target %lld holdfast_ms %.1f screen_track_ms %.1f playbin_ms %.1f\n",
                    static_cast<long long>(at), ours.back(), screenOnly.back(), plain.back());
        std::fflush(stdout);
    }
    std::printf("playbins_all_tracks_ms %.1f\n", median(plainAll));
    std::printf("seek_ms %.1f\nseek_max_ms %.1f\nseek_screen_track_ms %.1f\nplaybin_ms %.1f\nplaybin_max_ms "
                "%.1f\ntargets %d\nwrong_frames %d\nplaybin_wrong_frames %d\naudio_position_error_ms %lld\n",
                median(ours), *std::max_element(ours.begin(), ours.end()), median(screenOnly), median(plain),
                *std::max_element(plain.begin(), plain.end()), targets, wrongFrames, plainWrongFrames,
                static_cast<long long>(worstAudio_ms));
    for (const auto& [id, times] : perTrack)
        std::printf("track_seek_ms %s %.1f\n", qPrintable(id), median(times));
    return 0;
}

// ---- drift ------------------------------------------------------------------

// A thread that only sleeps 2 ms at a time and notes every wake-up more than
// 4 ms late, to tell apart what delays the tracks. One real-time probe
// (SCHED_FIFO, where the process may use it) is pinned to each processor:
// only a processor that runs nothing delays it by more than a moment, such
// as a virtual processor its host does not schedule, and a timer due on a
// stalled processor fires late for every thread that set it there, which a
// probe on the other processor does not see. An unpinned probe at normal
// priority is delayed by other programs' load too.
class StallProbe
{
public:
    StallProbe(bool realtime, int cpu)
        : m_wantRealtime(realtime)
        , m_cpu(cpu)
        , m_thread([this] { run(); })
    {}
    ~StallProbe()
    {
        m_stop = true;
        m_thread.join();
    }

    // The processors this process may run on, one pinned probe each.
    static std::vector<int> allowedCpus()
    {
        std::vector<int> cpus;
        cpu_set_t set;
        CPU_ZERO(&set);
        if (sched_getaffinity(0, sizeof set, &set) == 0)
            for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
                if (CPU_ISSET(cpu, &set))
                    cpus.push_back(cpu);
        return cpus;
    }

    QString name() const
    {
        return m_cpu >= 0 ? QStringLiteral("cpu%1").arg(m_cpu) : QStringLiteral("unpinned");
    }

    // The longest delay that overlapped [from_ns, to_ns], in ms.
    double longestBetween(qint64 from_ns, qint64 to_ns) const
    {
        std::lock_guard lock(m_mutex);
        double longest = 0;
        for (auto it = m_stalls.rbegin(); it != m_stalls.rend(); ++it) {
            const qint64 woke = it->first, began = it->first - it->second;
            if (woke < from_ns)
                break;
            if (began <= to_ns)
                longest = std::max(longest, double(it->second) / 1e6);
        }
        return longest;
    }

    // The delays, (woke at, late by) in ns.
    std::vector<std::pair<qint64, qint64>> stalls() const
    {
        std::lock_guard lock(m_mutex);
        return m_stalls;
    }

    void print() const
    {
        std::lock_guard lock(m_mutex);
        int over10 = 0, over20 = 0;
        qint64 longest = 0;
        for (const auto& [at, late] : m_stalls) {
            over10 += late > 10000000;
            over20 += late > 20000000;
            longest = std::max(longest, late);
        }
        std::printf("stalls_probe %s %s over_10ms %d over_20ms %d longest_ms %.1f\n", qPrintable(name()),
                    m_realtime ? "realtime" : "normal-priority", over10, over20, double(longest) / 1e6);
    }

private:
    void run()
    {
        if (m_cpu >= 0) {
            cpu_set_t set;
            CPU_ZERO(&set);
            CPU_SET(m_cpu, &set);
            pthread_setaffinity_np(pthread_self(), sizeof set, &set);
        }
        if (m_wantRealtime) {
            sched_param param{};
            param.sched_priority = 10;
            m_realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param) == 0;
        }
        constexpr qint64 kSleep_ns = 2000000;
        while (!m_stop) {
            const qint64 before = steadyNow_ns();
            std::this_thread::sleep_for(std::chrono::nanoseconds(kSleep_ns));
            const qint64 after = steadyNow_ns();
            if (after - before - kSleep_ns > 4000000) {
                std::lock_guard lock(m_mutex);
                m_stalls.emplace_back(after, after - before - kSleep_ns);
            }
        }
    }

    const bool m_wantRealtime;
    const int m_cpu; // -1: not pinned
    std::atomic_bool m_realtime{false};
    std::atomic_bool m_stop{false};
    mutable std::mutex m_mutex;
    std::vector<std::pair<qint64, qint64>> m_stalls; // (woke at, late by) in ns
    std::thread m_thread;                            // last: starts once the rest is built
};

// The pinned real-time probes together: when the machine itself paused.
class MachinePauses
{
public:
    MachinePauses()
    {
        for (int cpu : StallProbe::allowedCpus())
            m_probes.push_back(std::make_unique<StallProbe>(true, cpu));
    }

    // The longest pause of any processor overlapping [from_ns, to_ns], in ms,
    // and which processor it was.
    std::pair<double, QString> longestBetween(qint64 from_ns, qint64 to_ns) const
    {
        std::pair<double, QString> longest{0.0, QString()};
        for (const auto& probe : m_probes)
            if (const double pause = probe->longestBetween(from_ns, to_ns); pause > longest.first)
                longest = {pause, probe->name()};
        return longest;
    }

    void print() const
    {
        for (const auto& probe : m_probes)
            probe->print();
        // Pauses above 10 ms of any processor, and how many held up all of them at once.
        std::vector<std::pair<qint64, qint64>> spans; // (began, woke)
        for (const auto& probe : m_probes)
            for (const auto& [woke, late] : probe->stalls())
                if (late > 10000000)
                    spans.emplace_back(woke - late, woke);
        std::sort(spans.begin(), spans.end());
        int pauses = 0;
        qint64 longest = 0, reach = 0;
        for (const auto& [began, woke] : spans) {
            if (pauses == 0 || began > reach)
                ++pauses;
            reach = std::max(reach, woke);
            longest = std::max(longest, woke - began);
        }
        std::printf("machine_pauses_over_10ms %d\nmachine_pause_longest_ms %.1f\n", pauses,
                    double(longest) / 1e6);
    }

private:
    std::vector<std::unique_ptr<StallProbe>> m_probes;
};

// Every 100 ms while the tracks run: how far each track is from the shared
// clock's call time (CallPlayback::position_ms(), read right after the
// track), from what it rendered, and the largest difference between two
// tracks. Video: the frame on show is right while the clock is within its
// span [frame time, frame time + one frame); outside it the track is late or
// early by the distance. Audio: the pipeline's position against the clock.
class DriftSampler
{
public:
    // Samples closer than this to a track's start or end are not taken for it:
    // there the track shows its first or last frame by design.
    static constexpr qint64 kSpanMargin_ms = 200;
    // Samples with a larger difference are listed, to see where they happen.
    static constexpr double kListAbove_ms = 20;
    static constexpr double kTarget_ms = 40;
    static constexpr qint64 kMaxReadGap_ns = 2000000;
    static constexpr int kReadAttempts = 5;

    DriftSampler(media::CallPlayback& playback, const BenchCall& call, qint64 settleWindow_ms, double rate)
        : m_playback(playback)
        , m_rate(rate)
        , m_pipelines(pipelinesOf(playback, call))
        , m_settleWindow_ns(settleWindow_ms * 1000000)
    {
        QObject::connect(&playback, &media::CallPlayback::started, &playback,
                         [this] { m_startedAt_ns = steadyNow_ns(); });
        m_run.start();
    }

    void sample()
    {
        if (!m_playback.isRunning() || m_startedAt_ns == 0)
            return;
        const qint64 sinceStart_ns = steadyNow_ns() - m_startedAt_ns;
        const bool settling = sinceStart_ns < m_settleWindow_ns;
        double low = 1e18, high = -1e18;
        QString lowId, highId, errors;
        qint64 clock_ms = 0;
        for (media::TrackPipeline* pipeline : m_pipelines) {
            const model::Track& track = pipeline->track();
            // A track's state and the clock are read one after the other; if
            // this thread was held up in between (by more than kMaxReadGap_ns),
            // the delay would count as the track's lateness, so the pair is
            // read again.
            std::optional<double> error;
            qint64 gap_ns = 0;
            for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
                const qint64 before_ns = steadyNow_ns();
                error = errorOf(*pipeline, clock_ms);
                gap_ns = steadyNow_ns() - before_ns;
                if (gap_ns <= kMaxReadGap_ns)
                    break;
                ++m_rereads;
                std::printf("sample_reread %s: read %.1f ms apart from the clock, %s\n", qPrintable(track.id),
                            double(gap_ns) / 1e6,
                            error ? qPrintable(QStringLiteral("error %1 ms").arg(*error))
                                  : "outside its span");
            }
            if (gap_ns > kMaxReadGap_ns)
                ++m_unsettledReads; // counted all the same
            if (!error)
                continue;
            const double error_ms = *error;
            errors += QStringLiteral(" %1=%2").arg(track.id).arg(error_ms);
            auto& worst = settling ? m_settlingWorst : m_worst;
            worst[track.id] = std::max(worst[track.id], std::abs(error_ms));
            if (error_ms < low) {
                low = error_ms;
                lowId = track.id;
            }
            if (error_ms > high) {
                high = error_ms;
                highId = track.id;
            }
        }
        if (high < low)
            return; // no track inside its span
        const double spread = high - low;
        if (settling) {
            m_settlingMax_ms = std::max(m_settlingMax_ms, spread);
            return;
        }
        m_spreads.push_back(spread);
        // Stalls that ended within the wall time the spread spans (plus one
        // sampling interval): candidates for what held the late track up.
        const qint64 now_ns = steadyNow_ns();
        const qint64 window_ns = qint64(spread / m_rate * 1e6) + 100000000;
        const auto [machinePause_ms, pausedCpu] = m_machine.longestBetween(now_ns - window_ns, now_ns);
        const double normalStall_ms = m_normalProbe.longestBetween(now_ns - window_ns, now_ns);
        if (spread > kTarget_ms) {
            ++m_aboveTarget;
            // A processor paused for at least half the spread's wall time.
            if (machinePause_ms >= spread / m_rate / 2)
                ++m_aboveTargetAfterPause;
        }
        if (spread > kListAbove_ms)
            std::printf("sample_above %.0f ms at call %lld ms, %lld ms after a start, %.1f s into the run "
                        "(load %s; in the last %.0f ms: longest pause of a processor %.1f ms%s%s, "
                        "normal-priority probe held up %.1f ms):%s\n",
                        spread, static_cast<long long>(clock_ms),
                        static_cast<long long>(sinceStart_ns / 1000000), double(m_run.elapsed()) / 1000,
                        qPrintable(loadAverage()), double(window_ns) / 1e6, machinePause_ms,
                        pausedCpu.isEmpty() ? "" : " on ", qPrintable(pausedCpu), normalStall_ms,
                        qPrintable(errors));
        if (spread > m_max_ms) {
            m_max_ms = spread;
            m_maxPair = highId + u'-' + lowId;
            m_maxAtCall_ms = double(clock_ms);
        }
    }

    // How far a track is from the clock (read right after it) by what it
    // rendered; nothing when the clock is outside the track's span.
    std::optional<double> errorOf(media::TrackPipeline& pipeline, qint64& clock_ms) const
    {
        const model::Track& track = pipeline.track();
        if (pipeline.isVisual()) {
            const qint64 frame_ms = pipeline.currentFrameTime_ms();
            clock_ms = m_playback.position_ms();
            if (frame_ms < 0 || !insideSpan(track, clock_ms))
                return std::nullopt;
            const qint64 from_ms = frame_ms + track.offset_ms;
            const qint64 until_ms = from_ms + std::max<qint64>(pipeline.frameDuration_ms(), 1);
            return clock_ms < from_ms     ? double(from_ms - clock_ms)
                   : clock_ms >= until_ms ? double(until_ms - clock_ms)
                                          : 0.0;
        }
        const qint64 position_ms = pipeline.position_ms();
        clock_ms = m_playback.position_ms();
        if (position_ms < 0 || !insideSpan(track, clock_ms))
            return std::nullopt;
        return double(position_ms + track.offset_ms - clock_ms);
    }

    void print() const
    {
        std::vector<double> sorted = m_spreads;
        std::sort(sorted.begin(), sorted.end());
        const double p99 =
            sorted.empty() ? -1 : sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
        std::printf(
            "drift_max_ms %.1f\ndrift_p99_ms %.1f\ndrift_median_ms %.1f\ndrift_samples %zu\ndrift_max_pair "
            "%s\ndrift_max_at_call_ms %.0f\nsettling_max_ms %.1f\n",
            m_max_ms, p99, median(m_spreads), m_spreads.size(), qPrintable(m_maxPair), m_maxAtCall_ms,
            m_settlingMax_ms);
        std::printf("rereads %d\nrereads_still_apart %d\n", m_rereads, m_unsettledReads);
        std::printf("above_target %d\nabove_target_after_pause %d\n", m_aboveTarget, m_aboveTargetAfterPause);
        m_machine.print();
        m_normalProbe.print();
        for (const auto& [id, worst] : m_worst)
            std::printf("track_worst_vs_clock_ms %s %.1f (settling window: %.1f)\n", qPrintable(id), worst,
                        m_settlingWorst.count(id) ? m_settlingWorst.at(id) : 0.0);
    }

private:
    static bool insideSpan(const model::Track& track, qint64 call_ms)
    {
        return call_ms >= track.offset_ms + kSpanMargin_ms &&
               call_ms <= track.offset_ms + track.duration_ms - kSpanMargin_ms;
    }

    static QString loadAverage()
    {
        QFile file(QStringLiteral("/proc/loadavg"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().split(' ').value(0))
                                              : QString();
    }

    media::CallPlayback& m_playback;
    double m_rate;
    MachinePauses m_machine;
    StallProbe m_normalProbe{false, -1};
    int m_aboveTarget = 0;
    int m_aboveTargetAfterPause = 0;
    std::vector<media::TrackPipeline*> m_pipelines;
    qint64 m_settleWindow_ns;
    QElapsedTimer m_run;
    qint64 m_startedAt_ns = 0;
    std::vector<double> m_spreads;
    double m_max_ms = 0;
    QString m_maxPair;
    double m_maxAtCall_ms = 0;
    double m_settlingMax_ms = 0;
    int m_rereads = 0;
    int m_unsettledReads = 0;
    std::map<QString, double> m_worst, m_settlingWorst;
};

int measureDrift(Workspace& workspace, const BenchCall& call, double rate, int duration_s,
                 qint64 settleWindow_ms)
{
    constexpr int kSeeks = 20;
    constexpr qint64 kEndMargin_ms = 2000;
    const qint64 interval_ms = qint64(duration_s) * 1000 / kSeeks;
    // Every stretch between two seeks ends before the call does.
    const qint64 latestTarget_ms = call.duration_ms - qint64(double(interval_ms) * rate) - kEndMargin_ms;
    if (latestTarget_ms <= 0)
        fail(QStringLiteral("drift: %1 s between seeks at %2x runs past the end of the call")
                 .arg(interval_ms / 1000)
                 .arg(rate));
    std::unique_ptr<media::CallPlayback> playback = openPlayback(workspace, call);
    QElapsedTimer since;
    since.start();
    if (waitSettled(*playback, since, [&] { playback->seek(0); }) < 0)
        fail(QStringLiteral("drift: the tracks did not settle after opening"));
    DriftSampler sampler(*playback, call, settleWindow_ms, rate);
    int finished = 0;
    QObject::connect(playback.get(), &media::CallPlayback::finished, playback.get(), [&] { ++finished; });
    QRandomGenerator random(quint32(7 + rate * 10));
    QTimer sampling;
    sampling.setTimerType(Qt::PreciseTimer);
    QObject::connect(&sampling, &QTimer::timeout, &sampling, [&] { sampler.sample(); });
    int seeks = 0;
    QTimer seeking;
    seeking.setTimerType(Qt::PreciseTimer);
    const auto seekNext = [&] {
        if (seeks == kSeeks)
            return;
        playback->seek(random.bounded(int(latestTarget_ms)));
        ++seeks;
    };
    QObject::connect(&seeking, &QTimer::timeout, &seeking, seekNext);
    playback->setRate(rate);
    seekNext();
    playback->play();
    sampling.start(100);
    seeking.start(int(interval_ms));
    QElapsedTimer wall;
    wall.start();
    runUntil([&] { return wall.elapsed() >= qint64(duration_s) * 1000; }, duration_s * 1000 + 1000);
    sampling.stop();
    seeking.stop();
    playback->pause();
    std::printf(
        "rate %.1f\nduration_s %d\nseeks %d\nseek_interval_ms %lld\nsettle_window_ms %lld\nfinished %d\n",
        rate, duration_s, seeks, static_cast<long long>(interval_ms), static_cast<long long>(settleWindow_ms),
        finished);
    sampler.print();
    return 0;
}

// ---- CPU --------------------------------------------------------------------

double processCpu_s()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int measureCpu(Workspace& workspace, const BenchCall& call, int duration_s)
{
    desktop::PlayerView view(workspace, call.recordingId);
    QSignalSpy waveform(&view, &desktop::PlayerView::waveformLoaded);
    if (!view.errorText().isEmpty())
        fail(view.errorText());
    view.resize(1280, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        fail(QStringLiteral("the player window was not exposed"));
    // The waveform is computed (or read) on a thread once per opening: not playback.
    if (waveform.isEmpty() && !waveform.wait(60000))
        fail(QStringLiteral("the waveform did not load"));
    if (!runUntil([&] { return view.isSettled(); }, 10000))
        fail(QStringLiteral("the player did not settle"));
    int tracks = 0, visual = 0, muted = 0;
    for (const QString& id : view.trackIds()) {
        tracks += view.isTrackAvailable(id);
        visual += !view.currentFrame(id).isNull();
        muted += view.isTrackMuted(id);
    }
    const qint64 startPosition = view.position_ms();
    const double cpuBefore = processCpu_s();
    QElapsedTimer wall;
    wall.start();
    view.play();
    runUntil([&] { return wall.elapsed() >= qint64(duration_s) * 1000; }, duration_s * 1000 + 1000);
    const double cpu = processCpu_s() - cpuBefore;
    const double wall_s = double(wall.nsecsElapsed()) / 1e9;
    const qint64 advanced_ms = view.position_ms() - startPosition;
    view.pause();
    std::printf("cpu_percent %.1f\ncpu_s %.2f\nwall_s %.2f\nplayed_ms %lld\ntracks %d\nvisual_tracks "
                "%d\nmuted_tracks %d\n",
                100.0 * cpu / wall_s, cpu, wall_s, static_cast<long long>(advanced_ms), tracks, visual,
                muted);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("holdfast-bench"));
    QApplication::setApplicationName(QStringLiteral("player"));
    QCommandLineParser parser;
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("Cache."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption passphraseOption(QStringLiteral("passphrase-file"),
                                              QStringLiteral("Passphrase."), QStringLiteral("FILE"));
    const QCommandLineOption vaultOption(QStringLiteral("vault"),
                                         QStringLiteral("The folder vault imported."), QStringLiteral("DIR"));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"), QStringLiteral("first-frame, seek, drift or cpu."), QStringLiteral("MODE"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds or seek targets."),
                                          QStringLiteral("N"), QStringLiteral("9"));
    const QCommandLineOption durationOption(QStringLiteral("duration-s"), QStringLiteral("Play this long."),
                                            QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Playback rate."),
                                        QStringLiteral("R"), QStringLiteral("1"));
    const QCommandLineOption settleOption(QStringLiteral("settle-window-ms"),
                                          QStringLiteral("Not sampled after each start."),
                                          QStringLiteral("MS"), QStringLiteral("200"));
    const QCommandLineOption tracksOption(QStringLiteral("tracks"), QStringLiteral("Only these track ids."),
                                          QStringLiteral("IDS"));
    parser.addOptions({cacheOption, passphraseOption, vaultOption, modeOption, roundsOption, durationOption,
                       rateOption, settleOption, tracksOption});
    parser.process(app);
    const WorkspaceIdentity identity{QStringLiteral("bench"), compliance::Role::Officer, false};
    auto workspace =
        Workspace::open(parser.value(cacheOption), readPassphrase(parser.value(passphraseOption)), identity);
    if (!workspace)
        fail(workspace.errorMessage());
    BenchCall call = findSyncTestCall(**workspace, parser.value(vaultOption));
    if (parser.isSet(tracksOption)) {
        // Diagnosis: only these tracks (ids, comma-separated) are played.
        const QStringList keep = parser.value(tracksOption).split(u',');
        call.manifest.tracks.removeIf([&](const model::Track& track) { return !keep.contains(track.id); });
    }
    const QString mode = parser.value(modeOption);
    const int rounds = parser.value(roundsOption).toInt();
    const int duration_s = parser.value(durationOption).toInt();
    if (mode == QLatin1String("first-frame"))
        return measureFirstFrame(**workspace, call, rounds);
    if (mode == QLatin1String("seek"))
        return measureSeek(**workspace, call, rounds);
    if (mode == QLatin1String("drift"))
        return measureDrift(**workspace, call, parser.value(rateOption).toDouble(), duration_s,
                            parser.value(settleOption).toLongLong());
    if (mode == QLatin1String("cpu"))
        return measureCpu(**workspace, call, duration_s);
    fail(QStringLiteral("--mode first-frame, seek, drift or cpu"));
}
