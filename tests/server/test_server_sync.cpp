// The sync feed on SQLite and PostgreSQL: concurrent pushers and concurrent pullers (every
// accepted action seen exactly once, in order, none skipped; plain pages, and gzip pages through
// the feed cache), duplicates, stored rejections, the actor check and agency visibility.
#include "fixtures.h"
#include "testdb.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QThread>

#include <catalogue_store.h>
#include <domain/demo.h>
#include <feed_ranges.h>
#include <gzip_splice.h>
#include <sync_store.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace motcua;
using namespace motcua::server;
using Status = PushOutcome::Status;

namespace {

struct PusherReport
{
    QList<qint64> accepted;
    QStringList problems;
};

// One page as a puller checks it: its changes' seqs, where the next page starts, whether there is
// more; nullopt when the read failed (the reader noted why).
struct PulledPage
{
    QList<qint64> seqs;
    qint64 nextAfter = 0;
    bool more = false;
};

// A puller: pages through the feed with `read` while pushers are `running`, then to its end,
// recording every seq it sees and any seq out of order or cursor that goes back.
struct Puller
{
    QList<qint64> seen;
    QStringList problems;
    int passes = 0;

    std::unique_ptr<QThread> thread(const std::atomic<int> &running,
                                    std::function<std::optional<PulledPage>(qint64 after)> read)
    {
        return std::unique_ptr<QThread>(QThread::create([this, &running, read] {
            qint64 after = 0;
            qint64 last = 0;
            const auto pass = [&]() -> bool {
                ++passes;
                const std::optional<PulledPage> page = read(after);
                if (!page)
                    return false;
                for (const qint64 seq : page->seqs) {
                    if (seq <= last)
                        problems << QStringLiteral("seq %1 after %2").arg(seq).arg(last);
                    last = seq;
                    seen.append(seq);
                }
                if (page->nextAfter < after)
                    problems << QStringLiteral("the cursor went back");
                after = page->nextAfter;
                return page->more;
            };
            while (running.load() > 0) {
                if (!pass())
                    QThread::yieldCurrentThread();
            }
            while (pass()) {
            }
        }));
    }
};

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    // THE gap-free feed test (ARCHITECTURE.md, Sync): 8 pushers, each on its own connection,
    // push the whole journey of their dossiers (plus resends and conflicting actions on a
    // neighbour's dossiers) while a puller pages through changes() over and over, and another
    // through the gzip pages with the feed cache on. Each must see every accepted action exactly
    // once, in increasing seq order, with none left behind.
    void concurrentPushersAndPullerSeeEveryChangeOnce()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        constexpr int kPushers = 8;
        constexpr int kDossiersEach = 15;
        constexpr int kSteps = 8;

        std::vector<QList<QList<domain::Action>>> journeys(kPushers);
        for (int p = 0; p < kPushers; ++p) {
            for (int j = 0; j < kDossiersEach; ++j)
                journeys[p].append(test::journey(p * kDossiersEach + j));
        }

        std::vector<PusherReport> reports(kPushers);
        std::atomic<int> running{kPushers};
        std::vector<std::unique_ptr<QThread>> pushers;
        for (int p = 0; p < kPushers; ++p) {
            pushers.emplace_back(QThread::create([&, p] {
                PusherReport &report = reports[p];
                const auto &mine = journeys[p];
                const auto &neighbour = journeys[(p + 1) % kPushers];
                for (int step = 0; step < kSteps; ++step) {
                    QList<domain::Action> batch;
                    for (const auto &journey : mine)
                        batch.append(journey.at(step));
                    const domain::Officer actor = test::demoOfficer(batch.constFirst().actorId);
                    const auto outcomes = f.sync->push(batch, actor);
                    for (const auto &o : outcomes) {
                        if (o.status != Status::Accepted)
                            report.problems << QStringLiteral("step %1: %2 %3")
                                                   .arg(step)
                                                   .arg(pushStatusKey(o.status), o.reasonCode);
                        else
                            report.accepted.append(o.seq);
                    }
                    // A resend (the answer was lost): the same answers, as duplicates.
                    const auto again = f.sync->push(batch, actor);
                    for (qsizetype i = 0; i < again.size(); ++i) {
                        if (again.at(i).status != Status::Duplicate
                            || again.at(i).seq != outcomes.at(i).seq
                            || again.at(i).version != outcomes.at(i).version) {
                            report.problems << QStringLiteral("step %1: resend answered %2")
                                                   .arg(step)
                                                   .arg(pushStatusKey(again.at(i).status));
                        }
                    }
                    // A conflicting action on a neighbour's dossier: rejected, whatever the timing.
                    domain::Action conflict = journeys[0][0].at(2); // an assignment by head1
                    conflict.id = QUuid::createUuid();
                    conflict.dossierId = neighbour.at(step % kDossiersEach).constFirst().dossierId;
                    conflict.baseVersion = 0;
                    const auto rejected
                        = f.sync->push({conflict}, test::demoOfficer(QStringLiteral("head1")));
                    if (rejected.constFirst().status != Status::Rejected)
                        report.problems
                            << QStringLiteral("step %1: a conflicting action was accepted")
                                   .arg(step);
                }
                --running;
            }));
        }

