// The blob store on SQLite and PostgreSQL: bytes kept in rows of 1 MiB whatever the chunk sizes,
// a content that does not hash to its id leaves no row behind, the same bytes from two agencies
// are stored once with two grants, abandoned uploads are purged, and of racing first chunks for
// one upload exactly one is taken (the row lock on PostgreSQL, the single writer on SQLite).
#include "testdb.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <blob_store.h>

#include <atomic>

using namespace motcua;
using namespace motcua::server;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    std::vector<quint32> words(size_t(size + 3) / 4);
    generator.fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), size);
}

QString sha256Of(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

domain::Officer officer(const QString &id, const QString &agency)
{
    domain::Officer o;
    o.id = o.username = id;
    o.agencyCode = agency;
    o.roles = {domain::Role::Counter};
    return o;
}

const domain::Officer kCentre
    = officer(QStringLiteral("counter1"), QStringLiteral("000.17.22.H56"));
const domain::Officer kJustice
    = officer(QStringLiteral("appraiser1"), QStringLiteral("000.18.22.H56"));

qint64 scalar(Database &db, const QString &statement)
{
    auto conn = db.connection();
    QSqlQuery q(conn.value());
    if (!q.exec(statement) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Uploads `data` in chunks of `chunk` bytes; the outcome of the last one.
UploadOutcome upload(BlobStore &store, const QString &sha, const QByteArray &data, qint64 chunk,
                     const domain::Officer &by)
{
    UploadOutcome last;
    for (qint64 offset = 0; offset < data.size(); offset += chunk) {
        auto r = store.putChunk(sha, offset, data.size(), data.mid(offset, chunk), by);
        if (!r)
            qFatal("putChunk: %s", qPrintable(r.error().toString()));
        last = r.value();
    }
    return last;
}

QByteArray readAll(BlobStore &store, const BlobView &view)
{
    QByteArray out;
    while (out.size() < view.size) {
        auto piece = store.read(view.contentId, out.size(), kBlobRowBytes);
        if (!piece || piece->isEmpty())
            return {};
        out += piece.value();
    }
    return out;
}

} // namespace

class TestServerBlobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { motcua::test::addBackends(); }

    void rowsAreOneMebibyte()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        BlobStore store(*db);
        const QByteArray data = randomBytes(5 * kMiB / 2, 1);
        const QString sha = sha256Of(data);
        const UploadOutcome done = upload(store, sha, data, 700000, kCentre);
        QCOMPARE(done.state, UploadOutcome::State::Complete);
        QVERIFY(done.created);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blob_chunks")), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT MIN(length(data)) FROM blob_chunks")),
                 kMiB / 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT MAX(length(data)) FROM blob_chunks")), kMiB);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blob_uploads")), 0);

        auto view = store.view(sha, kCentre.agencyCode);
        QVERIFY(view);
        QCOMPARE(view->state, BlobView::State::Complete);
        QCOMPARE(view->size, data.size());
        QVERIFY(readAll(store, view.value()) == data);
        auto piece = store.read(view->contentId, kMiB - 3, 3);
        QVERIFY(piece);
        QVERIFY(piece.value() == data.mid(kMiB - 3, 3));
        QCOMPARE(store.view(sha, kJustice.agencyCode)->state, BlobView::State::None);
    }

    void mismatchLeavesNothing()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        BlobStore store(*db);
        const QByteArray data = randomBytes(3 * kMiB, 2);
        QByteArray tampered = data;
        tampered[10] = char(tampered.at(10) ^ 1);
        const QString sha = sha256Of(data);
        QCOMPARE(upload(store, sha, tampered, 2 * kMiB, kCentre).state,
                 UploadOutcome::State::HashMismatch);
        auto whole = store.putWhole(sha, tampered, kCentre);
        QVERIFY(whole);
        QCOMPARE(whole->state, UploadOutcome::State::HashMismatch);
        QCOMPARE(whole->actualSha256, sha256Of(tampered));
        for (const char *table : {"blob_chunks", "blob_uploads", "blobs", "blob_grants"}) {
            QCOMPARE(
                scalar(*db,
                       QStringLiteral("SELECT COUNT(*) FROM %1").arg(QString::fromLatin1(table))),
                0);
        }
        QCOMPARE(store.view(sha, kCentre.agencyCode)->state, BlobView::State::None);
    }

    void sameBytesStoredOnce()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        BlobStore store(*db);
        const QByteArray data = randomBytes(3 * kMiB + 7, 3);
        const QString sha = sha256Of(data);
        auto first = store.putWhole(sha, data, kCentre);
        QVERIFY(first && first->created);
        const UploadOutcome second = upload(store, sha, data, kMiB, kJustice);
        QCOMPARE(second.state, UploadOutcome::State::Complete);
        QVERIFY(second.created);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blobs")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blob_grants")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blob_chunks")), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT content_id) FROM blob_chunks")),
                 1);
        auto again = store.putWhole(sha, data, kJustice);
        QVERIFY(again && !again->created);
        QVERIFY(readAll(store, store.view(sha, kJustice.agencyCode).value()) == data);
    }

    void staleUploadsArePurged()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        BlobStore store(*db);
        const QByteArray old = randomBytes(3 * kMiB, 4);
        const QByteArray fresh = randomBytes(3 * kMiB, 5);
        QVERIFY(store.putChunk(sha256Of(old), 0, old.size(), old.left(kMiB), kCentre));
        QVERIFY(store.putChunk(sha256Of(fresh), 0, fresh.size(), fresh.left(kMiB), kCentre));
        QVERIFY(
            t.exec(QStringLiteral("UPDATE blob_uploads SET updated_at = 1000 WHERE sha256 = '%1'")
                       .arg(sha256Of(old))));
        const auto week = QDateTime::currentDateTimeUtc().addDays(-kStaleUploadDays);
        auto purged = store.purgeStaleUploads(week);
        QVERIFY(purged);
        QCOMPARE(purged.value(), 1);
        QCOMPARE(store.view(sha256Of(old), kCentre.agencyCode)->state, BlobView::State::None);
        QCOMPARE(store.view(sha256Of(fresh), kCentre.agencyCode)->state, BlobView::State::Partial);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM blob_chunks")), 1);
    }

    void racingFirstChunksOneWins()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        BlobStore store(*db);
        const QByteArray data = randomBytes(4 * kMiB, 6);
        const QString sha = sha256Of(data);
        std::atomic<int> won{0}, refused{0}, failed{0};
        QList<QThread *> threads;
        for (int i = 0; i < 8; ++i) {
            threads.append(QThread::create([&] {
                auto r = store.putChunk(sha, 0, data.size(), data.left(kMiB), kCentre);
                if (r && r->state == UploadOutcome::State::Partial)
                    ++won;
                else if (!r && r.error().code == QLatin1String("blob.offset_mismatch"))
                    ++refused;
                else
                    ++failed;
                db->closeThreadConnection();
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QCOMPARE(failed.load(), 0);
        QCOMPARE(won.load(), 1);
        QCOMPARE(refused.load(), 7);
        QCOMPARE(store.view(sha, kCentre.agencyCode)->received, kMiB);
        auto rest = store.putChunk(sha, kMiB, data.size(), data.mid(kMiB), kCentre);
        QVERIFY(rest);
        QCOMPARE(rest->state, UploadOutcome::State::Complete);
        QVERIFY(readAll(store, store.view(sha, kCentre.agencyCode).value()) == data);
    }
};

QTEST_GUILESS_MAIN(TestServerBlobs)
#include "test_server_blobs.moc"
