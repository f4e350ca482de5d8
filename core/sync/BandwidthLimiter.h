#pragma once

#include <QtGlobal>
#include <atomic>
#include <chrono>
#include <mutex>

namespace holdfast::sync {

// Caps the combined rate of several transfer threads: each consume() books
// its bytes on one shared timeline and sleeps until the booking is due, so
// the threads together never run ahead of bytesPerSecond by more than a
// quarter of a second's worth. 0 means no limit.
class BandwidthLimiter
{
public:
    explicit BandwidthLimiter(qint64 bytesPerSecond);

    bool isLimited() const { return m_bytesPerSecond > 0; }
    // Returns false when cancel was set while waiting.
    bool consume(qint64 bytes, const std::atomic_bool* cancel = nullptr);

private:
    using Clock = std::chrono::steady_clock;
    const qint64 m_bytesPerSecond;
    std::mutex m_mutex;
    Clock::time_point m_due; // when everything booked so far may have been sent
};

} // namespace holdfast::sync
