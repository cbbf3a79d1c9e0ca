#include "syncstatus.h"

#include "logging.h"
#include "workstation.h"

#include <sync/api_client.h>
#include <sync/api_errors.h>
#include <sync/connectivity.h>

namespace motcua::services {

SyncStatus::SyncStatus(Workstation &workstation, sync::NetworkMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_ws(workstation)
{
    connect(&m_probeTimer, &QTimer::timeout, this, &SyncStatus::probe);
    connect(&m_ws, &Workstation::dossiersChanged, this, &SyncStatus::refreshCounts);
    if (monitor) {
        connect(monitor, &sync::NetworkMonitor::reachabilityChanged, this, [this](bool up) {
            if (!up)
                reportUnreachable(domain::makeError(QStringLiteral("sync.unreachable"),
                                                    QStringLiteral("Máy tính không có mạng.")));
            else
                probe();
        });
    }
    refreshCounts();
}

void SyncStatus::setProbeInterval(int ms)
{
    if (ms <= 0)
        m_probeTimer.stop();
    else
        m_probeTimer.start(ms);
}

void SyncStatus::probe()
{
    sync::ApiClient *api = m_ws.api();
    if (!api || m_probing || api->options().baseUrl.isEmpty())
        return;
    m_probing = true;
    auto *call = new sync::Call<int>(api);
    sync::ApiClient::Request request;
    request.path = QStringLiteral("/api/v1/health");
    request.authenticated = false;
    api->send(call, request, [call](domain::Result<sync::ApiClient::Response> r) {
        if (!r)
            call->finish(r.error());
        else
            call->finish(r->status);
    });
    sync::whenDone(call, this, [this](const domain::Result<int> &r) {
        m_probing = false;
        if (!r)
            reportUnreachable(r.error());
        else if (r.value() >= 200 && r.value() < 300)
            reportReached();
        else
            reportUnreachable(domain::makeError(
                QStringLiteral("sync.unhealthy"),
                QStringLiteral("Máy chủ đang gặp sự cố (mã %1).").arg(r.value())));
    });
}

void SyncStatus::refreshCounts()
{
    store::Cache &cache = m_ws.cache();
    if (auto n = cache.pendingCount())
        m_pending = n.value();
    if (auto pending = cache.pendingActions(500)) {
        m_stuck = std::count_if(pending->cbegin(), pending->cend(),
                                [](const store::LocalAction &a) { return a.attempts > 0; });
    }
    if (auto c = cache.conflicts())
        m_conflicts = c->size();
    if (auto at = cache.lastSync())
        m_lastSync = at.value();
    Q_EMIT changed();
}

void SyncStatus::reportReached()
{
    m_lastError.clear();
    setConnection(Connection::Online);
}

void SyncStatus::reportUnreachable(const domain::Error &error)
{
    m_lastError = error.message;
    setConnection(sync::isUnreachable(error) || error.code == QLatin1String("sync.timeout")
                          || error.code == QLatin1String("sync.unhealthy")
                      ? Connection::Offline
                      : m_connection);
    Q_EMIT changed();
}

void SyncStatus::setOnline(bool online)
{
    if (online)
        m_lastError.clear();
    setConnection(online ? Connection::Online : Connection::Offline);
}

void SyncStatus::setPending(qint64 count)
{
    m_pending = count;
    Q_EMIT changed();
}

void SyncStatus::setLastSync(const QDateTime &at)
{
    m_lastSync = at;
    Q_EMIT changed();
}

void SyncStatus::setConflicts(qint64 count)
{
    m_conflicts = count;
    Q_EMIT changed();
}

void SyncStatus::setReceiving(qint64 count)
{
    if (count == m_receiving)
        return;
    m_receiving = count;
    Q_EMIT changed();
}

void SyncStatus::setStuck(qint64 count, const QString &error)
{
    m_stuck = count;
    if (!error.isEmpty())
        m_lastError = error;
    Q_EMIT changed();
}

void SyncStatus::setConnection(Connection c)
{
    if (c != m_connection)
        qCInfo(lcServicesSync) << "connection" << c;
    m_connection = c;
    Q_EMIT changed();
}

} // namespace motcua::services
