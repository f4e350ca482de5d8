#include "capture/demo/SyncTestRenderer.h"

#include <QFont>
#include <QPainter>
#include <algorithm>

namespace holdfast::capture {

namespace {

const QColor kBackground(0x16, 0x19, 0x1f);
const QColor kText(0xf2, 0xf2, 0xf2);

QFont monoFont(int pixelSize, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setPixelSize(std::max(pixelSize, 8));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

} // namespace

SyncTestRenderer::SyncTestRenderer(QSize size, int fps, qint64 offset_ms, QString label, QColor accent)
    : m_size(size)
    , m_fps(fps)
    , m_offset_ms(offset_ms)
    , m_label(std::move(label))
    , m_accent(std::move(accent))
{}

bool SyncTestRenderer::isFlash(qint64 callTime_ms, int fps)
{
    const qint64 sinceSecond = callTime_ms % 1000;
    const qint64 distance = std::min(sinceSecond, 1000 - sinceSecond);
    // distance < half a frame (500 / fps ms), in integers.
    return distance * 2 * fps < 1000;
}

QString SyncTestRenderer::clockText(qint64 ms)
{
    ms = std::max<qint64>(ms, 0);
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QImage SyncTestRenderer::render(qint64 trackTime_ms) const
{
    const qint64 call_ms = m_offset_ms + trackTime_ms;
    const bool flash = isFlash(call_ms, m_fps);
    const int width = m_size.width();
    const int height = m_size.height();
    const int margin = std::max(4, height / 30);

    QImage frame(m_size, QImage::Format_RGB32);
    frame.fill(flash ? Qt::white : kBackground);
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QColor ink = flash ? QColor(Qt::black) : kText;

    // Which track this is and where it sits, so that a misplaced track is obvious.
    const int small = std::max(12, height / 16);
    painter.setFont(monoFont(small));
    painter.setPen(ink);
    const QRect top(margin, margin, width - 2 * margin, small * 3 + margin);
    painter.drawText(top, Qt::AlignLeft | Qt::AlignTop,
                     QStringLiteral("%1\noffset %2\ntrack %3")
                         .arg(m_label, clockText(m_offset_ms), clockText(trackTime_ms)));

    // The call time, large: what a player must show next to the other tracks.
    const int large = height * 22 / 100;
    painter.setFont(monoFont(large, true));
    const int barHeight = std::max(4, height / 24);
    const QRect clock(margin, height - barHeight - 2 * margin - large * 5 / 4, width - 2 * margin,
                      large * 5 / 4);
    painter.drawText(clock, Qt::AlignRight | Qt::AlignVCenter, clockText(call_ms));

    // Sub-second position: the bar grows across the width during each second.
    if (!flash) {
        const int filled = int((call_ms % 1000) * (width - 2 * margin) / 1000);
        painter.fillRect(QRect(margin, height - margin - barHeight, filled, barHeight), m_accent);
        painter.setPen(QPen(kText, 1));
        for (int quarter = 1; quarter < 4; ++quarter) {
            const int x = margin + quarter * (width - 2 * margin) / 4;
            painter.drawLine(x, height - margin - barHeight, x, height - margin);
        }
    }
    painter.end();
    return frame;
}

} // namespace holdfast::capture
