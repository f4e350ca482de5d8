#include "capture/demo/RoomTone.h"

#include <cmath>

namespace holdfast::capture {

namespace {
// One-pole low-pass: y += k (x - y). Softens white noise into room hiss.
constexpr double kSmoothing = 0.35;
} // namespace

RoomTone::RoomTone(quint64 seed, double level_dbfs)
    : m_random(seed)
{
    // Uniform noise in [-1, 1) has variance 1/3; the filter scales it by k / (2 - k).
    const double filteredRms = std::sqrt((1.0 / 3.0) * kSmoothing / (2.0 - kSmoothing));
    m_scale = float(std::pow(10.0, level_dbfs / 20.0) / filteredRms);
}

void RoomTone::addTo(float* out, int count)
{
    for (int i = 0; i < count; ++i) {
        const float white = float(m_random.uniform(-1.0, 1.0));
        m_state += float(kSmoothing) * (white - m_state);
        out[i] += m_scale * m_state;
    }
}

} // namespace holdfast::capture
