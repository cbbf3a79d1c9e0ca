// A counter workstation killed with SIGKILL in the middle of a push and in the middle of a pull,
// again and again (tests/sync/sync_child in a process of its own, on one profile), while another
// workstation keeps the feed busy; then restarted until it is done. Every action recorded is on the
// server exactly once, none is lost, and the cache equals the server. SQLite and PostgreSQL.
#include "desk.h"
#include "testpaths.h"

#include <QProcess>
#include <QRandomGenerator>

#include <domain/demo.h>

using namespace motcua;
using namespace motcua::test;

namespace {

constexpr int kKillCycles = 24;

class Child
{
public:
    Child(const SyncServer &server, const Desk &desk)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MOTCUA_SYNC_CHILD_KEY"),
                   QString::fromLatin1(desk.key().toHex()));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("motcua.*=false"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(motcua::testing::testPath("MOTCUA_SYNC_CHILD_PATH"),
                        {QStringLiteral("--server"), server.baseUrl().toString(),
                         QStringLiteral("--profile"), desk.profileDir(), QStringLiteral("--user"),
                         QStringLiteral("counter1"), QStringLiteral("--password"), kDemoPassword,
                         QStringLiteral("--count"), QStringLiteral("12"),
                         QStringLiteral("--push-batch"), QStringLiteral("2"),
                         QStringLiteral("--pull-page"), QStringLiteral("3")});
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // Waits for the `skip`-th next line starting with `prefix`; false when the child ended or the
    // time ran out first.
    bool waitFor(const QString &prefix, int skip, int timeoutMs = 60000)
    {
        QDeadlineTimer deadline(timeoutMs);
        int seen = 0;
        for (;;) {
            while (m_process.canReadLine()) {
                const QString line = take(m_process.readLine());
                if (line.startsWith(prefix) && seen++ >= skip)
                    return true;
            }
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
                return false;
            QSignalSpy ready(&m_process, &QProcess::readyReadStandardOutput);
            ready.wait(int(qMax<qint64>(1, deadline.remainingTime())));
        }
    }

    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
        drain();
    }
    bool finishedCleanly()
    {
        m_process.waitForFinished(60000);
        drain();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    [[nodiscard]] QString tail() const
    {
        return m_lines.mid(qMax(0, int(m_lines.size()) - 15)).join(QLatin1Char('\n'))
            + QStringLiteral("\nstderr: ") + QString::fromUtf8(m_stderr.right(2000));
    }

    QList<QUuid> recorded;
    QString error;

private:
    QString take(const QByteArray &raw)
    {
        const QString line = QString::fromUtf8(raw).trimmed();
        m_lines.append(line);
        if (line.startsWith(QLatin1String("recorded ")))
            recorded.append(QUuid(line.mid(9)));
        if (line.startsWith(QLatin1String("error ")))
            error = line;
        return line;
    }
    void drain()
    {
        m_stderr += m_process.readAllStandardError();
        while (m_process.canReadLine())
            take(m_process.readLine());
        // A line cut short by the kill is not a line: "recorded" is printed after the commit.
    }

    QProcess m_process;
    QStringList m_lines;
    QByteArray m_stderr;
};

} // namespace

class TestSyncKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void killedMidPushAndMidPull()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk victim(QStringLiteral("victim"), port); // the child's profile; opened at the end
        Desk other(QStringLiteral("other"), port);   // keeps the feed busy
        QString error;
        QVERIFY2(other.open(&error), qPrintable(error));
        QVERIFY2(other.startEngine(QStringLiteral("counter2"), &error), qPrintable(error));
        QVERIFY(other.syncOnce());

        QList<QUuid> recorded;
        int pushKills = 0;
        int pullKills = 0;
        for (int cycle = 0; pushKills + pullKills < kKillCycles && cycle < 3 * kKillCycles;
             ++cycle) {
            const bool midPull = cycle % 2 == 1;
            if (midPull) { // something to pull: intakes at the other counter
                for (int i = 0; i < 5; ++i)
                    QVERIFY(other.receive());
                QVERIFY(other.syncOnce());
            }
            Child child(server, victim);
            const int skip = QRandomGenerator::global()->bounded(3);
            bool reached = false;
            if (midPull)
                reached = child.waitFor(QStringLiteral("pulled "), skip);
            else if (child.waitFor(QStringLiteral("phase Pushing"), 0))
                reached = skip == 0 || child.waitFor(QStringLiteral("pending "), skip - 1);
            child.kill();
            if (qEnvironmentVariableIsSet("MOTCUA_KILL_TRACE"))
                qInfo().noquote() << (midPull ? "pull" : "push") << skip << reached << child.tail();
            QVERIFY2(child.error.isEmpty(), qPrintable(child.tail()));
            recorded += child.recorded;
            if (reached)
                ++(midPull ? pullKills : pushKills);
        }
        QVERIFY2(
            pushKills >= 10 && pullKills >= 10,
            qPrintable(
                QStringLiteral("%1 kills mid-push, %2 mid-pull").arg(pushKills).arg(pullKills)));

        // Restarted once more, left alone: it finishes its work.
        Child last(server, victim);
        QVERIFY2(last.waitFor(QStringLiteral("synced"), 0, 120000), qPrintable(last.tail()));
        QVERIFY2(last.finishedCleanly(), qPrintable(last.tail()));
        recorded += last.recorded;
        QVERIFY(other.syncOnce());

        // The server: every recorded action exactly once; every dossier's version is the number
        // of its actions in the feed (nothing applied twice).
        auto client = loggedInClient(server, QStringLiteral("counter1"), &error);
        QVERIFY2(client, qPrintable(error));
        QHash<QUuid, int> timesSeen;
        QHash<QUuid, int> actionsOf;
        QHash<QUuid, domain::Dossier> dossiers;
        for (qint64 after = 0;;) {
            auto page = await(client->changes(after, 1000));
            QVERIFY2(page, why(page));
            for (const auto &c : page->changes) {
                ++timesSeen[c.action.id];
                ++actionsOf[c.dossier.id];
                dossiers.insert(c.dossier.id, c.dossier);
            }
            after = page->nextAfter;
            if (!page->more)
                break;
        }
        QVERIFY(recorded.size() >= kKillCycles);
        for (const QUuid &id : std::as_const(recorded))
            QCOMPARE(timesSeen.value(id), 1);
        for (auto it = dossiers.cbegin(); it != dossiers.cend(); ++it)
            QCOMPARE(it.value().version, actionsOf.value(it.key()));

        // The cache: nothing pending or waiting, no conflict, intact, equal to the server.
        QVERIFY2(victim.open(&error), qPrintable(error));
        store::Cache &cache = victim.cache();
        QCOMPARE(cache.pendingCount().value(), 0);
        const auto stats = cache.stats().value();
        QCOMPARE(stats.actionsAccepted, 0);
        // Its own actions all confirmed; of the others, those the feed brought after its first
        // sync's snapshot (the snapshot brings dossiers as they stand, not their actions).
        QVERIFY2(stats.actionsConfirmed >= qint64(recorded.size())
                     && stats.actionsConfirmed <= qint64(timesSeen.size()),
                 qPrintable(QStringLiteral("%1 confirmed, %2 recorded here, %3 in the feed")
                                .arg(stats.actionsConfirmed)
                                .arg(recorded.size())
                                .arg(timesSeen.size())));
        QVERIFY(cache.conflicts().value().isEmpty());
        const auto problems = cache.integrityCheck(false);
        QVERIFY2(
            problems && problems->isEmpty(),
            qPrintable(problems ? problems->join(QLatin1Char('\n')) : problems.error().message));
        const QString diff = compareWithServer(cache, dossiers);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        qInfo("%d kills mid-push, %d mid-pull, %lld actions recorded by the killed counter",
              pushKills, pullKills, qint64(recorded.size()));
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "test_sync_kill.moc"
