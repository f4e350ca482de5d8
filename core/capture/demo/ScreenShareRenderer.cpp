#include "capture/demo/ScreenShareRenderer.h"

#include <QFont>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace holdfast::capture {

namespace {

const QColor kInk(0x1f, 0x23, 0x28);
const QColor kMuted(0x6a, 0x73, 0x7d);
const QColor kFieldBorder(0xc4, 0xcb, 0xd3);
const QColor kSlideAccent(0x2e, 0x5e, 0xaa);
const QRect kContent(64, 36, ScreenShareRenderer::kWidth - 64, ScreenShareRenderer::kHeight - 36);

QFont uiFont(int pixelSize, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QString clockText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void drawField(QPainter& painter, const QRect& box, const QString& label, const QString& value, bool focused)
{
    painter.setFont(uiFont(13));
    painter.setPen(kMuted);
    painter.drawText(QRect(box.left(), box.top() - 22, box.width(), 20), Qt::AlignLeft | Qt::AlignBottom,
                     label);
    painter.setPen(QPen(focused ? QColor(0x2e, 0x6f, 0xd9) : kFieldBorder, focused ? 2 : 1));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(box, 4, 4);
    painter.setFont(uiFont(17));
    painter.setPen(kInk);
    painter.drawText(box.adjusted(12, 0, -12, 0), Qt::AlignLeft | Qt::AlignVCenter, value);
}

} // namespace

ScreenShareRenderer::ScreenShareRenderer(DemoScreenContent content, QString presenter, ScreenShareTimes times)
    : m_content(std::move(content))
    , m_presenter(std::move(presenter))
    , m_times(times)
{
    m_window = drawWindow();
}

QImage ScreenShareRenderer::drawWindow() const
{
    QImage window(kWidth, kHeight, QImage::Format_RGB32);
    QPainter painter(&window);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(window.rect(), QColor(0xf3, 0xf5, 0xf7));
    // Title bar.
    painter.fillRect(QRect(0, 0, kWidth, 36), QColor(0x2b, 0x2f, 0x36));
    painter.setFont(uiFont(14));
    painter.setPen(QColor(0xe6, 0xe8, 0xeb));
    painter.drawText(QRect(16, 0, 800, 36), Qt::AlignVCenter | Qt::AlignLeft, m_content.windowTitle);
    for (int i = 0; i < 3; ++i) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(i == 2 ? QColor(0xd9, 0x53, 0x4f) : QColor(0x5b, 0x61, 0x6b));
        painter.drawEllipse(QRectF(kWidth - 84 + i * 24, 12, 12, 12));
    }
    // Navigation rail.
    painter.fillRect(QRect(0, 36, 64, kHeight - 36), QColor(0x3a, 0x3f, 0x48));
    for (int i = 0; i < 6; ++i) {
        painter.setBrush(i == 1 ? QColor(0x7f, 0xa7, 0xe8) : QColor(0x6b, 0x72, 0x7d));
        painter.drawRoundedRect(QRectF(18, 62 + i * 56, 28, 28), 6, 6);
    }
    painter.end();
    return window;
}

QImage ScreenShareRenderer::drawSlide(int index) const
{
    QImage page = m_window.copy();
    QPainter painter(&page);
    painter.setRenderHint(QPainter::Antialiasing);
    const DemoSlide& slide = m_content.slides.at(index);
    const QRect card(200, 90, 880, 560);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 25));
    painter.drawRoundedRect(card.translated(0, 4), 8, 8);
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(card, 8, 8);
    painter.fillRect(QRect(card.left(), card.top() + 8, 10, 120), kSlideAccent);

    painter.setFont(uiFont(36, true));
    painter.setPen(kInk);
    painter.drawText(QRect(card.left() + 50, card.top() + 40, card.width() - 100, 70),
                     Qt::AlignLeft | Qt::AlignVCenter, slide.title);
    painter.setFont(uiFont(24));
    int y = card.top() + 160;
    for (const QString& bullet : slide.bullets) {
        painter.setBrush(kSlideAccent);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QRectF(card.left() + 56, y + 13, 10, 10));
        painter.setPen(kInk);
        painter.drawText(QRect(card.left() + 84, y, card.width() - 130, 36), Qt::AlignLeft | Qt::AlignVCenter,
                         bullet);
        y += 64;
    }
    painter.setFont(uiFont(14));
    painter.setPen(kMuted);
    painter.drawText(QRect(card.left() + 50, card.bottom() - 50, card.width() - 100, 30),
                     Qt::AlignLeft | Qt::AlignVCenter, m_presenter);
    painter.drawText(QRect(card.left() + 50, card.bottom() - 50, card.width() - 100, 30),
                     Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("%1 / %2").arg(index + 1).arg(m_content.slides.size()));
    painter.end();
    return page;
}

