// Pushes are judged by the engine before the transaction (on SQLite, before the writer lock; a
// batch's actions on several threads) and written only if the dossier is still at the version they
// were judged against. One
// test makes another connection commit a competing action on the same dossier exactly between
// that judgement and the write, and checks that the late action is judged again against the
// dossier as committed (and so refused as stale) instead of being written over the other one.
// Another pushes a batch mixing new dossiers, later actions on them, a duplicate code and a
// resent action, on both backends, and checks every answer.
#include "fixtures.h"
#include "testdb.h"

#include <QTest>
#include <QThread>

#include <catalogue_store.h>
#include <domain/demo.h>
#include <sync_store.h>

#include <atomic>
#include <functional>
#include <latch>
#include <memory>
#include <utility>

using namespace motcua;
using namespace motcua::server;
using Status = PushOutcome::Status;

namespace {

// The catalogue's directory, calling `hook` once, on the first lookup of any kind (the engine looks
// the catalogues up while it judges an action, after the dossier was read) — with `agencyCode`,
// on the first lookup of that agency (a transfer's judgement looks up the agency it transfers to).
class HookedDirectory final : public domain::ForwardingDirectory
{
public:
    HookedDirectory(const domain::Directory &base, std::function<void()> hook,
                    QString agencyCode = {})
        : ForwardingDirectory(base)
        , m_hook(std::move(hook))
        , m_agencyCode(std::move(agencyCode))
    {}
    [[nodiscard]] std::optional<domain::Officer> officer(const QString &id) const override
    {
        fire();
        return ForwardingDirectory::officer(id);
    }
    [[nodiscard]] std::optional<domain::Procedure> procedure(const QString &code) const override
    {
        fire();
        return ForwardingDirectory::procedure(code);
    }
    [[nodiscard]] std::optional<domain::Agency> agency(const QString &code) const override
    {
        fire(code);
        return ForwardingDirectory::agency(code);
    }
    [[nodiscard]] const domain::WorkCalendar &calendar(const QString &agencyCode) const override
    {
        fire();
        return ForwardingDirectory::calendar(agencyCode);
    }
    [[nodiscard]] std::optional<domain::Workflow> workflow(const QString &id,
                                                           int version) const override
    {
        fire();
        return ForwardingDirectory::workflow(id, version);
    }
    [[nodiscard]] const domain::TransitionChart &chart() const override
    {
        fire();
        return ForwardingDirectory::chart();
    }

private:
    void fire(const QString &agencyCode = {}) const
    {
        if (m_hook && (m_agencyCode.isEmpty() || agencyCode == m_agencyCode)) {
            const auto hook = std::exchange(m_hook, nullptr);
            hook();
        }
    }

    mutable std::function<void()> m_hook;
    const QString m_agencyCode;
};

// The catalogue's directory, counting the lookups of a workflow's latest version (from any thread).
class CountingDirectory final : public domain::ForwardingDirectory
{
public:
    using ForwardingDirectory::ForwardingDirectory;
    [[nodiscard]] std::optional<domain::Workflow> workflow(const QString &id,
                                                           int version) const override
    {
        if (version <= 0)
            ++latestAsked;
        return ForwardingDirectory::workflow(id, version);
    }
    mutable std::atomic<int> latestAsked{0};
};

// How many transactions wrote the answers to `actions` (PostgreSQL: their rows' distinct xmin).
int transactionsOf(Database &db, const QList<domain::Action> &actions)
{
    QStringList ids;
    for (const domain::Action &a : actions)
        ids.append(QLatin1Char('\'') + a.id.toString(QUuid::WithoutBraces) + QLatin1Char('\''));
    int count = -1;
    const auto st = db.read([&](QSqlDatabase &c) -> Check {
        Sql q(c,
              QStringLiteral("SELECT count(DISTINCT xmin::text), count(*) FROM push_outcomes "
                             "WHERE action_id IN (%1)")
                  .arg(ids.join(QLatin1Char(','))));
        if (auto done = q.exec(); !done)
            return done;
        if (q.next() && q.integer(1) == actions.size())
            count = int(q.integer(0));
        return {};
    });
    return st ? count : -1;
}

} // namespace

