#pragma once

// Shared by the sync tests: the real motcua-server (tests/http's fixture: a fresh SQLite file or
// PostgreSQL database, seeded with the demo province) and helpers to wait for calls and signals.
// Never sleeps: everything waits on a signal (QSignalSpy::wait) with a timeout.
#include "http_fixture.h"

#include <QSignalSpy>
#include <QTest>

#include <domain/action.h>
#include <sync/api_client.h>

namespace motcua::test {

// Waits for `call` to finish (at most `timeoutMs`) and returns its result; the call is deleted.
template<typename T>
domain::Result<T> await(sync::Call<T> *call, int timeoutMs = 30000)
{
    if (!call->isFinished()) {
        QSignalSpy spy(call, &sync::ApiCall::finished);
        if (!spy.wait(timeoutMs) && !call->isFinished()) {
            call->abort();
            return domain::makeError(QStringLiteral("test.timeout"),
                                     QStringLiteral("the call did not finish in time"));
        }
    }
    domain::Result<T> result = call->result();
    delete call;
    return result;
}

// For QVERIFY2's message (evaluated even when the check passes): the error, or nothing.
template<typename T>
const char *why(const domain::Result<T> &result)
{
    static thread_local QByteArray text;
    text = result
        ? QByteArray()
        : (result.error().code + QStringLiteral(": ") + result.error().toString()).toUtf8();
    return text.constData();
}

// Waits until `spy` has at least `count` signals (false on timeout).
inline bool waitForCount(QSignalSpy &spy, int count, int timeoutMs = 30000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (spy.count() < count) {
        if (deadline.hasExpired() || !spy.wait(int(qMax<qint64>(1, deadline.remainingTime()))))
            return spy.count() >= count;
    }
    return true;
}

// The demo journey with fresh UUIDs (and a fresh dossier), as tests/http does.
QList<domain::Action> freshJourney();
// A fresh intake by counter1 of the demo province with the given dossier code.
domain::Action freshReceive(const QString &code, const QUuid &dossierId = QUuid::createUuid());
// A code of the demo centre for `date` (the national pattern).
QString centreCode(const QDate &date, int sequence);
// Today in Vietnam time (the server leases codes for its "today").
QDate vietnamToday();

// The motcua-server this build made, on 127.0.0.1 with a free port; MOTCUA_SYNC_TEST_SERVER names
// another build to run the client's tests against (a newer or a deployed server).
class ServerRun
{
public:
    ~ServerRun();
    bool start(const QString &dbUrl, quint16 port = 0);
    bool stop(); // SIGTERM; true when it exits with status 0
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString error() const { return m_error; }

private:
    QProcess m_process;
    QByteArray m_stdout;
    quint16 m_port = 0;
    QString m_error;
};

// A TestServer that can be restarted on the same port (clients keep their base URL).
class SyncServer
{
public:
    bool start(const QString &backend);
    bool stop();    // SIGTERM, waits
    bool restart(); // on the same database and port

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] TestDatabase &db() { return *m_db; }
    [[nodiscard]] sync::ApiClient::Options clientOptions(int timeoutMs = 15000) const;

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerRun> m_process;
    quint16 m_port = 0;
    QString m_error;
};

// A logged-in client on `server`.
std::unique_ptr<sync::ApiClient> loggedInClient(const SyncServer &server, const QString &username,
                                                QString *error);

} // namespace motcua::test
