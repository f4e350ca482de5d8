#include "capture/demo/DemoVaultGenerator.h"

#include "capture/PackageBuilder.h"
#include "capture/demo/AudioTrackEncoder.h"
#include "capture/demo/CallTimeline.h"
#include "capture/demo/DemoRandom.h"
#include "capture/demo/DemoScriptLibrary.h"
#include "capture/demo/ParticipantTileRenderer.h"
#include "capture/demo/ScreenShareRenderer.h"
#include "capture/demo/SpeechSynthesizer.h"
#include "capture/demo/SyncTestCall.h"
#include "capture/demo/WebmVideoEncoder.h"
#include "crypto/Ed25519PrivateKey.h"
#include "crypto/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>

namespace holdfast::capture {

namespace {

constexpr int kTileBitrate_kbps = 120;
constexpr int kScreenBitrate_kbps = 250;

// Namespace of the demo recording ids (UUIDv5 of "holdfast-demo/<seed>/<call>").
const QUuid kDemoIdNamespace(QStringLiteral("{5b0e7c1e-3f7a-4d0b-9a55-6c1f2d8e4a17}"));

bool isCancelled(const std::atomic_bool* cancelled)
{
    return cancelled && cancelled->load();
}

// A weekday from 1 October to 15 November 2026, during working hours (UTC):
// fixed dates keep the output deterministic; all lie in the recent past.
// label names the call: "started-at/<index>", "started-at/sync-test".
QDateTime callStart(quint64 seed, const QString& label)
{
    DemoRandom random(DemoRandom::derive(seed, label));
    QDate day;
    do
        day = QDate(2026, 10, 1).addDays(random.range(0, 45));
    while (day.dayOfWeek() > 5);
    return QDateTime(day, QTime(random.range(8, 16), random.range(0, 59), random.range(0, 59)), Qt::UTC);
}

// When the screen share starts (20-40 % into the call) and when the payment
// form appears: just before the card number is read out, if it is.
ScreenShareTimes screenShareTimes(const CallTimeline& timeline, quint64 seed)
{
    DemoRandom random(seed);
    const qint64 call_ms = timeline.duration_ms();
    ScreenShareTimes times;
    times.start_ms = qint64(double(call_ms) * random.uniform(0.20, 0.40));
    const auto cardTurn = std::find_if(timeline.turns().begin(), timeline.turns().end(),
                                       [](const TimelineTurn& turn) { return turn.readsCardNumber; });
    if (cardTurn != timeline.turns().end()) {
        times.typingStart_ms = CallTimeline::toMs(cardTurn->startSample);
        times.typingEnd_ms = CallTimeline::toMs(cardTurn->endSample());
        times.formStart_ms = std::max<qint64>(1500, times.typingStart_ms - 2500);
        // Leave a few seconds of slides before the form.
        times.start_ms = std::clamp<qint64>(times.formStart_ms - 5000, 1000, times.start_ms);
    } else {
        times.formStart_ms = times.start_ms + (call_ms - times.start_ms) * 55 / 100;
        times.typingStart_ms = times.formStart_ms + 1500;
        times.typingEnd_ms = times.typingStart_ms + 6000;
    }
    return times;
}

class CallGenerator
{
public:
    CallGenerator(const DemoVaultOptions& options, int callIndex, int callsTotal,
                  const QString& workDirectory, const DemoVaultGenerator::ProgressFn& progress,
                  const std::atomic_bool* cancelled)
        : m_options(options)
        , m_callIndex(callIndex)
        , m_callsTotal(callsTotal)
        , m_seed(DemoRandom::derive(options.seed, QStringLiteral("call/%1").arg(callIndex)))
        , m_workDirectory(workDirectory)
        , m_progress(progress)
        , m_cancelled(cancelled)
    {}