        const domain::Officer viewer
            = test::demoOfficer(QStringLiteral("counter1")); // the centre sees them all
        Puller plain;
        std::unique_ptr<QThread> puller
            = plain.thread(running, [&](qint64 after) -> std::optional<PulledPage> {
                  auto page = f.sync->changes(after, 37, viewer);
                  if (!page) {
                      plain.problems << page.error().toString();
                      return std::nullopt;
                  }
                  PulledPage pulled{{}, page.value().nextAfter, page.value().more};
                  for (const auto &change : page.value().changes) {
                      if (change.dossier.id != change.action.dossierId
                          || !change.dossier.hasApplied(change.action.id))
                          plain.problems
                              << QStringLiteral("seq %1: the snapshot is not after its action")
                                     .arg(change.seq);
                      pulled.seqs.append(change.seq);
                  }
                  return pulled;
              });

        // A second puller reads the gzip pages through the feed cache (pieces read once are kept;
        // the feed's end, asked again and again, comes from memory): the same exactly-once feed.
        f.sync->pieceCache().setCapacity(8 * 1024 * 1024);
        f.sync->feedRanges().setCapacity(1000000);
        Puller compressed;
        std::unique_ptr<QThread> compressedPuller
            = compressed.thread(running, [&](qint64 after) -> std::optional<PulledPage> {
                  auto page = f.sync->rawChanges(after, 37, viewer, true);
                  if (!page) {
                      compressed.problems << page.error().toString();
                      return std::nullopt;
                  }
                  PulledPage pulled{{}, page.value().nextAfter, page.value().more};
                  for (const auto &change : page.value().changes) {
                      if (!gzip::isPiece(change.changeGzip))
                          compressed.problems
                              << QStringLiteral("seq %1 has no piece").arg(change.seq);
                      pulled.seqs.append(change.seq);
                  }
                  return pulled;
              });

        QElapsedTimer timer;
        timer.start();
        puller->start();
        compressedPuller->start();
        for (auto &thread : pushers)
            thread->start();
        for (auto &thread : pushers)
            QVERIFY(thread->wait(240000));
        const qint64 pushMs = timer.elapsed();
        QVERIFY(puller->wait(240000));
        QVERIFY(compressedPuller->wait(240000));

