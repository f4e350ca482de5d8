#include "sync/RateMeter.h"

namespace holdfast::sync {

RateMeter::RateMeter(std::chrono::milliseconds window)
    : m_window(window)
{}

void RateMeter::reset()
{
    const std::lock_guard lock(m_mutex);
    m_samples.clear();
}

void RateMeter::sample(qint64 total)
{
    const std::lock_guard lock(m_mutex);
    const Clock::time_point now = Clock::now();
    m_samples.emplace_back(now, total);
    // Keep one sample older than the window so the rate spans all of it.
    while (m_samples.size() > 2 && now - m_samples[1].first > m_window)
        m_samples.pop_front();
}

double RateMeter::bytesPerSecond() const
{
    const std::lock_guard lock(m_mutex);
    if (m_samples.size() < 2)
        return 0;
    const auto& [firstTime, firstBytes] = m_samples.front();
    const auto& [lastTime, lastBytes] = m_samples.back();
    const double seconds = std::chrono::duration<double>(lastTime - firstTime).count();
    return seconds > 0.05 ? double(lastBytes - firstBytes) / seconds : 0;
}

qint64 RateMeter::eta_ms(qint64 remaining) const
{
    const double rate = bytesPerSecond();
    if (rate <= 0 || remaining < 0)
        return -1;
    return qint64(double(remaining) / rate * 1000.0);
}

} // namespace holdfast::sync
