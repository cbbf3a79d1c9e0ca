#include "rate_limiter.h"

#include <QElapsedTimer>

#include <cmath>

namespace motcua::server::http {

RateLimiter::RateLimiter(int burst, int perMinute, Clock clock)
    : m_burst(burst)
    , m_perMs(perMinute / 60000.0)
    , m_clock(std::move(clock))
{
    if (!m_clock) {
        m_clock = [] {
            static QElapsedTimer timer = [] {
                QElapsedTimer t;
                t.start();
                return t;
            }();
            return timer.elapsed();
        };
    }
}

int RateLimiter::acquire(const QString &key)
{
    const qint64 now = m_clock();
    QMutexLocker lock(&m_mutex);
    // Forget full buckets now and then so the table stays small.
    if (now - m_lastSweepMs > 60000) {
        m_lastSweepMs = now;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + (now - it->updatedMs) * m_perMs >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    Bucket &b = *it;
    b.tokens = qMin(double(m_burst), b.tokens + (now - b.updatedMs) * m_perMs);
    b.updatedMs = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return qMax(1, int(std::ceil((1.0 - b.tokens) / m_perMs / 1000.0)));
}

} // namespace motcua::server::http
