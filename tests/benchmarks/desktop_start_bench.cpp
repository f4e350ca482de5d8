// Desktop cold start and list scrolling on a large cache.
//   holdfast-bench-desktop-start --fill DIR --count N --passphrase-file FILE
//       creates a cache (real Argon2id cost) holding N synthetic recordings;
//   holdfast-bench-desktop-start --measure DIR --passphrase-file FILE
//       starts the real window on it, unlocks, waits until the library is
//       painted, then scrolls the list from top to bottom one page per frame,
//       printing "start_ms <ms>", "start_rows <n>", "frame_max_ms <ms>",
//       "frame_p99_ms <ms>", "fetch_frame_max_ms <ms>" (frames that inserted
//       a page), "other_frame_max_ms <ms>", "frame_cpu_max_ms <ms>" (the most
//       CPU time the GUI thread spent in one frame: a frame's wall time well
//       above it was spent waiting or preempted), "longest_frame <wall ms> <cpu
//       ms> <voluntary> <involuntary context switches> <major faults>" (the GUI
//       thread in the longest frame: with no switch at all, time it did not
//       run went to the hypervisor or interrupts), "starved_frames <n>" (frames at
//       the end of the loaded rows while the next page was still being read),
//       "paints_per_frame_max <n>" (each frame paints the list as a real frame
//       does: the scroll's own update, delivered by the event loop), "frames
//       <n>", "rows <n>" and "rss_mb <MB>" (peak resident set).
#include "app/MainWindow.h"
#include "app/UnlockPage.h"
#include "cache/CacheKeyFile.h"
#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/MasterKey.h"
#include "cache/RecordingStore.h"
#include "crypto/SecureMemory.h"
#include "library/LibraryView.h"
#include "library/RecordingListModel.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUuid>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <vector>

using namespace holdfast;

namespace {

QElapsedTimer s_sinceStart;

// Counts the paint events a widget receives, so that each measured frame is
// known to have painted the list once (not zero times, and not twice).
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

// Times each event the frame loop dispatches (not the ones nested in it), so
// that the longest frame can say what took its time.
class EventTimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    struct Slowest
    {
        double ms = 0;
        QByteArray what;
    };
    Slowest slowest; // since the last takeSlowest()
    Slowest takeSlowest() { return std::exchange(slowest, {}); }

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        QElapsedTimer timer;
        timer.start();
        // Neither the event nor the receiver may outlive notify().
        const int type = event->type();
        const char* className = receiver->metaObject()->className();
        const QString objectName = receiver->objectName();
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (ms > slowest.ms) {
            slowest.ms = ms;
            slowest.what =
                QByteArray(className) + '(' + objectName.toUtf8() + ")/event" + QByteArray::number(type);
        }
        return result;
    }

private:
    int m_depth = 0;
};

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "bench_desktop_start: %s\n", qPrintable(message));
    std::exit(2);
}

QString readPassphrase(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path + QStringLiteral(": cannot read"));
    return QString::fromUtf8(file.readLine()).trimmed();
}

// CPU time of the calling thread.
double threadCpu_ms()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Voluntary and involuntary context switches and major page faults of the calling thread so far.
std::array<long, 3> threadWaits()
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return {usage.ru_nvcsw, usage.ru_nivcsw, usage.ru_majflt};
}

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