        QList<qint64> accepted;
        for (const auto &report : reports) {
            QVERIFY2(report.problems.isEmpty(),
                     qPrintable(report.problems.join(QStringLiteral("; "))));
            accepted += report.accepted;
        }
        QVERIFY2(plain.problems.isEmpty(),
                 qPrintable(plain.problems.mid(0, 5).join(QStringLiteral("; "))));
        QCOMPARE(accepted.size(), kPushers * kDossiersEach * kSteps);
        QCOMPARE(plain.seen.size(), accepted.size());
        QCOMPARE(QSet<qint64>(plain.seen.cbegin(), plain.seen.cend()),
                 QSet<qint64>(accepted.cbegin(), accepted.cend()));
        QVERIFY2(compressed.problems.isEmpty(),
                 qPrintable(compressed.problems.mid(0, 5).join(QStringLiteral("; "))));
        QCOMPARE(compressed.seen.size(), accepted.size());
        QCOMPARE(QSet<qint64>(compressed.seen.cbegin(), compressed.seen.cend()),
                 QSet<qint64>(accepted.cbegin(), accepted.cend()));
        // Every piece the puller read is kept (the feed fits the cache): the whole feed again
        // comes from memory, the same pages as read without the cache.
        const auto wholeFeed = [&](QList<QByteArray> *pieces) {
            qint64 after = 0;
            for (bool more = true; more;) {
                auto page = f.sync->rawChanges(after, 37, viewer, true);
                if (!page)
                    return false;
                for (const auto &change : page.value().changes)
                    pieces->append(change.changeGzip);
                after = page.value().nextAfter;
                more = page.value().more;
            }
            return true;
        };
        // The puller's pages, read while the pushes committed, told the whole feed's numbers:
        // every full page now takes them from memory (the last, short one reads the counter).
        const qint64 hitsBefore = f.sync->pieceCache().stats().hits;
        const FeedRanges::Stats rangesBefore = f.sync->feedRanges().stats();
        QList<QByteArray> fromMemory;
        QVERIFY(wholeFeed(&fromMemory));
        QCOMPARE(f.sync->pieceCache().stats().hits - hitsBefore, qint64(accepted.size()));
        const qint64 pagesWithMore = (accepted.size() - 1) / 37;
        QCOMPARE(f.sync->feedRanges().stats().hits - rangesBefore.hits, pagesWithMore);
        QCOMPARE(f.sync->feedRanges().stats().misses - rangesBefore.misses, 1);
        f.sync->pieceCache().setCapacity(0);
        QList<QByteArray> fromDatabase;
        QVERIFY(wholeFeed(&fromDatabase));
        QCOMPARE(fromMemory.size(), accepted.size());
        QVERIFY(fromMemory == fromDatabase);
        // The feed is dense: 1..N, no number lost to a rolled-back push.
        std::sort(accepted.begin(), accepted.end());
        QCOMPARE(accepted.constFirst(), 1);
        QCOMPARE(accepted.constLast(), qint64(accepted.size()));
        qInfo("%s: %lld accepted pushes (+ as many resends and %d conflicts) by %d threads in %lld "
              "ms: %.0f accepted/s; "
              "the puller made %d passes",
              qPrintable(backend), qint64(accepted.size()), kPushers * kSteps, kPushers, pushMs,
              1000.0 * double(accepted.size()) / double(std::max<qint64>(pushMs, 1)), plain.passes);

