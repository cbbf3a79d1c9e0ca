#include "http_fixture.h"

#include "auth.h"
#include "catalogue_store.h"
#include "database.h"
#include "demo_seed.h"
#include "migrations.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

namespace motcua::test {

using server::CatalogueStore;
using server::Database;
using server::DbUrl;

// ---- backends ---------------------------------------------------------------------------------

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

bool postgresRequired()
{
    return qEnvironmentVariable("MOTCUA_REQUIRE_PG") == QLatin1String("1");
}

bool backendAvailable(const QString &backend, QString *reason)
{
    if (backend != QLatin1String("postgresql"))
        return true;
    if (qEnvironmentVariableIsEmpty("MOTCUA_TEST_PG_URL")) {
        *reason = QStringLiteral("MOTCUA_TEST_PG_URL is not set (run under scripts/with-postgres)");
        return false;
    }
    return true;
}

// ---- TestDatabase -----------------------------------------------------------------------------

namespace {

bool runAdmin(const QString &connection, const QString &statement, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    if (!q.exec(statement)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

// Runs `work` with a storage-layer Database on this thread, then closes it.
template<typename Work>
bool withStore(const QString &url, QString *error, Work work)
{
    auto parsed = DbUrl::parse(url);
    if (!parsed) {
        *error = parsed.error().message;
        return false;
    }
    Database db(parsed.value());
    CatalogueStore catalogue(db);
    const domain::Check st = work(db, catalogue);
    if (!st)
        *error = st.error().code + QStringLiteral(": ") + st.error().message;
    return st.ok();
}

} // namespace

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &backend, QString *error)
{
    std::unique_ptr<TestDatabase> db(new TestDatabase);
    if (backend != QLatin1String("postgresql")) {
        db->m_dir = std::make_unique<QTemporaryDir>();
        if (!db->m_dir->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory");
            return nullptr;
        }
        db->m_url = QStringLiteral("sqlite:%1/motcua.db").arg(db->m_dir->path());
        return db;
    }
    auto url = DbUrl::parse(qEnvironmentVariable("MOTCUA_TEST_PG_URL"));
    if (!url) {
        *error = url.error().message;
        return nullptr;
    }
    db->m_pgName = QStringLiteral("motcua_http_%1")
                       .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    db->m_adminConnection = QStringLiteral("admin-") + db->m_pgName;
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_adminConnection);
    admin.setHostName(url->host);
    admin.setPort(url->port);
    admin.setDatabaseName(url->database);
    admin.setUserName(url->user);
    if (!url->password.isEmpty())
        admin.setPassword(url->password);
    if (!admin.open()) {
        *error
            = QStringLiteral("cannot connect to MOTCUA_TEST_PG_URL: ") + admin.lastError().text();
        return nullptr;
    }
    if (!runAdmin(db->m_adminConnection, QStringLiteral("CREATE DATABASE ") + db->m_pgName, error))
        return nullptr;
    const QString userPart = url->user.isEmpty() ? QString() : url->user + QLatin1Char('@');
    db->m_url = QStringLiteral("postgresql://%1%2:%3/%4")
                    .arg(userPart, url->host)
                    .arg(url->port)
                    .arg(db->m_pgName);
    return db;
}

TestDatabase::~TestDatabase()
{
    if (m_pgName.isEmpty())
        return;
    QString error;
    if (!runAdmin(m_adminConnection,
                  QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName),
                  &error)) {
        qWarning("cannot drop %s: %s", qPrintable(m_pgName), qPrintable(error));
    }
    QSqlDatabase::database(m_adminConnection).close();
    QSqlDatabase::removeDatabase(m_adminConnection);
}

bool TestDatabase::seedDemo(QString *error)
{
    return withStore(m_url, error, [](Database &db, CatalogueStore &catalogue) -> domain::Check {
        auto version = server::migrate(db);
        if (!version)
            return version.error();
        if (auto added = server::seedDemo(catalogue, kDemoPassword); !added)
            return added.error();
        return {};
    });
}

bool TestDatabase::putOfficer(const domain::Officer &officer, const QString &password,
                              QString *error)
{
    return withStore(m_url, error, [&](Database &, CatalogueStore &catalogue) -> domain::Check {
        auto hash = server::hashPassword(password);
        if (!hash)
            return hash.error();
        return catalogue.putOfficer(officer, hash.value());
    });
}

bool TestDatabase::putProcedure(const domain::Procedure &procedure, QString *error)
{
    return withStore(m_url, error, [&](Database &, CatalogueStore &catalogue) {
        return catalogue.putProcedure(procedure);
    });
}

bool TestDatabase::addWorkflow(const domain::Workflow &workflow, QString *error)
{
    return withStore(m_url, error, [&](Database &, CatalogueStore &catalogue) {
        return catalogue.addWorkflowVersion(workflow);
    });
}

bool TestDatabase::putGroup(const domain::OfficerGroup &group, QString *error)
{
    return withStore(m_url, error, [&](Database &, CatalogueStore &catalogue) {
        return catalogue.putGroup(group);
    });
}

