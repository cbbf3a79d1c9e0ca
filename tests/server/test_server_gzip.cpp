// The sync feed's gzip pages: pieces compressed at push time spliced into one gzip stream, judged
// by GNU gzip (its own inflate, not zlib's); the Accept-Encoding rules; and, on SQLite and
// PostgreSQL, every accepted change keeping its piece of the page.
#include "fixtures.h"
#include "gnu_gzip.h"
#include "testdb.h"

#include <QRandomGenerator>
#include <QTest>

#include <catalogue_store.h>
#include <gzip_splice.h>
#include <sync_store.h>

using namespace motcua;
using namespace motcua::server;

namespace {

QByteArray jsonLike(int n)
{
    QByteArray text = "{\"applicant\":{\"fullName\":\"Nguyễn Văn Đức\",\"address\":\"12 Trần Phú, "
                      "phường Nha Trang\"},\"components\":[";
    for (int i = 0; i < n; ++i) {
        text += "{\"id\":\"c" + QByteArray::number(i) + "\",\"name\":\"Bản sao giấy tờ số "
            + QByteArray::number(i * 7919 % 1000) + "\",\"copies\":" + QByteArray::number(i % 3)
            + "},";
    }
    text += "{}]}";
    return text;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(20261130);
    for (char &b : bytes)
        b = char(rng.bounded(256));
    return bytes;
}

} // namespace

class TestServerGzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The splice and the header rules need no database; they run once per backend row too.
    void initTestCase_data() { test::addBackends(); }

    // Pieces and plain text in any order, plain runs longer than a stored block (65,535 bytes),
    // incompressible and empty pieces, a stream of text only and an empty one: GNU gzip checks
    // the CRC-32 and length and inflates each to exactly the text.
    void splicedStreamsInflateToTheirText()
    {
        const QByteArray big = jsonLike(3000); // ≈ 200 KB
        const QList<QList<std::pair<bool, QByteArray>>> streams{
            {{false, "{\"changes\":["},
             {true, jsonLike(3)},
             {false, "17},"},
             {true, jsonLike(40)},
             {false, "18}],\"more\":false}"}},
            {{true, jsonLike(1)}, {true, jsonLike(2)}, {true, {}}, {true, randomBytes(70000)}},
            {{false, big}, {true, big}, {false, randomBytes(140000)}},
            {{false, "chỉ có chữ"}},
            {},
        };
        for (const auto &parts : streams) {
            gzip::Splice splice;
            QByteArray expected;
            for (const auto &[compressed, text] : parts) {
                if (compressed) {
                    const QByteArray piece = gzip::piece(text);
                    QVERIFY(gzip::isPiece(piece));
                    splice.append(piece);
                } else {
                    splice.text(text);
                }
                expected += text;
            }
            const QByteArray stream = splice.finish();
            QCOMPARE(stream.left(3), QByteArray("\x1f\x8b\x08", 3));
            QString error;
            const QByteArray inflated = test::gnuGunzip(stream, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(inflated.size(), expected.size());
            QVERIFY(inflated == expected);
        }
        // JSON shrinks (the feed's changes about threefold; this repetitive text more).
        QVERIFY(gzip::piece(big).size() < big.size() / 4);
    }

    // A whole answer compressed at once (the snapshot's pages).
    void compressedAnswersInflateToTheirText()
    {
        for (const QByteArray &text : {jsonLike(2000), randomBytes(100000), QByteArray("{}")}) {
            const QByteArray stream = gzip::compress(text);
            QString error;
            QCOMPARE(test::gnuGunzip(stream, &error), text);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QVERIFY(gzip::compress(jsonLike(2000)).size() < jsonLike(2000).size() / 4);
    }

    // A damaged piece is caught by the reader: the trailer's CRC-32 no longer matches.
    void aDamagedPieceFailsTheCheck()
    {
        QByteArray piece = gzip::piece(jsonLike(20));
        gzip::Splice splice;
        splice.text("[");
        piece[4] = char(piece.at(4) + 1); // the length in the header
        splice.append(piece);
        QString error;
        test::gnuGunzip(splice.finish(), &error);
        QVERIFY(!error.isEmpty());
        QVERIFY(!gzip::isPiece(QByteArray(12, 'x')));
    }

    void acceptEncoding_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("Qt's QNetworkAccessManager") << QByteArray("gzip, deflate") << true;
        QTest::newRow("curl --compressed") << QByteArray("deflate, gzip, br, zstd") << true;
        QTest::newRow("case and weight") << QByteArray("GZip;Q=0.5") << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
        QTest::newRow("any") << QByteArray("*") << true;
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
        QTest::newRow("deflate only") << QByteArray("deflate, br") << false;
        QTest::newRow("gzip refused") << QByteArray("gzip;q=0, deflate") << false;
        QTest::newRow("gzip refused, any other") << QByteArray("gzip; q=0.000, *") << false;
        QTest::newRow("any refused") << QByteArray("*;q=0") << false;
        QTest::newRow("bad weight") << QByteArray("gzip;q=abc") << false;
        QTest::newRow("spaces") << QByteArray("  br ,  gzip ;q=1 ") << true;
    }
    void acceptEncoding()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, gzip);
        QCOMPARE(gzip::accepted(header), gzip);
    }

    // Every accepted change keeps its piece: the text of the change in the page up to its seq
    // ({"action":…,"dossier":…,"seq":), the action without its "seq"; read with gzip, its JSON
    // is not read at all.
    void acceptedChangesKeepTheirPiece()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        for (int n = 1; n <= 3; ++n) {
            const auto outcome = f.sync->push({test::centreReceive(n)}, counter).constFirst();
            QVERIFY2(outcome.status == PushOutcome::Status::Accepted, qPrintable(outcome.message));
        }
        auto plain = f.sync->rawChanges(0, 50, counter);
        auto compressed = f.sync->rawChanges(0, 50, counter, true);
        QVERIFY2(plain, plain ? "" : qPrintable(plain.error().toString()));
        QVERIFY2(compressed, compressed ? "" : qPrintable(compressed.error().toString()));
        QCOMPARE(plain->changes.size(), 3);
        QCOMPARE(compressed->changes.size(), 3);
        QCOMPARE(compressed->nextAfter, plain->nextAfter);
        for (int i = 0; i < 3; ++i) {
            const auto &p = plain->changes.at(i);
            const auto &c = compressed->changes.at(i);
            QCOMPARE(c.seq, p.seq);
            QVERIFY(p.changeGzip.isEmpty());
            QVERIFY(c.actionJson.isEmpty());
            QVERIFY(c.dossierJson.isEmpty());
            QVERIFY(gzip::isPiece(c.changeGzip));
            QByteArray action = p.actionJson;
            const QByteArray seq = ",\"seq\":" + QByteArray::number(p.seq) + ",";
            QVERIFY(action.contains(seq));
            action.replace(seq, ",");
            gzip::Splice splice;
            splice.append(c.changeGzip);
            QString error;
            const QByteArray text = test::gnuGunzip(splice.finish(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(text, "{\"action\":" + action + ",\"dossier\":" + p.dossierJson + ",\"seq\":");
        }
    }
};

QTEST_GUILESS_MAIN(TestServerGzip)
#include "test_server_gzip.moc"
