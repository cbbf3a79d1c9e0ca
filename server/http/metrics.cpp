#include "metrics.h"

#include <QMutexLocker>

namespace motcua::server::http {

namespace {

// Label values are route patterns, methods and fixed words; escape anyway (\, ", newline).
QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

} // namespace

void Metrics::observeRequest(const QByteArray &method, const QString &route, int status,
                             double seconds)
{
    QMutexLocker lock(&m_mutex);
    ++m_requests[{method, route, status}];
    Histogram &h = m_durations[{method, route}];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::countPushOutcome(const QString &outcome, int count)
{
    QMutexLocker lock(&m_mutex);
    m_pushed[outcome] += quint64(count);
}

void Metrics::countFailedLogin()
{
    QMutexLocker lock(&m_mutex);
    ++m_loginsFailed;
}

QByteArray Metrics::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    out += "# HELP motcua_http_requests_total HTTP requests answered, by method, route pattern "
           "and status.\n"
           "# TYPE motcua_http_requests_total counter\n";
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const auto &[method, route, status] = it.key();
        out += "motcua_http_requests_total{method=\"" + label(QString::fromLatin1(method))
            + "\",route=\"" + label(route) + "\",status=\"" + QByteArray::number(status) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    }

    out += "# HELP motcua_http_request_duration_seconds Time to answer HTTP requests.\n"
           "# TYPE motcua_http_request_duration_seconds histogram\n";
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it) {
        const QByteArray labels = "method=\"" + label(QString::fromLatin1(it.key().first))
            + "\",route=\"" + label(it.key().second) + '"';
        const Histogram &h = it.value();
        quint64 cumulative = 0;
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            out += "motcua_http_request_duration_seconds_bucket{" + labels + ",le=\""
                + number(kBuckets[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "motcua_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} "
            + QByteArray::number(h.count) + '\n';
        out += "motcua_http_request_duration_seconds_sum{" + labels + "} " + number(h.sum) + '\n';
        out += "motcua_http_request_duration_seconds_count{" + labels + "} "
            + QByteArray::number(h.count) + '\n';
    }

    out += "# HELP motcua_sync_pushed_actions_total Actions pushed by devices, by outcome.\n"
           "# TYPE motcua_sync_pushed_actions_total counter\n";
    for (const char *outcome : {"accepted", "duplicate", "rejected"}) {
        const QString key = QString::fromLatin1(outcome);
        out += "motcua_sync_pushed_actions_total{outcome=\"" + QByteArray(outcome) + "\"} "
            + QByteArray::number(m_pushed.value(key)) + '\n';
    }

    out += "# HELP motcua_logins_failed_total Failed or throttled login attempts.\n"
           "# TYPE motcua_logins_failed_total counter\n"
           "motcua_logins_failed_total "
        + QByteArray::number(m_loginsFailed) + '\n';
    return out;
}

namespace {

QByteArray one(const char *name, const char *type, const char *help, qint64 value)
{
    return QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' + name
        + ' ' + QByteArray::number(value) + '\n';
}

} // namespace

QByteArray Metrics::render(const SyncStore::BatchStats &batches)
{
    return one("motcua_push_batches_together_total", "counter",
               "Pushed batches written in one transaction.", batches.together)
        + one("motcua_push_batches_rolled_back_total", "counter",
              "Pushed batches rolled back by a database error and written one transaction per "
              "action instead.",
              batches.rolledBack);
}

QByteArray Metrics::render(const AuthService::SessionStats &sessions)
{
    return one("motcua_sessions_kept", "gauge",
               "Authenticated sessions kept in memory until an authorisation changes.",
               sessions.kept)
        + one("motcua_session_hits_total", "counter",
              "Authenticated requests whose session was kept in memory.", sessions.hits)
        + one("motcua_session_misses_total", "counter",
              "Authenticated requests that read their token, officer and groups.", sessions.misses);
}

QByteArray Metrics::render(const FeedRanges::Stats &ranges)
{
    return one("motcua_feed_ranges_numbers", "gauge",
               "Numbers of agencies' feeds known from the pages read.", ranges.seqs)
        + one("motcua_feed_ranges_hits_total", "counter",
              "Feed pages whose numbers were known in memory.", ranges.hits)
        + one("motcua_feed_ranges_misses_total", "counter",
              "Feed pages whose numbers were read from the database.", ranges.misses);
}

QByteArray Metrics::render(const PieceCache::Stats &cache)
{
    return one("motcua_feed_cache_entries", "gauge", "Changes whose gzip piece is kept in memory.",
               cache.entries)
        + one("motcua_feed_cache_bytes", "gauge", "Memory the kept pieces take, in bytes.",
              cache.bytes)
        + one("motcua_feed_cache_capacity_bytes", "gauge",
              "The feed cache's capacity (feed-cache; 0: off).", cache.capacity)
        + one("motcua_feed_cache_hits_total", "counter", "Pieces of feed pages found in memory.",
              cache.hits)
        + one("motcua_feed_cache_misses_total", "counter",
              "Pieces of feed pages not in memory (the page read from the database).",
              cache.misses);
}

} // namespace motcua::server::http
