// The review player on real demo calls in a real encrypted cache, offscreen:
// playback and the transcript, alignment of every track after a click on a
// word, the screen-share frame shown at a time against the generator's own
// rendering of that time, bookmarks across reopening, and no plaintext media
// on disk while it plays.
#include "TestSupport.h"
#include "capture/demo/ParticipantTileRenderer.h"
#include "capture/demo/ScreenShareRenderer.h"
#include "capture/demo/SyncTestCall.h"
#include "capture/demo/SyncTestRenderer.h"
#include "media/CallPlayback.h"
#include "media/TrackPipeline.h"
#include "player/PlayerView.h"
#include "player/TimelineWidget.h"
#include "player/TranscriptPanel.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <cmath>
#include <map>
#include <pthread.h>
#include <sched.h>
#include <thread>
#include <unordered_set>

using namespace holdfast;
using desktop::PlayerView;

namespace {

constexpr auto kPassphrase = "correct horse battery staple";

WorkspaceIdentity officer()
{
    return WorkspaceIdentity{QStringLiteral("reviewer"), compliance::Role::Officer, false};
}

// Mean absolute grey difference of two images scaled to 320x180.
double difference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_Grayscale8).scaled(320, 180);
    const QImage y = b.convertToFormat(QImage::Format_Grayscale8).scaled(320, 180);
    double sum = 0;
    for (int row = 0; row < 180; ++row) {
        const uchar* p = x.constScanLine(row);
        const uchar* q = y.constScanLine(row);
        for (int col = 0; col < 320; ++col)
            sum += qAbs(int(p[col]) - int(q[col]));
    }
    return sum / (320.0 * 180.0);
}

// 4 KiB blocks of plaintext media, found anywhere in a file by a rolling hash.
class PlaintextFinder
{
public:
    static constexpr qsizetype kWindow = 4096;

    void addMediaFile(const QString& path)
    {
        const QByteArray bytes = test::readFile(path);
        for (qsizetype at = 0; at + kWindow <= bytes.size(); at += kWindow)
            m_blocks.insert(hash(bytes.constData() + at));
    }
    qsizetype blockCount() const { return qsizetype(m_blocks.size()); }

    bool contains(const QString& path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() < kWindow || file.size() > 1024LL * 1024 * 1024)
            return false;
        const QByteArray bytes = file.readAll();
        const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
        quint64 h = 0;
        for (qsizetype i = 0; i < kWindow; ++i)
            h = h * kBase + data[i];
        for (qsizetype at = 0;; ++at) {
            if (m_blocks.count(h))
                return true;
            if (at + kWindow >= bytes.size())
                return false;
            h = (h - data[at] * power()) * kBase + data[at + kWindow];
        }
    }

private:
    static constexpr quint64 kBase = 1099511628211ULL;
    static quint64 power()
    {
        static const quint64 p = [] {
            quint64 v = 1;
            for (qsizetype i = 0; i < kWindow - 1; ++i)
                v *= kBase;
            return v;
        }();
        return p;
    }
    static quint64 hash(const char* block)
    {
        quint64 h = 0;
        for (qsizetype i = 0; i < kWindow; ++i)
            h = h * kBase + uchar(block[i]);
        return h;
    }
    std::unordered_set<quint64> m_blocks;
};

} // namespace