    Result<CaptureRequest> run()
    {
        report(QStringLiteral("writing the script"));
        const DemoCallScript script = DemoScriptLibrary::compose(m_options.seed, m_callIndex);
        CaptureRequest request;
        request.id = QUuid::createUuidV5(
            kDemoIdNamespace, QStringLiteral("holdfast-demo/%1/%2").arg(m_options.seed).arg(m_callIndex));
        request.source = script.source;
        request.direction = script.direction;
        request.title = script.title;
        request.startedAt = callStart(m_options.seed, QStringLiteral("started-at/%1").arg(m_callIndex));
        for (const DemoPerson& person : script.people)
            request.participants << person.participant;

        if (!proceed(QStringLiteral("synthesising speech")))
            return cancelledError();
        QList<SpeechRequest> speech;
        for (const DemoLine& line : script.lines)
            speech << SpeechRequest{line.text, script.people.at(line.speaker).voice};
        auto clips = SpeechSynthesizer::synthesize(speech, m_cancelled);
        if (!clips)
            return makeError(stageError(clips.errorMessage()));
        const CallTimeline timeline = CallTimeline::arrange(
            script, std::move(clips).value(), DemoRandom::derive(m_seed, QStringLiteral("timeline")));
        request.transcript =
            timeline.transcript(script, DemoRandom::derive(m_seed, QStringLiteral("confidence")));

        // Participants' own microphones first, then the mix (-1).
        QList<int> microphones;
        for (int participant = 0; participant < script.people.size(); ++participant)
            microphones << participant;
        microphones << -1;
        for (const int participant : std::as_const(microphones)) {
            const QString who =
                participant < 0 ? QStringLiteral("mixed") : script.people.at(participant).participant.id;
            if (!proceed(QStringLiteral("encoding audio (%1)").arg(who)))
                return cancelledError();
            const QString file = m_workDirectory + QStringLiteral("/audio-%1.webm").arg(who);
            if (Status status = AudioTrackEncoder::encode(
                    timeline, participant, DemoRandom::derive(m_seed, QStringLiteral("audio/") + who),
                    request.startedAt, file, m_cancelled);
                !status)
                return makeError(stageError(status.errorMessage()));
            request.tracks << CaptureTrackInput{
                file, model::TrackKind::Audio,
                participant < 0 ? QString::fromLatin1(model::kMixedParticipant) : who, 0};
        }

        if (script.participantVideo) {
            for (int participant = 0; participant < script.people.size(); ++participant) {
                const model::Participant& who = script.people.at(participant).participant;
                if (!proceed(QStringLiteral("rendering video (%1)").arg(who.id)))
                    return cancelledError();
                const ParticipantTileRenderer tile(
                    who, m_callIndex + participant,
                    DemoRandom::derive(m_seed, QStringLiteral("tile/") + who.id));
                const auto render = [&](qint64 time_ms) {
                    const qint64 sample = CallTimeline::toSamples(time_ms);
                    const int window = CallTimeline::kSampleRate / ParticipantTileRenderer::kFps;
                    return tile.render(time_ms, timeline.isSpeaking(participant, sample),
                                       timeline.speechLevel(participant, sample - window / 2, window));
                };
                const QString file = m_workDirectory + QStringLiteral("/video-%1.webm").arg(who.id);
                const VideoFormat format{
                    QSize(ParticipantTileRenderer::kWidth, ParticipantTileRenderer::kHeight),
                    ParticipantTileRenderer::kFps, kTileBitrate_kbps};
                if (Status status = WebmVideoEncoder::encode(
                        format, timeline.duration_ms(), render,
                        DemoRandom::derive(m_seed, QStringLiteral("mux/") + who.id), request.startedAt, file,
                        QStringLiteral("rendering video"), m_cancelled);
                    !status)
                    return makeError(stageError(status.errorMessage()));
                request.tracks << CaptureTrackInput{file, model::TrackKind::Video, who.id, 0};
            }
        }

        if (script.presenter >= 0) {
            if (!proceed(QStringLiteral("rendering screen share")))
                return cancelledError();
            const model::Participant& presenter = script.people.at(script.presenter).participant;
            const ScreenShareTimes times =
                screenShareTimes(timeline, DemoRandom::derive(m_seed, QStringLiteral("screen")));
            ScreenShareRenderer screen(script.screen, presenter.displayName, times);
            const auto render = [&](qint64 time_ms) {
                return screen.render(times.start_ms + time_ms);
            };
            const QString file = m_workDirectory + QStringLiteral("/screen-%1.webm").arg(presenter.id);
            const VideoFormat format{QSize(ScreenShareRenderer::kWidth, ScreenShareRenderer::kHeight),
                                     ScreenShareRenderer::kFps, kScreenBitrate_kbps};
            if (Status status = WebmVideoEncoder::encode(
                    format, timeline.duration_ms() - times.start_ms, render,
                    DemoRandom::derive(m_seed, QStringLiteral("mux/screen")), request.startedAt, file,
                    QStringLiteral("rendering screen share"), m_cancelled);
                !status)
                return makeError(stageError(status.errorMessage()));
            request.tracks << CaptureTrackInput{file, model::TrackKind::Screen, presenter.id, times.start_ms};
        }
        if (!proceed(QStringLiteral("packaging")))
            return cancelledError();
        return request;
    }

private:
    QString prefix() const { return QStringLiteral("call %1/%2").arg(m_callIndex + 1).arg(m_callsTotal); }
    QString stageError(const QString& message) const { return prefix() + QStringLiteral(": ") + message; }
    Error cancelledError() const { return makeError(stageError(QStringLiteral("cancelled"))); }

