// The sync feed's gzip pages: pieces compressed at push time spliced into one gzip stream, judged
// by GNU gzip (its own inflate, not zlib's); the Accept-Encoding rules; the pieces kept in memory
// (PieceCache); and, on SQLite and PostgreSQL, every accepted change keeping its piece of the
// page, and pages read through the cache being the pages read without it.
#include "fixtures.h"
#include "gnu_gzip.h"
#include "testdb.h"

#include <QRandomGenerator>
#include <QTest>

#include <catalogue_store.h>
#include <feed_ranges.h>
#include <gzip_splice.h>
#include <piece_cache.h>
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

    // What pages read tell of an agency's feed answers a later page only when a known range
    // holds all of it; touching and overlapping ranges become one; inconsistent input is
    // ignored; over capacity the oldest numbers leave first.
    void feedRangesAnswerOnlyWhatPagesRead()
    {
        FeedRanges ranges(6);
        const QString a = QStringLiteral("A");
        const QString b = QStringLiteral("B");
        const auto found = [&](const QString &agency, qint64 after, qsizetype count) {
            QList<qint64> out{-1};
            return ranges.find(agency, after, count, out) ? out : QList<qint64>{-1};
        };
        const QList<qint64> none{-1};
        QCOMPARE(found(a, 0, 1), none);
        ranges.insert(a, 0, 10, {2, 5, 9});
        QCOMPARE(found(a, 0, 3), (QList<qint64>{2, 5, 9}));
        QCOMPARE(found(a, 0, 4), none); // (10, …] is not known
        QCOMPARE(found(a, 2, 2), (QList<qint64>{5, 9}));
        QCOMPARE(found(a, 3, 1), QList<qint64>{5});
        QCOMPARE(found(a, 9, 1), none);
        QCOMPARE(found(a, 10, 1), none);
        QCOMPARE(found(a, -1, 1), none); // 0 itself is not in (0, 10]
        QCOMPARE(found(b, 0, 1), none);
        // Touching (10, 20]: one range. A range apart, then one that bridges the gap.
        ranges.insert(a, 10, 20, {12, 20});
        QCOMPARE(ranges.stats().ranges, 1);
        QCOMPARE(found(a, 0, 5), (QList<qint64>{2, 5, 9, 12, 20}));
        ranges.insert(a, 30, 40, {31});
        QCOMPARE(ranges.stats().ranges, 2);
        QCOMPARE(found(a, 20, 1), none);
        ranges.insert(a, 15, 35, {20, 31});
        QCOMPARE(ranges.stats().ranges, 1);
        QCOMPARE(ranges.stats().seqs, 6);
        QCOMPARE(found(a, 9, 3), (QList<qint64>{12, 20, 31}));
        QCOMPARE(found(a, 0, 6), (QList<qint64>{2, 5, 9, 12, 20, 31}));
        // Numbers out of order, outside their range, or an empty range: ignored.
        ranges.insert(a, 50, 60, {55, 52});
        ranges.insert(a, 50, 60, {61});
        ranges.insert(a, 50, 60, {50});
        ranges.insert(a, 60, 60, {});
        QCOMPARE(ranges.stats().ranges, 1);
        QCOMPARE(found(a, 40, 1), none);
        // Over capacity (6) the oldest numbers leave: A's range is cut from its start.
        ranges.insert(b, 100, 110, {101, 102});
        QCOMPARE(ranges.stats().seqs, 6);
        QCOMPARE(found(a, 0, 1), none);
        QCOMPARE(found(a, 5, 4), (QList<qint64>{9, 12, 20, 31}));
        QCOMPARE(found(b, 100, 2), (QList<qint64>{101, 102}));
        // Grown downwards from the range it touches (A loses one more).
        ranges.insert(b, 90, 100, {95});
        QCOMPARE(found(b, 90, 3), (QList<qint64>{95, 101, 102}));
        QCOMPARE(found(a, 5, 1), none);
        QCOMPARE(found(a, 9, 3), (QList<qint64>{12, 20, 31}));
        QCOMPARE(ranges.stats().ranges, 2);
        // A range with no changes is known too, and bridges.
        ranges.insert(b, 110, 120, {});
        ranges.insert(b, 120, 130, {125});
        QCOMPARE(found(b, 102, 1), QList<qint64>{125});
        QCOMPARE(found(b, 90, 4), (QList<qint64>{95, 101, 102, 125}));
        const FeedRanges::Stats stats = ranges.stats();
        QCOMPARE(stats.seqs, 6);
        QCOMPARE(stats.ranges, 2);
        QCOMPARE(stats.capacity, 6);
        QVERIFY(stats.hits > 0 && stats.misses > 0);
        // Shrinking: A's range goes, then B's oldest number; B keeps its recent part.
        ranges.setCapacity(3);
        QCOMPARE(ranges.stats().ranges, 1);
        QCOMPARE(found(a, 12, 1), none);
        QCOMPARE(found(b, 90, 1), none);
        QCOMPARE(found(b, 95, 3), (QList<qint64>{101, 102, 125}));
        ranges.setCapacity(0);
        QCOMPARE(found(b, 90, 1), none);
        ranges.insert(b, 0, 5, {1});
        QCOMPARE(found(b, 0, 1), none);
        QCOMPARE(ranges.stats().seqs, 0);
    }

    // The cache keeps what it is given up to its capacity, the entries put in first leaving
    // first; a seq already kept, an empty piece and a piece larger than the whole cache are not
    // kept; a capacity of 0 keeps nothing, and shrinking drops the oldest.
    void pieceCacheKeepsTheNewestWithinItsCapacity()
    {
        const QByteArray piece(100, 'p'); // + a one-digit seq: `cost` with the entry's cost
        const qint64 cost = piece.size() + 1 + PieceCache::kEntryCost;
        PieceCache cache(3 * cost); // three entries
        const auto found = [&](const QList<qint64> &seqs) -> QList<qint64> {
            QList<QByteArray> pieces;
            const qsizetype missing = cache.find(seqs, pieces);
            QList<qint64> kept;
            for (qsizetype i = 0; i < seqs.size(); ++i) {
                if (!pieces.at(i).isNull()) {
                    [&] { QCOMPARE(pieces.at(i), piece + QByteArray::number(seqs.at(i))); }();
                    kept.append(seqs.at(i));
                }
            }
            [&] { QCOMPARE(missing, seqs.size() - kept.size()); }();
            return kept;
        };
        const auto entry = [&](qint64 seq) {
            return std::pair<qint64, QByteArray>{seq, piece + QByteArray::number(seq)};
        };
        QCOMPARE(found({1, 2}), QList<qint64>());
        cache.insert({entry(1), entry(2)});
        QCOMPARE(found({1, 2, 3}), (QList<qint64>{1, 2}));
        // 1 again is not kept twice; 4 pushes 1 out.
        cache.insert({entry(1), entry(3), {5, QByteArray()}, {6, QByteArray(int(4 * cost), 'x')}});
        QCOMPARE(found({1, 2, 3, 5, 6}), (QList<qint64>{1, 2, 3}));
        cache.insert({entry(4)});
        QCOMPARE(found({1, 2, 3, 4}), (QList<qint64>{2, 3, 4}));
        auto stats = cache.stats();
        QCOMPARE(stats.entries, 3);
        QVERIFY(stats.bytes <= cache.capacity());
        QCOMPARE(stats.bytes, 3 * cost);
        QCOMPARE(stats.hits, 2 + 3 + 3);
        QCOMPARE(stats.misses, 2 + 1 + 2 + 1);

        cache.setCapacity(cost);
        QCOMPARE(found({2, 3, 4}), QList<qint64>{4});
        cache.setCapacity(0);
        QCOMPARE(found({4}), QList<qint64>());
        cache.insert({entry(7)});
        QCOMPARE(found({7}), QList<qint64>());
        QCOMPARE(cache.stats().entries, 0);
        QCOMPARE(cache.stats().bytes, 0);
    }

    // A page read through the cache — its pieces read from the database and kept, then found in
    // memory — is the page read without it: the same changes for each viewer (the receiving
    // agency, the one a transfer hands the dossier to, an agency with no part in them), the same
    // pieces, the same cursor. Changes without a piece (accepted before schema version 10) are read
    // from their rows every time and never kept.
    void cachedPagesAreThePagesRead()
    {
        MOTCUA_TEST_DB(t);
        test::SyncFixture f(t);
        QVERIFY(f.ok);
        const domain::Officer counter = test::demoOfficer(QStringLiteral("counter1"));
        const domain::Officer appraiser = test::demoOfficer(QStringLiteral("appraiser1"));
        const domain::Officer commune = test::demoOfficer(QStringLiteral("counter9"));
        for (int n = 1; n <= 6; ++n) {
            const domain::Action receive = test::centreReceive(n);
            QList<domain::Action> actions{receive};
            if (n % 2 == 0)
                actions.append(test::transferToJustice(receive));
            for (const auto &outcome : f.sync->push(actions, counter))
                QVERIFY2(outcome.status == PushOutcome::Status::Accepted,
                         qPrintable(outcome.message));
        }
        PieceCache &cache = f.sync->pieceCache();
        const auto read = [&](const domain::Officer &viewer, qint64 after, int limit,
                              bool cached) -> SyncStore::RawPage {
            cache.setCapacity(cached ? 1 << 20 : 0);
            auto page = f.sync->rawChanges(after, limit, viewer, true);
            [&] { QVERIFY2(page, page ? "" : qPrintable(page.error().toString())); }();
            return page ? page.value() : SyncStore::RawPage{};
        };
        const auto same = [](const SyncStore::RawPage &a, const SyncStore::RawPage &b) {
            if (a.more != b.more || a.nextAfter != b.nextAfter
                || a.changes.size() != b.changes.size())
                return false;
            for (qsizetype i = 0; i < a.changes.size(); ++i) {
                const auto &x = a.changes.at(i);
                const auto &y = b.changes.at(i);
                if (x.seq != y.seq || x.changeGzip != y.changeGzip || x.actionJson != y.actionJson
                    || x.dossierJson != y.dossierJson)
                    return false;
            }
            return true;
        };
        for (const bool withoutPieces : {false, true}) {
            if (withoutPieces) {
                cache.setCapacity(0); // empties it
                QVERIFY(t.exec(QStringLiteral("DELETE FROM change_pieces WHERE seq % 3 = 0")));
            }
            int seen = 0;
            for (const domain::Officer &viewer : {counter, appraiser, commune}) {
                for (const auto &[after, limit] :
                     {std::pair{0, 50}, std::pair{0, 4}, std::pair{3, 2}, std::pair{5, 50}}) {
                    const SyncStore::RawPage plain = read(viewer, after, limit, false);
                    const auto before = cache.stats();
                    const SyncStore::RawPage first = read(viewer, after, limit, true);
                    const SyncStore::RawPage second = read(viewer, after, limit, true);
                    const auto after2 = cache.stats();
                    QVERIFY2(same(plain, first), qPrintable(viewer.id));
                    QVERIFY2(same(plain, second), qPrintable(viewer.id));
                    seen += int(plain.changes.size());
                    // The second read found every piece in memory, unless the page has a
                    // change without one.
                    const bool allPieces
                        = std::all_of(plain.changes.cbegin(), plain.changes.cend(),
                                      [](const auto &c) { return gzip::isPiece(c.changeGzip); });
                    QCOMPARE(allPieces,
                             !withoutPieces
                                 || std::none_of(plain.changes.cbegin(), plain.changes.cend(),
                                                 [](const auto &c) { return c.seq % 3 == 0; }));
                    if (allPieces)
                        QVERIFY(after2.hits - before.hits >= plain.changes.size());
                }
            }
            // The commune sees nothing of the centre's dossiers; the others see pages.
            QVERIFY(seen > 0);
            QCOMPARE(read(commune, 0, 50, true).changes.size(), 0);
            // Only pieces read from the database are kept: never one of a change without one.
            QList<qint64> all;
            for (qint64 seq = 1; seq <= 20; ++seq)
                all.append(seq);
            QList<QByteArray> kept;
            cache.find(all, kept);
            for (qsizetype i = 0; i < all.size(); ++i) {
                if (withoutPieces && all.at(i) % 3 == 0)
                    QVERIFY(kept.at(i).isNull());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestServerGzip)
#include "test_server_gzip.moc"
