// The library's scroll bar (CachedGrooveScrollBar) against a plain QScrollBar
// under the same style, offscreen: the same pixels at every position, size,
// state and palette tried, including after the cache was made for another
// one; and while scrolling, none of its paints starts work on Qt's thread
// pool (which the plain one does for its groove, and then waits for).
#include "library/CachedGrooveScrollBar.h"

#include <QAbstractListModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPalette>
#include <QScrollBar>
#include <QSemaphore>
#include <QStyle>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using holdfast::desktop::CachedGrooveScrollBar;

namespace {

// Rows that arrive page by page, as the library's do.
class PagedModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : m_rows; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(index.row()) : QVariant();
    }
    bool canFetchMore(const QModelIndex& parent) const override { return !parent.isValid() && m_rows < 1000; }
    void fetchMore(const QModelIndex&) override
    {
        beginInsertRows({}, m_rows, m_rows + 99);
        m_rows += 100;
        endInsertRows();
    }

private:
    int m_rows = 100;
};

QImage rendered(QWidget& widget)
{
    return widget.grab().toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

void setUp(QScrollBar& bar, QSize size, int value)
{
    bar.setRange(0, 100000);
    bar.setPageStep(40);
    bar.resize(size);
    bar.setValue(value);
}

} // namespace

class TestLibraryScrollBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsWhatAPlainScrollBarPaints_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("vertical") << int(Qt::Vertical) << QSize(16, 600) << true;
        QTest::newRow("vertical, short") << int(Qt::Vertical) << QSize(16, 120) << true;
        QTest::newRow("horizontal") << int(Qt::Horizontal) << QSize(900, 16) << true;
        QTest::newRow("vertical, disabled") << int(Qt::Vertical) << QSize(16, 600) << false;
    }

    void paintsWhatAPlainScrollBarPaints()
    {
        QFETCH(int, orientation);
        QFETCH(QSize, size);
        QFETCH(bool, enabled);
        QScrollBar plain{Qt::Orientation(orientation)};
        CachedGrooveScrollBar cached{Qt::Orientation(orientation)};
        plain.setEnabled(enabled);
        cached.setEnabled(enabled);
        // The ends (arrows may differ there), the middle, and back to the start.
        for (const int value : {0, 1, 50000, 99999, 100000, 0}) {
            setUp(plain, size, value);
            setUp(cached, size, value);
            const QImage expected = rendered(plain);
            QCOMPARE(rendered(cached), expected);
        }
        // Another palette (a theme switch) and another size are painted anew.
        QPalette dark = plain.palette();
        dark.setColor(QPalette::Window, QColor(40, 40, 40));
        dark.setColor(QPalette::Button, QColor(60, 60, 60));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        plain.setPalette(dark);
        cached.setPalette(dark);
        setUp(plain, size + QSize(2, 2), 700);
        setUp(cached, size + QSize(2, 2), 700);
        QCOMPARE(rendered(cached), rendered(plain));
    }

    // Scrolling to the end of a view given these bars fetches the next rows.
    void aViewStillFetchesMoreAtTheEnd()
    {
        PagedModel model;
        QTableView view;
        CachedGrooveScrollBar::installOn(&view);
        QVERIFY(qobject_cast<CachedGrooveScrollBar*>(view.verticalScrollBar()));
        QVERIFY(qobject_cast<CachedGrooveScrollBar*>(view.horizontalScrollBar()));
        view.setModel(&model);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(model.rowCount(), 100);
        QScrollBar* bar = view.verticalScrollBar();
        for (int step = 0; step < 200 && model.canFetchMore({}); ++step) {
            bar->setValue(bar->maximum());
            QCoreApplication::processEvents();
        }
        QCOMPARE(model.rowCount(), 1000);
        // Its keys move it too (the bar's actions reach the view).
        bar->setValue(0);
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QVERIFY(view.rowAt(0) > 0);
    }

    // Qt's thread pool is kept busy by runnables that hold on for a few
    // seconds. A paint that hands a fill to the pool waits for them; one that
    // does not is done at once. The plain scroll bar shows the test can tell.
    void scrollingNeedsNoPoolThread()
    {
        QThreadPool* pool = QThreadPool::globalInstance();
        constexpr int kHold_ms = 3000;
        const auto scrollWhilePoolIsBusy = [pool](QScrollBar& bar) {
            setUp(bar, QSize(16, 700), 0);
            bar.show();
            if (!QTest::qWaitForWindowExposed(&bar))
                return qint64(-1);
            // Away from the top: the groove's picture for this look is painted now.
            bar.setValue(977);
            bar.repaint();
            QSemaphore release;
            for (int i = 0; i < pool->maxThreadCount(); ++i)
                pool->start([&release] { release.tryAcquire(1, kHold_ms); });
            QElapsedTimer timer;
            timer.start();
            for (int step = 0; step < 50; ++step) {
                bar.setValue(bar.value() + 977);
                bar.repaint();
            }
            const qint64 elapsed = timer.elapsed();
            release.release(pool->maxThreadCount());
            pool->waitForDone();
            bar.hide();
            return elapsed;
        };
        CachedGrooveScrollBar cached(Qt::Vertical);
        const qint64 cached_ms = scrollWhilePoolIsBusy(cached);
        QScrollBar plain(Qt::Vertical);
        const qint64 plain_ms = scrollWhilePoolIsBusy(plain);
        qInfo("50 scroll steps while the pool is busy: %lld ms (library's), %lld ms (plain QScrollBar)",
              cached_ms, plain_ms);
        QVERIFY(cached_ms >= 0 && plain_ms >= 0);
        QVERIFY2(plain_ms >= kHold_ms / 2,
                 "the plain scroll bar no longer waits for the pool: the test cannot tell");
        QVERIFY(cached_ms < kHold_ms / 2);
    }
};

QTEST_MAIN(TestLibraryScrollBar)
#include "tst_library_scroll_bar.moc"