    void report(const QString& stage) const
    {
        if (m_progress)
            m_progress(DemoProgress{m_callIndex, m_callsTotal, prefix() + QStringLiteral(": ") + stage});
    }
    bool proceed(const QString& stage) const
    {
        if (isCancelled(m_cancelled))
            return false;
        report(stage);
        return true;
    }

    const DemoVaultOptions& m_options;
    int m_callIndex;
    int m_callsTotal;
    quint64 m_seed;
    QString m_workDirectory;
    const DemoVaultGenerator::ProgressFn& m_progress;
    const std::atomic_bool* m_cancelled;
};

// The sync test call of a seed: the same id and bytes whatever --calls is.
Result<CaptureRequest> syncTestRequest(quint64 seed, const QString& prefix, const QString& workDirectory,
                                       const std::function<void(const QString&)>& report,
                                       const std::atomic_bool* cancelled)
{
    auto request = SyncTestCall::compose(
        DemoRandom::derive(seed, QStringLiteral("sync-test")),
        callStart(seed, QStringLiteral("started-at/sync-test")), workDirectory,
        [&](const QString& stage) { report(prefix + QStringLiteral(" (sync test): ") + stage); }, cancelled);
    if (!request)
        return makeError(prefix + QStringLiteral(": ") + request.errorMessage());
    request->id =
        QUuid::createUuidV5(kDemoIdNamespace, QStringLiteral("holdfast-demo/%1/sync-test").arg(seed));
    return request;
}

} // namespace

DemoVaultGenerator::DemoVaultGenerator(DemoVaultOptions options)
    : m_options(std::move(options))
{}

Result<QList<model::Manifest>> DemoVaultGenerator::generate(const ProgressFn& progress,
                                                            const std::atomic_bool* cancelled) const
{
    if (m_options.outDirectory.isEmpty())
        return makeError(QStringLiteral("demo-vault: no output directory given"));
    if (m_options.calls < 0 || (m_options.calls == 0 && !m_options.syncTestCall))
        return makeError(QStringLiteral(
            "demo-vault: the number of calls must be at least 1 (or 0 with only the sync test call)"));
    // Video frames are drawn with QPainter, whose text needs the GUI font database.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(QStringLiteral(
            "demo-vault: needs a QGuiApplication to draw video (run with QT_QPA_PLATFORM=offscreen)"));

    // Demo only: the capture node key comes from the seed, so that the same
    // seed always yields the same signed manifests.
    const QByteArray nodeSeed = crypto::Sha256::hash(QByteArrayLiteral("holdfast demo capture node/") +
                                                     QByteArray::number(m_options.seed));
    auto key = crypto::Ed25519PrivateKey::fromSeed(nodeSeed);
    if (!key)
        return makeError(QStringLiteral("demo-vault: capture node key: %1").arg(key.errorMessage()));
    const QString nodeId = QStringLiteral("demo-node-%1").arg(m_options.seed);
    if (!QDir().mkpath(m_options.outDirectory))
        return makeError(QStringLiteral("%1: cannot create the vault directory").arg(m_options.outDirectory));
    const PackageBuilder builder(m_options.outDirectory, nodeId, *key);

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/holdfast-demo-XXXXXX"));
    if (!work.isValid())
        return makeError(
            QStringLiteral("demo-vault: cannot create a temporary directory: %1").arg(work.errorString()));

    // The sync test call comes after the regular ones, so that adding it
    // leaves the regular calls of a seed unchanged.
    const int total = m_options.calls + (m_options.syncTestCall ? 1 : 0);
    QList<model::Manifest> manifests;
    for (int call = 0; call < total; ++call) {
        if (isCancelled(cancelled))
            return makeError(QStringLiteral("demo-vault: cancelled"));
        const QString prefix = QStringLiteral("call %1/%2").arg(call + 1).arg(total);
        const QString callDirectory = work.filePath(QStringLiteral("call-%1").arg(call + 1));
        if (!QDir().mkpath(callDirectory))
            return makeError(QStringLiteral("%1: cannot create directory").arg(callDirectory));
        auto request = call < m_options.calls
                           ? CallGenerator(m_options, call, total, callDirectory, progress, cancelled).run()
                           : syncTestRequest(
                                 m_options.seed, prefix, callDirectory,
                                 [&](const QString& stage) {
                                     if (progress)
                                         progress(DemoProgress{call, total, stage});
                                 },
                                 cancelled);
        if (!request)
            return request.error();
        auto manifest = builder.build(*request);
        if (!manifest)
            return makeError(prefix + QStringLiteral(": packaging: ") + manifest.errorMessage());
        manifests << *manifest;
        QDir(callDirectory).removeRecursively(); // the package holds copies now
        if (progress)
            progress(DemoProgress{call + 1, total, prefix + QStringLiteral(": done")});
    }
    return manifests;
}

} // namespace holdfast::capture
