// Push and pull end to end over HTTP with the demo journey (domain::demo::exampleJourney with fresh
// UUIDs), each action pushed with its own actor's token: acceptance, duplicates, a rejection with
// its Vietnamese message, the actor check, the change feed in pages and the dossier endpoint.
#include "catalogue_store.h"
#include "database.h"
#include "gnu_gzip.h"
#include "http_fixture.h"
#include "sync_store.h"

#include <QTest>

#include <domain/demo.h>
#include <domain/json.h>

using namespace motcua;
using namespace motcua::test;

namespace {

const QString kPush = QStringLiteral("/api/v1/sync/push");

QList<domain::Action> freshJourney()
{
    QList<domain::Action> journey = domain::demo::exampleJourney();
    const QUuid dossier = QUuid::createUuid();
    for (auto &a : journey) {
        a.id = QUuid::createUuid();
        a.dossierId = dossier;
    }
    return journey;
}

// The journey's first action (a receipt) with its own dossier code, number `n` of the day.
domain::Action freshReceipt(int n)
{
    domain::Action receive = freshJourney().at(0);
    QString code = receive.payload.value(QStringLiteral("code")).toString();
    code.replace(code.size() - 4, 4, QStringLiteral("%1").arg(n, 4, 10, QLatin1Char('0')));
    receive.payload.insert(QStringLiteral("code"), code);
    return receive;
}

QJsonObject pushOne(Client &client, const domain::Action &action, const QString &token,
                    Reply *reply = nullptr)
{
    const Reply r = client.post(
        kPush, {{QStringLiteral("actions"), QJsonArray{domain::toJson(action)}}}, token);
    if (reply)
        *reply = r;
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

// The feed as the route built it before it passed the stored JSON through: SyncStore::changes()
// (rows parsed and read strictly) encoded with QJsonDocument, read here from the server's database.
QJsonObject reencodedFeed(const QString &dbUrl, const QString &agencyCode, qint64 after, int limit,
                          QString *error)
{
    auto url = server::DbUrl::parse(dbUrl);
    if (!url) {
        *error = url.error().message;
        return {};
    }
    server::Database db(url.value());
    server::CatalogueStore catalogue(db);
    server::DbDirectory directory(catalogue);
    server::SyncStore sync(db, directory);
    domain::Officer viewer;
    viewer.id = QStringLiteral("viewer");
    viewer.agencyCode = agencyCode;
    auto page = sync.changes(after, limit, viewer);
    if (!page) {
        *error = page.error().code;
        return {};
    }
    QJsonArray out;
    for (const server::Change &c : page->changes) {
        out.append(QJsonObject{{QStringLiteral("seq"), double(c.seq)},
                               {QStringLiteral("action"), domain::toJson(c.action)},
                               {QStringLiteral("dossier"), domain::toJson(c.dossier)}});
    }
    return {{QStringLiteral("changes"), out},
            {QStringLiteral("nextAfter"), double(page->nextAfter)},
            {QStringLiteral("more"), page->more}};
}

} // namespace

class TestHttpSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void journeyPushedByItsActors()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QHash<QString, QString> tokens;
        const QList<domain::Action> journey = freshJourney();
        for (const auto &a : journey) {
            if (!tokens.contains(a.actorId)) {
                tokens.insert(a.actorId, c.login(a.actorId));
                QVERIFY2(!tokens.value(a.actorId).isEmpty(), qPrintable(c.lastLogin.describe()));
            }
        }

        // Each action by its actor, in order.
        QList<qint64> seqs;
        for (qsizetype i = 0; i < journey.size(); ++i) {
            Reply reply;
            const QJsonObject result
                = pushOne(c, journey.at(i), tokens.value(journey.at(i).actorId), &reply);
            QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
            QVERIFY2(result.value(QStringLiteral("status")).toString() == QLatin1String("accepted"),
                     qPrintable(QStringLiteral("action %1: %2").arg(i).arg(reply.describe())));
            QCOMPARE(result.value(QStringLiteral("id")).toString(),
                     journey.at(i).id.toString(QUuid::WithoutBraces));
            QCOMPARE(result.value(QStringLiteral("version")).toInt(), int(i + 1));
            const qint64 seq = qint64(result.value(QStringLiteral("seq")).toDouble());
            QVERIFY(seqs.isEmpty() || seq > seqs.last());
            seqs.append(seq);
        }

