// The sync engine against the real motcua-server (SQLite and PostgreSQL) and real encrypted
// caches: optimistic local actions pushed and confirmed; two counters, one offline for a while,
// end equal to the server; a conflict on one dossier — the server wins, the loser keeps a conflict
// record; backoff on a timer, a network change syncing at once, a stuck item exposed and cleared;
// the server restarted in the middle of a push.
#include "desk.h"

#include <QJsonArray>

#include <domain/demo.h>
#include <store/database.h>
#include <sync/api_errors.h>

using namespace motcua;
using namespace motcua::test;
using sync::SyncEngine;

namespace {

#define OPEN_DESK(desk) \
    do { \
        QString error_; \
        QVERIFY2((desk).open(&error_), qPrintable(error_)); \
    } while (false)

#define START_ENGINE(desk, user) \
    do { \
        QString error_; \
        QVERIFY2((desk).startEngine(QStringLiteral(user), &error_), qPrintable(error_)); \
        QVERIFY2((desk).syncOnce(), "the first round did not finish"); \
    } while (false)

#define SAME_AS_SERVER(desk, server) \
    do { \
        auto dossiers_ = serverDossiers((server), QStringLiteral("counter1")); \
        QVERIFY2(dossiers_, why(dossiers_)); \
        const QString diff_ = compareWithServer((desk).cache(), dossiers_.value()); \
        QVERIFY2(diff_.isEmpty(), qPrintable((desk).name() + QStringLiteral(": ") + diff_)); \
    } while (false)

qint64 pending(Desk &desk)
{
    return desk.cache().pendingCount().value();
}

// Cache::optimize() ran after a first pull: the planner has statistics.
bool hasPlannerStatistics(Desk &desk)
{
    return desk.cache()
               .database()
               .scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
               .value()
        == 1;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void localActionsArePushedAndConfirmed()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        // A group of the centre: its name reaches the cache with the catalogues.
        domain::OfficerGroup group;
        group.id = QStringLiteral("to-mot-cua");
        group.agencyCode = domain::demo::kCentreCode;
        group.name = QStringLiteral("Tổ một cửa");
        group.memberIds = {QStringLiteral("counter1")};
        QString groupError;
        QVERIFY2(server.db().putGroup(group, &groupError), qPrintable(groupError));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        OPEN_DESK(desk);
        START_ENGINE(desk, "counter1");
        SyncEngine &engine = desk.engine();
        auto groups = desk.cache().catalogueEntries(QStringLiteral("group"));
        QVERIFY(groups);
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().json.value(QStringLiteral("name")).toString(), group.name);
        // The officer's membership came with the account (the engine judges with it).
        auto me = desk.cache().catalogueEntries(QStringLiteral("officer"));
        QVERIFY(std::any_of(me->cbegin(), me->cend(), [](const store::CatalogueEntry &e) {
            return e.key == QLatin1String("counter1")
                && e.json.value(QStringLiteral("groups")).toArray()
                == QJsonArray{QStringLiteral("to-mot-cua")};
        }));
        // The province's document types (the intake forms) and fields came with them.
        auto types = sync::documentTypesFromCache(desk.cache());
        QVERIFY(types);
        QVERIFY(types->contains(QStringLiteral("GCN")));
        QCOMPARE(types->value(QStringLiteral("GCN")).fields.size(), 4);
        auto fields = sync::procedureFieldsFromCache(desk.cache());
        QVERIFY(fields && !fields->isEmpty());
        QCOMPARE(engine.isOnline(), std::optional<bool>(true));
        QVERIFY(engine.lastSync().isValid());
        // The calendar the engine stored is the one every reader of the cache takes (the
        // workstation's due dates used to read another key and so saw no holidays).
        auto calendar = sync::calendarFromCache(desk.cache());
        QVERIFY(calendar);
        QVERIFY(!calendar->decisions().isEmpty());
        auto entries = desk.cache().catalogueEntries(QStringLiteral("calendar"));
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().key, QStringLiteral("national"));
        // The first round leased codes for today (and tomorrow when the server allows it).
        QVERIFY(desk.cache().codesLeft(domain::demo::kCentreCode, vietnamToday()).value() > 0);

        QSignalSpy pendingSpy(&engine, &SyncEngine::pendingCountChanged);
        QSignalSpy changed(&engine, &SyncEngine::dossiersChanged);
        auto d = desk.receive();
        QVERIFY2(d, why(d));
        // Optimistic: visible at once, pending.
        QCOMPARE(desk.cache().dossier(d->id).value()->version, 1);
        QCOMPARE(pending(desk), 1);
        QVERIFY(desk.transfer(d->id));
        QCOMPARE(desk.cache().dossier(d->id).value()->version, 2);

        QVERIFY(desk.syncOnce());
        QCOMPARE(pending(desk), 0);
        QCOMPARE(engine.pendingCount(), 0);
        QVERIFY(!pendingSpy.isEmpty());
        QCOMPARE(pendingSpy.last().first().toLongLong(), 0);
        QVERIFY(!changed.isEmpty());
        auto confirmed = desk.cache().confirmedDossier(d->id);
        QVERIFY(confirmed && confirmed.value());
        QCOMPARE(confirmed.value()->version, 2);
        QVERIFY(desk.cache().conflicts().value().isEmpty());
        SAME_AS_SERVER(desk, server);
    }

    // R04.2: the province's chart comes with the catalogues, and the directory the workstation
    // judges its actions with (offline too) follows it.
    void provinceChartReachesTheWorkstation_R04_2()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        domain::ChartSettings settings;
        // In the standard chart's order, as the server keeps them.
        settings.steps
            = {domain::ChartStep{domain::Stage::AwaitingAssignment,
                                 domain::ActionType::Assign,
                                 true,
                                 {domain::Role::Head}},
               domain::ChartStep{domain::Stage::InAppraisal, domain::ActionType::Consult, false}};
        QString chartError;
        QVERIFY2(server.db().putChartSettings(settings, &chartError), qPrintable(chartError));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        OPEN_DESK(desk);
        START_ENGINE(desk, "counter1");
        auto entries = desk.cache().catalogueEntries(QLatin1String(sync::kChartKind));
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(domain::chartSettingsFromJson(entries->first().json).value(), settings);
        auto directory = sync::directoryFromCache(desk.cache());
        QVERIFY(directory);
        const domain::TransitionChart &chart = directory.value()->chart();
        QVERIFY(!chart.allows(domain::Stage::InAppraisal, domain::ActionType::Consult));
        QVERIFY(chart.allows(domain::Stage::Consulting, domain::ActionType::RecordOpinion));
        QCOMPARE(chart.rolesAt(domain::Stage::AwaitingAssignment, domain::ActionType::Assign),
                 QList<domain::Role>{domain::Role::Head});
    }

    void twoCountersOneOfflineEndEqual()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk a(QStringLiteral("A"), port);
        Desk b(QStringLiteral("B"), port);
        OPEN_DESK(a);
        OPEN_DESK(b);
        START_ENGINE(a, "counter1");
        START_ENGINE(b, "counter2");

        // B loses its link for a while and keeps working.
        QSignalSpy online(&b.engine(), &SyncEngine::onlineChanged);
        b.link().setUp(false);
        QList<QUuid> fromB;
        for (int i = 0; i < 8; ++i) {
            auto d = b.receive();
            QVERIFY2(d, why(d));
            fromB.append(d->id);
        }
        QVERIFY(b.transfer(fromB.first()));
        QVERIFY(waitForCount(online, 1));
        QCOMPARE(online.last().first().toBool(), false);
        QCOMPARE(b.engine().isOnline(), std::optional<bool>(false));

        // A works online meanwhile.
        for (int i = 0; i < 5; ++i) {
            auto d = a.receive();
            QVERIFY2(d, why(d));
            if (i == 0)
                QVERIFY(a.transfer(d->id));
        }
        QVERIFY(a.syncOnce());
        QCOMPARE(pending(a), 0);
        QCOMPARE(pending(b), 9);

        // The link returns: the network change syncs at once (no waiting for the backoff).
        b.link().setUp(true);
        b.engine().setNetworkReachable(false);
        b.engine().setNetworkReachable(true);
        QVERIFY(b.syncOnce());
        QCOMPARE(pending(b), 0);
        QCOMPARE(b.engine().isOnline(), std::optional<bool>(true));
        QVERIFY(a.syncOnce());

        SAME_AS_SERVER(a, server);
        SAME_AS_SERVER(b, server);
        QCOMPARE(a.cache().stats().value().dossiers, 13);
        // B's first sync came after its offline work (a snapshot): every action of its own is
        // confirmed, none is left awaiting confirmation.
        store::SearchQuery unconfirmed;
        unconfirmed.onlyWithPending = true;
        for (Desk *desk : {&a, &b}) {
            QCOMPARE(desk->cache().stats().value().actionsAccepted, 0);
            QCOMPARE(desk->cache().stats().value().actionsPending, 0);
            QCOMPARE(desk->cache().count(unconfirmed).value(), 0);
        }
        QVERIFY(a.cache().conflicts().value().isEmpty());
        QVERIFY(b.cache().conflicts().value().isEmpty());
    }

    // A dossier that another workstation of the agency transfers on: this one learns that it
    // left (before, the agency's feed never showed the transfer and the dossier stayed in its
    // queue as it was).
    void transferOnwardReachesTheAgencyItLeaves()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk centre(QStringLiteral("centre"), port);
        Desk head(QStringLiteral("head"), port);
        Desk leader(QStringLiteral("leader"), port);
        OPEN_DESK(centre);
        OPEN_DESK(head);
        OPEN_DESK(leader);
        START_ENGINE(centre, "counter1");
        START_ENGINE(head, "head1");
        START_ENGINE(leader, "leader1");
        auto d = centre.receive();
        QVERIFY2(d, why(d));
        QVERIFY(centre.transfer(d->id));
        QVERIFY(centre.syncOnce());
        QVERIFY(head.syncOnce());
        QVERIFY(leader.syncOnce());
        store::SearchQuery justice;
        justice.agencyCode = domain::demo::kJusticeCode;
        QCOMPARE(head.cache().count(justice).value(), 1);

        auto onward = leader.transfer(d->id, domain::demo::kCommuneCode, QStringLiteral("VHXH"));
        QVERIFY2(onward, why(onward));
        QVERIFY(leader.syncOnce());
        QCOMPARE(pending(leader), 0);
        QVERIFY(head.syncOnce());
        const auto held = head.cache().dossier(d->id);
        QVERIFY(held && held->has_value());
        QCOMPARE(held->value().handlingAgencyCode, domain::demo::kCommuneCode);
        QCOMPARE(held->value().version, 3);
        QCOMPARE(head.cache().count(justice).value(), 0);
        QVERIFY(head.cache().search(justice).value().items.isEmpty());
        SAME_AS_SERVER(head, server);
        SAME_AS_SERVER(leader, server);
    }

    void conflictServerWinsLoserKeepsARecord()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk a(QStringLiteral("A"), port);
        Desk b(QStringLiteral("B"), port);
        OPEN_DESK(a);
        OPEN_DESK(b);
        START_ENGINE(a, "counter1");
        START_ENGINE(b, "counter1"); // the same officer on two machines
        auto d = a.receive();
        QVERIFY2(d, why(d));
        QVERIFY(a.syncOnce());
        QVERIFY(b.syncOnce());
        QCOMPARE(b.cache().dossier(d->id).value()->version, 1);

        // Both act on version 1 while apart; A reaches the server first.
        b.link().setUp(false);
        auto fromA = a.transfer(d->id);
        auto fromB = b.transfer(d->id);
        QVERIFY2(fromA, why(fromA));
        QVERIFY2(fromB, why(fromB));
        QVERIFY(a.syncOnce());

        QSignalSpy added(&b.engine(), &SyncEngine::conflictsAdded);
        QSignalSpy open(&b.engine(), &SyncEngine::openConflictsChanged);
        b.link().setUp(true);
        QVERIFY(b.syncOnce());
        QCOMPARE(added.count(), 1);
        const auto conflicts = added.first().first().value<QList<store::Conflict>>();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().dossierId, d->id);
        QCOMPARE(conflicts.first().reasonCode, QStringLiteral("action.stale_version"));
        QVERIFY(!conflicts.first().message.isEmpty());
        QCOMPARE(conflicts.first().action.type, domain::ActionType::Transfer);
        QCOMPARE(open.last().first().toLongLong(), 1);
        // Nothing dropped: the conflict is kept; the visible dossier is the server's.
        QCOMPARE(b.cache().conflicts().value().size(), 1);
        QCOMPARE(pending(b), 0);
        SAME_AS_SERVER(a, server);
        SAME_AS_SERVER(b, server);
    }

    void longPullReportsProgress()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk a(QStringLiteral("A"), port);
        OPEN_DESK(a);
        START_ENGINE(a, "counter1");
        for (int i = 0; i < 30; ++i)
            QVERIFY(a.receive());
        QVERIFY(a.syncOnce());

        // A new workstation: its first pull comes in pages, with progress.
        Desk c(QStringLiteral("C"), port);
        OPEN_DESK(c);
        sync::SyncOptions options = Desk::fastOptions();
        options.pullPage = 7;
        options.snapshot = false; // the feed from the start, as before the snapshot
        QString error;
        QVERIFY2(c.startEngine(QStringLiteral("counter2"), &error, options), qPrintable(error));
        QSignalSpy progress(&c.engine(), &SyncEngine::pullProgress);
        QVERIFY(c.syncOnce());
        QCOMPARE(progress.count(), 5); // 7 + 7 + 7 + 7 + 2
        qint64 applied = 0;
        qint64 cursor = 0;
        for (const auto &p : progress) {
            QVERIFY(p.at(0).toLongLong() > applied);
            QVERIFY(p.at(1).toLongLong() > cursor);
            applied = p.at(0).toLongLong();
            cursor = p.at(1).toLongLong();
        }
        QCOMPARE(applied, 30);
        QCOMPARE(c.cache().cursor().value(), cursor);
        QVERIFY(hasPlannerStatistics(c));
        SAME_AS_SERVER(c, server);
    }

    // Issue 4: a new workstation reads the agency's dossiers as they stand, page by page, then the
    // feed from the first page's seq; cut off in the middle, it goes on where it stopped, and what
    // changed meanwhile arrives through the feed.
    void firstSyncReadsTheSnapshotThenTheFeed()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        const quint16 port = server.baseUrl().port();
        Desk a(QStringLiteral("A"), port);
        OPEN_DESK(a);
        START_ENGINE(a, "counter1");
        QList<QUuid> ids;
        for (int i = 0; i < 30; ++i) {
            auto d = a.receive();
            QVERIFY2(d, why(d));
            ids.append(d->id);
        }
        for (int i = 0; i < 4; ++i)
            QVERIFY(a.transfer(ids.at(i)));
        QVERIFY(a.syncOnce());
        QCOMPARE(pending(a), 0);
        const qint64 feedEnd = a.cache().cursor().value();

        // Pages of 7: five pages of dossiers (not the 34 changes), then the feed from the seq.
        Desk c(QStringLiteral("C"), port);
        OPEN_DESK(c);
        sync::SyncOptions options = Desk::fastOptions();
        options.snapshotPage = 7;
        QString error;
        QVERIFY2(c.startEngine(QStringLiteral("counter2"), &error, options), qPrintable(error));
        QSignalSpy progress(&c.engine(), &SyncEngine::pullProgress);
        QVERIFY(c.syncOnce());
        QCOMPARE(progress.count(), 5); // 7 + 7 + 7 + 7 + 2 dossiers
        QCOMPARE(progress.last().at(0).toLongLong(), 30);
        QCOMPARE(progress.last().at(1).toLongLong(), feedEnd);
        QCOMPARE(c.cache().cursor().value(), feedEnd);
        QVERIFY(!c.cache().snapshotProgress().value().has_value());
        QCOMPARE(c.cache().stats().value().dossiers, 30);
        QVERIFY(hasPlannerStatistics(c));
        SAME_AS_SERVER(c, server);
        // Its search index and queues hold the snapshot's dossiers like pulled ones.
        store::SearchQuery byCode;
        byCode.text = a.cache().dossier(ids.at(5)).value()->code;
        QCOMPARE(c.cache().search(byCode).value().items.size(), 1);
        // From then on the feed: a change of A arrives as usual.
        QVERIFY(a.transfer(ids.at(10)));
        QVERIFY(a.syncOnce());
        QVERIFY(c.syncOnce());
        SAME_AS_SERVER(c, server);

        // Cut off after the first page: the progress is kept, the cursor not yet moved.
        Desk d(QStringLiteral("D"), port);
        OPEN_DESK(d);
        QVERIFY2(d.startEngine(QStringLiteral("counter2"), &error, options), qPrintable(error));
        QSignalSpy dProgress(&d.engine(), &SyncEngine::pullProgress);
        QSignalSpy rounds(&d.engine(), &SyncEngine::roundFinished);
        connect(&d.engine(), &SyncEngine::pullProgress, this, [&d] { d.link().setUp(false); });
        d.engine().syncNow();
        QVERIFY(waitForCount(rounds, 1));
        QCOMPARE(rounds.first().at(0).toBool(), false);
        disconnect(&d.engine(), &SyncEngine::pullProgress, this, nullptr);
        QVERIFY(dProgress.count() >= 1);
        const qint64 stored = d.cache().stats().value().dossiers;
        QVERIFY2(stored >= 7 && stored < 30, qPrintable(QString::number(stored)));
        QCOMPARE(d.cache().cursor().value(), 0);
        const auto halfway = d.cache().snapshotProgress();
        QVERIFY2(halfway, why(halfway));
        QVERIFY(halfway.value().has_value());
        QCOMPARE(halfway.value()->seq, a.cache().cursor().value());
        QVERIFY(!QUuid::fromString(halfway.value()->after).isNull());

        // Meanwhile A receives two more and moves one D already holds; D's link returns.
        QVERIFY(a.receive());
        QVERIFY(a.receive());
        QUuid held; // received, not yet transferred, and in the pages D stored
        for (qsizetype i = 4; i < ids.size() && held.isNull(); ++i) {
            if (i != 10 && d.cache().dossier(ids.at(i)).value())
                held = ids.at(i);
        }
        QVERIFY(!held.isNull());
        QVERIFY(a.transfer(held));
        QVERIFY(a.syncOnce());
        d.link().setUp(true);
        QVERIFY(d.syncOnce());
        QVERIFY(!d.cache().snapshotProgress().value().has_value());
        QCOMPARE(d.cache().cursor().value(), a.cache().cursor().value());
        QCOMPARE(d.cache().stats().value().dossiers, 32);
        QCOMPARE(d.cache().dossier(held).value()->stage, domain::Stage::AwaitingAssignment);
        SAME_AS_SERVER(d, server);
    }

    void stuckItemIsExposedAndClears()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        OPEN_DESK(desk);
        START_ENGINE(desk, "counter1");
        SyncEngine &engine = desk.engine();

        desk.link().setUp(false);
        QSignalSpy stuck(&engine, &SyncEngine::stuck);
        QSignalSpy rounds(&engine, &SyncEngine::roundFinished);
        auto d = desk.receive();
        QVERIFY2(d, why(d));
        // Retried on the backoff timer alone: nobody calls syncNow.
        QVERIFY(waitForCount(stuck, 1));
        QVERIFY(rounds.count() >= engine.options().stuckThreshold);
        const auto item = stuck.first().first().value<sync::StuckItem>();
        QVERIFY2(item.key.startsWith(QStringLiteral("action:")), qPrintable(item.key));
        QCOMPARE(item.error.code, QStringLiteral("sync.unreachable"));
        QVERIFY(engine.stuckItem().has_value());
        const auto outbox = desk.cache().pendingActions().value();
        QCOMPARE(outbox.size(), 1);
        QVERIFY(outbox.first().attempts >= engine.options().stuckThreshold);
        QVERIFY(!outbox.first().lastError.isEmpty());

        QSignalSpy unstuck(&engine, &SyncEngine::unstuck);
        desk.link().setUp(true);
        QVERIFY(desk.syncOnce());
        QCOMPARE(unstuck.count(), 1);
        QVERIFY(!engine.stuckItem().has_value());
        QCOMPARE(pending(desk), 0);
        SAME_AS_SERVER(desk, server);
    }

    // The server's database cannot write one action of a batch (server.unavailable): not a
    // verdict, so no conflict and no rollback; it and the actions after it stay pending and go
    // up once the database writes again.
    void unwrittenActionStaysPendingWithoutConflict()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        OPEN_DESK(desk);
        START_ENGINE(desk, "counter1");
        QVERIFY(desk.syncOnce());
        desk.engine().stop();
        QList<QUuid> ids;
        for (int i = 0; i < 3; ++i) {
            auto d = desk.receive();
            QVERIFY2(d, why(d));
            ids.append(d->id);
        }
        QString error;
        QVERIFY2(server.db().refuseActionsOf(ids.at(1), &error), qPrintable(error));
        QVERIFY2(desk.startEngine(QStringLiteral("counter1"), &error), qPrintable(error));
        QSignalSpy rounds(&desk.engine(), &SyncEngine::roundFinished);
        while (rounds.isEmpty() || rounds.last().at(0).toBool())
            QVERIFY(rounds.wait(30000));
        QCOMPARE(rounds.last().at(1).value<domain::Error>().code,
                 QStringLiteral("server.unavailable"));
        QCOMPARE(pending(desk), 2);
        QVERIFY(desk.cache().conflicts().value().isEmpty());

        QVERIFY2(server.db().acceptActionsAgain(&error), qPrintable(error));
        QVERIFY(desk.syncOnce());
        QCOMPARE(pending(desk), 0);
        QVERIFY(desk.cache().conflicts().value().isEmpty());
        auto dossiers = serverDossiers(server, QStringLiteral("counter1"));
        QVERIFY2(dossiers, why(dossiers));
        for (const QUuid &id : ids)
            QVERIFY(dossiers->contains(id));
        SAME_AS_SERVER(desk, server);
    }

    void serverRestartedMidPush()
    {
        MOTCUA_REQUIRE_BACKEND();
        SyncServer server;
        QVERIFY2(server.start(backend), qPrintable(server.error()));
        Desk desk(QStringLiteral("A"), server.baseUrl().port());
        OPEN_DESK(desk);
        sync::SyncOptions options = Desk::fastOptions();
        options.pushBatch = 20;
        options.leaseBlockSize = 200;
        QString error;
        QVERIFY2(desk.startEngine(QStringLiteral("counter1"), &error, options), qPrintable(error));
        QVERIFY(desk.syncOnce());
        desk.engine().stop(); // record offline first, then push them all in batches
        QList<QUuid> ids;
        for (int i = 0; i < 120; ++i) {
            auto d = desk.receive();
            QVERIFY2(d, why(d));
            ids.append(d->id);
        }
        QVERIFY2(desk.startEngine(QStringLiteral("counter1"), &error, options), qPrintable(error));

        // As soon as the first batch is answered, the link drops (the batch on its way, if any, is
        // cut) and the server restarts: the round fails whatever was in flight, and the workstation
        // must neither lose nor repeat an action.
        QSignalSpy rounds(&desk.engine(), &SyncEngine::roundFinished);
        QSignalSpy pendingSpy(&desk.engine(), &SyncEngine::pendingCountChanged);
        QVERIFY(waitForCount(pendingSpy, 1)); // the first batch answered
        desk.link().setUp(false);
        QVERIFY2(server.restart(), qPrintable(server.error()));
        const auto failed = [&rounds] {
            return std::any_of(rounds.cbegin(), rounds.cend(),
                               [](const QList<QVariant> &r) { return !r.at(0).toBool(); });
        };
        while (!failed())
            QVERIFY(rounds.wait(30000));
        QVERIFY(pending(desk) > 0);
        desk.link().setUp(true);
        QVERIFY(desk.syncOnce());
        QCOMPARE(pending(desk), 0);
        QVERIFY(desk.cache().conflicts().value().isEmpty());
        auto dossiers = serverDossiers(server, QStringLiteral("counter1"));
        QVERIFY2(dossiers, why(dossiers));
        for (const QUuid &id : ids) {
            QVERIFY(dossiers->contains(id));
            QCOMPARE(dossiers->value(id).version, 1); // applied exactly once
        }
        SAME_AS_SERVER(desk, server);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "test_sync_engine.moc"
