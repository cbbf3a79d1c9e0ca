#pragma once

// Prometheus metrics kept in memory, thread-safe, rendered as text exposition format 0.0.4.
#include "auth.h"
#include "piece_cache.h"
#include "sync_store.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <array>
#include <tuple>

namespace motcua::server::http {

class Metrics
{
public:
    // Upper bounds of the latency histogram, in seconds.
    static constexpr std::array<double, 10> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1,
                                                     0.25,  0.5,  1.0,   2.5,  5.0};

    void observeRequest(const QByteArray &method, const QString &route, int status, double seconds);
    void countPushOutcome(const QString &outcome, int count = 1); // accepted, duplicate, rejected
    void countFailedLogin();

    [[nodiscard]] QByteArray render() const;

    // The feed cache's figures, rendered with the rest.
    [[nodiscard]] static QByteArray render(const PieceCache::Stats &cache);
    // The pages' numbers kept with the pieces (FeedRanges).
    [[nodiscard]] static QByteArray render(const FeedRanges::Stats &ranges);
    // The pushed batches' transactions (SyncStore::BatchStats).
    [[nodiscard]] static QByteArray render(const SyncStore::BatchStats &batches);
    // The authenticated sessions kept in memory (AuthService::sessionStats()).
    [[nodiscard]] static QByteArray render(const AuthService::SessionStats &sessions);

private:
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> buckets{}; // non-cumulative
        quint64 count = 0;
        double sum = 0;
    };

    mutable QMutex m_mutex;
    QMap<std::tuple<QByteArray, QString, int>, quint64> m_requests;
    QMap<std::pair<QByteArray, QString>, Histogram> m_durations;
    QMap<QString, quint64> m_pushed;
    quint64 m_loginsFailed = 0;
};

} // namespace motcua::server::http
