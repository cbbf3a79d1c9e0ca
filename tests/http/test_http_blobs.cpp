// Blobs over HTTP, whole uploads and downloads, on SQLite and PostgreSQL: the hash checked on
// upload (a mismatch stores nothing), ids validated (no path tricks), GET with ETag, If-None-Match
// and single ranges across the 1 MiB storage rows, HEAD with the size and no body, the size limits,
// and who may read what (the uploader's agency; another agency gets 404 as for an absent blob,
// until it uploads the same bytes itself).
#include "blob_helpers.h"

#include <QJsonArray>
#include <QTest>

#include <domain/demo.h>
#include <domain/json.h>

using namespace motcua::test;

namespace {

const QString kMissing = QString(64, QLatin1Char('a'));

} // namespace

class TestHttpBlobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void uploadAndDownload()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        QVERIFY(!token.isEmpty());

        // 3 MiB + 5 bytes: four storage rows, the last one short.
        const QByteArray data = randomBytes(3 * 1024 * 1024 + 5, 1);
        const QString sha = sha256Of(data);
        Reply r = putWhole(c, sha, data, token);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(qint64(r.json.value(QStringLiteral("size")).toDouble()), data.size());
        QCOMPARE(r.headers.value("etag"), QByteArray('"' + sha.toLatin1() + '"'));
        r = putWhole(c, sha, data, token); // the same again: nothing new
        QVERIFY2(r.status == 200, qPrintable(r.describe()));

        r = c.get(blobPath(sha), token);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.body == data);
        QCOMPARE(r.headers.value("content-type"), QByteArrayLiteral("application/octet-stream"));
        QCOMPARE(r.headers.value("etag"), QByteArray('"' + sha.toLatin1() + '"'));
        QCOMPARE(r.headers.value("accept-ranges"), QByteArrayLiteral("bytes"));

        r = c.send("HEAD", blobPath(sha), {}, token);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(headerNumber(r, "content-length"), data.size());
        QCOMPARE(headerNumber(r, "upload-offset"), data.size());
        QCOMPARE(r.headers.value("etag"), QByteArray('"' + sha.toLatin1() + '"'));

        const QHash<QByteArray, QByteArray> cached{
            {"If-None-Match", QByteArray('"' + sha.toLatin1() + '"')}};
        QCOMPARE(c.send("GET", blobPath(sha), {}, token, cached).status, 304);

        // Ranges: across a row boundary, open-ended, the last bytes, past the end.
        const auto range = [&](const QByteArray &value) {
            return c.send("GET", blobPath(sha), {}, token, {{"Range", value}});
        };
        const qint64 row = 1024 * 1024;
        r = range("bytes=" + QByteArray::number(row - 10) + "-" + QByteArray::number(row + 9));
        QCOMPARE(r.status, 206);
        QVERIFY(r.body == data.mid(row - 10, 20));
        QCOMPARE(r.headers.value("content-range"),
                 QStringLiteral("bytes %1-%2/%3")
                     .arg(row - 10)
                     .arg(row + 9)
                     .arg(data.size())
                     .toLatin1());
        r = range("bytes=" + QByteArray::number(3 * row) + "-");
        QCOMPARE(r.status, 206);
        QVERIFY(r.body == data.mid(3 * row));
        r = range("bytes=-7");
        QCOMPARE(r.status, 206);
        QVERIFY(r.body == data.right(7));
        r = range("bytes=" + QByteArray::number(data.size()) + "-");
        QCOMPARE(r.status, 416);
        QCOMPARE(r.code(), QStringLiteral("blob.range_not_satisfiable"));
        QCOMPARE(r.headers.value("content-range"),
                 QByteArray("bytes */" + QByteArray::number(data.size())));
        r = range("bytes=0-1,5-6"); // several ranges: the whole blob
        QCOMPARE(r.status, 200);
        QVERIFY(r.body == data);

        // An empty blob is a blob too.
        const QString empty = sha256Of({});
        QCOMPARE(putWhole(c, empty, {}, token).status, 201);
        r = c.get(blobPath(empty), token);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QVERIFY(s.healthy());
    }

    void hashAndIdsAreChecked()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QByteArray data = randomBytes(200000, 2);
        const QString sha = sha256Of(data);

        // Bytes that do not hash to the id: 422, and nothing is there afterwards.
        QByteArray tampered = data;
        tampered[1000] = char(tampered.at(1000) ^ 1);
        Reply r = putWhole(c, sha, tampered, token);
        QVERIFY2(r.status == 422, qPrintable(r.describe()));
        QCOMPARE(r.code(), QStringLiteral("blob.hash_mismatch"));
        QVERIFY(!r.json.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(r.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("actual"))
                     .toString(),
                 sha256Of(tampered));
        QCOMPARE(c.send("HEAD", blobPath(sha), {}, token).status, 404);
        r = c.get(blobPath(sha), token);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("blob.not_found"));

        // Ids: exactly 64 lower-case hex digits, for every method.
        const QStringList bad{sha.toUpper(),
                              sha.left(63),
                              sha + QLatin1Char('0'),
                              QString(64, QLatin1Char('g')),
                              QStringLiteral("..%2F..%2Fetc%2Fpasswd"),
                              QStringLiteral("%2E%2E"),
                              sha.left(62) + QStringLiteral("%00a"),
                              QStringLiteral("' OR '1'='1")};
        for (const QString &id : bad) {
            for (const QByteArray &method : {QByteArrayLiteral("GET"), QByteArrayLiteral("PUT")}) {
                r = c.send(method, QStringLiteral("/api/v1/blobs/") + id,
                           method == "PUT" ? data : QByteArray(), token, octets());
                QVERIFY2((r.status == 400 && r.code() == QLatin1String("blob.bad_id")
                          && r.field() == QLatin1String("sha256"))
                             || r.status == 404,
                         qPrintable(id + QLatin1Char(' ') + r.describe()));
            }
            QVERIFY(c.send("HEAD", QStringLiteral("/api/v1/blobs/") + id, {}, token).status >= 400);
        }
        // Dot segments never reach a route (raw: QNetworkAccessManager would normalise them).
        r = rawRequest(s.process().port(),
                       "GET /api/v1/blobs/../../etc/passwd HTTP/1.1\r\nHost: x\r\nAuthorization: "
                       "Bearer "
                           + token.toLatin1() + "\r\n\r\n");
        QCOMPARE(r.status, 404);
        QCOMPARE(c.get(blobPath(kMissing), token).status, 404);
        QCOMPARE(c.send("HEAD", blobPath(kMissing), {}, token).status, 404);
        QVERIFY(s.healthy());
    }

    void limits()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend, {QStringLiteral("--blob-limit"), QStringLiteral("1M")}),
                 qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QByteArray big = randomBytes(1024 * 1024 + 1, 3);
        Reply r = putWhole(c, sha256Of(big), big, token);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("blob.too_large"));
        r = putChunk(c, sha256Of(big), big, 0, 1000, token);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("blob.too_large"));
        const QByteArray fits = big.left(1024 * 1024);
        QCOMPARE(putWhole(c, sha256Of(fits), fits, token).status, 201);
    }

    void agencyScope()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString centre = c.login(QStringLiteral("counter1"));    // service centre
        const QString admin = c.login(QStringLiteral("admin1"));       // service centre
        const QString justice = c.login(QStringLiteral("appraiser1")); // department of justice
        const QString commune = c.login(QStringLiteral("counter9"));   // a commune
        QVERIFY(!centre.isEmpty() && !admin.isEmpty() && !justice.isEmpty() && !commune.isEmpty());

        const QByteArray scan = randomBytes(1500000, 4);
        const QString sha = sha256Of(scan);
        QCOMPARE(putWhole(c, sha, scan, centre).status, 201);
        QCOMPARE(c.get(blobPath(sha), admin).status, 200);
        // Another agency: the same answer as for a blob nobody has.
        Reply other = c.get(blobPath(sha), justice);
        const Reply absent = c.get(blobPath(kMissing), justice);
        QCOMPARE(other.status, 404);
        QCOMPARE(other.code(), absent.code());
        QCOMPARE(other.json.value(QStringLiteral("message")),
                 absent.json.value(QStringLiteral("message")));
        QCOMPARE(c.send("HEAD", blobPath(sha), {}, justice).status, 404);
        QCOMPARE(c.send("GET", blobPath(sha), {}, justice, {{"Range", "bytes=0-9"}}).status, 404);

        // Uploading the same bytes proves possession: readable, nothing stored twice.
        Reply again = putWhole(c, sha, scan, justice);
        QVERIFY2(again.status == 201, qPrintable(again.describe()));
        other = c.get(blobPath(sha), justice);
        QCOMPARE(other.status, 200);
        QVERIFY(other.body == scan);
        // … but wrong bytes under that id get nothing.
        QCOMPARE(putWhole(c, sha, scan.left(100), commune).status, 422);
        QCOMPARE(c.get(blobPath(sha), commune).status, 404);

        // An upload in progress is its agency's business only.
        const QByteArray draft = randomBytes(3 * 1024 * 1024, 5);
        const QString draftSha = sha256Of(draft);
        QCOMPARE(putChunk(c, draftSha, draft, 0, 1024 * 1024, commune).status, 202);
        Reply head = c.send("HEAD", blobPath(draftSha), {}, commune);
        QCOMPARE(head.status, 409);
        QCOMPARE(headerNumber(head, "upload-offset"), 1024 * 1024);
        QCOMPARE(c.send("HEAD", blobPath(draftSha), {}, centre).status, 404);
        // The centre uploads the same file on its own, from the start.
        QCOMPARE(putChunk(c, draftSha, draft, 0, 2 * 1024 * 1024, centre).status, 202);
        QCOMPARE(putChunk(c, draftSha, draft, 2 * 1024 * 1024, 1024 * 1024, centre).status, 201);
        QCOMPARE(c.get(blobPath(draftSha), centre).body.size(), draft.size());
        QCOMPARE(c.get(blobPath(draftSha), commune).status, 409); // still its own partial upload
        QVERIFY(s.healthy());
    }

    // A dossier transferred to the competent agency (R06) takes its files along: the justice
    // department reads the centre's scans, the centre reads the justice department's result. A
    // hash the acting agency cannot read is not shared by naming it in a dossier. The receive and
    // the transfer are pushed one a request, or together in one batch (on PostgreSQL one
    // transaction, whose grants are written at its end in one statement).
    void transferSharesTheDossierFiles_data()
    {
        QTest::addColumn<bool>("batched");
        QTest::newRow("one action a request") << false;
        QTest::newRow("receive and transfer in one batch") << true;
    }
    void transferSharesTheDossierFiles()
    {
        MOTCUA_REQUIRE_BACKEND();
        QFETCH(bool, batched);
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QHash<QString, QString> tokens;
        for (const char *who : {"counter1", "head1", "appraiser1", "counter9"}) {
            tokens.insert(QLatin1String(who), c.login(QLatin1String(who)));
            QVERIFY(!tokens.value(QLatin1String(who)).isEmpty());
        }
        const QByteArray scan = randomBytes(70000, 11);
        const QByteArray result = randomBytes(50000, 12);
        const QByteArray communes = randomBytes(30000, 13); // only the commune holds it
        QCOMPARE(putWhole(c, sha256Of(scan), scan, tokens.value(QStringLiteral("counter1"))).status,
                 201);
        QCOMPARE(putWhole(c, sha256Of(result), result, tokens.value(QStringLiteral("appraiser1")))
                     .status,
                 201);
        QCOMPARE(putWhole(c, sha256Of(communes), communes, tokens.value(QStringLiteral("counter9")))
                     .status,
                 201);

        // The demo journey up to the submission, with our files in it.
        QList<motcua::domain::Action> journey = motcua::domain::demo::exampleJourney().mid(0, 4);
        const QUuid dossier = QUuid::createUuid();
        for (auto &a : journey) {
            a.id = QUuid::createUuid();
            a.dossierId = dossier;
        }
        QJsonArray components = journey[0].payload.value(QStringLiteral("components")).toArray();
        QJsonObject scanned = components.at(1).toObject();
        const auto file = [](const QByteArray &bytes, const QString &name) {
            return QJsonObject{{QStringLiteral("sha256"), sha256Of(bytes)},
                               {QStringLiteral("fileName"), name},
                               {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                               {QStringLiteral("size"), bytes.size()}};
        };
        scanned.insert(QStringLiteral("files"),
                       QJsonArray{file(scan, QStringLiteral("cccd.pdf")),
                                  file(communes, QStringLiteral("la.pdf"))});
        components.replace(1, scanned);
        journey[0].payload.insert(QStringLiteral("components"), components);
        journey[3].payload.insert(QStringLiteral("results"),
                                  QJsonArray{file(result, QStringLiteral("phieu.pdf"))});

        const auto push = [&](const motcua::domain::Action &a) {
            const Reply r
                = c.post(QStringLiteral("/api/v1/sync/push"),
                         {{QStringLiteral("actions"), QJsonArray{motcua::domain::toJson(a)}}},
                         tokens.value(a.actorId));
            return r.json.value(QStringLiteral("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("status"));
        };
        const auto status = [&](const QByteArray &bytes, const char *who) {
            return c.get(blobPath(sha256Of(bytes)), tokens.value(QLatin1String(who))).status;
        };
        QCOMPARE(status(scan, "appraiser1"), 404);
        // Received by the centre for a procedure of the justice department (the competent
        // agency), then transferred there.
        if (batched) {
            const Reply r = c.post(QStringLiteral("/api/v1/sync/push"),
                                   {{QStringLiteral("actions"),
                                     QJsonArray{motcua::domain::toJson(journey[0]),
                                                motcua::domain::toJson(journey[1])}}},
                                   tokens.value(QStringLiteral("counter1")));
            const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
            QCOMPARE(results.size(), 2);
            for (const QJsonValue &answer : results)
                QCOMPARE(answer.toObject().value(QStringLiteral("status")).toString(),
                         QStringLiteral("accepted"));
        } else {
            QCOMPARE(push(journey[0]).toString(), QStringLiteral("accepted"));
            QCOMPARE(push(journey[1]).toString(), QStringLiteral("accepted"));
        }
        QCOMPARE(status(scan, "appraiser1"), 200);
        QCOMPARE(status(scan, "counter9"), 404);     // a third agency: nothing
        QCOMPARE(status(communes, "counter1"), 404); // named in the dossier, never held
        QCOMPARE(status(communes, "appraiser1"), 404);
        QCOMPARE(status(result, "counter1"), 404);
        QCOMPARE(push(journey[2]).toString(), QStringLiteral("accepted"));
        QCOMPARE(push(journey[3]).toString(), QStringLiteral("accepted")); // with the result
        QCOMPARE(status(result, "counter1"), 200); // the counter will hand it over
        QCOMPARE(status(communes, "counter1"), 404);
        QVERIFY(s.healthy());
    }
};

QTEST_GUILESS_MAIN(TestHttpBlobs)
#include "test_http_blobs.moc"