class TestServerSyncAhead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void actionJudgedAheadIsJudgedAgainWhenTheDossierMoved()
    {
        MOTCUA_TEST_DB(t);
        if (t.isPostgres())
            QSKIP("PostgreSQL judges an action inside its transaction, with the dossier locked");
        auto db = t.open();
        CatalogueStore catalogue(*db);
        QVERIFY(test::seedCatalogue(catalogue));
        DbDirectory directory(catalogue);
        SyncStore plain(*db, directory);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));

        const domain::Action receive = test::centreReceive(1);
        QCOMPARE(plain.pushOne(receive, counter).status, Status::Accepted);
        // Two transfers made against version 1 on two devices.
        const domain::Action late = test::transferToJustice(receive);
        const domain::Action first = test::transferToJustice(receive);

        PushOutcome competing;
        HookedDirectory hooked(directory, [&] {
            // `late` has been read at version 1 and is being judged: `first` commits meanwhile,
            // from another thread (its own connection).
            std::unique_ptr<QThread> other(
                QThread::create([&] { competing = plain.pushOne(first, counter); }));
            other->start();
            other->wait();
        });
        SyncStore judgedAhead(*db, hooked);
        const PushOutcome outcome = judgedAhead.pushOne(late, counter);

        QCOMPARE(competing.status, Status::Accepted);
        QCOMPARE(competing.version, 2);
        QCOMPARE(outcome.status, Status::Rejected);
        QCOMPARE(outcome.reasonCode, QStringLiteral("action.stale_version"));
        QCOMPARE(outcome.version, 2);

        auto dossier = plain.dossier(receive.dossierId);
        QVERIFY(dossier && dossier.value());
        QCOMPARE(dossier.value()->version, 2);
        QVERIFY(dossier.value()->hasApplied(first.id));
        QVERIFY(!dossier.value()->hasApplied(late.id));
        auto feed = plain.changes(0, 10, counter);
        QVERIFY(feed);
        QCOMPARE(feed->changes.size(), 2);
        QCOMPARE(feed->changes.at(1).action.id, first.id);
        auto audit = verifyAuditChain(*db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // The same race in a batch, on both backends: the competing action commits while the batch's
    // transfer is being judged, before the batch's transaction.
    void actionJudgedAheadInABatchIsJudgedAgainWhenTheDossierMoved()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore catalogue(*db);
        QVERIFY(test::seedCatalogue(catalogue));
        DbDirectory directory(catalogue);
        SyncStore plain(*db, directory);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        const domain::Action receive = test::centreReceive(1);
        QCOMPARE(plain.pushOne(receive, counter).status, Status::Accepted);
        const domain::Action late = test::transferToJustice(receive);
        const domain::Action first = test::transferToJustice(receive);

        PushOutcome competing;
        HookedDirectory hooked(
            directory,
            [&] {
                std::unique_ptr<QThread> other(
                    QThread::create([&] { competing = plain.pushOne(first, counter); }));
                other->start();
                other->wait();
            },
            domain::demo::kJusticeCode);
        SyncStore judgedAhead(*db, hooked);
        const QList<PushOutcome> out = judgedAhead.push({test::centreReceive(2), late}, counter);

        QCOMPARE(competing.status, Status::Accepted);
        QCOMPARE(competing.version, 2);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).status, Status::Accepted);
        QCOMPARE(out.at(1).status, Status::Rejected);
        QCOMPARE(out.at(1).reasonCode, QStringLiteral("action.stale_version"));
        auto dossier = plain.dossier(receive.dossierId);
        QVERIFY(dossier && dossier.value());
        QCOMPARE(dossier.value()->version, 2);
        QVERIFY(!dossier.value()->hasApplied(late.id));
        auto audit = verifyAuditChain(*db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // A receive pins its workflow's latest version (R07). A push asks the catalogue for it once,
    // however many receives it holds and whichever threads judge them; the next push asks again,
    // so a version published in between is the one the next dossiers run on.
    void latestWorkflowReadOncePerPush_R07()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore catalogue(*db);
        QVERIFY(test::seedCatalogue(catalogue));
        domain::Workflow workflow;
        workflow.id = QStringLiteral("wf-centre");
        workflow.version = 1;
        workflow.name = QStringLiteral("Quy trình thử nghiệm của Trung tâm");
        workflow.procedureCode = test::kCentreProcedure;
        workflow.variants = {domain::WorkflowVariant::Counter};
        workflow.startStepId = QStringLiteral("tiep-nhan");
        workflow.steps = {{QStringLiteral("tiep-nhan"),
                           QStringLiteral("Tiếp nhận"),
                           domain::AssigneeKind::Role,
                           QStringLiteral("counter"),
                           60,
                           {domain::ActionType::Receive, domain::ActionType::Transfer},
                           true}};
        QVERIFY(catalogue.addWorkflowVersion(workflow));
        auto procedure = catalogue.procedure(test::kCentreProcedure);
        QVERIFY(procedure && procedure.value());
        procedure.value()->workflowId = workflow.id;
        QVERIFY(catalogue.putProcedure(*procedure.value()));
        DbDirectory base(catalogue);
        CountingDirectory directory(base);
        SyncStore sync(*db, directory);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));

        QList<domain::Action> receives;
        for (int n = 1; n <= 12; ++n)
            receives.append(test::centreReceive(n));
        const QList<PushOutcome> out = sync.push(receives, counter);
        QCOMPARE(out.size(), receives.size());
        for (const PushOutcome &o : out)
            QVERIFY2(o.status == Status::Accepted, qPrintable(o.reasonCode));
        QCOMPARE(directory.latestAsked.load(), 1);
        auto first = sync.dossier(receives.at(0).dossierId);
        QVERIFY(first && first.value());
        QCOMPARE(first.value()->workflowId, workflow.id);
        const int pinned = first.value()->workflowVersion;
        QCOMPARE(pinned, 1);
        for (const domain::Action &a : std::as_const(receives)) {
            auto d = sync.dossier(a.dossierId);
            QVERIFY(d && d.value());
            QCOMPARE(d.value()->workflowVersion, pinned);
        }

        workflow.version = 2;
        QVERIFY(catalogue.addWorkflowVersion(workflow));
        const QList<domain::Action> later{test::centreReceive(13), test::centreReceive(14)};
        const QList<PushOutcome> laterOut = sync.push(later, counter);
        QCOMPARE(laterOut.size(), 2);
        for (const PushOutcome &o : laterOut)
            QVERIFY2(o.status == Status::Accepted, qPrintable(o.reasonCode));
        QCOMPARE(directory.latestAsked.load(), 2);
        auto newer = sync.dossier(later.at(1).dossierId);
        QVERIFY(newer && newer.value());
        QCOMPARE(newer.value()->workflowVersion, 2);
    }

    void batchMixingDossiersIsAnsweredInOrder()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore catalogue(*db);
        QVERIFY(test::seedCatalogue(catalogue));
        DbDirectory directory(catalogue);
        SyncStore sync(*db, directory);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));

        QList<domain::Action> receives;
        for (int n = 1; n <= 30; ++n)
            receives.append(test::centreReceive(n));
        domain::Action sameCode = test::centreReceive(3); // another dossier, dossier 3's code
        domain::Action otherActor = test::centreReceive(31);
        otherActor.actorId = QStringLiteral("counter9");
        // receive 1, receive 2, transfer 1, receive 3, transfer 2, the same code again, someone
        // else's action, receive 1 resent, then 27 more dossiers.
        QList<domain::Action> batch{receives.at(0),
                                    receives.at(1),
                                    test::transferToJustice(receives.at(0)),
                                    receives.at(2),
                                    test::transferToJustice(receives.at(1)),
                                    sameCode,
                                    otherActor,
                                    receives.at(0)};
        batch += receives.mid(3);
        const QList<PushOutcome> out = sync.push(batch, counter);
        QCOMPARE(out.size(), batch.size());
        const QList<int> versions{1, 1, 2, 1, 2};
        for (int i = 0; i < versions.size(); ++i) {
            QVERIFY2(out.at(i).status == Status::Accepted, qPrintable(out.at(i).reasonCode));
            QCOMPARE(out.at(i).version, versions.at(i));
            QCOMPARE(out.at(i).seq, qint64(i + 1));
        }
        QCOMPARE(out.at(5).status, Status::Rejected);
        QCOMPARE(out.at(5).reasonCode, QStringLiteral("action.duplicate_code"));
        QCOMPARE(out.at(6).status, Status::Rejected);
        QCOMPARE(out.at(6).reasonCode, QStringLiteral("action.actor_mismatch"));
        QCOMPARE(out.at(7).status, Status::Duplicate);
        QCOMPARE(out.at(7).seq, qint64(1));
        for (qsizetype i = 8; i < out.size(); ++i) {
            QCOMPARE(out.at(i).status, Status::Accepted);
            QCOMPARE(out.at(i).seq, qint64(i - 2));
        }
        auto feed = sync.changes(0, 100, counter);
        QVERIFY(feed);
        QCOMPARE(feed->changes.size(), 5 + 27);
        auto audit = verifyAuditChain(*db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // R30 sync: a batch is written in one transaction, so it waits for one commit rather than one
    // per action; its changes still take consecutive numbers in the batch's order.
    void batchIsOneTransaction()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        QList<domain::Action> batch;
        for (int n = 1; n <= 20; ++n)
            batch.append(test::centreReceive(n));
        domain::Action transfer = test::transferToJustice(batch.at(4));
        // Written through arrays of text: quotes, backslashes, braces and commas come back as sent.
        const QString note = QStringLiteral("Chuyển \"gấp\", {bản sao}, C:\\hồ sơ\\1, NULL");
        transfer.payload.insert(QStringLiteral("note"), note);
        batch.append(transfer);
        batch.append(test::centreReceive(3)); // dossier 3's code again: rejected, stored

        const QList<PushOutcome> out = f.sync->push(batch, counter);
        QCOMPARE(out.size(), batch.size());
        for (int i = 0; i < 21; ++i) {
            QVERIFY2(out.at(i).status == Status::Accepted, qPrintable(out.at(i).reasonCode));
            QCOMPARE(out.at(i).seq, qint64(i + 1));
        }
        QCOMPARE(out.at(20).version, 2);
        QCOMPARE(out.at(21).reasonCode, QStringLiteral("action.duplicate_code"));
        QCOMPARE(f.sync->batchStats().together, 1);
        if (t.isPostgres())
            QCOMPARE(transactionsOf(*f.db, batch), 1);
        auto feed = f.sync->changes(20, 1, counter);
        QVERIFY(feed);
        QCOMPARE(feed->changes.size(), 1);
        QCOMPARE(feed->changes.at(0).action.id, transfer.id);
        QCOMPARE(feed->changes.at(0).action.payload.value(QStringLiteral("note")).toString(), note);
        // Sent again: the same answers, from the store.
        const QList<PushOutcome> again = f.sync->push(batch, counter);
        QCOMPARE(again.size(), batch.size());
        for (int i = 0; i < 21; ++i) {
            QCOMPARE(again.at(i).status, Status::Duplicate);
            QCOMPARE(again.at(i).seq, qint64(i + 1));
        }
        QCOMPARE(again.at(21).reasonCode, QStringLiteral("action.duplicate_code"));
        QCOMPARE(f.sync->batchStats().together, 2);
        QCOMPARE(f.sync->batchStats().rolledBack, 0);
        auto audit = verifyAuditChain(*f.db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // On both backends: an action whose id already has a stored answer the batch could not see
    // coming (here another officer's, written by hand) collides with it when the batch writes it;
    // the whole batch is rolled back and written one transaction per action, where that action
    // gets the stored answer's verdict and the others are accepted with dense numbers.
    void batchCollidingWithAStoredAnswerIsWrittenOneTransactionEach()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        QList<domain::Action> batch;
        for (int n = 1; n <= 5; ++n)
            batch.append(test::centreReceive(n));
        QVERIFY(t.exec(QStringLiteral("INSERT INTO push_outcomes (action_id, actor_id, status, "
                                      "seq, version, reason_code, message, field, decided_at) "
                                      "VALUES ('%1', 'counter9', 'accepted', 0, 1, '', '', '', 0)")
                           .arg(batch.at(2).id.toString(QUuid::WithoutBraces))));

        const QList<PushOutcome> out = f.sync->push(batch, counter);
        QCOMPARE(out.size(), batch.size());
        const QList<qint64> seqs{1, 2, 0, 3, 4};
        for (int i = 0; i < batch.size(); ++i) {
            if (i == 2) {
                QCOMPARE(out.at(i).status, Status::Rejected);
                QCOMPARE(out.at(i).reasonCode, QStringLiteral("action.actor_mismatch"));
                continue;
            }
            QVERIFY2(out.at(i).status == Status::Accepted, qPrintable(out.at(i).reasonCode));
            QCOMPARE(out.at(i).seq, seqs.at(i));
        }
        QCOMPARE(f.sync->batchStats().together, 0);
        QCOMPARE(f.sync->batchStats().rolledBack, 1);
        auto feed = f.sync->changes(0, 100, counter);
        QVERIFY(feed);
        QCOMPARE(feed->changes.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(feed->changes.at(i).seq, qint64(i + 1));
        QVERIFY(!f.sync->dossier(batch.at(2).dossierId).value());
        auto audit = verifyAuditChain(*f.db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // A database error in the middle of a batch (here a deadlock reported once, as PostgreSQL
    // reports one) rolls the whole batch back; the actions are then written one transaction
    // each, and the feed keeps no trace of the attempt (its numbers were given back).
    void batchRolledBackIsWrittenOneTransactionEach()
    {
        MOTCUA_TEST_DB(t);
        if (!t.isPostgres())
            QSKIP("the failure is raised once by a PostgreSQL trigger (the fallback is the same "
                  "code on SQLite)");
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        QList<domain::Action> batch;
        for (int n = 1; n <= 6; ++n)
            batch.append(test::centreReceive(n));
        batch.append(test::transferToJustice(batch.at(0)));
        const QString failing = batch.at(3).id.toString(QUuid::WithoutBraces);
        QVERIFY(t.exec(QStringLiteral("CREATE SEQUENCE test_failures")));
        QVERIFY(t.exec(
            QStringLiteral(
                "CREATE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN "
                "IF NEW.id = '%1' AND nextval('test_failures') = 1 THEN RAISE EXCEPTION "
                "'test deadlock' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $f$")
                .arg(failing)));
        QVERIFY(t.exec(QStringLiteral("CREATE TRIGGER test_fail_once BEFORE INSERT ON actions "
                                      "FOR EACH ROW EXECUTE FUNCTION test_fail_once()")));

        const QList<PushOutcome> out = f.sync->push(batch, counter);
        QCOMPARE(out.size(), batch.size());
        for (int i = 0; i < batch.size(); ++i) {
            QVERIFY2(out.at(i).status == Status::Accepted, qPrintable(out.at(i).reasonCode));
            QCOMPARE(out.at(i).seq, qint64(i + 1));
        }
        QCOMPARE(out.last().version, 2);
        QCOMPARE(transactionsOf(*f.db, batch), int(batch.size()));
        QCOMPARE(f.sync->batchStats().together, 0);
        QCOMPARE(f.sync->batchStats().rolledBack, 1);
        auto feed = f.sync->changes(0, 100, counter);
        QVERIFY(feed);
        QCOMPARE(feed->changes.size(), batch.size());
        for (int i = 0; i < batch.size(); ++i)
            QCOMPARE(feed->changes.at(i).action.id, batch.at(i).id);
        auto audit = verifyAuditChain(*f.db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }

    // Two devices push at once batches that act on the same two dossiers in opposite orders.
    // Batches lock their dossiers in one order before the feed counter (SQLite: one writer at a
    // time), so neither waits for the other in a cycle: each batch is still written in one
    // transaction (none was rolled back as PostgreSQL's deadlock victim, or by SQLite's busy
    // writer), and each dossier takes exactly one of the two transfers.
    void batchesSharingDossiersInOppositeOrdersDoNotDeadlock()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        for (int round = 0; round < 12; ++round) {
            const domain::Action one = test::centreReceive(100 + 2 * round);
            const domain::Action two = test::centreReceive(101 + 2 * round);
            QCOMPARE(f.sync->pushOne(one, counter).status, Status::Accepted);
            QCOMPARE(f.sync->pushOne(two, counter).status, Status::Accepted);
            const QList<domain::Action> forward{test::transferToJustice(one),
                                                test::transferToJustice(two)};
            const QList<domain::Action> backward{test::transferToJustice(two),
                                                 test::transferToJustice(one)};
            std::latch start(2);
            QList<PushOutcome> outForward;
            QList<PushOutcome> outBackward;
            std::unique_ptr<QThread> other(QThread::create([&] {
                start.arrive_and_wait();
                outBackward = f.sync->push(backward, counter);
            }));
            other->start();
            start.arrive_and_wait();
            outForward = f.sync->push(forward, counter);
            other->wait();

            QCOMPARE(outForward.size(), 2);
            QCOMPARE(outBackward.size(), 2);
            const auto accepted
                = [](const PushOutcome &o) { return o.status == Status::Accepted ? 1 : 0; };
            const auto stale = [](const PushOutcome &o) {
                return o.reasonCode == QLatin1String("action.stale_version") ? 1 : 0;
            };
            // Dossier one: forward[0] and backward[1]; dossier two: forward[1] and backward[0].
            QCOMPARE(accepted(outForward.at(0)) + accepted(outBackward.at(1)), 1);
            QCOMPARE(stale(outForward.at(0)) + stale(outBackward.at(1)), 1);
            QCOMPARE(accepted(outForward.at(1)) + accepted(outBackward.at(0)), 1);
            QCOMPARE(stale(outForward.at(1)) + stale(outBackward.at(0)), 1);
            if (t.isPostgres()) {
                QCOMPARE(transactionsOf(*f.db, forward), 1);
                QCOMPARE(transactionsOf(*f.db, backward), 1);
            }
        }
        QCOMPARE(f.sync->batchStats().together, 24);
        QCOMPARE(f.sync->batchStats().rolledBack, 0);
        auto audit = verifyAuditChain(*f.db);
        QVERIFY(audit);
        QVERIFY(!audit.value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestServerSyncAhead)
#include "test_server_sync_ahead.moc"
