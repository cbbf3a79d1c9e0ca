#include "retry_policy.h"

#include "api_errors.h"
#include "logging.h"

#include <QRandomGenerator>

#include <cmath>

namespace motcua::sync {

Q_LOGGING_CATEGORY(lcRetry, "motcua.sync.retry")

Backoff::Backoff(Options options, std::function<double()> random)
    : m_options(options)
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int Backoff::nextDelayMs(int retryAfterSeconds)
{
    const double exponent = std::min(m_failures, 30);
    const double full = std::min(double(m_options.maxMs),
                                 m_options.initialMs * std::pow(m_options.factor, exponent));
    ++m_failures;
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    int delay = int(full * (1.0 - jitter * r));
    delay = std::max(delay, 1);
    return std::max(delay, retryAfterSeconds * 1000);
}

RetryTimer::RetryTimer(Backoff backoff, QObject *parent)
    : QObject(parent)
    , m_backoff(std::move(backoff))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RetryTimer::due);
}

int RetryTimer::failed(const domain::Error &error)
{
    const int delay = m_backoff.nextDelayMs(retryAfterOf(error));
    qCInfo(lcRetry).noquote() << "retry in" << delay << "ms after" << error.code << "(failure"
                              << m_backoff.failures() << ")";
    m_timer.start(delay);
    return delay;
}

void RetryTimer::succeeded()
{
    m_backoff.reset();
    m_timer.stop();
}

void RetryTimer::retryNow()
{
    m_timer.stop();
    Q_EMIT due();
}

bool StuckTracker::failed(const QString &key, const domain::Error &error)
{
    if (!m_current || m_current->key != key)
        m_current = StuckItem{key, error, 0, QDateTime::currentDateTimeUtc()};
    m_current->error = error;
    ++m_current->failures;
    const bool nowStuck = m_current->failures == m_threshold;
    if (nowStuck)
        qCWarning(lcRetry).noquote()
            << "stuck:" << key << "failed" << m_threshold << "times; last error" << error.code;
    return nowStuck;
}

bool StuckTracker::succeeded(const QString &key)
{
    if (!m_current || m_current->key != key)
        return false;
    const bool wasStuck = m_current->failures >= m_threshold;
    m_current.reset();
    return wasStuck;
}

std::optional<StuckItem> StuckTracker::stuck() const
{
    if (m_current && m_current->failures >= m_threshold)
        return m_current;
    return std::nullopt;
}

} // namespace motcua::sync
