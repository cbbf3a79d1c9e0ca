// sync_child: a counter workstation in a process of its own, for the SIGKILL tests. It opens the
// profile's cache (key in MOTCUA_SYNC_CHILD_KEY, hex), runs the sync engine on a worker thread as
// the client does, records `--count` actions (intakes and transfers of its own dossiers) while the
// engine pushes and pulls, and reports on stdout, one line each:
//   recorded <action uuid>   committed to the cache
//   phase <Phase>            the engine's phase
//   pending <n>              the pending count changed (a batch was answered)
//   pulled <applied> <cursor>
//   round ok | round fail <code>
//   synced                   every action recorded and a round ended with nothing pending; exit 0
// The test kills it (SIGKILL) at those points and starts it again on the same profile.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <domain/demo.h>
#include <domain/workcalendar.h>
#include <store/cache.h>
#include <sync/sync_engine.h>

#include <cstdio>

using namespace motcua;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    say(QStringLiteral("error ") + message);
    std::exit(1);
}

QDate today()
{
    return domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date();
}

class Recorder : public QObject
{
public:
    Recorder(store::Cache &cache, sync::SyncEngine *engine, QString officer, int count)
        : m_cache(cache)
        , m_engine(engine)
        , m_officer(std::move(officer))
        , m_left(count)
    {
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, &Recorder::step);
    }
    void start() { m_timer.start(); }
    [[nodiscard]] bool done() const { return m_left == 0; }

private:
    void step()
    {
        if (m_left == 0) {
            m_timer.stop();
            return;
        }
        auto directory = sync::directoryFromCache(m_cache);
        if (!directory || !directory.value()->officer(m_officer))
            return; // no catalogues yet: the engine's first round brings them
        domain::Action a;
        a.id = QUuid::createUuid();
        a.actorId = m_officer;
        const bool transfer = !m_received.isEmpty() && QRandomGenerator::global()->bounded(3) == 0;
        auto st = m_cache.transaction([&]() -> domain::Check {
            if (transfer) {
                a.dossierId = m_received.takeFirst();
                a.type = domain::ActionType::Transfer;
                a.baseVersion = 1;
                a.payload = {{QStringLiteral("agencyCode"), domain::demo::kJusticeCode},
                             {QStringLiteral("departmentId"), QStringLiteral("HCTP")}};
            } else {
                auto code = m_cache.takeNextCode(domain::demo::kCentreCode, today());
                if (!code)
                    return code.error();
                domain::Action receive = domain::demo::exampleReceive();
                a.dossierId = QUuid::createUuid();
                a.type = receive.type;
                a.payload = receive.payload;
                a.payload.insert(QStringLiteral("code"), code->code);
                a.payload.insert(QStringLiteral("publicToken"), a.id.toString(QUuid::Id128));
            }
            auto d = m_cache.recordAction(a, *directory.value());
            if (!d)
                return d.error();
            return {};
        });
        if (!st) {
            if (st.error().code == QLatin1String("code.no_block"))
                return; // wait for the engine to lease a block
            die(st.error().code + QStringLiteral(": ") + st.error().message);
        }
        say(QStringLiteral("recorded ") + a.id.toString(QUuid::WithoutBraces));
        if (!transfer)
            m_received.append(a.dossierId);
        --m_left;
        QMetaObject::invokeMethod(m_engine, &sync::SyncEngine::localActionsRecorded);
    }

    store::Cache &m_cache;
    sync::SyncEngine *m_engine;
    QString m_officer;
    int m_left;
    QList<QUuid> m_received;
    QTimer m_timer;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("server"), QStringLiteral("base URL"), QStringLiteral("url")},
         {QStringLiteral("profile"), QStringLiteral("profile dir"), QStringLiteral("dir")},
         {QStringLiteral("user"), QStringLiteral("username"), QStringLiteral("name")},
         {QStringLiteral("password"), QStringLiteral("password"), QStringLiteral("pw")},
         {QStringLiteral("count"), QStringLiteral("actions"), QStringLiteral("n")},
         {QStringLiteral("push-batch"), QStringLiteral("n"), QStringLiteral("n")},
         {QStringLiteral("pull-page"), QStringLiteral("n"), QStringLiteral("n")}});
    parser.process(app);
    const QByteArray key = QByteArray::fromHex(qgetenv("MOTCUA_SYNC_CHILD_KEY"));
    const QString profile = parser.value(QStringLiteral("profile"));

    auto cache = store::Cache::open(profile, key);
    if (!cache)
        die(cache.error().code);

    sync::SyncOptions options;
    options.api.baseUrl = QUrl(parser.value(QStringLiteral("server")));
    options.api.timeoutMs = 15000;
    options.backoff = {20, 200, 2.0, 0.5};
    options.pollIntervalMs = 0;
    options.localChangeDelayMs = 5;
    options.pushBatch = parser.value(QStringLiteral("push-batch")).toInt();
    options.pullPage = parser.value(QStringLiteral("pull-page")).toInt();
    options.leaseBlockSize = 100;
    options.leaseLowWater = 40;

    sync::ApiClient login(options.api);
    auto *call = login.login(parser.value(QStringLiteral("user")),
                             parser.value(QStringLiteral("password")));
    QEventLoop wait;
    QObject::connect(call, &sync::ApiCall::finished, &wait, &QEventLoop::quit);
    wait.exec();
    if (!call->result())
        die(call->result().error().code);
    const sync::Session session = call->result().value();

    QThread worker;
    auto *engine = new sync::SyncEngine(
        options, [profile, key] { return store::Cache::open(profile, key); });
    engine->moveToThread(&worker);
    QObject::connect(&worker, &QThread::finished, engine, &QObject::deleteLater);

    Recorder recorder(*cache.value(), engine, session.officer.id,
                      parser.value(QStringLiteral("count")).toInt());
    bool idle = false;
    const auto finishIfDone = [&] {
        if (recorder.done() && idle) {
            say(QStringLiteral("synced"));
            worker.quit();
            worker.wait();
            cache.value().reset();
            std::exit(0);
        }
    };
    QObject::connect(engine, &sync::SyncEngine::phaseChanged, &app, [](sync::SyncEngine::Phase p) {
        say(QStringLiteral("phase ")
            + QString::fromLatin1(
                QMetaEnum::fromType<sync::SyncEngine::Phase>().valueToKey(int(p))));
    });
    QObject::connect(engine, &sync::SyncEngine::pendingCountChanged, &app,
                     [](qint64 n) { say(QStringLiteral("pending %1").arg(n)); });
    QObject::connect(engine, &sync::SyncEngine::pullProgress, &app,
                     [](qint64 applied, qint64 cursor) {
                         say(QStringLiteral("pulled %1 %2").arg(applied).arg(cursor));
                     });
    QObject::connect(engine, &sync::SyncEngine::startFailed, &app,
                     [](const domain::Error &e) { die(e.code); });
    QObject::connect(
        engine, &sync::SyncEngine::roundFinished, &app, [&](bool ok, const domain::Error &e) {
            say(ok ? QStringLiteral("round ok") : QStringLiteral("round fail ") + e.code);
            auto pending = cache.value()->pendingCount();
            idle = ok && pending && pending.value() == 0;
            finishIfDone();
            if (recorder.done() && !idle && ok)
                QMetaObject::invokeMethod(engine, &sync::SyncEngine::syncNow);
        });
    worker.start();
    QMetaObject::invokeMethod(engine, &sync::SyncEngine::start);
    QMetaObject::invokeMethod(engine, [engine, session] { engine->setSession(session); });
    recorder.start();
    return app.exec();
}
