// The contract core/sync relies on: device order, accepted → confirmed by the pull, rejected →
// conflict and rollback of the visible state, replay of pending actions on a newer confirmed
// state, lost answers, idempotent pulls and the cursor.
#include "storetest.h"

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

namespace {

// The server's side of the test: folds accepted actions per dossier.
struct FakeFeed
{
    const domain::InMemoryDirectory directory = domain::demo::directory();
    qint64 seq = 100;
    QHash<QUuid, domain::Dossier> dossiers;

    PulledChange accept(const domain::Action &action)
    {
        auto next = domain::apply(dossiers.value(action.dossierId), action, directory);
        if (!next)
            qFatal("server rejected: %s", why(next).constData());
        dossiers.insert(action.dossierId, next.value());
        return {++seq, action, next.value()};
    }
};

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    domain::InMemoryDirectory m_directory = domain::demo::directory();
    QList<domain::Action> m_journey = domain::demo::exampleJourney();

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        auto cache = Cache::open(m_dir.path(), randomKey());
        QVERIFY2(cache, why(cache).constData());
        m_cache = std::move(cache.value());
    }
    void cleanup() { m_cache.reset(); }

    void acceptedThenPulledBecomesConfirmed()
    {
        FakeFeed server;
        QVERIFY(m_cache->recordAction(m_journey[0], m_directory));
        auto v2 = m_cache->recordAction(m_journey[1], m_directory);
        QVERIFY2(v2, why(v2).constData());
        QCOMPARE(v2.value().version, 2);

        auto pending = m_cache->pendingActions(10).value();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending[0].action.id, m_journey[0].id); // device order
        QCOMPARE(pending[0].action.deviceSeq, 1);
        QCOMPARE(pending[1].action.deviceSeq, 2);
        QCOMPARE(pending[0].state, ActionState::Pending);

        const PulledChange c1 = server.accept(pending[0].action);
        QVERIFY(m_cache->markAccepted(c1.action.id, c1.seq, c1.dossier.version));
        QCOMPARE(m_cache->pendingCount().value(), 1);
        auto unconfirmed = m_cache->unconfirmedActions(m_journey[0].dossierId).value();
        QCOMPARE(unconfirmed.size(), 2);
        QCOMPARE(unconfirmed[0].state, ActionState::Accepted);
        QCOMPARE(unconfirmed[0].seq, c1.seq);

        QVERIFY(m_cache->applyChanges({c1}, c1.seq, m_directory));
        QCOMPARE(m_cache->cursor().value(), c1.seq);
        QCOMPARE(m_cache->confirmedDossier(c1.dossier.id).value()->version, 1);
        QCOMPARE(m_cache->dossier(c1.dossier.id).value()->version, 2); // pending replayed on top

        const PulledChange c2 = server.accept(pending[1].action);
        QVERIFY(m_cache->markAccepted(c2.action.id, c2.seq, c2.dossier.version));
        QVERIFY(m_cache->applyChanges({c2}, c2.seq, m_directory));
        QCOMPARE(m_cache->dossier(c2.dossier.id).value().value(), c2.dossier);
        QCOMPARE(m_cache->confirmedDossier(c2.dossier.id).value().value(), c2.dossier);
        QVERIFY(m_cache->unconfirmedActions(c2.dossier.id).value().isEmpty());
        auto stats = m_cache->stats().value();
        QCOMPARE(stats.actionsConfirmed, 2);
        QCOMPARE(stats.actionsPending, 0);
        QCOMPARE(stats.dossiers, 1);
        QCOMPARE(stats.cursor, c2.seq);
        QVERIFY(m_cache->search(SearchQuery{}).value().items.first().hasPending == false);
    }

    void rejectedBecomesAConflictAndRollsBack()
    {
        FakeFeed server;
        QVERIFY(m_cache->recordAction(m_journey[0], m_directory));
        const auto intake = m_cache->pendingActions().value().first().action;
        const PulledChange c1 = server.accept(intake);
        QVERIFY(m_cache->markAccepted(intake.id, c1.seq, 1));
        QVERIFY(m_cache->applyChanges({c1}, c1.seq, m_directory));

        // Offline, this device transfers to HCTP; meanwhile another counter transferred to VP.
        auto local = m_cache->recordAction(m_journey[1], m_directory);
        QVERIFY(local);
        QCOMPARE(local.value().departmentId, QStringLiteral("HCTP"));
        domain::Action other = m_journey[1];
        other.id = QUuid::createUuid();
        other.deviceId = QStringLiteral("counter-pc-02");
        other.payload.insert(QStringLiteral("departmentId"), QStringLiteral("VP"));
        const PulledChange c2 = server.accept(other);
        QVERIFY(m_cache->applyChanges({c2}, c2.seq, m_directory));

        // The pending action no longer applies: it stays pending (the server decides), the
        // visible state is the confirmed one, and the replay error says why.
        auto visible = m_cache->dossier(intake.dossierId).value().value();
        QCOMPARE(visible.departmentId, QStringLiteral("VP"));
        auto unconfirmed = m_cache->unconfirmedActions(intake.dossierId).value();
        QCOMPARE(unconfirmed.size(), 1);
        QVERIFY(!unconfirmed[0].replayError.isEmpty());
        QCOMPARE(m_cache->pendingCount().value(), 1);

        QVERIFY(m_cache->markRejected(m_journey[1].id, QStringLiteral("action.stale_version"),
                                      QStringLiteral("Hồ sơ đã thay đổi."),
                                      QStringLiteral("baseVersion"), m_directory));
        QCOMPARE(m_cache->pendingCount().value(), 0);
        auto conflicts = m_cache->conflicts().value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts[0].action.id, m_journey[1].id);
        QCOMPARE(conflicts[0].dossierId, intake.dossierId);
        QCOMPARE(conflicts[0].dossierCode, visible.code);
        QCOMPARE(conflicts[0].reasonCode, QStringLiteral("action.stale_version"));
        QCOMPARE(m_cache->dossier(intake.dossierId).value().value(), c2.dossier);
        QVERIFY(m_cache->resolveConflict(conflicts[0].id));
        QVERIFY(m_cache->conflicts().value().isEmpty());
        QCOMPARE(m_cache->conflicts(true).value().size(), 1);
    }

    void rejectedIntakeOfALocalDossierRemovesIt()
    {
        QVERIFY(m_cache->recordAction(m_journey[0], m_directory));
        QVERIFY(m_cache->dossier(m_journey[0].dossierId).value().has_value());
        QCOMPARE(m_cache->count(SearchQuery{}).value(), 1);
        QVERIFY(m_cache->markRejected(m_journey[0].id, QStringLiteral("action.duplicate_code"),
                                      QStringLiteral("Mã số hồ sơ đã được dùng."),
                                      QStringLiteral("payload.code"), m_directory));
        QVERIFY(!m_cache->dossier(m_journey[0].dossierId).value().has_value());
        QCOMPARE(m_cache->conflicts().value().size(), 1);
        QCOMPARE(m_cache->conflicts().value().first().action.payload, m_journey[0].payload);
        QVERIFY(m_cache->search(SearchQuery{}).value().items.isEmpty());
        QCOMPARE(m_cache->count(SearchQuery{}).value(), 0); // the per-stage count follows
    }

    void aLostAnswerIsSettledByThePull()
    {
        FakeFeed server;
        QVERIFY(m_cache->recordAction(m_journey[0], m_directory));
        // Pushed and accepted, but the client died before markAccepted().
        const PulledChange c1 = server.accept(m_cache->pendingActions().value().first().action);
        QVERIFY(m_cache->applyChanges({c1}, c1.seq, m_directory));
        QCOMPARE(m_cache->pendingCount().value(), 0);
        QVERIFY(m_cache->pendingActions().value().isEmpty());
        QCOMPARE(m_cache->dossier(c1.dossier.id).value().value(), c1.dossier);
        // The late answer is harmless.
        QVERIFY(m_cache->markAccepted(c1.action.id, c1.seq, 1));
        QCOMPARE(m_cache->stats().value().actionsConfirmed, 1);
    }

    void pullsAreIdempotentAndNeverGoBack()
    {
        FakeFeed server;
        QList<PulledChange> changes;
        for (const auto &a : m_journey.mid(0, 4))
            changes.append(server.accept(a));
        QVERIFY(m_cache->applyChanges(changes, changes.last().seq, m_directory));
        QVERIFY(m_cache->applyChanges(changes, changes.last().seq, m_directory));
        QVERIFY(m_cache->applyChanges(changes.mid(0, 1), changes[0].seq, m_directory));
        QCOMPARE(m_cache->cursor().value(), changes.last().seq);
        QCOMPARE(m_cache->dossier(m_journey[0].dossierId).value()->version, 4);
        auto stats = m_cache->stats().value();
        QCOMPARE(stats.actionsConfirmed, 4);
        QCOMPARE(stats.dossiers, 1);
        // The batch and the cursor move together: when anything after them in the same
        // transaction fails, neither is kept.
        const PulledChange next = server.accept(m_journey[4]);
        auto st = m_cache->transaction([&]() -> domain::Check {
            if (auto done = m_cache->applyChanges({next}, next.seq, m_directory); !done)
                return done;
            return domain::makeError(QStringLiteral("test.crash"), QStringLiteral("crash"));
        });
        QVERIFY(!st);
        QCOMPARE(m_cache->cursor().value(), changes.last().seq);
        QCOMPARE(m_cache->dossier(m_journey[0].dossierId).value()->version, 4);
    }

    void pushFailuresAreCounted()
    {
        QVERIFY(m_cache->recordAction(m_journey[0], m_directory));
        QVERIFY(m_cache->recordPushFailure(m_journey[0].id, QStringLiteral("timeout")));
        QVERIFY(m_cache->recordPushFailure(m_journey[0].id, QStringLiteral("connection refused")));
        auto pending = m_cache->pendingActions().value();
        QCOMPARE(pending.first().attempts, 2);
        QCOMPARE(pending.first().lastError, QStringLiteral("connection refused"));
        QCOMPARE(m_cache->recordPushFailure(QUuid::createUuid(), {}).error().code,
                 QStringLiteral("cache.unknown_action"));
    }

    void cataloguesMakeTheDirectory()
    {
        const auto officer = m_directory.officer(QStringLiteral("counter1")).value();
        const auto procedure = m_directory.procedure(QStringLiteral("2.001417")).value();
        const auto agency = m_directory.agency(domain::demo::kCentreCode).value();
        QVERIFY(m_cache->putCatalogueEntries(
            {{QStringLiteral("officer"), officer.id, domain::toJson(officer)},
             {QStringLiteral("procedure"), procedure.code, domain::toJson(procedure)},
             {QStringLiteral("agency"), agency.code, domain::toJson(agency)}}));
        auto dir = m_cache->directory();
        QVERIFY2(dir, why(dir).constData());
        QCOMPARE(dir.value()->officer(officer.id).value(), officer);
        QCOMPARE(dir.value()->procedure(procedure.code).value(), procedure);
        QVERIFY(m_cache->removeCatalogueEntry(QStringLiteral("officer"), officer.id));
        QVERIFY(!m_cache->directory().value()->officer(officer.id).has_value());
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "test_store_sync.moc"