QImage ScreenShareRenderer::drawPaymentForm(int typedCharacters, bool caretVisible) const
{
    QImage page = m_window.copy();
    QPainter painter(&page);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect header = paymentHeaderRect();
    const QRect card(header.left(), header.top(), header.width(), 560);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 25));
    painter.drawRoundedRect(card.translated(0, 4), 8, 8);
    painter.setBrush(Qt::white);
    painter.drawRect(card);
    painter.fillRect(header, paymentHeaderColour());
    painter.setFont(uiFont(20, true));
    painter.setPen(Qt::white);
    // The amount keeps its place; a long merchant name is elided before it.
    const QFontMetrics metrics(painter.font());
    const int amountWidth = metrics.horizontalAdvance(m_content.amount);
    const QRect headerText = header.adjusted(24, 0, -24, 0);
    painter.drawText(headerText, Qt::AlignRight | Qt::AlignVCenter, m_content.amount);
    painter.drawText(headerText.adjusted(0, 0, -amountWidth - 24, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(QStringLiteral("Secure checkout - %1").arg(m_content.merchant),
                                        Qt::ElideRight, headerText.width() - amountWidth - 24));

    const QString cardNumber = QString::fromLatin1(kTestCardNumber);
    const bool typing = typedCharacters < cardNumber.size();
    QString typed = cardNumber.left(typedCharacters);
    if (typing && caretVisible)
        typed += QLatin1Char('|');
    const int left = card.left() + 32;
    const int width = card.width() - 64;
    drawField(painter, QRect(left, header.bottom() + 40, width, 40), QStringLiteral("Cardholder name"),
              m_content.cardholder, false);
    drawField(painter, QRect(left, header.bottom() + 110, width, 40), QStringLiteral("Card number"), typed,
              typing);
    if (typedCharacters > 0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x1a, 0x1f, 0x71));
        painter.drawRoundedRect(QRectF(left + width - 64, header.bottom() + 118, 52, 24), 3, 3);
        painter.setFont(uiFont(14, true));
        painter.setPen(Qt::white);
        painter.drawText(QRectF(left + width - 64, header.bottom() + 118, 52, 24), Qt::AlignCenter,
                         QStringLiteral("VISA"));
    }
    drawField(painter, QRect(left, header.bottom() + 180, width / 2 - 12, 40),
              QStringLiteral("Expiry (MM/YY)"), typing ? QString() : QStringLiteral("12/28"), false);
    drawField(painter, QRect(left + width / 2 + 12, header.bottom() + 180, width / 2 - 12, 40),
              QStringLiteral("Security code"), typing ? QString() : QStringLiteral("\u2022\u2022\u2022"),
              false);

    // Bank transfer alternative.
    painter.setPen(QPen(kFieldBorder, 1));
    painter.drawLine(left, header.bottom() + 250, left + width, header.bottom() + 250);
    painter.setFont(uiFont(15, true));
    painter.setPen(kInk);
    painter.drawText(QRect(left, header.bottom() + 262, width, 24), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Or pay by bank transfer"));
    drawField(painter, QRect(left, header.bottom() + 318, width * 2 / 3 - 12, 40), QStringLiteral("IBAN"),
              QString::fromLatin1(kTestIban), false);
    drawField(painter, QRect(left + width * 2 / 3 + 12, header.bottom() + 318, width / 3 - 12, 40),
              QStringLiteral("BIC"), QStringLiteral("WESTGB2L"), false);

    const QRect pay(left, header.bottom() + 392, width, 48);
    painter.setPen(Qt::NoPen);
    painter.setBrush(typing ? QColor(0x9c, 0xc5, 0xb7) : paymentHeaderColour());
    painter.drawRoundedRect(pay, 6, 6);
    painter.setFont(uiFont(18, true));
    painter.setPen(Qt::white);
    painter.drawText(pay, Qt::AlignCenter, QStringLiteral("Pay %1").arg(m_content.amount));
    painter.end();
    return page;
}

QImage ScreenShareRenderer::render(qint64 callTime_ms)
{
    // Which page, and is it the one drawn last time?
    int key;
    if (callTime_ms < m_times.formStart_ms && !m_content.slides.isEmpty()) {
        const qint64 span = std::max<qint64>(1, m_times.formStart_ms - m_times.start_ms);
        key = int(std::clamp<qint64>((callTime_ms - m_times.start_ms) * m_content.slides.size() / span, 0,
                                     m_content.slides.size() - 1));
    } else {
        const int length = int(qstrlen(kTestCardNumber));
        const qint64 typingSpan = std::max<qint64>(1, m_times.typingEnd_ms - m_times.typingStart_ms);
        const int typed =
            int(std::clamp<qint64>((callTime_ms - m_times.typingStart_ms) * length / typingSpan, 0, length));
        const bool caret = (callTime_ms / 500) % 2 == 0;
        key = 1000 + typed * 2 + (caret ? 1 : 0);
    }
    if (key != m_cachedKey) {
        m_cachedPage = key < 1000 ? drawSlide(key) : drawPaymentForm((key - 1000) / 2, key % 2 == 1);
        m_cachedKey = key;
    }

    QImage frame = m_cachedPage.copy();
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);

    // Call time, top right of the content area.
    const QRect clock(kWidth - 150, 48, 134, 30);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x20, 0x24, 0x2a, 220));
    painter.drawRoundedRect(clock, 15, 15);
    painter.setBrush(QColor(0xe5, 0x48, 0x4d));
    painter.drawEllipse(QRectF(clock.left() + 12, clock.top() + 10, 10, 10));
    painter.setFont(uiFont(15, true));
    painter.setPen(Qt::white);
    painter.drawText(clock.adjusted(30, 0, -10, 0), Qt::AlignVCenter | Qt::AlignLeft,
                     QStringLiteral("REC ") + clockText(callTime_ms));

    // Mouse pointer wandering over the content.
    const double t = double(callTime_ms) / 1000.0;
    const QPointF tip(kContent.center().x() + 380 * std::sin(0.23 * t),
                      kContent.center().y() + 220 * std::sin(0.31 * t + 1.0));
    QPolygonF arrow;
    arrow << tip << tip + QPointF(0, 22) << tip + QPointF(6, 16) << tip + QPointF(11, 26)
          << tip + QPointF(15, 24) << tip + QPointF(10, 14) << tip + QPointF(17, 14);
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(Qt::black);
    painter.drawPolygon(arrow);
    painter.end();
    return frame;
}

} // namespace holdfast::capture