int fill(const QString& directory, int count, const QString& passphrase)
{
    const WorkspaceIdentity identity{QStringLiteral("bench"), compliance::Role::Officer, false};
    {
        auto created = Workspace::create(directory, passphrase, identity);
        if (!created)
            fail(created.errorMessage());
    }
    auto masterKey = cache::CacheKeyFile::unlock(Workspace::keyFilePath(directory), passphrase);
    if (!masterKey)
        fail(masterKey.errorMessage());
    auto databaseKey = masterKey->deriveDatabaseKey();
    if (!databaseKey)
        fail(databaseKey.errorMessage());
    QByteArray raw(databaseKey->view().data(), databaseKey->view().size());
    auto database =
        cache::Database::open(Workspace::databasePath(directory), raw, cache::OpenMode::ReadWrite);
    crypto::secureWipe(raw);
    if (!database)
        fail(database.errorMessage());

    static const char* const kNames[] = {"Alice Smith", "Bob Jones",   "Carol White", "Dan Brown",
                                         "Erin Black",  "Frank Green", "Grace Hall",  "Heidi King",
                                         "Ivan Lee",    "Judy Moss"};
    static const char* const kWords[] = {"refund", "transfer", "margin", "account", "trade", "settlement",
                                         "price",  "order",    "client", "confirm", "limit", "bond"};
    QRandomGenerator random(42);
    const qint64 newest_ms = QDateTime::currentMSecsSinceEpoch();
    cache::RecordingStore store(**database);
    constexpr int kBatch = 5000;
    for (int first = 0; first < count; first += kBatch) {
        auto tx = cache::DatabaseTransaction::begin(**database);
        if (!tx)
            fail(tx.errorMessage());
        for (int i = first; i < std::min(count, first + kBatch); ++i) {
            model::Manifest m;
            m.id = QUuid::createUuidV5(QUuid(), QStringLiteral("bench-%1").arg(i));
            m.captureNode = QStringLiteral("bench");
            m.startedAt = QDateTime::fromMSecsSinceEpoch(newest_ms - qint64(i) * 600000, Qt::UTC);
            m.endedAt = m.startedAt.addMSecs(60000 + random.bounded(3600000));
            m.source = QStringLiteral("sip");
            m.direction = model::CallDirection(1 + random.bounded(3));
            m.title = QStringLiteral("Call %1").arg(i);
            for (int p = 0; p < 2; ++p) {
                model::Participant participant;
                participant.id = QStringLiteral("p%1").arg(p + 1);
                participant.displayName = QLatin1String(kNames[random.bounded(int(std::size(kNames)))]);
                participant.role = p == 0 ? QStringLiteral("agent") : QStringLiteral("customer");
                m.participants << participant;
            }
            m.files = {{QStringLiteral("media/mixed.webm"), QByteArray(64, 'a'), 100}};
            model::Track track;
            track.id = QStringLiteral("t1");
            track.kind = model::TrackKind::Audio;
            track.participant = QStringLiteral("mixed");
            track.path = QStringLiteral("media/mixed.webm");
            track.mediaType = QStringLiteral("audio/webm");
            track.codec = QStringLiteral("opus");
            track.duration_ms = m.startedAt.msecsTo(m.endedAt);
            m.tracks = {track};
            model::Transcript transcript;
            model::TranscriptSegment segment;
            segment.speaker = QStringLiteral("p1");
            segment.end_ms = 4000;
            QStringList words;
            for (int w = 0; w < 8; ++w)
                words << QLatin1String(kWords[random.bounded(int(std::size(kWords)))]);
            segment.text = words.join(u' ');
            transcript.segments = {segment};
            const Status inserted =
                store.insertRecording(m, "{}", QByteArray(64, 's'), transcript,
                                      cache::VerificationState::Verified, QString(), newest_ms);
            if (!inserted)
                fail(inserted.errorMessage());
        }
        if (const Status committed = tx->commit(); !committed)
            fail(committed.errorMessage());
    }
    std::printf("filled %d\n", count);
    return 0;
}

