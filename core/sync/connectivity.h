#pragma once

// What the operating system says about the network. A change (cable back, Wi-Fi reconnected)
// makes the sync engine try at once instead of waiting for its backoff. Whether the *server* is
// reachable is only known by talking to it: the engine's online/offline state comes from its
// requests, not from here.
#include <QObject>

namespace motcua::sync {

class NetworkMonitor : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // False only when the system is sure there is no network; true when unknown.
    [[nodiscard]] virtual bool isReachable() const = 0;

Q_SIGNALS:
    void reachabilityChanged(bool reachable);
};

// QNetworkInformation (NetworkManager on Linux, the network list manager on Windows). Without a
// backend it reports "reachable" and never changes.
class SystemNetworkMonitor final : public NetworkMonitor
{
    Q_OBJECT
public:
    explicit SystemNetworkMonitor(QObject *parent = nullptr);
    [[nodiscard]] bool isReachable() const override;
    [[nodiscard]] bool hasBackend() const { return m_hasBackend; }

private:
    bool m_hasBackend = false;
    bool m_reachable = true;
};

// Set by hand: the test double, and a stand-in when no system backend exists.
class ManualNetworkMonitor final : public NetworkMonitor
{
    Q_OBJECT
public:
    using NetworkMonitor::NetworkMonitor;
    [[nodiscard]] bool isReachable() const override { return m_reachable; }
    void setReachable(bool reachable)
    {
        if (reachable == m_reachable)
            return;
        m_reachable = reachable;
        Q_EMIT reachabilityChanged(reachable);
    }

private:
    bool m_reachable = true;
};

} // namespace motcua::sync