bool TestDatabase::putChartSettings(const domain::ChartSettings &settings, QString *error)
{
    return withStore(m_url, error, [&](Database &, CatalogueStore &catalogue) {
        return catalogue.putChartSettings(settings);
    });
}

bool TestDatabase::exec(const QString &statement, QString *error)
{
    return withStore(m_url, error, [&](Database &db, CatalogueStore &) -> domain::Check {
        auto connection = db.connection();
        if (!connection)
            return connection.error();
        QSqlQuery q(connection.value());
        if (!q.exec(statement))
            return domain::makeError(QStringLiteral("test.sql"), q.lastError().text());
        return {};
    });
}

// ---- waiting ----------------------------------------------------------------------------------

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QTest::qSleep(5);
    }
    return true;
}

// ---- ServerProcess ----------------------------------------------------------------------------

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ServerProcess::start(const QString &dbUrl, const QStringList &args,
                          const QHash<QString, QString> &env)
{
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("MOTCUA_DB"));
    environment.remove(QStringLiteral("MOTCUA_LISTEN"));
    environment.remove(QStringLiteral("MOTCUA_DEMO_PASSWORD"));
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process->setProcessEnvironment(environment);
    QStringList all{QStringLiteral("--db"), dbUrl, QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0")};
    all += args;
    m_process->start(motcua::testing::serverPath(), all);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("motcua-server did not start");
        return false;
    }
    static const QRegularExpression listening(
        QStringLiteral("^listening on 127\\.0\\.0\\.1:([0-9]+)$"),
        QRegularExpression::MultilineOption);
    const bool ok = waitFor(
        [&] {
            m_stdout += m_process->readAllStandardOutput();
            m_stderr += m_process->readAllStandardError();
            const auto m = listening.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch())
                m_port = quint16(m.captured(1).toUInt());
            return m_port != 0 || m_process->state() == QProcess::NotRunning;
        },
        60000);
    if (!ok || m_port == 0) {
        m_stderr += m_process->readAllStandardError();
        m_error = QStringLiteral("motcua-server did not print \"listening on\"; stderr:\n%1")
                      .arg(QString::fromUtf8(m_stderr.right(3000)));
        return false;
    }
    return true;
}

bool ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    m_process->terminate();
    const bool finished = m_process->waitForFinished(15000);
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
    return finished && m_process->exitStatus() == QProcess::NormalExit
        && m_process->exitCode() == 0;
}

QByteArray ServerProcess::stderrText()
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

bool TestServer::start(const QString &backend, const QStringList &args,
                       const QHash<QString, QString> &env, bool seed, const Prepare &prepare)
{
    m_db = TestDatabase::create(backend, &m_error);
    if (!m_db)
        return false;
    if (seed && !m_db->seedDemo(&m_error))
        return false;
    if (prepare && !prepare(*m_db, &m_error))
        return false;
    m_process = std::make_unique<ServerProcess>();
    if (!m_process->start(m_db->url(), args, env)) {
        m_error = m_process->startError();
        return false;
    }
    m_client = std::make_unique<Client>(m_process->baseUrl());
    return true;
}

bool TestServer::healthy()
{
    const Reply r = m_client->get(QStringLiteral("/api/v1/health"));
    return r.status == 200
        && r.json.value(QStringLiteral("status")).toString() == QLatin1String("ok");
}

qint64 metricValue(const QByteArray &metrics, const QByteArray &series)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toLongLong();
    }
    return -1;
}

QStringList serverRoutes()
{
    QProcess p;
    p.start(motcua::testing::serverPath(), {QStringLiteral("--print-routes")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QStringList routes;
    for (const QString &line :
         QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() >= 2)
            routes.append(words.at(0) + QLatin1Char(' ') + words.at(1));
    }
    return routes;
}

} // namespace motcua::test

namespace motcua::test {

bool TestDatabase::refuseActionsOf(const QUuid &dossierId, QString *error)
{
    const QString id = dossierId.toString(QUuid::WithoutBraces);
    if (!isPostgres()) {
        return exec(QStringLiteral("CREATE TRIGGER motcua_test_refuse BEFORE INSERT ON actions "
                                   "WHEN NEW.dossier_id = '%1' BEGIN "
                                   "SELECT RAISE(ABORT, 'refused by the test'); END")
                        .arg(id),
                    error);
    }
    return exec(QStringLiteral("CREATE FUNCTION motcua_test_refuse() RETURNS trigger LANGUAGE "
                               "plpgsql AS $$ BEGIN IF NEW.dossier_id = '%1' THEN RAISE "
                               "EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$")
                    .arg(id),
                error)
        && exec(QStringLiteral("CREATE TRIGGER motcua_test_refuse BEFORE INSERT ON actions FOR "
                               "EACH ROW EXECUTE FUNCTION motcua_test_refuse()"),
                error);
}

bool TestDatabase::acceptActionsAgain(QString *error)
{
    if (!isPostgres())
        return exec(QStringLiteral("DROP TRIGGER motcua_test_refuse"), error);
    return exec(QStringLiteral("DROP TRIGGER motcua_test_refuse ON actions"), error)
        && exec(QStringLiteral("DROP FUNCTION motcua_test_refuse()"), error);
}

} // namespace motcua::test