class TestPlayer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;
    std::unique_ptr<Workspace> m_workspace;
    QString m_syncTestId;
    QString m_demoCallId;    // a demo call with video, screen share and spoken words
    QString m_busiestCallId; // the demo call with the most participants

    void openWorkspace(bool readOnly = false)
    {
        m_workspace.reset();
        auto workspace = Workspace::open(
            m_cache, QString::fromLatin1(kPassphrase),
            readOnly ? WorkspaceIdentity{QStringLiteral("auditor"), compliance::Role::Auditor, true}
                     : officer());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
    }

    QString trackOf(const QString& recordingId, model::TrackKind kind)
    {
        const auto detail = m_workspace->recording(recordingId);
        if (detail)
            for (const model::Track& track : detail->manifest.tracks)
                if (track.kind == kind)
                    return track.id;
        return QString();
    }

    // Every track with a player that is inside its span: how far from `at`.
    static qint64 worstTrackError(const PlayerView& view, qint64 at, QString* which = nullptr)
    {
        qint64 worst = 0;
        for (const QString& id : view.trackIds()) {
            if (!view.isTrackAvailable(id) || !view.trackStatus(id).isEmpty())
                continue;
            const qint64 error = qAbs(view.trackPosition_ms(id) - at);
            if (error > worst) {
                worst = error;
                if (which)
                    *which = id;
            }
        }
        return worst;
    }

    // Shows the view as the active window with the keyboard focus, so that
    // its shortcuts reach it; false when the window never became active.
    static bool showWithFocus(PlayerView& view)
    {
        view.resize(1280, 800);
        view.show();
        view.activateWindow();
        if (!QTest::qWaitForWindowActive(&view))
            return false;
        view.setFocus();
        return true;
    }

    // Threads of this process named after the output queue (GStreamer names
    // a streaming thread "element:pad"), with their scheduling policy.
    static std::map<int, int> outputThreadPolicies()
    {
        std::map<int, int> found;
        for (const QString& tid :
             QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(tid));
            if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "output:src")
                found[tid.toInt()] = sched_getscheduler(tid.toInt());
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("HOLDFAST_TEST_FAST_KDF", "1");
        m_cache = m_dir.path() + QStringLiteral("/cache");
        auto workspace = Workspace::create(m_cache, QString::fromLatin1(kPassphrase), officer());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
        for (const QString& vault : {test::demoVaultPath(), test::syncTestVaultPath()}) {
            const auto imported = m_workspace->importFolderVault(vault);
            QVERIFY2(imported, qPrintable(imported.errorMessage()));
        }
        const auto recordings = m_workspace->listRecordings();
        QVERIFY(recordings);
        qsizetype mostParticipants = 0;
        for (const cache::RecordingSummary& summary : *recordings) {
            if (summary.participants.size() > mostParticipants) {
                mostParticipants = summary.participants.size();
                m_busiestCallId = summary.id;
            }
            if (summary.participants.contains(QStringLiteral("Sync Test A")))
                m_syncTestId = summary.id;
            else if (m_demoCallId.isEmpty() && summary.trackKinds.contains(model::TrackKind::Screen) &&
                     summary.trackKinds.contains(model::TrackKind::Video))
                m_demoCallId = summary.id;
        }
        QVERIFY(!m_syncTestId.isEmpty());
        QVERIFY2(!m_demoCallId.isEmpty(), "no demo call with video and a screen share");
    }

    // Play: the clock and every track advance, the highlighted word moves on.
    void playAdvancesAndHighlightMoves()
    {
        PlayerView view(*m_workspace, m_demoCallId);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        view.resize(1280, 800);
        view.show();
        desktop::TranscriptPanel* transcript = view.transcriptPanel();
        QVERIFY(!transcript->words().isEmpty());
        const qint64 firstWord = transcript->words().first().start_ms;
        view.seek(firstWord);
        view.play();
        QVERIFY(view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(transcript->currentWord() >= 0, 10000);
        const int firstHighlighted = transcript->currentWord();
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > firstWord + 3000, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(transcript->currentWord() > firstHighlighted, 5000);
        // While playing, the tracks stay with the clock.
        QTest::qWait(1000);
        QString worstId;
        const qint64 worst = worstTrackError(view, view.position_ms(), &worstId);
        qInfo("while playing: worst track %s is %lld ms from the clock", qPrintable(worstId), worst);
        QVERIFY2(worst <= 150, qPrintable(QStringLiteral("%1: %2 ms").arg(worstId).arg(worst)));
        view.pause();
        QVERIFY(!view.isPlaying());
        const qint64 paused = view.position_ms();
        QTest::qWait(300);
        QCOMPARE(view.position_ms(), paused);
    }

    // Where the system allows a real-time priority (root, CAP_SYS_NICE or
    // RLIMIT_RTPRIO above 0), each track's output thread plays with one; a
    // pooled thread goes back to normal priority once its track stops, so it
    // cannot decode for something else at real-time priority later.
    // Elsewhere every thread keeps the normal priority.
    void outputThreadsUseRealTimePriorityWhereAllowed()
    {
        bool allowed = false;
        std::thread([&] {
            sched_param param{};
            param.sched_priority = 1;
            allowed = pthread_setschedparam(pthread_self(), SCHED_RR, &param) == 0;
        }).join();
        const int expected = allowed ? SCHED_RR : SCHED_OTHER;
        qInfo("this process %s use a real-time priority", allowed ? "may" : "may not");
        {
            PlayerView view(*m_workspace, m_syncTestId);
            QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
            QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
            view.play();
            QTRY_VERIFY_WITH_TIMEOUT(view.playback()->isRunning(), 10000);
            QTest::qWait(500);
            int tracks = 0;
            for (const QString& id : view.trackIds())
                tracks += view.isTrackAvailable(id);
            const std::map<int, int> playing = outputThreadPolicies();
            QCOMPARE(int(playing.size()), tracks);
            for (const auto& [tid, policy] : playing)
                QVERIFY2(policy == expected, qPrintable(QStringLiteral("thread %1 has policy %2, expected %3")
                                                            .arg(tid)
                                                            .arg(policy)
                                                            .arg(expected)));
            QCOMPARE(media::TrackPipeline::outputThreadPolicy(), expected);
            view.pause();
        }
        // The pipelines are gone; threads the pool keeps still carry the name.
        const std::map<int, int> left = outputThreadPolicies();
        qInfo("%zu pooled thread(s) named output:src after the player closed", left.size());
        for (const auto& [tid, policy] : left)
            QVERIFY2(policy == SCHED_OTHER,
                     qPrintable(QStringLiteral("pooled thread %1 kept policy %2").arg(tid).arg(policy)));
    }

    // A click on a word puts every track within 100 ms of its start.
    void clickingAWordAlignsEveryTrack()
    {
        PlayerView view(*m_workspace, m_syncTestId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        desktop::TranscriptPanel* transcript = view.transcriptPanel();
        for (const qint64 second : {30LL, 14LL, 52LL}) {
            int index = -1;
            for (int i = 0; i < transcript->words().size(); ++i)
                if (transcript->words()[i].start_ms == second * 1000)
                    index = i;
            QVERIFY(index >= 0);
            // Following playback scrolls the word into view.
            transcript->setFollowing(true);
            transcript->setPosition(second * 1000);
            QTRY_VERIFY(
                transcript->view()->viewport()->rect().contains(transcript->wordRect(index).center()));
            QTest::mouseClick(transcript->view()->viewport(), Qt::LeftButton, {},
                              transcript->wordRect(index).center());
            QTRY_COMPARE(view.position_ms(), qint64(second * 1000));
            QString worstId;
            QTRY_VERIFY_WITH_TIMEOUT(worstTrackError(view, second * 1000, &worstId) <= 100, 5000);
            qInfo("after clicking \"mark %lld\": worst track %s is %lld ms off", second, qPrintable(worstId),
                  worstTrackError(view, second * 1000));
        }
        // The same while playing: click, then every track follows the clock.
        view.play();
        QTest::qWait(500);
        QTest::mouseClick(transcript->view()->viewport(), Qt::LeftButton, {},
                          transcript->wordRect(40).center());
        QTest::qWait(1500);
        QString worstId;
        const qint64 worst = worstTrackError(view, view.position_ms(), &worstId);
        qInfo("1.5 s after a click while playing: worst track %s is %lld ms off", qPrintable(worstId), worst);
        QVERIFY2(worst <= 100, qPrintable(QStringLiteral("%1: %2 ms").arg(worstId).arg(worst)));
        view.pause();
    }

    // Every shortcut in the player's list, typed into the real view on the
    // sync test call (cameras at 15 fps with offsets of whole 200 ms, one
    // transcript segment per second, A and B taking turns each second once
    // B has joined): Space, ←/→, ,/., [/], ↑/↓, N/P, J/K/L and B with its note
    // dialog; the Shortcuts tab lists each of them.
    void keyboardShortcutsDriveThePlayer()
    {
        const auto transcript = m_workspace->transcript(m_syncTestId);
        QVERIFY2(transcript, qPrintable(transcript.errorMessage()));
        const QString camera = trackOf(m_syncTestId, model::TrackKind::Video);
        QVERIFY(!camera.isEmpty());
        PlayerView view(*m_workspace, m_syncTestId);
        QVERIFY(showWithFocus(view));
        const auto key = [&view](int k, Qt::KeyboardModifiers modifiers = {}) {
            QTest::keyClick(&view, Qt::Key(k), modifiers);
        };
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);

        // Space plays and pauses.
        key(Qt::Key_Space);
        QVERIFY(view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > 500, 5000);
        key(Qt::Key_Space);
        QVERIFY(!view.isPlaying());

        // → and ← jump 5 s.
        view.seek(20010); // 10 ms into a frame of every camera
        key(Qt::Key_Right);
        QCOMPARE(view.position_ms(), qint64(25010));
        key(Qt::Key_Left);
        key(Qt::Key_Left);
        QCOMPARE(view.position_ms(), qint64(15010));

        // . and , step one frame of the cameras (15 fps) and show it.
        view.seek(20010);
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 5000);
        const qint64 frameBefore = view.currentFrameTime_ms(camera);
        key(Qt::Key_Period);
        QCOMPARE(view.position_ms(), qint64(20010 + 67));
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 5000);
        const qint64 step = view.currentFrameTime_ms(camera) - frameBefore;
        QVERIFY2(step == 66 || step == 67, qPrintable(QString::number(step)));
        key(Qt::Key_Comma);
        QCOMPARE(view.position_ms(), qint64(20010));
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 5000);
        QCOMPARE(view.currentFrameTime_ms(camera), frameBefore);

        // ] and [ change the speed in quarter steps within 0.5×–2×.
        key(Qt::Key_BracketRight);
        QCOMPARE(view.playbackRate(), 1.25);
        for (int i = 0; i < 8; ++i)
            key(Qt::Key_BracketLeft);
        QCOMPARE(view.playbackRate(), PlayerView::kMinRate);
        for (int i = 0; i < 8; ++i)
            key(Qt::Key_BracketRight);
        QCOMPARE(view.playbackRate(), PlayerView::kMaxRate);
        view.setPlaybackRate(1.0);

        // ↓ and ↑ change the volume of every track.
        key(Qt::Key_Down);
        QCOMPARE(view.volume(), 0.9f);
        key(Qt::Key_Up);
        QCOMPARE(view.volume(), 1.0f);

        // N and P move between speaker turns: the start of the next segment
        // by another speaker, and back to the start of the turn before.
        const auto speakerAt = [&](qint64 at) {
            QString speaker;
            for (const model::TranscriptSegment& segment : std::as_const(transcript->segments))
                if (segment.start_ms <= at)
                    speaker = segment.speaker;
            return speaker;
        };
        const qint64 from = 40500;
        qint64 nextTurn = -1;
        for (const model::TranscriptSegment& segment : std::as_const(transcript->segments))
            if (nextTurn < 0 && segment.start_ms > from && segment.speaker != speakerAt(from))
                nextTurn = segment.start_ms;
        QCOMPARE(nextTurn, qint64(41000)); // one segment per second, the speakers alternate
        view.seek(from);
        key(Qt::Key_N);
        QCOMPARE(view.position_ms(), nextTurn);
        key(Qt::Key_N);
        QCOMPARE(view.position_ms(), nextTurn + 1000);
        key(Qt::Key_P);
        QCOMPARE(view.position_ms(), nextTurn);
        QVERIFY(speakerAt(nextTurn) != speakerAt(nextTurn + 1000));

        // L plays, faster on each press; K stops.
        key(Qt::Key_L);
        QVERIFY(view.isPlaying());
        QCOMPARE(view.playbackRate(), 1.0);
        key(Qt::Key_L);
        QCOMPARE(view.playbackRate(), 1.5);
        key(Qt::Key_L);
        QCOMPARE(view.playbackRate(), 2.0);
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > nextTurn + 1000, 5000);
        key(Qt::Key_K);
        QVERIFY(!view.isPlaying());
        view.setPlaybackRate(1.0);

        // J rewinds while K is not pressed.
        view.seek(50000);
        key(Qt::Key_J);
        QVERIFY(!view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() < 49000, 5000);
        key(Qt::Key_K);
        const qint64 stopped = view.position_ms();
        QTest::qWait(400);
        QCOMPARE(view.position_ms(), stopped);

        // B asks for a note, then bookmarks the playhead.
        view.seek(33000);
        bool answered = false;
        QTimer::singleShot(0, &view, [&answered] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setTextValue(QStringLiteral("typed with B"));
            dialog->accept();
            answered = true;
        });
        key(Qt::Key_B);
        QVERIFY(answered);
        const auto bookmark =
            std::find_if(view.bookmarks().cbegin(), view.bookmarks().cend(),
                         [](const cache::Bookmark& b) { return b.note == u"typed with B"; });
        QVERIFY(bookmark != view.bookmarks().cend());
        QCOMPARE(bookmark->position_ms, qint64(33000));

        // The Shortcuts tab lists every one of them.
        auto* list = view.findChild<QLabel*>(QStringLiteral("shortcutList"));
        QVERIFY(list);
        for (QAction* action : view.shortcutActions())
            if (!action->text().isEmpty())
                QVERIFY2(list->text().contains(action->text().toHtmlEscaped()), qPrintable(action->text()));
    }

    // The timeline: a click and a drag seek; Ctrl++ and Ctrl+- zoom around
    // the playhead, which stays in view while playing. The transcript: it
    // follows playback until the user scrolls, "Follow playback" brings it
    // back; Ctrl+F finds text.
    void timelineAndTranscriptFollowTheUser()
    {
        PlayerView view(*m_workspace, m_syncTestId);
        QVERIFY(showWithFocus(view));
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
        desktop::TimelineWidget* timeline = view.timeline();
        QCOMPARE(timeline->visibleDuration_ms(), view.duration_ms());

        const int y = timeline->height() / 2;
        const int x30 = timeline->xForTime(30000);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(x30, y));
        QCOMPARE(view.position_ms(), timeline->timeForX(x30));
        QVERIFY(qAbs(view.position_ms() - 30000) <= view.duration_ms() / timeline->width() + 1);
        const int x50 = timeline->xForTime(50000);
        QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(x30, y));
        QMouseEvent drag(QEvent::MouseMove, QPointF(x50, y), timeline->mapToGlobal(QPointF(x50, y)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline, &drag);
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(x50, y));
        QCOMPARE(view.position_ms(), timeline->timeForX(x50));
        QCOMPARE(timeline->playhead_ms(), view.position_ms());

        const auto playheadVisible = [timeline] {
            return timeline->playhead_ms() >= timeline->visibleStart_ms() &&
                   timeline->playhead_ms() < timeline->visibleStart_ms() + timeline->visibleDuration_ms();
        };
        QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(timeline->visibleDuration_ms(), view.duration_ms() / 2);
        QVERIFY(playheadVisible());
        for (int i = 0; i < 8; ++i)
            QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(timeline->visibleDuration_ms(), qint64(2000)); // the closest zoom
        QVERIFY(playheadVisible());
        view.setPlaybackRate(2.0);
        view.play();
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > 56000, 10000); // past three views' width
        QVERIFY(playheadVisible());
        view.pause();
        view.setPlaybackRate(1.0);
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(timeline->visibleDuration_ms(), view.duration_ms());

        // Following, then the user scrolls away: the transcript stays where
        // the user put it while playback goes on, until "Follow playback".
        desktop::TranscriptPanel* transcript = view.transcriptPanel();
        QScrollBar* bar = transcript->view()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        view.seek(60000);
        QVERIFY(transcript->isFollowing());
        const auto currentWordVisible = [transcript] {
            return transcript->currentWord() >= 0 &&
                   transcript->view()->viewport()->rect().contains(
                       transcript->wordRect(transcript->currentWord()).center());
        };
        QTRY_VERIFY(currentWordVisible());
        auto* follow = transcript->findChild<QPushButton*>();
        QVERIFY(follow && !follow->isVisible());
        // One turn of the wheel up: it scrolls (the first turn too), and
        // following stops.
        const int followedTo = bar->value();
        QVERIFY(followedTo > bar->minimum());
        const QPoint middle = transcript->view()->viewport()->rect().center();
        QWheelEvent wheel(QPointF(middle), transcript->view()->viewport()->mapToGlobal(QPointF(middle)),
                          QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(transcript->view()->viewport(), &wheel);
        QVERIFY(!transcript->isFollowing());
        QVERIFY(bar->value() < followedTo);
        QTRY_VERIFY(follow->isVisible());
        bar->triggerAction(QAbstractSlider::SliderToMinimum); // and then to the top
        QCOMPARE(bar->value(), bar->minimum());
        view.play();
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > 62500, 10000);
        QCOMPARE(bar->value(), bar->minimum());
        QVERIFY(!currentWordVisible());
        QTest::mouseClick(follow, Qt::LeftButton);
        QVERIFY(transcript->isFollowing());
        QVERIFY(!follow->isVisible());
        QTRY_VERIFY(currentWordVisible());
        view.pause();

        // Ctrl+F puts the cursor in the find field; Enter selects the match.
        QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
        auto* find = transcript->findChild<QLineEdit*>();
        QVERIFY(find);
        QTRY_VERIFY(find->hasFocus());
        QTest::keyClicks(find, QStringLiteral("mark 12"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(transcript->view()->textCursor().selectedText(), QStringLiteral("mark 12"));
        QVERIFY(!transcript->isFollowing()); // the reader looks elsewhere now
        // Typing in the field is text, not a shortcut: Space does not play.
        QTest::keyClick(find, Qt::Key_Space);
        QVERIFY(!view.isPlaying());
    }

    // Solo: only that audio track is heard (the others' volume elements are
    // muted); ending the solo restores the mutes from before; a mute changed
    // by hand ends the solo.
    void soloHearsOnlyOneAudioTrack()
    {
        PlayerView view(*m_workspace, m_syncTestId);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
        QStringList audio;
        for (const QString& id : view.trackIds())
            if (view.playback()->track(id) && !view.playback()->track(id)->isVisual())
                audio << id;
        QCOMPARE(audio.size(), 3); // the mixed track and one per participant
        const QString master = view.masterTrackId();
        auto heard = [&] {
            QStringList ids;
            for (const QString& id : audio)
                if (!view.playback()->track(id)->isMuted())
                    ids << id;
            return ids;
        };
        QCOMPARE(heard(), QStringList{master}); // participants start muted under a mixed track

        const QString participant = audio.at(audio.at(0) == master ? 1 : 0);
        auto* solo = view.findChild<QToolButton*>(QStringLiteral("solo-%1").arg(participant));
        QVERIFY(solo && solo->isEnabled());
        solo->click();
        QCOMPARE(view.soloTrackId(), participant);
        QCOMPARE(heard(), QStringList{participant});
        QVERIFY(view.findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(master))->isChecked());

        solo->click(); // off again: as before
        QVERIFY(view.soloTrackId().isEmpty());
        QCOMPARE(heard(), QStringList{master});

        solo->click();
        QCOMPARE(heard(), QStringList{participant});
        view.findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(master))->click(); // unmute by hand
        QVERIFY(view.soloTrackId().isEmpty());
        QVERIFY(!solo->isChecked());
        QCOMPARE(heard().size(), 2);
        QVERIFY(heard().contains(master) && heard().contains(participant));
    }

    // The busiest demo call fits a 1024-pixel-wide screen, and at the player's
    // narrowest its audio controls (mute, solo and download per audio track)
    // wrap into more rows instead of widening it: every one stays inside the
    // view. (With solo buttons in one row, a call of four participants made
    // the player 1,330 pixels wide.)
    void fitsTheScreenWithEveryAudioControl()
    {
        PlayerView view(*m_workspace, m_busiestCallId);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        int audioTracks = 0;
        for (const QString& id : view.trackIds())
            audioTracks += view.playback()->track(id) && !view.playback()->track(id)->isVisual();
        QVERIFY2(audioTracks >= 4, qPrintable(QString::number(audioTracks)));
        const int narrowest = view.minimumSizeHint().width();
        QVERIFY2(narrowest <= 1024, qPrintable(QStringLiteral("minimum width %1").arg(narrowest)));

        auto* controls = view.findChild<QWidget*>(QStringLiteral("audioControls"));
        QVERIFY(controls && controls->layout());
        const int oneRow = controls->layout()->sizeHint().width();
        view.resize(narrowest, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.width(), narrowest);
        QVERIFY2(oneRow > controls->width(),
                 qPrintable(QStringLiteral("one row: %1, room: %2").arg(oneRow).arg(controls->width())));
        const QList<QCheckBox*> mutes = controls->findChildren<QCheckBox*>();
        QCOMPARE(mutes.size(), audioTracks);
        QSet<int> rowTops;
        for (QCheckBox* mute : mutes) {
            auto* solo = controls->findChild<QToolButton*>(
                QString(mute->objectName()).replace(QStringLiteral("mute-"), QStringLiteral("solo-")));
            QVERIFY(solo);
            for (QWidget* control : {static_cast<QWidget*>(mute), static_cast<QWidget*>(solo)}) {
                const QRect inView(control->mapTo(&view, QPoint(0, 0)), control->size());
                QVERIFY2(control->isVisible() && view.rect().contains(inView),
                         qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                                        .arg(control->objectName())
                                        .arg(inView.x())
                                        .arg(inView.y())
                                        .arg(inView.width())
                                        .arg(inView.height())
                                        .arg(view.width())
                                        .arg(view.height())));
            }
            rowTops.insert(mute->mapTo(&view, QPoint(0, 0)).y());
        }
        QVERIFY2(rowTops.size() >= 2, "the audio controls did not wrap");
    }

    // Tracks before their start and after their end say so.
    void tilesSayWhenATrackIsNotPlaying()
    {
        PlayerView view(*m_workspace, m_syncTestId, 500);
        const QString screen = trackOf(m_syncTestId, model::TrackKind::Screen);
        QCOMPARE(view.trackStatus(screen), QStringLiteral("not started yet"));
        view.seek(20000);
        QCOMPARE(view.trackStatus(screen), QString());
    }

    // The screen-share frame shown at a call time is the generator's frame for
    // that time: compared with SyncTestRenderer's own drawing of candidate
    // times around it, the best match is the expected one.
    void screenShareFrameCarriesItsTime()
    {
        const QString screenId = trackOf(m_syncTestId, model::TrackKind::Screen);
        const auto detail = m_workspace->recording(m_syncTestId);
        QVERIFY(detail);
        const model::Track* screen = detail->manifest.track(screenId);
        QVERIFY(screen);
        const int fps = capture::SyncTestCall::kScreenFps;
        const capture::SyncTestRenderer renderer(
            QSize(capture::ScreenShareRenderer::kWidth, capture::ScreenShareRenderer::kHeight), fps,
            screen->offset_ms, QStringLiteral("Sync Test A screen"),
            capture::ParticipantTileRenderer::accentColour(2));

        PlayerView view(*m_workspace, m_syncTestId);
        view.resize(1280, 800);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
        // Whole seconds (flashes), between key frames, just before a key frame,
        // backwards, and frame steps.
        const qint64 frame_ms = 1000 / fps;
        QList<qint64> targets = {20000, 33000, 47300, 61000, 70000, 35950, 22480};
        for (const qint64 at : targets) {
            view.seek(at);
            QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
            QTest::qWait(50); // the frame's queued hand-over to the tile
            const qint64 expected = screen->offset_ms + (at - screen->offset_ms) / frame_ms * frame_ms;
            // The generator's drawing of every frame within a second of it.
            qint64 best = -1;
            double bestDifference = 1e9;
            const QImage frame = view.currentFrame(screenId);
            QVERIFY(!frame.isNull());
            for (qint64 candidate = expected - 1000; candidate <= expected + 1000; candidate += frame_ms) {
                const double d = difference(frame, renderer.render(candidate - screen->offset_ms));
                if (d < bestDifference) {
                    bestDifference = d;
                    best = candidate;
                }
            }
            if (best != expected && qEnvironmentVariableIsSet("HOLDFAST_TEST_KEEP_FRAMES"))
                frame.save(QStringLiteral("frame-%1.png").arg(at));
            qInfo("at %lld ms the screen share shows the frame drawn for %lld ms (frame time %lld ms, mean "
                  "grey difference %.1f)",
                  at, best, view.currentFrameTime_ms(screenId), bestDifference);
            QCOMPARE(best, expected);
            QVERIFY(bestDifference < 20);
            if (capture::SyncTestRenderer::isFlash(at, fps)) {
                const QImage grey = frame.convertToFormat(QImage::Format_Grayscale8);
                qint64 sum = 0;
                for (int y = 0; y < grey.height(); y += 8)
                    for (int x = 0; x < grey.width(); x += 8)
                        sum += grey.pixelColor(x, y).value();
                const double mean =
                    double(sum) / double(((grey.height() + 7) / 8) * ((grey.width() + 7) / 8));
                qInfo("flash frame at %lld ms: mean luma %.0f", at, mean);
                QVERIFY(mean > 180);
            }
        }
        // Frame steps (, and .) move by one frame of the fastest video (15 fps
        // tiles) and every picture shows the frame of the new playhead.
        view.seek(40000);
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
        const qint64 tileFrame_ms = qint64(std::llround(1000.0 / capture::SyncTestCall::kTileFps));
        for (const int step : {1, 1, -1, -1, -1}) {
            const qint64 before = view.position_ms();
            view.stepFrames(step);
            QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 10000);
            QTest::qWait(50);
            QCOMPARE(view.position_ms(), before + step * tileFrame_ms);
            for (const QString& id : view.trackIds()) {
                if (!view.isTrackAvailable(id) || view.currentFrame(id).isNull() ||
                    !view.trackStatus(id).isEmpty())
                    continue;
                const qint64 shown = view.currentFrameTime_ms(id);
                const qint64 period = id == screenId ? frame_ms : tileFrame_ms;
                QVERIFY2(shown <= view.position_ms() && shown > view.position_ms() - period,
                         qPrintable(QStringLiteral("%1 shows %2 ms at %3 ms")
                                        .arg(id)
                                        .arg(shown)
                                        .arg(view.position_ms())));
            }
        }
    }

    // Bookmarks are stored in the cache and audited: they are there again
    // after the cache is closed and reopened; an auditor cannot add any.
    void bookmarksPersistAcrossReopening()
    {
        {
            PlayerView view(*m_workspace, m_demoCallId);
            view.seek(12345);
            QVERIFY(view.canAddBookmarks());
            QVERIFY(view.addBookmarkAction()->isEnabled());
            QSignalSpy changed(&view, &PlayerView::bookmarksChanged);
            QVERIFY(view.addBookmark(view.position_ms(), QStringLiteral("customer asks about fees")));
            QCOMPARE(changed.size(), qsizetype(1));
            QCOMPARE(view.bookmarkList()->count(), 1);
            QCOMPARE(view.timeline()->bookmarks().size(), qsizetype(1));
        }
        openWorkspace();
        {
            PlayerView view(*m_workspace, m_demoCallId);
            QCOMPARE(view.bookmarks().size(), qsizetype(1));
            QCOMPARE(view.bookmarks().first().position_ms, qint64(12345));
            QCOMPARE(view.bookmarks().first().note, QStringLiteral("customer asks about fees"));
            QCOMPARE(view.bookmarks().first().author, QStringLiteral("reviewer"));
            QVERIFY(
                view.bookmarkList()->item(0)->text().contains(QStringLiteral("customer asks about fees")));
            QCOMPARE(view.timeline()->bookmarks().first().position_ms, qint64(12345));
            // Activating the bookmark seeks there.
            view.bookmarkList()->setCurrentRow(0);
            Q_EMIT view.bookmarkList()->itemActivated(view.bookmarkList()->item(0));
            QCOMPARE(view.position_ms(), qint64(12345));
        }
        const auto events = m_workspace->auditEvents();
        QVERIFY(events);
        bool audited = false;
        for (const audit::AuditEvent& event : *events)
            audited = audited ||
                      (event.action == compliance::actionName(compliance::Action::AddBookmark) &&
                       event.target == m_demoCallId && event.details.contains(u"customer asks about fees"));
        QVERIFY(audited);

        openWorkspace(true);
        {
            PlayerView view(*m_workspace, m_demoCallId);
            QCOMPARE(view.bookmarks().size(), qsizetype(1));
            QVERIFY(!view.canAddBookmarks());
            QVERIFY(!view.addBookmarkAction()->isEnabled());
            QVERIFY(!view.addBookmark(1000, QStringLiteral("refused")));
        }
        openWorkspace();
    }

    // While the player plays (every track), no file it could have written
    // contains a 4 KiB block of any demo media file: every file in the cache,
    // in this process's own $TMPDIR and in /dev/shm, every regular file the
    // process has open, and every file in /tmp that is new or changed since
    // playback started. /tmp is shared with other programs on this machine
    // (demo generators and vault emulators hold demo media in plaintext by
    // design), so hits there in files this process never had open are listed
    // as warnings, not failures.
    void noPlaintextMediaOnDiskWhilePlaying()
    {
        PlaintextFinder finder;
        for (const QString& vault : {test::demoVaultPath(), test::syncTestVaultPath()}) {
            QDirIterator it(vault + QStringLiteral("/recordings"), {QStringLiteral("*.webm")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                finder.addMediaFile(it.next());
        }
        QVERIFY(finder.blockCount() > 100);
        const auto filesUnder = [](const QString& root) {
            QHash<QString, QDateTime> files;
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (!path.startsWith(QLatin1String("/tmp/bash_jobs"))) // the shell's job records
                    files.insert(path, QFileInfo(path).lastModified());
            }
            return files;
        };
        const QHash<QString, QDateTime> tmpBefore = filesUnder(QStringLiteral("/tmp"));

        PlayerView view(*m_workspace, m_demoCallId, 2000);
        view.resize(1280, 800);
        view.show();
        view.play();
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() > 6000, 15000);
        view.seek(view.duration_ms() / 2);
        QTest::qWait(2000);
        QVERIFY(view.isPlaying());

        int scanned = 0;
        QStringList mine;
        for (const QString& root : {m_cache, QDir::tempPath(), QStringLiteral("/dev/shm")})
            mine << filesUnder(root).keys();
        QDirIterator fds(QStringLiteral("/proc/self/fd"), QDir::System | QDir::Files | QDir::NoDotAndDotDot);
        while (fds.hasNext()) {
            const QString target = QFileInfo(fds.next()).symLinkTarget();
            if (target.startsWith(QLatin1Char('/')) && QFileInfo(target).isFile() &&
                !target.startsWith(test::demoVaultPath()) && !target.startsWith(test::syncTestVaultPath()))
                mine << target;
        }
        for (const QString& path : std::as_const(mine)) {
            ++scanned;
            QVERIFY2(!finder.contains(path), qPrintable(QStringLiteral("plaintext media in %1").arg(path)));
        }
        const QHash<QString, QDateTime> tmpDuring = filesUnder(QStringLiteral("/tmp"));
        for (auto it = tmpDuring.cbegin(); it != tmpDuring.cend(); ++it) {
            if (tmpBefore.value(it.key()) == it.value() || mine.contains(it.key()))
                continue;
            ++scanned;
            if (finder.contains(it.key()))
                qWarning("demo media in %s: not written by this process (never open in it)",
                         qPrintable(it.key()));
        }
        qInfo("scanned %d files during playback against %lld media blocks", scanned,
              qint64(finder.blockCount()));
        view.pause();
    }
};

int main(int argc, char** argv)
{
    // A private temporary directory for everything this process (Qt,
    // GStreamer) might write there, scanned by the plaintext check.
    QTemporaryDir privateTmp(QDir::tempPath() + QStringLiteral("/tst_player-XXXXXX"));
    qputenv("TMPDIR", QFile::encodeName(privateTmp.path()));
    QApplication app(argc, argv);
    TestPlayer test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_player.moc"
