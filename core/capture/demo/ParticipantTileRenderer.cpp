#include "capture/demo/ParticipantTileRenderer.h"

#include "capture/demo/DemoRandom.h"

#include <QFont>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <algorithm>
#include <cmath>

namespace holdfast::capture {

namespace {

const QColor kSkinTones[] = {QColor(0xf1, 0xc2, 0x9b), QColor(0xd9, 0xa0, 0x76), QColor(0xb5, 0x7b, 0x52),
                             QColor(0x8d, 0x5a, 0x3b), QColor(0x5e, 0x3b, 0x26), QColor(0xe8, 0xb8, 0x94)};
const QColor kHairColours[] = {QColor(0x2b, 0x1d, 0x14), QColor(0x5a, 0x3a, 0x22), QColor(0x9a, 0x6b, 0x3a),
                               QColor(0x1a, 0x1a, 0x1a), QColor(0x8c, 0x8c, 0x8c), QColor(0xc9, 0x9e, 0x5b)};

QFont uiFont(int pixelSize, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

} // namespace

QColor ParticipantTileRenderer::accentColour(int colourIndex)
{
    static const QColor palette[] = {QColor(0x1b, 0x99, 0x8b), QColor(0x6b, 0x4f, 0xbb),
                                     QColor(0xe0, 0x7a, 0x1f), QColor(0x2e, 0x6f, 0xd9),
                                     QColor(0xc2, 0x40, 0x7e), QColor(0x4c, 0x9a, 0x2a)};
    return palette[colourIndex % int(std::size(palette))];
}

ParticipantTileRenderer::ParticipantTileRenderer(const model::Participant& participant, int colourIndex,
                                                 quint64 seed)
    : m_accent(accentColour(colourIndex))
{
    DemoRandom random(seed);
    m_phase = random.uniform(0.0, 6.283);
    m_swaySpeed = random.uniform(0.35, 0.6);

    // Room: tinted wall, a window with daylight, a shelf.
    m_background = QImage(kWidth, kHeight, QImage::Format_RGB32);
    QPainter room(&m_background);
    room.setRenderHint(QPainter::Antialiasing);
    QLinearGradient wall(0, 0, 0, kHeight);
    wall.setColorAt(0, m_accent.darker(260));
    wall.setColorAt(1, QColor(0x16, 0x18, 0x1d));
    room.fillRect(m_background.rect(), wall);
    const bool windowLeft = random.chance(0.5);
    const QRectF window(windowLeft ? 18 : kWidth - 98, 22, 80, 70);
    QLinearGradient daylight(window.topLeft(), window.bottomRight());
    daylight.setColorAt(0, QColor(0xcf, 0xe3, 0xf2));
    daylight.setColorAt(1, QColor(0x8f, 0xb3, 0xcf));
    room.fillRect(window, daylight);
    room.setPen(QPen(QColor(0xe8, 0xe8, 0xe8), 3));
    room.drawRect(window);
    room.drawLine(window.center().x(), window.top(), window.center().x(), window.bottom());
    room.fillRect(QRectF(windowLeft ? kWidth - 110 : 14, 60, 96, 5), QColor(0x5b, 0x45, 0x33));
    room.fillRect(QRectF(windowLeft ? kWidth - 100 : 24, 40, 14, 20), m_accent.lighter(130));
    room.fillRect(QRectF(windowLeft ? kWidth - 82 : 42, 46, 10, 14), QColor(0xd8, 0xc0, 0x8a));
    room.end();

    // The person, drawn once and moved per frame; the face is drawn live.
    m_avatar = QImage(150, 150, QImage::Format_ARGB32_Premultiplied);
    m_avatar.fill(Qt::transparent);
    QPainter person(&m_avatar);
    person.setRenderHint(QPainter::Antialiasing);
    const QColor skin = kSkinTones[random.range(0, int(std::size(kSkinTones)) - 1)];
    const QColor hair = kHairColours[random.range(0, int(std::size(kHairColours)) - 1)];
    person.setPen(Qt::NoPen);
    person.setBrush(m_accent.darker(120));
    person.drawRoundedRect(QRectF(20, 104, 110, 70), 40, 40); // shoulders
    person.setBrush(skin.darker(110));
    person.drawRect(QRectF(64, 84, 22, 26)); // neck
    person.setBrush(skin);
    person.drawEllipse(QRectF(45, 22, 60, 72)); // head
    person.setBrush(hair);
    QPainterPath hairline;
    hairline.moveTo(44, 58);
    hairline.cubicTo(40, 10, 110, 10, 106, 58);
    hairline.cubicTo(100, 36, 60, 30, 44, 58);
    person.drawPath(hairline);
    person.end();

    // Name plate: translucent, bottom left, with room for the level meter.
    const QString name = participant.displayName;
    const QFont font = uiFont(12, false);
    const int textWidth = QFontMetrics(font).horizontalAdvance(name);
    m_namePlate = QImage(std::min(kWidth - 12, textWidth + 34), 22, QImage::Format_ARGB32_Premultiplied);
    m_namePlate.fill(Qt::transparent);
    QPainter plate(&m_namePlate);
    plate.setRenderHint(QPainter::Antialiasing);
    plate.setPen(Qt::NoPen);
    plate.setBrush(QColor(0, 0, 0, 150));
    plate.drawRoundedRect(m_namePlate.rect(), 5, 5);
    plate.setFont(font);
    plate.setPen(Qt::white);
    plate.drawText(QRect(28, 0, m_namePlate.width() - 30, 22), Qt::AlignVCenter | Qt::AlignLeft, name);
    plate.end();
}

QImage ParticipantTileRenderer::render(qint64 time_ms, bool speaking, float level) const
{
    const double t = double(time_ms) / 1000.0;
    QImage frame = m_background.copy();
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);