        // The same action again: the first answer, as a duplicate.
        const QJsonObject dup = pushOne(c, journey.at(0), tokens.value(QStringLiteral("counter1")));
        QCOMPARE(dup.value(QStringLiteral("status")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(qint64(dup.value(QStringLiteral("seq")).toDouble()), seqs.at(0));
        QCOMPARE(dup.value(QStringLiteral("version")).toInt(), 1);

        // Pushed with somebody else's token: refused for this request.
        domain::Action foreign = journey.at(1);
        foreign.id = QUuid::createUuid();
        const QJsonObject mismatch = pushOne(c, foreign, tokens.value(QStringLiteral("head1")));
        QCOMPARE(mismatch.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(mismatch.value(QStringLiteral("code")).toString(),
                 QStringLiteral("action.actor_mismatch"));

        // A stale action in a batch with a good one: HTTP 200, answered per action, in Vietnamese.
        domain::Action stale = journey.at(4); // approve, made against version 4
        stale.id = QUuid::createUuid();
        domain::Action again = journey.at(4);
        const Reply batch = c.post(
            kPush,
            {{QStringLiteral("actions"), QJsonArray{domain::toJson(stale), domain::toJson(again)}}},
            tokens.value(QStringLiteral("leader1")));
        QVERIFY2(batch.status == 200, qPrintable(batch.describe()));
        const QJsonArray results = batch.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject rejected = results.at(0).toObject();
        QCOMPARE(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value(QStringLiteral("code")).toString(),
                 QStringLiteral("action.stale_version"));
        QVERIFY2(rejected.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("Hồ sơ đã được cập nhật")),
                 qPrintable(rejected.value(QStringLiteral("message")).toString()));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("duplicate"));
        // The rejection is remembered: the same answer when re-sent.
        const QJsonObject rejectedAgain
            = pushOne(c, stale, tokens.value(QStringLiteral("leader1")));
        QCOMPARE(rejectedAgain.value(QStringLiteral("code")).toString(),
                 QStringLiteral("action.stale_version"));

        // The dossier: the receiving agency sees it, another agency does not.
        const QString path = QStringLiteral("/api/v1/dossiers/")
            + journey.at(0).dossierId.toString(QUuid::WithoutBraces);
        const Reply dossier = c.get(path, tokens.value(QStringLiteral("counter1")));
        QVERIFY2(dossier.status == 200, qPrintable(dossier.describe()));
        QCOMPARE(dossier.json.value(QStringLiteral("version")).toInt(), int(journey.size()));
        QCOMPARE(dossier.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("000.17.22.H56-261128-0007"));
        QCOMPARE(c.get(path, tokens.value(QStringLiteral("head1"))).status, 200); // handling agency
        const QString commune = c.login(QStringLiteral("counter9"));
        QVERIFY(!commune.isEmpty());
        QCOMPARE(c.get(path, commune).status, 403);
        QCOMPARE(c.get(QStringLiteral("/api/v1/dossiers/")
                           + QUuid::createUuid().toString(QUuid::WithoutBraces),
                       commune)
                     .status,
                 404);
        QCOMPARE(c.get(QStringLiteral("/api/v1/dossiers/not-a-uuid"), commune).status, 400);

        // The feed in pages of 3: every accepted action once, in order.
        QList<qint64> seen;
        qint64 after = 0;
        for (int page = 0; page < 10; ++page) {
            const Reply r
                = c.get(QStringLiteral("/api/v1/sync/changes?after=%1&limit=3").arg(after),
                        tokens.value(QStringLiteral("counter1")));
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            const QJsonArray changes = r.json.value(QStringLiteral("changes")).toArray();
            QVERIFY(changes.size() <= 3);
            for (const QJsonValue &v : changes) {
                const QJsonObject change = v.toObject();
                seen.append(qint64(change.value(QStringLiteral("seq")).toDouble()));
                QVERIFY(change.value(QStringLiteral("action")).isObject());
                QCOMPARE(change.value(QStringLiteral("dossier"))
                             .toObject()
                             .value(QStringLiteral("id"))
                             .toString(),
                         journey.at(0).dossierId.toString(QUuid::WithoutBraces));
            }
            after = qint64(r.json.value(QStringLiteral("nextAfter")).toDouble());
            if (!r.json.value(QStringLiteral("more")).toBool())
                break;
        }
        QCOMPARE(seen, seqs);
        // Nothing for an agency that never held the dossier.
        const Reply none = c.get(QStringLiteral("/api/v1/sync/changes"), commune);
        QCOMPARE(none.json.value(QStringLiteral("changes")).toArray().size(), 0);
        QCOMPARE(none.json.value(QStringLiteral("more")).toBool(), false);

        const QByteArray metrics = c.get(QStringLiteral("/metrics")).body;
        QVERIFY(metricValue(metrics, "motcua_sync_pushed_actions_total{outcome=\"accepted\"}")
                >= journey.size());
        QVERIFY(metricValue(metrics, "motcua_sync_pushed_actions_total{outcome=\"duplicate\"}")
                >= 2);
        QVERIFY(metricValue(metrics, "motcua_sync_pushed_actions_total{outcome=\"rejected\"}")
                >= 3);
        QVERIFY(metrics.contains("motcua_http_requests_total{method=\"POST\",route=\"/api/v1/sync/"
                                 "push\",status=\"200\"}"));
        QVERIFY(metrics.contains("motcua_http_request_duration_seconds_bucket{method=\"POST\","
                                 "route=\"/api/v1/sync/push\",le=\"0.005\"}"));
    }

