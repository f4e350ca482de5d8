#pragma once

#include "capture/demo/DemoRandom.h"

namespace holdfast::capture {

// The faint noise floor of a real microphone: seeded low-passed white noise
// at a fixed RMS level, so that silence in a demo track is never digital zero.
class RoomTone
{
public:
    explicit RoomTone(quint64 seed, double level_dbfs = -60.0);

    // Adds the next count samples of noise to out.
    void addTo(float* out, int count);

private:
    DemoRandom m_random;
    float m_scale;
    float m_state = 0;
};

} // namespace holdfast::capture
