#include "vault/RetryPolicy.h"

#include <QDeadlineTimer>
#include <QLocale>
#include <QRandomGenerator>
#include <QThread>
#include <algorithm>

namespace holdfast::vault {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    switch (httpStatus) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        return false;
    }
}

qint64 RetryPolicy::backoff_ms(int retry) const
{
    const int shift = std::clamp(retry - 1, 0, 30);
    const qint64 ceiling = std::min(maxDelay_ms, baseDelay_ms << shift);
    if (ceiling <= 0)
        return 0;
    return static_cast<qint64>(QRandomGenerator::global()->bounded(static_cast<quint64>(ceiling) + 1));
}

std::optional<qint64> RetryPolicy::parseRetryAfter_ms(const QByteArray& value, const QDateTime& now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(when));
}

bool RetryPolicy::sleepCancellable(qint64 delay_ms, const std::atomic_bool* cancel)
{
    QDeadlineTimer deadline(delay_ms);
    while (!deadline.hasExpired()) {
        if (cancel != nullptr && cancel->load())
            return false;
        QThread::msleep(
            static_cast<unsigned long>(std::min<qint64>(20, std::max<qint64>(1, deadline.remainingTime()))));
    }
    return cancel == nullptr || !cancel->load();
}

} // namespace holdfast::vault