    void wholeJourneyInOneBatch()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        // One officer's batch: only their own actions are accepted, the others are refused one by
        // one.
        const QList<domain::Action> journey = freshJourney();
        QJsonArray all;
        for (const auto &a : journey)
            all.append(domain::toJson(a));
        const Reply r = c.post(kPush, {{QStringLiteral("actions"), all}},
                               c.login(QStringLiteral("counter1")));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), journey.size());
        for (qsizetype i = 0; i < journey.size(); ++i) {
            const QString expected = journey.at(i).actorId == QLatin1String("counter1") && i < 2
                ? QStringLiteral("accepted")
                : QStringLiteral("rejected");
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("status")).toString(), expected);
        }
        // The batch was written in one transaction.
        const QByteArray metrics = c.get(QStringLiteral("/metrics")).body;
        QCOMPARE(metricValue(metrics, "motcua_push_batches_together_total"), 1);
        QCOMPARE(metricValue(metrics, "motcua_push_batches_rolled_back_total"), 0);
    }

    void changesPassStoredJsonThrough()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QHash<QString, QString> tokens;
        // Two journeys; the first transfer's note holds what the splice looks for, quotes, a
        // backslash, control characters and Vietnamese text.
        QList<domain::Action> actions = freshJourney() + freshJourney();
        actions[1].payload.insert(QStringLiteral("note"),
                                  QStringLiteral("Chuyển \"gấp\",\"seq\":1,\"type\":\"x\" \\ "
                                                 "dòng 1\ndòng 2\t\x01 ✓ 😀"));
        actions[8].payload.insert(QStringLiteral("code"),
                                  actions.at(0)
                                      .payload.value(QStringLiteral("code"))
                                      .toString()
                                      .replace(QStringLiteral("0007"), QStringLiteral("0008")));
        QString pushError;
        QVERIFY2(pushEachAccepted(c, actions, tokens, &pushError), qPrintable(pushError));

        // The receiving agency (all 16) and the handling one, in one page and in pages of 5:
        // the same content as the parsed and re-encoded feed.
        const QString head = c.login(QStringLiteral("head1"));
        for (const auto &[token, agency] :
             {std::pair{tokens.value(QStringLiteral("counter1")), domain::demo::kCentreCode},
              std::pair{head, domain::demo::kJusticeCode}}) {
            for (const int limit : {1000, 5}) {
                qint64 after = 0;
                int pages = 0;
                for (bool more = true; more && pages < 10; ++pages) {
                    const Reply r = c.get(QStringLiteral("/api/v1/sync/changes?after=%1&limit=%2")
                                              .arg(after)
                                              .arg(limit),
                                          token);
                    QVERIFY2(r.status == 200, qPrintable(r.describe()));
                    QVERIFY(!r.json.isEmpty());
                    QString error;
                    const QJsonObject expected
                        = reencodedFeed(s.db().url(), agency, after, limit, &error);
                    QVERIFY2(error.isEmpty(), qPrintable(error));
                    QCOMPARE(r.json, expected);
                    for (const QJsonValue &change :
                         r.json.value(QStringLiteral("changes")).toArray())
                        QVERIFY(!change.toObject()
                                     .value(QStringLiteral("action"))
                                     .toObject()
                                     .contains(QStringLiteral("seq")));
                    after = qint64(r.json.value(QStringLiteral("nextAfter")).toDouble());
                    more = r.json.value(QStringLiteral("more")).toBool();
                }
                QCOMPARE(pages, limit == 5 ? 4 : 1);
            }
        }
    }

    // The feed's pages go gzip-compressed to a client that accepts it (QNetworkAccessManager asks
    // and inflates): the pieces stored at push time, spliced. GNU gzip inflates each page to
    // exactly the plain page, also once changes have lost their piece (as those accepted before
    // schema version 10 never had one); a client that refuses gzip gets the plain page. The
    // snapshot's pages are compressed too. With the server's feed cache (the pieces read kept in
    // memory: the second round's pages come from it, as do the pieces since deleted) and without.
    void changesAreSentGzipCompressed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("feed cache") << QStringList();
        QTest::newRow("no feed cache")
            << QStringList{QStringLiteral("--feed-cache"), QStringLiteral("0")};
    }
    void changesAreSentGzipCompressed()
    {
        MOTCUA_REQUIRE_BACKEND();
        QFETCH(QStringList, args);
        TestServer s;
        QVERIFY2(s.start(backend, args), qPrintable(s.error()));
        Client &c = s.client();
        QHash<QString, QString> tokens;
        QString pushError;
        QVERIFY2(pushEachAccepted(c, freshJourney(), tokens, &pushError), qPrintable(pushError));
        const QString token = tokens.value(QStringLiteral("counter1"));
        const auto page = [&](qint64 after, int limit, const QByteArray &acceptEncoding) {
            QHash<QByteArray, QByteArray> headers;
            if (!acceptEncoding.isNull())
                headers.insert("Accept-Encoding", acceptEncoding);
            return c.send(
                "GET",
                QStringLiteral("/api/v1/sync/changes?after=%1&limit=%2").arg(after).arg(limit), {},
                token, headers);
        };
        for (const bool withoutPieces : {false, true}) {
            if (withoutPieces) {
                QString error;
                QVERIFY2(s.db().exec(QStringLiteral("DELETE FROM change_pieces WHERE seq % 2 = 0"),
                                     &error),
                         qPrintable(error));
            }
            for (const auto &[after, limit] : {std::pair{0, 1000}, std::pair{2, 3}}) {
                const Reply plain = page(after, limit, "identity");
                QVERIFY2(plain.status == 200, qPrintable(plain.describe()));
                QVERIFY(!plain.headers.contains("content-encoding"));
                QCOMPARE(plain.headers.value("vary"), QByteArray("Accept-Encoding"));
                QVERIFY(plain.json.value(QStringLiteral("changes")).toArray().size() >= 3);
                QCOMPARE(plain.headers.value("content-length").toLongLong(), plain.body.size());
                // The whole feed's page is large enough to be queued on the socket without a
                // copy (16 KiB and more), the short one is written by QHttpServerResponder.
                QCOMPARE(plain.body.size() >= 16 * 1024, after == 0);

                const Reply compressed = page(after, limit, "gzip");
                QVERIFY2(compressed.status == 200, qPrintable(compressed.describe()));
                QCOMPARE(compressed.headers.value("content-encoding"), QByteArray("gzip"));
                QVERIFY2(compressed.body.size() * 2 < plain.body.size(),
                         qPrintable(QStringLiteral("%1 bytes compressed, %2 plain")
                                        .arg(compressed.body.size())
                                        .arg(plain.body.size())));
                QString error;
                QCOMPARE(gnuGunzip(compressed.body, &error), plain.body);
                QVERIFY2(error.isEmpty(), qPrintable(error));

                // QNetworkAccessManager's own request: compressed on the wire, inflated by Qt.
                QCOMPARE(page(after, limit, QByteArray()).body, plain.body);
                const Reply refused = page(after, limit, "gzip;q=0, identity");
                QVERIFY(!refused.headers.contains("content-encoding"));
                QCOMPARE(refused.body, plain.body);
            }
        }
        // The cache's figures for monitoring: pieces found in memory when it is on, none when off.
        const QByteArray metrics = c.get(QStringLiteral("/metrics")).body;
        const qint64 capacity = metricValue(metrics, "motcua_feed_cache_capacity_bytes");
        QCOMPARE(capacity, args.isEmpty() ? 64 * 1024 * 1024 : 0);
        QCOMPARE(metricValue(metrics, "motcua_feed_cache_hits_total") > 0, args.isEmpty());
        QCOMPARE(metricValue(metrics, "motcua_feed_cache_entries") > 0, args.isEmpty());
        QVERIFY(metricValue(metrics, "motcua_feed_cache_bytes") <= capacity);

        // A first sync's snapshot pages are compressed while served.
        QHash<QByteArray, QByteArray> identity{{"Accept-Encoding", "identity"}};
        QHash<QByteArray, QByteArray> gzipOnly{{"Accept-Encoding", "gzip"}};
        const QString snapshot = QStringLiteral("/api/v1/sync/snapshot");
        const Reply plain = c.send("GET", snapshot, {}, token, identity);
        QVERIFY2(plain.status == 200, qPrintable(plain.describe()));
        QVERIFY(!plain.headers.contains("content-encoding"));
        QCOMPARE(plain.json.value(QStringLiteral("dossiers")).toArray().size(), 1);
        const Reply compressed = c.send("GET", snapshot, {}, token, gzipOnly);
        QCOMPARE(compressed.headers.value("content-encoding"), QByteArray("gzip"));
        QCOMPARE(compressed.headers.value("vary"), QByteArray("Accept-Encoding"));
        QVERIFY(compressed.body.size() < plain.body.size());
        QString error;
        QCOMPARE(gnuGunzip(compressed.body, &error), plain.body);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A workstation's first sync (issue 4): the agency's dossiers as they stand, in id order, each
    // with the seq of its last change; the first page's seq is where the feed takes over.
    void snapshotHoldsTheAgencysDossiersAsTheyStand()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString counter = c.login(QStringLiteral("counter1"));
        const QString head = c.login(QStringLiteral("head1"));
        const QString commune = c.login(QStringLiteral("counter9"));
        QHash<QString, qint64> lastSeq; // dossier id → seq of its last change
        QList<domain::Action> receipts;
        for (int n = 11; n <= 17; ++n) {
            receipts.append(freshReceipt(n));
            const QJsonObject r = pushOne(c, receipts.last(), counter);
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
            lastSeq.insert(receipts.last().dossierId.toString(QUuid::WithoutBraces),
                           qint64(r.value(QStringLiteral("seq")).toDouble()));
        }
        // Two of them go on to the commune.
        for (const int i : {2, 5}) {
            domain::Action transfer = freshJourney().at(1);
            transfer.dossierId = receipts.at(i).dossierId;
            transfer.payload = {{QStringLiteral("agencyCode"), domain::demo::kCommuneCode}};
            const QJsonObject r = pushOne(c, transfer, counter);
            QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
            lastSeq.insert(transfer.dossierId.toString(QUuid::WithoutBraces),
                           qint64(r.value(QStringLiteral("seq")).toDouble()));
        }
        qint64 counterSeq = 0;
        for (const qint64 seq : std::as_const(lastSeq))
            counterSeq = std::max(counterSeq, seq);

        // Pages of 3 for the centre; one more receipt arrives after the first page.
        const QString late = QStringLiteral("/api/v1/sync/snapshot?limit=3&after=");
        QStringList ids;
        qint64 firstSeq = -1;
        QString after;
        int pages = 0;
        for (bool more = true; more; ++pages) {
            QVERIFY(pages < 6);
            const Reply r = c.get(late + after, counter);
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
            const QJsonArray dossiers = r.json.value(QStringLiteral("dossiers")).toArray();
            QVERIFY(dossiers.size() <= 3);
            for (const QJsonValue &v : dossiers) {
                const QJsonObject entry = v.toObject();
                QCOMPARE(entry.keys(),
                         (QStringList{QStringLiteral("dossier"), QStringLiteral("seq")}));
                const QJsonObject dossier = entry.value(QStringLiteral("dossier")).toObject();
                const QString id = dossier.value(QStringLiteral("id")).toString();
                ids.append(id);
                QCOMPARE(qint64(entry.value(QStringLiteral("seq")).toDouble()), lastSeq.value(id));
                QVERIFY(bool(domain::dossierFromJson(dossier)));
                QCOMPARE(dossier, c.get(QStringLiteral("/api/v1/dossiers/") + id, counter).json);
            }
            if (firstSeq < 0) {
                firstSeq = qint64(r.json.value(QStringLiteral("seq")).toDouble());
                QCOMPARE(firstSeq, counterSeq);
                const domain::Action extra = freshReceipt(18);
                const QJsonObject pushed = pushOne(c, extra, counter);
                QCOMPARE(pushed.value(QStringLiteral("status")).toString(),
                         QStringLiteral("accepted"));
                lastSeq.insert(extra.dossierId.toString(QUuid::WithoutBraces),
                               qint64(pushed.value(QStringLiteral("seq")).toDouble()));
            }
            more = r.json.value(QStringLiteral("more")).toBool();
            after = r.json.value(QStringLiteral("next")).toString();
            if (more)
                QCOMPARE(after, ids.last());
        }
        QStringList sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(ids, sorted); // in id order, each once
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        // Every dossier is in the snapshot or in the feed after the first page's seq.
        QSet<QString> covered(ids.cbegin(), ids.cend());
        const Reply feed
            = c.get(QStringLiteral("/api/v1/sync/changes?after=%1").arg(firstSeq), counter);
        for (const QJsonValue &v : feed.json.value(QStringLiteral("changes")).toArray())
            covered.insert(v.toObject()
                               .value(QStringLiteral("dossier"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString());
        QCOMPARE(covered, QSet<QString>(lastSeq.keyBegin(), lastSeq.keyEnd()));

        // A handling agency has what it handles now: the commune the two transferred, the
        // Department of Justice the others.
        const auto idsOf = [&c](const QString &token) {
            const Reply r = c.get(QStringLiteral("/api/v1/sync/snapshot"), token);
            QStringList out;
            for (const QJsonValue &v : r.json.value(QStringLiteral("dossiers")).toArray()) {
                out.append(v.toObject()
                               .value(QStringLiteral("dossier"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString());
            }
            if (r.status != 200 || r.json.value(QStringLiteral("more")).toBool()
                || r.json.value(QStringLiteral("seq")).toDouble() <= 0)
                out.append(r.describe());
            return out;
        };
        QStringList atCommune, atJustice;
        for (const QString &id : lastSeq.keys()) {
            const bool moved = id == receipts.at(2).dossierId.toString(QUuid::WithoutBraces)
                || id == receipts.at(5).dossierId.toString(QUuid::WithoutBraces);
            (moved ? atCommune : atJustice).append(id);
        }
        std::sort(atCommune.begin(), atCommune.end());
        std::sort(atJustice.begin(), atJustice.end());
        QCOMPARE(idsOf(commune), atCommune);
        QCOMPARE(idsOf(head), atJustice);

        // Bad parameters: 400 naming the parameter, in Vietnamese.
        for (const QString &query :
             {QStringLiteral("after=../x"), QStringLiteral("after=%27%20OR%201=1"),
              QString(QStringLiteral("after=") + QUuid::createUuid().toString()),
              QStringLiteral("limit=0"), QStringLiteral("limit=5000"),
              QStringLiteral("limit=abc")}) {
            const Reply bad = c.get(QStringLiteral("/api/v1/sync/snapshot?") + query, counter);
            QVERIFY2(bad.status == 400, qPrintable(query + QLatin1Char(' ') + bad.describe()));
            QCOMPARE(bad.field(), query.section(QLatin1Char('='), 0, 0));
            QVERIFY(!bad.json.value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    // R07/R09 and issue 5 item 8 on the real server: intake records the workflow's version and
    // start step, the next action moves the step along that version even after a new version is
    // published, and a print is an action like the others (validated, in the change feed).
    void stepsAndPrintsRecordedByTheServer_R07_R09_R19()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString counter = c.login(QStringLiteral("counter1"));
        QVERIFY(!counter.isEmpty());
        const QList<domain::Action> journey = freshJourney();
        const QString path = QStringLiteral("/api/v1/dossiers/")
            + journey.at(0).dossierId.toString(QUuid::WithoutBraces);

        QCOMPARE(pushOne(c, journey.at(0), counter).value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        Reply d = c.get(path, counter);
        QVERIFY2(d.status == 200, qPrintable(d.describe()));
        QCOMPARE(d.json.value(QStringLiteral("workflowId")).toString(), QStringLiteral("wf-lltp"));
        QCOMPARE(d.json.value(QStringLiteral("workflowVersion")).toInt(), 1);
        QCOMPARE(d.json.value(QStringLiteral("currentStepId")).toString(),
                 QStringLiteral("tiep-nhan"));

        // Version 2 renames the assignment step; the running dossier stays on version 1.
        {
            auto url = server::DbUrl::parse(s.db().url());
            QVERIFY(url);
            server::Database db(url.value());
            server::CatalogueStore catalogue(db);
            auto v1 = catalogue.workflow(QStringLiteral("wf-lltp"));
            QVERIFY(v1 && v1.value());
            domain::Workflow v2 = *v1.value();
            v2.version = 2;
            for (auto &step : v2.steps) {
                if (step.id == QLatin1String("phan-cong"))
                    step.id = QStringLiteral("phan-cong-2");
            }
            for (auto &t : v2.transitions) {
                for (QString *end : {&t.from, &t.to}) {
                    if (*end == QLatin1String("phan-cong"))
                        *end = QStringLiteral("phan-cong-2");
                }
            }
            const auto added = catalogue.addWorkflowVersion(v2);
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        }
        QCOMPARE(pushOne(c, journey.at(1), counter).value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        d = c.get(path, counter);
        QCOMPARE(d.json.value(QStringLiteral("workflowVersion")).toInt(), 1);
        QCOMPARE(d.json.value(QStringLiteral("currentStepId")).toString(),
                 QStringLiteral("phan-cong"));
        // A dossier received now starts on version 2.
        const domain::Action other = freshReceipt(9);
        QCOMPARE(pushOne(c, other, counter).value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        const Reply second = c.get(QStringLiteral("/api/v1/dossiers/")
                                       + other.dossierId.toString(QUuid::WithoutBraces),
                                   counter);
        QCOMPARE(second.json.value(QStringLiteral("workflowVersion")).toInt(), 2);

        // A reprint of the receipt after the transfer: accepted, stage kept, listed.
        domain::Action print = journey.at(1);
        print.id = QUuid::createUuid();
        print.type = domain::ActionType::RecordPrint;
        print.baseVersion = 2;
        print.payload = {{QStringLiteral("form"), QStringLiteral("receipt")},
                         {QStringLiteral("copies"), 2},
                         {QStringLiteral("reprint"), true}};
        const QJsonObject printed = pushOne(c, print, counter);
        QCOMPARE(printed.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(printed.value(QStringLiteral("version")).toInt(), 3);
        d = c.get(path, counter);
        QCOMPARE(d.json.value(QStringLiteral("stage")).toString(),
                 QStringLiteral("awaiting-assignment"));
        QCOMPARE(d.json.value(QStringLiteral("prints")).toArray().size(), 1);
        // An unknown form: refused, naming the field, in Vietnamese.
        domain::Action bad = print;
        bad.id = QUuid::createUuid();
        bad.baseVersion = 3;
        bad.payload.insert(QStringLiteral("form"), QStringLiteral("passport"));
        const QJsonObject refused = pushOne(c, bad, counter);
        QCOMPARE(refused.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(refused.value(QStringLiteral("code")).toString(),
                 QStringLiteral("action.bad_payload"));
        QCOMPARE(refused.value(QStringLiteral("field")).toString(), QStringLiteral("payload.form"));
        QVERIFY(refused.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("mẫu phiếu")));

        // The print is in the change feed, with the dossier listing it.
        const Reply feed = c.get(QStringLiteral("/api/v1/sync/changes?after=0&limit=100"), counter);
        QVERIFY2(feed.status == 200, qPrintable(feed.describe()));
        bool seen = false;
        for (const QJsonValue &v : feed.json.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject change = v.toObject();
            if (change.value(QStringLiteral("action")).toObject().value(QStringLiteral("type"))
                == QStringLiteral("record-print")) {
                seen = true;
                const QJsonObject dossier = change.value(QStringLiteral("dossier")).toObject();
                QCOMPARE(dossier.value(QStringLiteral("prints")).toArray().size(), 1);
                QCOMPARE(dossier.value(QStringLiteral("currentStepId")).toString(),
                         QStringLiteral("phan-cong"));
            }
        }
        QVERIFY(seen);
    }

    // The database refuses the second action of a batch: the first is accepted, the second is
    // answered server.unavailable (not a verdict), the third is not judged at all (it might build
    // on the second); the device sends the two again later and both are accepted.
    void batchStopsAtTheFirstUnwrittenAction()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        QVERIFY(!token.isEmpty());
        const QList<domain::Action> three{freshReceipt(101), freshReceipt(102), freshReceipt(103)};
        QString error;
        QVERIFY2(s.db().refuseActionsOf(three.at(1).dossierId, &error), qPrintable(error));
        QJsonArray batch;
        for (const auto &a : three)
            batch.append(domain::toJson(a));
        const Reply first = c.post(kPush, {{QStringLiteral("actions"), batch}}, token);
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        const QJsonArray results = first.json.value(QStringLiteral("results")).toArray();
        QVERIFY2(results.size() == 2, first.body.constData());
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        const QJsonObject stopped = results.at(1).toObject();
        QCOMPARE(stopped.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(stopped.value(QStringLiteral("code")).toString(),
                 QStringLiteral("server.unavailable"));
        QVERIFY(!first.body.contains("refused by the test")); // no database text leaks

        QVERIFY2(s.db().acceptActionsAgain(&error), qPrintable(error));
        const Reply again = c.post(
            kPush, {{QStringLiteral("actions"), QJsonArray{batch.at(1), batch.at(2)}}}, token);
        QCOMPARE(again.status, 200);
        for (const QJsonValue &r : again.json.value(QStringLiteral("results")).toArray())
            QCOMPARE(r.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("accepted"));
        QCOMPARE(again.json.value(QStringLiteral("results")).toArray().size(), 2);
    }

    // A database that fails under a running server (a table gone: the cached statements fail on
    // both backends): 503 with Retry-After and a Vietnamese message, no SQL or driver text, then
    // the same requests succeed once the table is back.
    void databaseFailureIs503()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        QVERIFY(!token.isEmpty());
        const domain::Action receive = freshJourney().at(0);
        QCOMPARE(pushOne(c, receive, token).value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        const QString changes = QStringLiteral("/api/v1/sync/changes?after=0");
        const QString dossier = QStringLiteral("/api/v1/dossiers/")
            + receive.dossierId.toString(QUuid::WithoutBraces);
        QCOMPARE(c.get(changes, token).status, 200);
        QCOMPARE(c.get(dossier, token).status, 200);

        QString error;
        // The tables move to NAME_away and back. (The feed's page came from agency_feed and the
        // server's feed cache: it goes too.)
        const auto renameTables = [&](const QString &from, const QString &to) {
            for (const char *table : {"actions", "dossiers", "agency_feed"}) {
                const QString name = QString::fromLatin1(table);
                if (!s.db().exec(
                        QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(name + from, name + to),
                        &error))
                    return false;
            }
            return true;
        };
        QVERIFY2(renameTables(QString(), QStringLiteral("_away")), qPrintable(error));
        for (const QString &path : {changes, dossier}) {
            const Reply r = c.get(path, token);
            QVERIFY2(r.status == 503, qPrintable(path + QLatin1Char(' ') + r.describe()));
            QCOMPARE(r.headers.value("retry-after"), QByteArray("5"));
            QCOMPARE(r.code(), QStringLiteral("server.unavailable"));
            QVERIFY(r.json.value(QStringLiteral("message"))
                        .toString()
                        .contains(QStringLiteral("thử lại")));
            QVERIFY(r.field().isEmpty());
            QCOMPARE(r.json.value(QStringLiteral("details")).toObject().keys(),
                     QStringList{QStringLiteral("retryAfter")});
            for (const char *leak : {"actions", "dossiers", "agency_feed", "SELECT", "sql", "SQL",
                                     "relation", "no such", "QSQLITE", "QPSQL"}) {
                QVERIFY2(!r.body.contains(leak), r.body.constData());
            }
        }
        // A push the database cannot write is not a verdict: 503, nothing written, and the same
        // batch is accepted once the database is back.
        const QList<domain::Action> later{freshReceipt(201), freshReceipt(202)};
        QJsonArray batch;
        for (const auto &a : later)
            batch.append(domain::toJson(a));
        const Reply refused = c.post(kPush, {{QStringLiteral("actions"), batch}}, token);
        QVERIFY2(refused.status == 503, qPrintable(refused.describe()));
        QCOMPARE(refused.code(), QStringLiteral("server.unavailable"));
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("5"));
        QVERIFY(!refused.body.contains("SQL") && !refused.body.contains("actions_away"));
        QVERIFY2(renameTables(QStringLiteral("_away"), QString()), qPrintable(error));
        QCOMPARE(c.get(changes, token).status, 200);
        QCOMPARE(c.get(dossier, token).status, 200);
        const Reply retried = c.post(kPush, {{QStringLiteral("actions"), batch}}, token);
        QVERIFY2(retried.status == 200, retried.body.constData());
        QVERIFY2(!retried.body.contains("rejected"), retried.body.constData());
        const QJsonArray results = retried.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        for (const QJsonValue &result : results)
            QCOMPARE(result.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("accepted"));
    }
};

QTEST_GUILESS_MAIN(TestHttpSync)
#include "test_http_sync.moc"