        // Every dossier reached the end of its journey.
        for (const auto &mine : journeys) {
            auto d = f.sync->dossier(mine.constFirst().constFirst().dossierId);
            QVERIFY(d && d.value());
            QCOMPARE(d.value()->version, kSteps);
            QCOMPARE(d.value()->stage, domain::Stage::ResultReturned);
        }
    }

    void duplicatesGetTheFirstAnswer()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const auto actions = test::journey(1);
        const auto counter = test::demoOfficer(QStringLiteral("counter1"));
        const auto first = f.sync->push({actions.at(0), actions.at(1)}, counter);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).status, Status::Accepted);
        QCOMPARE(first.at(0).seq, 1);
        QCOMPARE(first.at(0).version, 1);
        QCOMPARE(first.at(1).status, Status::Accepted);
        QCOMPARE(first.at(1).seq, 2);
        QCOMPARE(first.at(1).version, 2);

        // Resent in another order: the same seq and version each, as duplicates; nothing new.
        const auto again = f.sync->push({actions.at(1), actions.at(0)}, counter);
        QCOMPARE(again.at(0).status, Status::Duplicate);
        QCOMPARE(again.at(0).seq, 2);
        QCOMPARE(again.at(0).version, 2);
        QCOMPARE(again.at(1).status, Status::Duplicate);
        QCOMPARE(again.at(1).seq, 1);
        QCOMPARE(pushStatusKey(again.at(1).status), QStringLiteral("duplicate"));
        auto page = f.sync->changes(0, 100, counter);
        QVERIFY(page);
        QCOMPARE(page->changes.size(), 2);
        QCOMPARE(page->changes.at(1).dossier.version, 2);
        QCOMPARE(page->changes.at(0).action, actions.at(0));

        auto byCode
            = f.sync->dossierByCode(actions.at(0).payload.value(QStringLiteral("code")).toString());
        QVERIFY(byCode && byCode.value());
        QCOMPARE(byCode.value()->id, actions.at(0).dossierId);
        QCOMPARE(byCode.value()->version, 2);
        QVERIFY(f.sync->dossierByCode(QStringLiteral("000.17.22.H56-261128-9999")).value()
                == std::nullopt);
    }

    void rejectionsAreStoredAndRepeated()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const auto actions = test::journey(2);
        const auto counter = test::demoOfficer(QStringLiteral("counter1"));
        QCOMPARE(f.sync->push({actions.at(0)}, counter).constFirst().status, Status::Accepted);

        // Stale: made against version 0 of a dossier now at version 1.
        domain::Action stale = actions.at(1);
        stale.id = QUuid::createUuid();
        stale.baseVersion = 0;
        const auto rejected = f.sync->push({stale}, counter).constFirst();
        QCOMPARE(rejected.status, Status::Rejected);
        QCOMPARE(rejected.reasonCode, QStringLiteral("action.stale_version"));
        QCOMPARE(rejected.field, QStringLiteral("baseVersion"));
        QCOMPARE(rejected.version, 1);
        QVERIFY(rejected.message.contains(QStringLiteral("phiên bản")));
        QCOMPARE(pushStatusKey(rejected.status), QStringLiteral("rejected"));
        // Resent: the same rejection, even though the dossier has moved on since.
        QCOMPARE(f.sync->push({actions.at(1)}, counter).constFirst().status, Status::Accepted);
        const auto repeated = f.sync->push({stale}, counter).constFirst();
        QCOMPARE(repeated.status, Status::Rejected);
        QCOMPARE(repeated.reasonCode, rejected.reasonCode);
        QCOMPARE(repeated.message, rejected.message);
        QCOMPARE(repeated.version, 1);

        // Wrong role: an appraiser cannot receive a dossier.
        domain::Action intake = test::journey(3).constFirst();
        intake.actorId = QStringLiteral("appraiser1");
        const auto appraiser = test::demoOfficer(QStringLiteral("appraiser1"));
        const auto wrongRole = f.sync->push({intake}, appraiser).constFirst();
        QCOMPARE(wrongRole.status, Status::Rejected);
        QCOMPARE(wrongRole.reasonCode, QStringLiteral("action.wrong_role"));
        QCOMPARE(f.sync->push({intake}, appraiser).constFirst().reasonCode,
                 QStringLiteral("action.wrong_role"));
        QVERIFY(f.sync->dossier(intake.dossierId).value() == std::nullopt); // nothing written

        // The same code for another dossier.
        domain::Action twin = test::journey(2).constFirst();
        const auto duplicateCode = f.sync->push({twin}, counter).constFirst();
        QCOMPARE(duplicateCode.status, Status::Rejected);
        QCOMPARE(duplicateCode.reasonCode, QStringLiteral("action.duplicate_code"));

        // Only accepted actions are in the feed.
        auto page = f.sync->changes(0, 100, counter);
        QVERIFY(page);
        QCOMPARE(page->changes.size(), 2);
    }

    void actorMustBeTheAuthenticatedOfficer()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Action intake = test::journey(4).constFirst(); // made by counter1
        const auto mismatch
            = f.sync->push({intake}, test::demoOfficer(QStringLiteral("head1"))).constFirst();
        QCOMPARE(mismatch.status, Status::Rejected);
        QCOMPARE(mismatch.reasonCode, QStringLiteral("action.actor_mismatch"));
        QCOMPARE(mismatch.field, QStringLiteral("actorId"));
        // Not stored as the action's answer: its real author still gets it accepted …
        const auto counter = test::demoOfficer(QStringLiteral("counter1"));
        QCOMPARE(f.sync->push({intake}, counter).constFirst().status, Status::Accepted);
        // … and somebody else resending it learns nothing about it.
        QCOMPARE(f.sync->push({intake}, test::demoOfficer(QStringLiteral("head1")))
                     .constFirst()
                     .reasonCode,
                 QStringLiteral("action.actor_mismatch"));
        domain::Action forged = intake;
        forged.actorId = QStringLiteral("head1");
        QCOMPARE(f.sync->push({forged}, test::demoOfficer(QStringLiteral("head1")))
                     .constFirst()
                     .reasonCode,
                 QStringLiteral("action.actor_mismatch"));
    }

    void changesAreVisibleToTheReceivingAndHandlingAgencies()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const auto counter = test::demoOfficer(QStringLiteral("counter1")); // centre
        const auto commune = test::demoOfficer(QStringLiteral("counter9")); // commune
        const auto justice = test::demoOfficer(QStringLiteral("head1"));    // Department of Justice
        const domain::Action intake = test::centreReceive(10);
        QCOMPARE(f.sync->push({intake}, counter).constFirst().status, Status::Accepted);

        const auto pageFor
            = [&](const domain::Officer &viewer) { return f.sync->changes(0, 50, viewer).value(); };
        QCOMPARE(pageFor(counter).changes.size(), 1);
        // The commune's counter sees nothing of the centre's dossiers, and its cursor moves on.
        const auto communePage = pageFor(commune);
        QVERIFY(communePage.changes.isEmpty());
        QCOMPARE(communePage.nextAfter, 1);
        QVERIFY(!communePage.more);
        QVERIFY(pageFor(justice).changes.isEmpty());

        // Transferred to the Department of Justice: from then on it sees the dossier.
        QCOMPARE(f.sync->push({test::transferToJustice(intake)}, counter).constFirst().status,
                 Status::Accepted);
        const auto justicePage = pageFor(justice);
        QCOMPARE(justicePage.changes.size(), 1);
        QCOMPARE(justicePage.changes.constFirst().seq, 2);
        QCOMPARE(justicePage.changes.constFirst().action.type, domain::ActionType::Transfer);
        QCOMPARE(justicePage.changes.constFirst().dossier.handlingAgencyCode,
                 domain::demo::kJusticeCode);
        QCOMPARE(justicePage.changes.constFirst().dossier.version, 2);
        QCOMPARE(pageFor(counter).changes.size(), 2);
        QVERIFY(pageFor(commune).changes.isEmpty());
        // The raw form carries the same.
        auto raw = f.sync->rawChanges(0, 50, justice);
        QVERIFY(raw);
        QCOMPARE(raw->changes.size(), 1);
        QVERIFY(raw->changes.constFirst().actionJson.contains("\"seq\":2"));

        // Transferred on to the commune by the department's head: the department, which it
        // leaves, sees that change too (its workstations learn the dossier left), the commune
        // sees it as its new handler, and the centre as the receiving agency.
        domain::Action onward = test::transferToJustice(intake);
        onward.actorId = justice.id;
        onward.baseVersion = 2;
        onward.payload = {{QStringLiteral("agencyCode"), domain::demo::kCommuneCode}};
        const auto onwardOutcome = f.sync->push({onward}, justice).constFirst();
        QVERIFY2(onwardOutcome.status == Status::Accepted, qPrintable(onwardOutcome.message));
        const auto lastOf = [&](const domain::Officer &viewer) {
            const auto changes = pageFor(viewer).changes;
            return changes.isEmpty() ? 0 : changes.constLast().seq;
        };
        const auto departed = pageFor(justice);
        QCOMPARE(departed.changes.size(), 2);
        QCOMPARE(departed.changes.constLast().seq, 3);
        QCOMPARE(departed.changes.constLast().dossier.handlingAgencyCode,
                 domain::demo::kCommuneCode);
        QCOMPARE(pageFor(commune).changes.size(), 1);
        QCOMPARE(lastOf(commune), 3);
        QCOMPARE(lastOf(counter), 3);
        // A reprint at the commune: the department, no longer concerned, sees nothing more,
        // and its cursor moves past the change.
        domain::Action print = onward;
        print.id = QUuid::createUuid();
        print.type = domain::ActionType::RecordPrint;
        print.actorId = commune.id;
        print.baseVersion = 3;
        print.payload = {{QStringLiteral("form"), QStringLiteral("receipt")},
                         {QStringLiteral("copies"), 1},
                         {QStringLiteral("reprint"), true}};
        const auto printOutcome = f.sync->push({print}, commune).constFirst();
        QVERIFY2(printOutcome.status == Status::Accepted, qPrintable(printOutcome.message));
        QCOMPARE(lastOf(commune), 4);
        QCOMPARE(lastOf(counter), 4);
        const auto after = pageFor(justice);
        QCOMPARE(after.changes.size(), 2);
        QCOMPARE(after.nextAfter, 4);
        QCOMPARE(f.sync->rawChanges(3, 50, justice)->changes.size(), 0);
        QCOMPARE(f.sync->rawChanges(2, 50, justice)->changes.size(), 1);
    }

    void pagesFollowTheLimit()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const auto counter = test::demoOfficer(QStringLiteral("counter1"));
        for (int n = 0; n < 7; ++n)
            QCOMPARE(f.sync->push({test::centreReceive(100 + n)}, counter).constFirst().status,
                     Status::Accepted);
        auto first = f.sync->changes(0, 3, counter).value();
        QCOMPARE(first.changes.size(), 3);
        QVERIFY(first.more);
        QCOMPARE(first.nextAfter, 3);
        auto second = f.sync->changes(first.nextAfter, 3, counter).value();
        QCOMPARE(second.changes.constFirst().seq, 4);
        auto last = f.sync->changes(6, 3, counter).value();
        QCOMPARE(last.changes.size(), 1);
        QVERIFY(!last.more);
        QCOMPARE(last.nextAfter, 7);
        QVERIFY(f.sync->changes(7, 3, counter).value().changes.isEmpty());
        // Out-of-range arguments are clamped, not errors.
        QCOMPARE(f.sync->changes(-5, 0, counter).value().changes.size(), 1);
        QCOMPARE(f.sync->changes(0, 1000000, counter).value().changes.size(), 7);
    }

    // Figures only (no assertion on time): accepted pushes per second at the store level.
    void pushThroughput()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        for (const int threads : {1, 8}) {
            constexpr int kPerThread = 40; // receive + transfer each: 80 actions a thread
            std::vector<std::unique_ptr<QThread>> workers;
            std::atomic<int> accepted{0};
            for (int w = 0; w < threads; ++w) {
                workers.emplace_back(QThread::create([&, w] {
                    const auto counter = test::demoOfficer(QStringLiteral("counter1"));
                    for (int i = 0; i < kPerThread; ++i) {
                        const auto intake
                            = test::centreReceive(threads * 1000 + w * kPerThread + i);
                        for (const auto &o :
                             f.sync->push({intake, test::transferToJustice(intake)}, counter))
                            accepted += o.status == Status::Accepted ? 1 : 0;
                    }
                }));
            }
            QElapsedTimer timer;
            timer.start();
            for (auto &w : workers)
                w->start();
            for (auto &w : workers)
                QVERIFY(w->wait(240000));
            const qint64 ms = std::max<qint64>(timer.elapsed(), 1);
            QCOMPARE(accepted.load(), threads * kPerThread * 2);
            qInfo("%s: %d thread(s): %d accepted actions in %lld ms = %.0f actions/s",
                  qPrintable(backend), threads, accepted.load(), ms,
                  1000.0 * accepted.load() / double(ms));
        }
        const auto viewer = test::demoOfficer(QStringLiteral("counter1"));
        QElapsedTimer timer;
        timer.start();
        int rows = 0;
        for (qint64 after = 0;;) {
            auto page = f.sync->rawChanges(after, 500, viewer);
            QVERIFY(page);
            rows += int(page->changes.size());
            after = page->nextAfter;
            if (!page->more)
                break;
        }
        const qint64 rawMs = std::max<qint64>(timer.elapsed(), 1);
        timer.restart();
        int parsed = 0;
        for (qint64 after = 0;;) {
            auto page = f.sync->changes(after, 500, viewer);
            QVERIFY(page);
            parsed += int(page->changes.size());
            after = page->nextAfter;
            if (!page->more)
                break;
        }
        const qint64 parsedMs = std::max<qint64>(timer.elapsed(), 1);
        QCOMPARE(parsed, rows);
        qInfo("%s: pulling %d changes in pages of 500: raw %lld ms (%.0f changes/s), parsed %lld "
              "ms (%.0f changes/s)",
              qPrintable(backend), rows, rawMs, 1000.0 * rows / double(rawMs), parsedMs,
              1000.0 * parsed / double(parsedMs));
    }
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "test_server_sync.moc"
