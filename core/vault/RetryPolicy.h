#pragma once

#include <QByteArray>
#include <QDateTime>
#include <atomic>
#include <optional>

namespace holdfast::vault {

// Exponential back-off with full jitter ("sleep a random time between 0 and
// min(cap, base * 2^attempt)"), bounded by attempts and by total time, and
// never shorter than a server's Retry-After.
struct RetryPolicy
{
    int maxAttempts = 6; // first try included
    qint64 baseDelay_ms = 250;
    qint64 maxDelay_ms = 16000;
    qint64 maxTotal_ms = 120000; // no new attempt starts after this much time

    static bool isRetryableStatus(int httpStatus);

    // Delay before retry number retry (1 for the first retry), with jitter.
    qint64 backoff_ms(int retry) const;

    // Parses Retry-After: delta seconds or an HTTP date (relative to now).
    static std::optional<qint64> parseRetryAfter_ms(const QByteArray& value, const QDateTime& now);

    // Sleeps delay_ms in small steps; false if cancel was set meanwhile.
    static bool sleepCancellable(qint64 delay_ms, const std::atomic_bool* cancel);
};

} // namespace holdfast::vault
