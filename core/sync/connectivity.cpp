#include "connectivity.h"

#include "logging.h"

#include <QNetworkInformation>

namespace motcua::sync {

namespace {

bool reachable(QNetworkInformation::Reachability r)
{
    // Local/site reachability counts: the server is often on the office's own network.
    return r != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

SystemNetworkMonitor::SystemNetworkMonitor(QObject *parent)
    : NetworkMonitor(parent)
{
    m_hasBackend
        = QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    auto *info = QNetworkInformation::instance();
    if (!m_hasBackend || !info) {
        qCInfo(lcRetry) << "no system network information backend: relying on requests only";
        m_hasBackend = false;
        return;
    }
    m_reachable = reachable(info->reachability());
    qCInfo(lcRetry).noquote() << "network information from" << info->backendName()
                              << (m_reachable ? "(connected)" : "(disconnected)");
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                const bool now = reachable(r);
                if (now == m_reachable)
                    return;
                m_reachable = now;
                qCInfo(lcRetry) << "system network" << (now ? "connected" : "disconnected");
                Q_EMIT reachabilityChanged(now);
            });
}

bool SystemNetworkMonitor::isReachable() const
{
    return m_reachable;
}

} // namespace motcua::sync
