#include "player/TimelineWidget.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>

namespace holdfast::desktop {

namespace {

QString rulerText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// A ruler step that leaves at least minPixels between ticks.
qint64 rulerStep_ms(qint64 visible_ms, int width, int minPixels)
{
    static constexpr qint64 kSteps[] = {500,   1000,   2000,   5000,   10000,  15000,   30000,
                                        60000, 120000, 300000, 600000, 900000, 1800000, 3600000};
    for (const qint64 step : kSteps)
        if (width > 0 && double(step) / double(visible_ms) * width >= minPixels)
            return step;
    return 3600000;
}

} // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Call timeline"));
    setToolTip(tr("Click or drag to seek; Ctrl+wheel zooms"));
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimelineWidget::setDuration(qint64 duration_ms)
{
    m_duration_ms = std::max<qint64>(duration_ms, 1);
    setVisibleRange(0, m_duration_ms);
}

void TimelineWidget::setWaveform(const media::WaveformPeaks& peaks)
{
    m_waveform = peaks;
    update();
}

void TimelineWidget::setWaveformMessage(const QString& message)
{
    m_waveformMessage = message;
    update();
}

void TimelineWidget::setSpeakerLanes(const QList<Lane>& lanes)
{
    m_speakerLanes = lanes;
    updateGeometry();
    update();
}

void TimelineWidget::setTrackLanes(const QList<Lane>& lanes)
{
    m_trackLanes = lanes;
    updateGeometry();
    update();
}

void TimelineWidget::setBookmarks(const QList<Marker>& bookmarks)
{
    m_bookmarks = bookmarks;
    update();
}

void TimelineWidget::setPlayhead(qint64 position_ms)
{
    if (position_ms == m_playhead_ms)
        return;
    m_playhead_ms = position_ms;
    keepPlayheadVisible();
    update();
}

void TimelineWidget::zoomIn()
{
    const qint64 visible = std::max(kMinVisible_ms, m_visibleDuration_ms / 2);
    setVisibleRange(m_playhead_ms - visible / 2, visible);
}

void TimelineWidget::zoomOut()
{
    const qint64 visible = std::min(m_duration_ms, m_visibleDuration_ms * 2);
    setVisibleRange(m_playhead_ms - visible / 2, visible);
}

void TimelineWidget::setVisibleRange(qint64 start_ms, qint64 duration_ms)
{
    m_visibleDuration_ms =
        std::clamp<qint64>(duration_ms, std::min(kMinVisible_ms, m_duration_ms), m_duration_ms);
    m_visibleStart_ms = std::clamp<qint64>(start_ms, 0, m_duration_ms - m_visibleDuration_ms);
    update();
}

void TimelineWidget::keepPlayheadVisible()
{
    if (m_playhead_ms < m_visibleStart_ms || m_playhead_ms >= m_visibleStart_ms + m_visibleDuration_ms)
        setVisibleRange(m_playhead_ms - m_visibleDuration_ms / 10, m_visibleDuration_ms);
}

QRect TimelineWidget::lanesRect() const
{
    return QRect(kLabelWidth, 0, std::max(1, width() - kLabelWidth - 4), height());
}

int TimelineWidget::laneCount() const
{
    return int(m_speakerLanes.size() + m_trackLanes.size());
}

int TimelineWidget::xForTime(qint64 ms) const
{
    const QRect r = lanesRect();
    if (m_visibleDuration_ms <= 0)
        return r.left();
    return r.left() + int(double(ms - m_visibleStart_ms) * r.width() / double(m_visibleDuration_ms));
}

qint64 TimelineWidget::timeForX(int x) const
{
    const QRect r = lanesRect();
    const qint64 ms =
        m_visibleStart_ms + qint64(double(x - r.left()) * double(m_visibleDuration_ms) / r.width());
    return std::clamp<qint64>(ms, 0, m_duration_ms);
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(800, kRulerHeight + kWaveformHeight + laneCount() * kLaneHeight + 6);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(kLabelWidth + 100, sizeHint().height());
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QRect r = lanesRect();
    const QColor text = pal.color(QPalette::Text);
    QColor faint = text;
    faint.setAlpha(60);

    // Ruler.
    p.setPen(text);
    const qint64 step = rulerStep_ms(m_visibleDuration_ms, r.width(), 70);
    for (qint64 t = (m_visibleStart_ms / step) * step; t <= m_visibleStart_ms + m_visibleDuration_ms;
         t += step) {
        const int x = xForTime(t);
        if (x < r.left())
            continue;
        p.setPen(faint);
        p.drawLine(x, kRulerHeight - 4, x, height());
        p.setPen(text);
        p.drawText(x + 3, kRulerHeight - 5, rulerText(t));
    }

    // Waveform.
    const QRect wave(r.left(), kRulerHeight, r.width(), kWaveformHeight);
    p.drawText(QRect(4, wave.top(), kLabelWidth - 8, wave.height()), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Waveform"));
    if (m_waveform.isEmpty()) {
        p.setPen(faint);
        p.drawText(wave, Qt::AlignCenter, m_waveformMessage);
    } else {
        const int mid = wave.center().y();
        const double half = wave.height() / 2.0 - 1;
        p.setPen(QColor(0x2f, 0x7e, 0xd8));
        for (int x = wave.left(); x <= wave.right(); ++x) {
            const qint64 from = timeForX(x);
            const qint64 to = std::max(from + 1, timeForX(x + 1));
            const media::PeakRange range = m_waveform.range(from, to);
            const int top = mid - int(media::WaveformPeaks::toFloat(range.max) * half);
            const int bottom = mid - int(media::WaveformPeaks::toFloat(range.min) * half);
            p.drawLine(x, top, x, std::max(top, bottom));
        }
    }

    // Lanes.
    int y = kRulerHeight + kWaveformHeight + 2;
    const auto drawLanes = [&](const QList<Lane>& lanes) {
        for (const Lane& lane : lanes) {
            p.setPen(text);
            p.drawText(QRect(4, y, kLabelWidth - 8, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft,
                       p.fontMetrics().elidedText(lane.label, Qt::ElideRight, kLabelWidth - 8));
            p.fillRect(QRect(r.left(), y + kLaneHeight / 2, r.width(), 1), faint);
            for (const Span& span : lane.spans) {
                if (span.end_ms < m_visibleStart_ms ||
                    span.start_ms > m_visibleStart_ms + m_visibleDuration_ms)
                    continue;
                const int x1 = std::max(r.left(), xForTime(span.start_ms));
                const int x2 = std::min(r.right(), xForTime(span.end_ms));
                p.fillRect(QRect(x1, y + 3, std::max(1, x2 - x1), kLaneHeight - 6), lane.color);
            }
            y += kLaneHeight;
        }
    };
    drawLanes(m_speakerLanes);
    drawLanes(m_trackLanes);

    // Bookmarks.
    p.setPen(QPen(QColor(0xe0, 0x8a, 0x00), 2));
    for (const Marker& marker : std::as_const(m_bookmarks)) {
        const int x = xForTime(marker.position_ms);
        if (x < r.left() || x > r.right())
            continue;
        p.drawLine(x, kRulerHeight, x, height());
        QPainterPath flag;
        flag.moveTo(x, kRulerHeight);
        flag.lineTo(x + 7, kRulerHeight + 4);
        flag.lineTo(x, kRulerHeight + 8);
        p.fillPath(flag, QColor(0xe0, 0x8a, 0x00));
    }

    // Playhead (always in view: keepPlayheadVisible()).
    const int px = xForTime(m_playhead_ms);
    p.setPen(QPen(QColor(0xd0, 0x20, 0x20), 2));
    p.drawLine(px, 0, px, height());
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || event->position().x() < kLabelWidth)
        return QWidget::mousePressEvent(event);
    Q_EMIT seekRequested(timeForX(int(event->position().x())));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return QWidget::mouseMoveEvent(event);
    const int x = std::clamp(int(event->position().x()), lanesRect().left(), lanesRect().right());
    Q_EMIT seekRequested(timeForX(x));
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
    } else if (delta != 0) {
        setVisibleRange(m_visibleStart_ms - delta * m_visibleDuration_ms / 1200, m_visibleDuration_ms);
    }
    event->accept();
}

} // namespace holdfast::desktop
