#pragma once

#include <QUuid>

// Shared by the HTTP tests: a fresh database per test (a temporary SQLite file, or a PostgreSQL
// database with a random name on the server MOTCUA_TEST_PG_URL names), the real motcua-server
// started on 127.0.0.1 with a free port, and a small synchronous client on QNetworkAccessManager.
#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <domain/action.h>
#include <domain/chart.h>
#include <domain/entities.h>
#include <domain/workflow.h>

#include <functional>
#include <memory>

namespace motcua::test {

inline const QString kDemoPassword = QStringLiteral("Demo-Passw0rd-2026");

// Adds the global "backend" column with rows "sqlite" and "postgresql" (call from
// initTestCase_data()).
void addBackendRows();

// The backend of the current row; returns false with a reason when PostgreSQL is not configured
// (the test then QSKIPs, or fails when MOTCUA_REQUIRE_PG=1).
bool backendAvailable(const QString &backend, QString *reason);
bool postgresRequired();

class TestDatabase
{
public:
    // A fresh, empty database; null with `error` set on failure.
    static std::unique_ptr<TestDatabase> create(const QString &backend, QString *error);
    ~TestDatabase(); // drops the PostgreSQL database

    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] bool isPostgres() const { return !m_pgName.isEmpty(); }

    // Migrates and seeds the demo province with kDemoPassword.
    bool seedDemo(QString *error);
    // Inserts or replaces an officer with a password (through the storage layer).
    bool putOfficer(const domain::Officer &officer, const QString &password, QString *error);
    bool putProcedure(const domain::Procedure &procedure, QString *error);
    bool addWorkflow(const domain::Workflow &workflow, QString *error);
    bool putGroup(const domain::OfficerGroup &group, QString *error);
    bool putChartSettings(const domain::ChartSettings &settings, QString *error);
    // Runs one SQL statement directly (for the expired-token test); false on error.
    bool exec(const QString &statement, QString *error);
    // A trigger that makes the database refuse to record any action of `dossierId` (a disk or
    // database fault that hits one write of a batch), and its removal.
    bool refuseActionsOf(const QUuid &dossierId, QString *error);
    bool acceptActionsAgain(QString *error);

private:
    TestDatabase() = default;
    QString m_url;
    QString m_pgName;
    QString m_adminConnection;
    std::unique_ptr<QTemporaryDir> m_dir;
};

struct Reply
{
    int status = 0; // 0: no HTTP answer (connection error, timeout)
    QByteArray body;
    QJsonObject json;                      // the body when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // lower-case names
    [[nodiscard]] QString code() const { return json.value(QStringLiteral("code")).toString(); }
    [[nodiscard]] QString field() const
    {
        return json.value(QStringLiteral("details"))
            .toObject()
            .value(QStringLiteral("field"))
            .toString();
    }
    [[nodiscard]] QString describe() const; // for failure messages
};

class ServerProcess
{
public:
    ~ServerProcess();
    // Starts motcua-server --db URL --listen 127.0.0.1:0 ARGS… and waits for "listening on".
    bool start(const QString &dbUrl, const QStringList &args = {},
               const QHash<QString, QString> &env = {});
    // SIGTERM; true when it exits cleanly with status 0.
    bool stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString baseUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    }
    [[nodiscard]] QByteArray stdoutText() const { return m_stdout; }
    [[nodiscard]] QByteArray stderrText();
    [[nodiscard]] QString startError() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_error;
};

// Processes events until `done` or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// motcua-server --print-routes → "METHOD PATTERN" lines.
QStringList serverRoutes();

// The value of one series in a /metrics answer ("name" or "name{labels}"); -1 when absent.
qint64 metricValue(const QByteArray &metrics, const QByteArray &series);

class Client
{
public:
    explicit Client(QString baseUrl);

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QString &token = {}, const QHash<QByteArray, QByteArray> &headers = {});
    Reply get(const QString &path, const QString &token = {})
    {
        return send("GET", path, {}, token);
    }
    Reply post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    Reply put(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }
    // The access token, or empty (the reply is kept in lastLogin).
    QString login(const QString &username, const QString &password = kDemoPassword);
    Reply lastLogin;

private:
    QString m_base;
    QNetworkAccessManager m_nam;
};

// A fresh database (seeded with the demo province unless told otherwise), the server on it and a
// client: what most tests start with.
class TestServer
{
public:
    using Prepare = std::function<bool(TestDatabase &, QString *)>;
    bool start(const QString &backend, const QStringList &args = {},
               const QHash<QString, QString> &env = {}, bool seed = true,
               const Prepare &prepare = {});

    [[nodiscard]] QString error() const { return m_error; }
    TestDatabase &db() { return *m_db; }
    ServerProcess &process() { return *m_process; }
    Client &client() { return *m_client; }
    // GET /api/v1/health answers 200 {status: ok}.
    bool healthy();

private:
    // Declared in this order so the server stops before its database is dropped.
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<ServerProcess> m_process;
    std::unique_ptr<Client> m_client;
    QString m_error;
};

// Sends raw bytes on a new connection and reads one answer (for requests QNetworkAccessManager
// would normalise: dot segments, bad encodings).
Reply rawRequest(quint16 port, const QByteArray &request, int timeoutMs = 15000);

// Pushes each action as its actor, one action per request (each actor logs in once; `tokens`
// keeps their access tokens); false with `error` (the action's type and the answer) at the first
// one not accepted.
bool pushEachAccepted(Client &client, const QList<domain::Action> &actions,
                      QHash<QString, QString> &tokens, QString *error);

// Runs a batch of requests at the same time (for the concurrency tests); answers in order.
QList<Reply> sendConcurrently(const QString &baseUrl, const QList<QByteArray> &methods,
                              const QStringList &paths, const QList<QByteArray> &bodies,
                              const QStringList &tokens,
                              const QList<QHash<QByteArray, QByteArray>> &headers = {});

} // namespace motcua::test

// Fetches the global "backend" column; skips the row when that backend is not configured (fails
// instead when MOTCUA_REQUIRE_PG=1).
#define MOTCUA_REQUIRE_BACKEND() \
    QFETCH_GLOBAL(QString, backend); \
    do { \
        QString reason_; \
        if (!motcua::test::backendAvailable(backend, &reason_)) { \
            if (motcua::test::postgresRequired()) \
                QFAIL(qPrintable(reason_)); \
            QSKIP(qPrintable(reason_)); \
        } \
    } while (false)
