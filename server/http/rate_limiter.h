#pragma once

// A token bucket per key (the client's address), thread-safe. Used by the public lookup (R26).
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

namespace motcua::server::http {

class RateLimiter
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic enough
    // `burst` requests at once, refilled at `perMinute` requests per minute.
    RateLimiter(int burst, int perMinute, Clock clock = {});

    // 0 when the request may go ahead (and is counted); otherwise the seconds to wait.
    int acquire(const QString &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    const int m_burst;
    const double m_perMs;
    Clock m_clock;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastSweepMs = 0;
};

} // namespace motcua::server::http
