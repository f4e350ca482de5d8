#pragma once

#include <QtGlobal>
#include <chrono>
#include <deque>
#include <mutex>

namespace holdfast::sync {

// Transfer rate over a sliding window (the last few seconds), for progress
// bars: steadier than an average since the start, quicker to react to a
// stalled network.
class RateMeter
{
public:
    explicit RateMeter(std::chrono::milliseconds window = std::chrono::milliseconds(5000));

    void reset();
    // Thread-safe; total is the running byte count.
    void sample(qint64 total);
    double bytesPerSecond() const;
    // Time left for remaining bytes at the current rate; -1 when unknown.
    qint64 eta_ms(qint64 remaining) const;

private:
    using Clock = std::chrono::steady_clock;
    const std::chrono::milliseconds m_window;
    mutable std::mutex m_mutex;
    std::deque<std::pair<Clock::time_point, qint64>> m_samples;
};

} // namespace holdfast::sync
