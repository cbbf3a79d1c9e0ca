// Resumable blob uploads over HTTP, on SQLite and PostgreSQL. A blob larger than the 16 MiB body
// limit goes up in chunks (Content-Range: bytes START-END/TOTAL, at most 8 MiB each, in order);
// HEAD tells where to resume; chunks out of order, repeated, of another total, too large or of the
// wrong length are refused with 4xx and change nothing; the upload continues on a second server
// process over the same database (the state lives in the database); a chunked upload whose bytes
// do not hash to the id is discarded; racing chunks for the same offset: one wins. Downloads are
// streamed: a client that goes away mid-download leaves the server serving.
#include "blob_helpers.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace motcua::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

} // namespace

class TestHttpBlobsResume : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void resumableUpload()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        QVERIFY(!token.isEmpty());

        // 20 MiB + 123 bytes: over the body limit in one piece.
        const QByteArray data = randomBytes(20 * kMiB + 123, 7);
        const QString sha = sha256Of(data);
        const qint64 total = data.size();
        Reply r = putWhole(c, sha, data, token);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), QStringLiteral("http.body_too_large"));
        QCOMPARE(c.send("HEAD", blobPath(sha), {}, token).status, 404);

        // The first chunk: 3 MiB + 1 byte, not aligned to the storage rows.
        const qint64 first = 3 * kMiB + 1;
        r = putChunk(c, sha, data, 0, first, token);
        QVERIFY2(r.status == 202, qPrintable(r.describe()));
        QCOMPARE(headerNumber(r, "upload-offset"), first);
        QCOMPARE(r.json.value(QStringLiteral("complete")).toBool(), false);
        r = c.send("HEAD", blobPath(sha), {}, token);
        QCOMPARE(r.status, 409);
        QCOMPARE(headerNumber(r, "upload-offset"), first);
        QCOMPARE(headerNumber(r, "upload-length"), total);
        r = c.get(blobPath(sha), token);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("blob.incomplete"));

        // Refused, and nothing changes: a gap, a repeat, an overlap, another total, a chunk over
        // 8 MiB, a length that does not match the body, malformed ranges.
        const auto refused = [&](const Reply &reply, int status, const QString &code) {
            return reply.status == status && reply.code() == code
                && !reply.json.value(QStringLiteral("message")).toString().isEmpty();
        };
        r = putChunk(c, sha, data, first + 10, kMiB, token);
        QVERIFY2(refused(r, 409, QStringLiteral("blob.offset_mismatch")), qPrintable(r.describe()));
        QCOMPARE(headerNumber(r, "upload-offset"), first);
        QCOMPARE(r.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("expectedOffset"))
                     .toInt(),
                 int(first));
        r = putChunk(c, sha, data, 0, first, token);
        QVERIFY2(refused(r, 409, QStringLiteral("blob.offset_mismatch")), qPrintable(r.describe()));
        r = putChunk(c, sha, data, first - 5, 100, token);
        QVERIFY2(refused(r, 409, QStringLiteral("blob.offset_mismatch")), qPrintable(r.describe()));
        r = putChunk(c, sha, data, first, kMiB, token, total + 1);
        QVERIFY2(refused(r, 409, QStringLiteral("blob.size_mismatch")), qPrintable(r.describe()));
        r = putChunk(c, sha, data, first, 8 * kMiB + 1, token);
        QVERIFY2(refused(r, 413, QStringLiteral("blob.chunk_too_large")), qPrintable(r.describe()));
        auto headers = octets();
        headers.insert("Content-Range", contentRange(first, 1000, total));
        r = c.send("PUT", blobPath(sha), data.mid(first, 999), token, headers);
        QVERIFY2(refused(r, 400, QStringLiteral("blob.bad_range")), qPrintable(r.describe()));
        QCOMPARE(r.field(), QStringLiteral("Content-Range"));
        for (const QByteArray &bad :
             {QByteArrayLiteral("bytes 5-4/10"), QByteArrayLiteral("bytes 0-9/9"),
              QByteArrayLiteral("bytes */10"), QByteArrayLiteral("items 0-9/10"),
              QByteArrayLiteral("bytes -1-9/10"), QByteArrayLiteral("bytes 0-9")}) {
            headers.insert("Content-Range", bad);
            r = c.send("PUT", blobPath(sha), data.left(10), token, headers);
            QVERIFY2(refused(r, 400, QStringLiteral("blob.bad_range")),
                     qPrintable(QString::fromLatin1(bad) + QLatin1Char(' ') + r.describe()));
        }
        QCOMPARE(headerNumber(c.send("HEAD", blobPath(sha), {}, token), "upload-offset"), first);

        // The upload goes on through a second server process on the same database.
        ServerProcess second;
        QVERIFY2(second.start(s.db().url()), qPrintable(second.startError()));
        Client c2(second.baseUrl());
        r = c2.send("HEAD", blobPath(sha), {}, token);
        QCOMPARE(headerNumber(r, "upload-offset"), first);
        qint64 offset = first;
        while (offset < total) {
            const qint64 length = qMin(8 * kMiB, total - offset);
            r = putChunk(offset < 10 * kMiB ? c2 : c, sha, data, offset, length, token);
            const bool last = offset + length == total;
            QVERIFY2(r.status == (last ? 201 : 202), qPrintable(r.describe()));
            offset += length;
            QCOMPARE(headerNumber(r, "upload-offset"), offset);
        }
        r = putChunk(c, sha, data, 0, kMiB, token); // after completion: nothing to do
        QCOMPARE(r.status, 200);
        for (Client *client : {&c, &c2}) {
            r = client->get(blobPath(sha), token);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body == data);
        }
        QVERIFY(second.stop());
    }

    void chunkedHashMismatchIsDiscarded()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QByteArray data = randomBytes(5 * kMiB, 8);
        const QString sha = sha256Of(data);
        QByteArray tampered = data;
        tampered[4 * kMiB] = char(tampered.at(4 * kMiB) ^ 0x40);
        QCOMPARE(putChunk(c, sha, tampered, 0, 3 * kMiB, token).status, 202);
        Reply r = putChunk(c, sha, tampered, 3 * kMiB, 2 * kMiB, token);
        QVERIFY2(r.status == 422, qPrintable(r.describe()));
        QCOMPARE(r.code(), QStringLiteral("blob.hash_mismatch"));
        QCOMPARE(c.send("HEAD", blobPath(sha), {}, token).status, 404); // the upload is gone
        // A fresh start with the right bytes works.
        QCOMPARE(putChunk(c, sha, data, 0, 3 * kMiB, token).status, 202);
        QCOMPARE(putChunk(c, sha, data, 3 * kMiB, 2 * kMiB, token).status, 201);
        QVERIFY(c.get(blobPath(sha), token).body == data);
    }

    void racingChunksOneWins()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QByteArray data = randomBytes(6 * kMiB, 9);
        const QString sha = sha256Of(data);
        constexpr int kRacers = 6;
        QList<QByteArray> methods, bodies;
        QStringList paths, tokens;
        QList<QHash<QByteArray, QByteArray>> headers;
        for (int i = 0; i < kRacers; ++i) {
            methods.append("PUT");
            paths.append(blobPath(sha));
            bodies.append(data.left(2 * kMiB));
            tokens.append(token);
            auto h = octets();
            h.insert("Content-Range", contentRange(0, 2 * kMiB, data.size()));
            headers.append(h);
        }
        const QList<Reply> replies
            = sendConcurrently(s.process().baseUrl(), methods, paths, bodies, tokens, headers);
        int won = 0;
        for (const Reply &r : replies) {
            if (r.status == 202) {
                ++won;
            } else {
                QVERIFY2(r.status == 409 && r.code() == QLatin1String("blob.offset_mismatch"),
                         qPrintable(r.describe()));
                QCOMPARE(headerNumber(r, "upload-offset"), 2 * kMiB);
            }
        }
        QCOMPARE(won, 1);
        QCOMPARE(putChunk(c, sha, data, 2 * kMiB, 4 * kMiB, token).status, 201);
        QVERIFY(c.get(blobPath(sha), token).body == data);
    }

    void downloadsAreStreamed()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend, {QStringLiteral("--log-level"), QStringLiteral("debug")}),
                 qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QByteArray data = randomBytes(24 * kMiB + 17, 10);
        const QString sha = sha256Of(data);
        for (qint64 offset = 0; offset < data.size(); offset += 8 * kMiB) {
            const qint64 length = qMin(8 * kMiB, data.size() - offset);
            QVERIFY(putChunk(c, sha, data, offset, length, token).status < 300);
        }

        // Clients that read a little and go away: the server does not mind.
        for (int i = 0; i < 3; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, s.process().port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET " + blobPath(sha).toLatin1()
                         + " HTTP/1.1\r\nHost: x\r\n"
                           "Authorization: Bearer "
                         + token.toLatin1() + "\r\n\r\n");
            QVERIFY(socket.waitForReadyRead(15000));
            const QByteArray start = socket.read(4096);
            QVERIFY2(start.startsWith("HTTP/1.1 200"), start.left(200).constData());
            QVERIFY(
                start.contains(QByteArray("Content-Length: " + QByteArray::number(data.size()))));
            socket.abort();
        }
        QVERIFY(s.healthy());

        // A client that reads nothing for a while, then everything: the server waits for it
        // (a few MiB queued at most) and the bytes arrive intact.
        {
            QTcpSocket slow;
            slow.setReadBufferSize(64 * 1024);
            slow.connectToHost(QHostAddress::LocalHost, s.process().port());
            QVERIFY(slow.waitForConnected(5000));
            slow.write("GET " + blobPath(sha).toLatin1()
                       + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.toLatin1()
                       + "\r\n\r\n");
            slow.flush();
            QTest::qWait(1500);
            QVERIFY(s.healthy()); // other requests are served meanwhile
            QByteArray received;
            QElapsedTimer timer;
            timer.start();
            qsizetype bodyStart = -1;
            while (timer.elapsed() < 60000
                   && (bodyStart < 0 || received.size() - bodyStart < data.size())) {
                if (!slow.bytesAvailable() && !slow.waitForReadyRead(5000))
                    break;
                received += slow.readAll();
                if (bodyStart < 0 && received.contains("\r\n\r\n"))
                    bodyStart = received.indexOf("\r\n\r\n") + 4;
            }
            QVERIFY(bodyStart > 0);
            QVERIFY(received.startsWith("HTTP/1.1 200"));
            QCOMPARE(received.size() - bodyStart, data.size());
            QVERIFY(received.mid(bodyStart) == data);
            QVERIFY2(s.process().stderrText().contains("waiting for a slow client"),
                     "the server never held back for the slow client");
        }

        // Whole downloads, two at once, arrive intact.
        const QList<Reply> replies
            = sendConcurrently(s.process().baseUrl(), {"GET", "GET"},
                               {blobPath(sha), blobPath(sha)}, {{}, {}}, {token, token});
        for (const Reply &r : replies) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.size(), data.size());
            QVERIFY(r.body == data);
        }
        QVERIFY(s.healthy());
    }
};

QTEST_GUILESS_MAIN(TestHttpBlobsResume)
#include "test_http_blobs_resume.moc"
