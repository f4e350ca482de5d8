#include "sync/BandwidthLimiter.h"

#include <algorithm>
#include <thread>

namespace holdfast::sync {

namespace {
constexpr auto kBurst = std::chrono::milliseconds(250);
constexpr auto kSleepSlice = std::chrono::milliseconds(50);
} // namespace

BandwidthLimiter::BandwidthLimiter(qint64 bytesPerSecond)
    : m_bytesPerSecond(std::max<qint64>(0, bytesPerSecond))
    , m_due(Clock::now())
{}

bool BandwidthLimiter::consume(qint64 bytes, const std::atomic_bool* cancel)
{
    if (m_bytesPerSecond <= 0 || bytes <= 0)
        return true;
    Clock::time_point due;
    {
        const std::lock_guard lock(m_mutex);
        // Idle time is not saved up beyond the burst allowance.
        m_due = std::max(m_due, Clock::now() - kBurst);
        m_due += std::chrono::nanoseconds(bytes * 1'000'000'000 / m_bytesPerSecond);
        due = m_due - kBurst;
    }
    while (Clock::now() < due) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        std::this_thread::sleep_for(std::min<Clock::duration>(kSleepSlice, due - Clock::now()));
    }
    return true;
}

} // namespace holdfast::sync
