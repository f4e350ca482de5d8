#pragma once

#include "model/Participant.h"

#include <QColor>
#include <QImage>
#include <QSize>

namespace holdfast::capture {

// Draws a participant's camera tile as a meeting client shows it: coloured
// backdrop with slow moving light, an avatar that sways a little, a name
// plate, and a speaking ring and microphone level that light up while the
// participant talks. Static layers are drawn once; a frame only composes them.
class ParticipantTileRenderer
{
public:
    static constexpr int kWidth = 320;
    static constexpr int kHeight = 180;
    static constexpr int kFps = 15;

    ParticipantTileRenderer(const model::Participant& participant, int colourIndex, quint64 seed);

    // level: RMS of the participant's speech around this frame (0..1).
    QImage render(qint64 time_ms, bool speaking, float level) const;

    static QColor accentColour(int colourIndex);

private:
    QImage m_background;
    QImage m_avatar;
    QImage m_namePlate;
    QColor m_accent;
    double m_phase; // seeded, so that tiles do not move in lockstep
    double m_swaySpeed;
};

} // namespace holdfast::capture