    // Slowly drifting patch of light on the wall.
    const QPointF lightCentre(kWidth * (0.5 + 0.4 * std::sin(0.21 * t + m_phase)),
                              40 + 20 * std::cos(0.17 * t));
    QRadialGradient light(lightCentre, 90);
    light.setColorAt(0, QColor(255, 240, 210, 60));
    light.setColorAt(1, QColor(255, 240, 210, 0));
    painter.fillRect(frame.rect(), light);

    // The person sways and nods; the mouth opens with the voice; blinks every few seconds.
    const double sway = 7.0 * std::sin(m_swaySpeed * t + m_phase);
    const double nod =
        2.5 * std::sin(2.3 * m_swaySpeed * t + m_phase) + (speaking ? 1.5 * std::sin(9.0 * t) : 0);
    const QPointF origin(kWidth / 2.0 - 75 + sway, 38 + nod);
    painter.drawImage(origin, m_avatar);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x22, 0x1a, 0x16));
    const bool blinking = std::fmod(t + m_phase, 4.2) < 0.15;
    const double eyeHeight = blinking ? 1.5 : 6.0;
    painter.drawEllipse(QRectF(origin.x() + 61, origin.y() + 52, 7, eyeHeight));
    painter.drawEllipse(QRectF(origin.x() + 82, origin.y() + 52, 7, eyeHeight));
    const double loudness = std::clamp((20.0 * std::log10(std::max(level, 1e-5f)) + 45.0) / 25.0, 0.0, 1.0);
    const double mouthOpen = speaking ? 2.0 + 9.0 * loudness : 1.5;
    painter.setBrush(QColor(0x7a, 0x2e, 0x2e));
    painter.drawEllipse(QRectF(origin.x() + 67, origin.y() + 74 - mouthOpen / 2, 16, mouthOpen));

    // Name plate with a microphone and its level bars.
    const QPointF plateAt(6, kHeight - 28);
    painter.drawImage(plateAt, m_namePlate);
    painter.setBrush(speaking ? QColor(0xff, 0xff, 0xff) : QColor(0xb0, 0xb0, 0xb0));
    painter.drawRoundedRect(QRectF(plateAt.x() + 7, plateAt.y() + 4, 6, 10), 3, 3);
    painter.setPen(QPen(painter.brush().color(), 1.2));
    painter.drawLine(QPointF(plateAt.x() + 10, plateAt.y() + 15),
                     QPointF(plateAt.x() + 10, plateAt.y() + 18));
    painter.setPen(Qt::NoPen);
    for (int bar = 0; bar < 3; ++bar) {
        const double height =
            speaking ? 3 + 12 * std::clamp(loudness * (1.0 - 0.25 * bar) + 0.15 * std::sin(13.0 * t + bar),
                                           0.0, 1.0)
                     : 2;
        painter.setBrush(speaking ? QColor(0x6c, 0xe0, 0x8c) : QColor(0x80, 0x80, 0x80));
        painter.drawRect(QRectF(plateAt.x() + 16 + bar * 3.5, plateAt.y() + 18 - height, 2.5, height));
    }

    // Speaking: the tile border lights up, as in meeting clients.
    if (speaking) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(m_accent.lighter(170), 3));
        painter.drawRoundedRect(QRectF(1.5, 1.5, kWidth - 3, kHeight - 3), 6, 6);
    }
    painter.end();
    return frame;
}

} // namespace holdfast::capture