int measure(const QString& directory, const QString& passphrase)
{
    desktop::MainWindow window(desktop::StartupOptions{directory, false, {}, 0});
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail(QStringLiteral("window not exposed"));
    QSignalSpy unlocked(&window, &desktop::MainWindow::unlocked);
    // As a compliance officer (a writable workspace), whatever role the last session chose.
    auto* role = window.unlockPage()->findChild<QComboBox*>(QStringLiteral("roleCombo"));
    role->setCurrentIndex(role->findData(int(compliance::Role::Officer)));
    window.unlockPage()->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"))->setText(passphrase);
    window.unlockPage()->findChild<QAbstractButton*>(QStringLiteral("unlockButton"))->click();
    if (!unlocked.wait(60000))
        fail(QStringLiteral("unlock: ") + window.unlockPage()->errorText());
    QTableView* table = window.library()->table();
    table->viewport()->repaint(); // the first frame of the list, painted now
    const qint64 start_ms = s_sinceStart.elapsed();
    const int startRows = window.library()->recordingModel()->rowCount();

    // One page per frame from top to bottom; the view fetches as it goes.
    desktop::RecordingListModel* model = window.library()->recordingModel();
    QScrollBar* bar = table->verticalScrollBar();
    std::vector<double> frames;
    double fetchFrameMax = 0, otherFrameMax = 0, cpuMax = 0;
    double longestWall = 0, longestCpu = 0;
    size_t longestIndex = 0;
    EventTimingApplication::Slowest longestEvent;
    auto* timingApp = static_cast<EventTimingApplication*>(QCoreApplication::instance());
    std::array<long, 3> longestWaits{};
    int starved = 0;
    int maxPaints = 0;
    PaintCounter paints;
    table->viewport()->installEventFilter(&paints);
    QElapsedTimer frame;
    QElapsedTimer sinceLastInsert; // while the view waits at the end of the rows loaded
    for (int guard = 0; guard < 1000000; ++guard) {
        const int rowsBefore = model->rowCount();
        const bool atLoadedEnd = bar->value() >= bar->maximum();
        const double cpuBefore = threadCpu_ms();
        const auto waitsBefore = threadWaits();
        timingApp->takeSlowest();
        frame.start();
        const int paintsBefore = paints.count;
        bar->setValue(bar->value() + bar->pageStep());
        // Delivers what a real frame delivers: the scroll's update request
        // (the paint) and the view's queued fetchMore check.
        QCoreApplication::processEvents();
        if (paints.count == paintsBefore)
            table->viewport()->repaint(); // the update was not delivered yet: paint now
        maxPaints = std::max(maxPaints, paints.count - paintsBefore);
        frames.push_back(double(frame.nsecsElapsed()) / 1e6);
        const double cpu = threadCpu_ms() - cpuBefore;
        cpuMax = std::max(cpuMax, cpu);
        if (frames.back() > longestWall) {
            const auto waits = threadWaits();
            longestWall = frames.back();
            longestCpu = cpu;
            longestIndex = frames.size() - 1;
            longestEvent = timingApp->slowest;
            for (size_t i = 0; i < waits.size(); ++i)
                longestWaits[i] = waits[i] - waitsBefore[i];
        }
        const bool inserted = model->rowCount() != rowsBefore;
        double& max = inserted ? fetchFrameMax : otherFrameMax;
        max = std::max(max, frames.back());
        if (atLoadedEnd && !inserted && model->canFetchMore({})) {
            ++starved;
            if (!sinceLastInsert.isValid())
                sinceLastInsert.start();
            else if (sinceLastInsert.elapsed() > 30000)
                fail(QStringLiteral("the list stopped loading rows at %1 of them").arg(model->rowCount()));
        } else if (inserted) {
            sinceLastInsert.invalidate();
        }
        if (bar->value() >= bar->maximum() && !model->canFetchMore({}))
            break;
    }
    std::sort(frames.begin(), frames.end());
    std::printf("fetch_frame_max_ms %.2f\nother_frame_max_ms %.2f\nframe_cpu_max_ms %.2f\nstarved_frames "
                "%d\npaints_per_frame_max %d\n",
                fetchFrameMax, otherFrameMax, cpuMax, starved, maxPaints);
    std::printf("longest_frame %.2f %.2f %ld %ld %ld %zu\n", longestWall, longestCpu, longestWaits[0],
                longestWaits[1], longestWaits[2], longestIndex);
    std::printf("longest_frame_event %s %.2f\n",
                longestEvent.what.isEmpty() ? "none" : longestEvent.what.constData(), longestEvent.ms);
    const double p99 =
        frames[std::min(frames.size() - 1, size_t(std::ceil(0.99 * double(frames.size()))) - 1)];
    std::printf("start_ms %lld\nstart_rows %d\nframe_max_ms %.2f\nframe_p99_ms %.2f\nframes %zu\nrows "
                "%d\nrss_mb %.1f\n",
                static_cast<long long>(start_ms), startRows, frames.back(), p99, frames.size(),
                model->rowCount(), double(peakRssKb()) / 1024.0);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    s_sinceStart.start();
    EventTimingApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("holdfast-bench"));
    QApplication::setApplicationName(QStringLiteral("desktop-start"));
    QCommandLineParser parser;
    const QCommandLineOption fillOption(QStringLiteral("fill"), QStringLiteral("Create a cache."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Recordings."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption measureOption(QStringLiteral("measure"), QStringLiteral("Measure on a cache."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption passphraseOption(QStringLiteral("passphrase-file"),
                                              QStringLiteral("Passphrase."), QStringLiteral("FILE"));
    parser.addOptions({fillOption, countOption, measureOption, passphraseOption});
    parser.process(app);
    const QString passphrase = readPassphrase(parser.value(passphraseOption));
    if (parser.isSet(fillOption))
        return fill(parser.value(fillOption), parser.value(countOption).toInt(), passphrase);
    if (parser.isSet(measureOption))
        return measure(parser.value(measureOption), passphrase);
    fail(QStringLiteral("--fill or --measure"));
}
