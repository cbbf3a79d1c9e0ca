#pragma once

// What the status bar shows about synchronisation (ARCHITECTURE: Sync): online/offline, pending
// actions, the last successful sync, stuck items and open conflicts. Every figure is read from a
// real source: online/offline from the server's answers (a health probe through the REST client,
// and every login/catalogue call) and from the system's network monitor; counts and the last sync
// from the cache. When the sync engine lands, its signals call the same setters.
#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <domain/error.h>

namespace motcua::sync {
class ApiClient;
class NetworkMonitor;
} // namespace motcua::sync

namespace motcua::services {

class Workstation;

class SyncStatus : public QObject
{
    Q_OBJECT
public:
    enum class Connection {
        Unknown, // not asked yet
        Online,
        Offline,
    };
    Q_ENUM(Connection)

    SyncStatus(Workstation &workstation, sync::NetworkMonitor *monitor, QObject *parent = nullptr);

    [[nodiscard]] Connection connection() const { return m_connection; }
    [[nodiscard]] qint64 pending() const { return m_pending; }
    [[nodiscard]] qint64 stuck() const { return m_stuck; }
    [[nodiscard]] qint64 conflicts() const { return m_conflicts; }
    [[nodiscard]] QDateTime lastSync() const { return m_lastSync; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    // Dossiers or changes received so far in this round (a long pull, above all a first sync);
    // 0 when nothing is being received.
    [[nodiscard]] qint64 receiving() const { return m_receiving; }

    // How often the server is probed (ms); 0 stops probing.
    void setProbeInterval(int ms);
    // Asks the server now (GET /api/v1/health).
    void probe();
    // Reads the counts from the cache again.
    void refreshCounts();
    // For callers that talked to the server themselves.
    void reportReached();
    void reportUnreachable(const domain::Error &error);

    // From the sync engine's signals (onlineChanged, pendingCountChanged, lastSyncChanged,
    // openConflictsChanged, stuck/unstuck): once connected, the engine is the source.
    void setOnline(bool online);
    void setPending(qint64 count);
    void setLastSync(const QDateTime &at);
    void setConflicts(qint64 count);
    void setStuck(qint64 count, const QString &error = {});
    // From pullProgress (the count so far) and roundFinished (0).
    void setReceiving(qint64 count);

Q_SIGNALS:
    void changed();

private:
    void setConnection(Connection c);

    Workstation &m_ws;
    QTimer m_probeTimer;
    bool m_probing = false;
    Connection m_connection = Connection::Unknown;
    qint64 m_pending = 0;
    qint64 m_stuck = 0;
    qint64 m_conflicts = 0;
    qint64 m_receiving = 0;
    QDateTime m_lastSync;
    QString m_lastError;
};

} // namespace motcua::services
