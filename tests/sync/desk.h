#pragma once

// A counter workstation for the sync tests: its own profile directory with an encrypted cache
// (a random key; the keychain is the store's business and tested there), a second connection as
// the UI would hold it, and a sync engine on the real server (through a LinkProxy whose link the
// test can cut).
#include "link_proxy.h"
#include "sync_fixture.h"

#include <QTemporaryDir>

#include <store/cache.h>
#include <sync/sync_engine.h>

namespace motcua::test {

class Desk
{
public:
    // `serverPort`: the server's; the engine talks to it through this desk's LinkProxy.
    Desk(QString name, quint16 serverPort);
    ~Desk();

    bool open(QString *error);
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString profileDir() const { return m_dir.path(); }
    [[nodiscard]] QByteArray key() const { return m_key; }
    store::Cache &cache() { return *m_cache; }
    LinkProxy &link() { return *m_link; }

    // The engine (made by startEngine), on this thread.
    sync::SyncEngine &engine() { return *m_engine; }
    bool startEngine(const QString &username, QString *error,
                     sync::SyncOptions options = fastOptions());
    void stopEngine() { m_engine.reset(); }
    static sync::SyncOptions fastOptions();

    // One round that ends well (failed rounds on the way are retried by the engine's backoff).
    bool syncOnce(int timeoutMs = 60000);

    // Local actions as the UI records them: one transaction each, then the engine is told.
    domain::Result<domain::Dossier> receive(const QUuid &dossierId = QUuid::createUuid());
    domain::Result<domain::Dossier> record(domain::Action action);
    // To the Department of Justice's civil-status department unless told otherwise.
    domain::Result<domain::Dossier> transfer(const QUuid &dossierId, const QString &agencyCode = {},
                                             const QString &departmentId = {});

private:
    QString m_name;
    QTemporaryDir m_dir;
    QByteArray m_key;
    std::unique_ptr<LinkProxy> m_link;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QString m_officer;
};

// The agency's dossiers as the server holds them (the whole feed, read by `username`).
domain::Result<QHash<QUuid, domain::Dossier>> serverDossiers(const SyncServer &server,
                                                             const QString &username);

// Every visible dossier of the cache equals the server's, and the cache holds no other: "" when
// so, else what differs.
QString compareWithServer(store::Cache &cache, const QHash<QUuid, domain::Dossier> &server);

} // namespace motcua::test
