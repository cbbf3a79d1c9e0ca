// motcua-server: composition root. Reads the configuration, opens and migrates the database,
// optionally seeds the demo province, serves the REST API until SIGTERM or SIGINT.
#include "api_server.h"
#include "demo_seed.h"
#include "json_log.h"
#include "migrations.h"
#include "routes.h"
#include "server_config.h"
#include "server_context.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

using namespace motcua::server;
using namespace motcua::server::http;

namespace {

Q_LOGGING_CATEGORY(lcMain, "motcua.server.main")

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1);
}

// SIGTERM and SIGINT quit the event loop (through a socket pair: nothing else is safe in a
// handler).
void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &byte, 1);
        notifier->setEnabled(false);
        qCInfo(lcMain) << "stopping on signal";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

void printOut(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

QString randomPassword()
{
    static const QString alphabet
        = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    for (;;) {
        QString password;
        for (int i = 0; i < 16; ++i) {
            if (i > 0 && i % 4 == 0)
                password += QLatin1Char('-');
            password += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
        }
        if (checkPasswordPolicy(password))
            return password;
    }
}

void printRoutes()
{
    ServerContext none; // handlers are listed, never called
    const RouteTable table = buildRouteTable(none);
    for (const Route &route : table.routes()) {
        QStringList roles;
        for (const auto role : route.roles)
            roles.append(motcua::domain::roleKey(role));
        printOut(QStringLiteral("%1 %2 %3 %4")
                     .arg(QString::fromLatin1(route.method), route.pattern,
                          route.access == Access::Public ? QStringLiteral("public")
                                                         : QStringLiteral("officer"),
                          roles.isEmpty() ? QStringLiteral("-") : roles.join(QLatin1Char(','))));
    }
}

int fail(const motcua::domain::Error &error)
{
    qCCritical(lcMain).noquote() << error.message;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("motcua-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        printOut(serverUsage());
        return 0;
    }
    if (args.contains(QStringLiteral("--version"))) {
        printOut(QStringLiteral("motcua-server %1").arg(QStringLiteral(MOTCUA_VERSION)));
        return 0;
    }

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    auto config = loadServerConfig(args, QProcessEnvironment::systemEnvironment(),
                                   QStringLiteral("sqlite:%1/motcua.db").arg(dataDir));
    if (!config) {
        printErr(QStringLiteral("motcua-server: %1").arg(config.error().message));
        printErr(serverUsage());
        return 2;
    }
    if (config->printRoutes) {
        printRoutes();
        return 0;
    }
    installJsonLogging(config->logLevel);

    auto url = DbUrl::parse(config->dbUrl);
    if (!url) {
        printErr(QStringLiteral("motcua-server: %1").arg(url.error().message));
        return 2;
    }
    if (url->kind == DbUrl::Kind::Sqlite)
        QDir().mkpath(QFileInfo(url->path).absolutePath());

    auto ctx = ServerContext::create(config.value(), std::make_unique<Database>(url.value()));
    qCInfo(lcMain).noquote() << "database" << url->toDisplayString();
    if (auto st = ctx->db->open(); !st)
        return fail(st.error());
    auto version = migrate(*ctx->db);
    if (!version)
        return fail(version.error());
    qCInfo(lcMain) << "schema version" << version.value();

    if (config->demo) {
        QString password = qEnvironmentVariable("MOTCUA_DEMO_PASSWORD");
        const bool generated = password.isEmpty();
        if (generated)
            password = randomPassword();
        auto officersAdded = seedDemo(*ctx->catalogue, password);
        if (!officersAdded)
            return fail(officersAdded.error());
        qCInfo(lcMain) << "demo data seeded";
        // stdout only, never the log
        if (generated && officersAdded.value() > 0)
            printOut(QStringLiteral("demo password: %1").arg(password));
        else if (generated)
            printOut(QStringLiteral("demo accounts already exist: their password is the one "
                                    "printed when they were created (motcuactl user passwd "
                                    "sets a new one)"));
    }

    ApiServer server(*ctx);
    auto port = server.listen(config->listenAddress, config->listenPort);
    if (!port)
        return fail(port.error());
    ServerConfig bound = config.value();
    bound.listenPort = port.value();
    installSignalHandlers(app);
    qCInfo(lcMain).noquote() << "listening on" << bound.listenDisplay() << "with"
                             << bound.workerThreads() << "worker threads";
    printOut(QStringLiteral("listening on %1").arg(bound.listenDisplay()));

    const int rc = QCoreApplication::exec();
    qCInfo(lcMain) << "stopped";
    return rc;
}
