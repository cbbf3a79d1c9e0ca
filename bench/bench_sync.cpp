// motcua-bench-sync: the initial sync of a new workstation from a local motcua-server — N dossiers
// of 10 actions each (100k dossiers / 1M actions by default) pulled through the real REST API into
// a fresh encrypted cache by the sync engine on its worker thread, as the client does: the
// agency's dossiers as they stand (the snapshot), or with --feed every change from the start.
// Prints the time, the rate, this process's peak RSS and the server's. The server database is made
// once by motcua-bench-syncgen and reused.
//   build/bench/motcua-bench-sync [--dossiers N] [--dir DIR] [--page 1000] [--snapshot-page 1000]
//                                 [--feed] [--server PATH]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <store/cache.h>
#include <sync/sync_engine.h>

#include <cstdio>

using namespace motcua;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench-sync: %s\n", qPrintable(message));
    std::exit(1);
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Peak resident set of a process, in MiB (Linux; 0 elsewhere).
double peakRssMiB(qint64 pid = 0)
{
    QFile status(pid ? QStringLiteral("/proc/%1/status").arg(pid)
                     : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// CPU seconds (user + system) a process has used so far (Linux; 0 elsewhere).
double cpuSeconds(qint64 pid = 0)
{
    QFile stat(pid ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / 100.0;
}

QString cpuModel()
{
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

void ensureServerDatabase(const QString &path, qint64 dossiers)
{
    if (QFile::exists(path))
        return;
    say(QStringLiteral("generating %1 dossiers into %2 (once)…").arg(dossiers).arg(path));
    const QString building = path + QStringLiteral(".building");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(building + QString::fromLatin1(suffix));
    QProcess gen;
    gen.setProcessChannelMode(QProcess::ForwardedChannels);
    gen.start(QStringLiteral(MOTCUA_SYNCGEN_PATH),
              {QStringLiteral("--db"), QStringLiteral("sqlite:") + building,
               QStringLiteral("--dossiers"), QString::number(dossiers)});
    if (!gen.waitForFinished(-1) || gen.exitCode() != 0)
        die(QStringLiteral("motcua-bench-syncgen failed"));
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(building + QString::fromLatin1(suffix));
    if (!QFile::rename(building, path))
        die(QStringLiteral("cannot rename %1").arg(building));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("dossiers"), QStringLiteral("dossiers"), QStringLiteral("n"),
          QStringLiteral("100000")},
         {QStringLiteral("dir"), QStringLiteral("work folder"), QStringLiteral("dir"),
          QDir::temp().filePath(QStringLiteral("motcua-bench-sync"))},
         {QStringLiteral("page"), QStringLiteral("changes per pull"), QStringLiteral("n"),
          QStringLiteral("1000")},
         {QStringLiteral("snapshot-page"), QStringLiteral("dossiers per snapshot page"),
          QStringLiteral("n"), QStringLiteral("1000")},
         {QStringLiteral("feed"), QStringLiteral("the whole feed from the start (no snapshot)")},
         {QStringLiteral("password"), QStringLiteral("demo password"), QStringLiteral("pw"),
          QStringLiteral("Demo-Passw0rd-2026")},
         {QStringLiteral("server"), QStringLiteral("the motcua-server program to run"),
          QStringLiteral("path"), QStringLiteral(MOTCUA_SERVER_PATH)}});
    parser.process(app);
    const qint64 dossiers = parser.value(QStringLiteral("dossiers")).toLongLong();
    const QDir dir(parser.value(QStringLiteral("dir")));
    QDir().mkpath(dir.path());
    const QString serverDb = dir.filePath(QStringLiteral("server-%1.db").arg(dossiers));
    ensureServerDatabase(serverDb, dossiers);

    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(parser.value(QStringLiteral("server")),
                 {QStringLiteral("--db"), QStringLiteral("sqlite:") + serverDb,
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--log-level"), QStringLiteral("info")});
    // A fresh server reads every dossier for its statistics index once, on a worker thread: the
    // sync starts after that (it logs the read for more than 1,000 dossiers), so the figure is
    // the workstation's and not the server's start.
    QByteArray out;
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch m;
    const auto ready = [&] {
        m = listening.match(QString::fromUtf8(out));
        return m.hasMatch() && (dossiers <= 1000 || out.contains("statistics index: read"));
    };
    while (!ready()) {
        if (!server.waitForReadyRead(600000))
            die(QStringLiteral("motcua-server did not start: ")
                + QString::fromUtf8(out.right(2000)));
        out += server.readAll();
    }
    QObject::connect(&server, &QProcess::readyRead, &server, [&server] { server.readAll(); });

    const QString profile
        = dir.filePath(QStringLiteral("client-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    QByteArray key(store::Cache::kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);

    sync::SyncOptions options;
    options.api.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1)));
    options.api.timeoutMs = 120000;
    options.pullPage = parser.value(QStringLiteral("page")).toInt();
    options.snapshot = !parser.isSet(QStringLiteral("feed"));
    options.snapshotPage = parser.value(QStringLiteral("snapshot-page")).toInt();
    options.pollIntervalMs = 0;
    sync::ApiClient login(options.api);
    auto *call = login.login(QStringLiteral("counter1"), parser.value(QStringLiteral("password")));
    QEventLoop wait;
    QObject::connect(call, &sync::ApiCall::finished, &wait, &QEventLoop::quit);
    wait.exec();
    if (!call->result())
        die(call->result().error().message);

    QThread worker;
    auto *engine = new sync::SyncEngine(
        options, [profile, key] { return store::Cache::open(profile, key); });
    engine->moveToThread(&worker);
    QObject::connect(&worker, &QThread::finished, engine, &QObject::deleteLater);
    QElapsedTimer timer;
    qint64 applied = 0;
    qint64 lastReport = 0;
    QObject::connect(engine, &sync::SyncEngine::pullProgress, &app, [&](qint64 n, qint64) {
        applied = n;
        if (timer.elapsed() - lastReport >= 5000) {
            lastReport = timer.elapsed();
            say(QStringLiteral("  %1 dossiers or changes, %2/s, RSS %3 MiB")
                    .arg(n)
                    .arg(double(n) * 1000.0 / double(timer.elapsed()), 0, 'f', 0)
                    .arg(peakRssMiB(), 0, 'f', 0));
        }
    });
    QObject::connect(engine, &sync::SyncEngine::roundFinished, &app,
                     [&](bool ok, const domain::Error &error) {
                         if (!ok)
                             die(QStringLiteral("sync failed: ") + error.code + QLatin1Char(' ')
                                 + error.message);
                         app.quit();
                     });
    worker.start();
    QMetaObject::invokeMethod(engine, &sync::SyncEngine::start);
    const sync::Session session = call->result().value();
    const double clientCpuAtStart = cpuSeconds();
    const double serverCpuAtStart = cpuSeconds(server.processId());
    timer.start();
    QMetaObject::invokeMethod(engine, [engine, session] { engine->setSession(session); });
    app.exec();
    const double seconds = double(timer.elapsed()) / 1000.0;
    const double clientRss = peakRssMiB();
    const double serverRss = peakRssMiB(server.processId());
    const double clientCpu = cpuSeconds() - clientCpuAtStart;
    const double serverCpu = cpuSeconds(server.processId()) - serverCpuAtStart;
    worker.quit();
    worker.wait();

    auto cache = store::Cache::open(profile, key);
    if (!cache)
        die(cache.error().message);
    const auto stats = cache.value()->stats().value();
    say(QStringLiteral("initial sync (%1) of %2 dossiers, %3 actions stored: %4 s, %5 %6/s")
            .arg(options.snapshot ? QStringLiteral("snapshot, then the feed")
                                  : QStringLiteral("the whole feed"))
            .arg(stats.dossiers)
            .arg(stats.actionsConfirmed)
            .arg(seconds, 0, 'f', 1)
            .arg(double(applied) / seconds, 0, 'f', 0)
            .arg(options.snapshot ? QStringLiteral("dossiers") : QStringLiteral("changes")));
    say(QStringLiteral("CPU: client %1 s, server %2 s")
            .arg(clientCpu, 0, 'f', 1)
            .arg(serverCpu, 0, 'f', 1));
    say(QStringLiteral("peak RSS: client %1 MiB, server %2 MiB; cache file %3 MiB")
            .arg(clientRss, 0, 'f', 0)
            .arg(serverRss, 0, 'f', 0)
            .arg(double(stats.fileBytes) / 1048576.0, 0, 'f', 0));
    say(QStringLiteral("machine: %1, %2 cores, %3; %4")
            .arg(cpuModel())
            .arg(QThread::idealThreadCount())
            .arg(QSysInfo::prettyProductName(), QDate::currentDate().toString(Qt::ISODate)));
    server.terminate();
    server.waitForFinished(30000);
    // The snapshot brings each dossier as it stands (its trail holds the history); the feed
    // brings every action as well.
    if (stats.dossiers != dossiers
        || stats.actionsConfirmed != (options.snapshot ? 0 : dossiers * 10))
        die(QStringLiteral("the cache does not hold everything"));
    return 0;
}
