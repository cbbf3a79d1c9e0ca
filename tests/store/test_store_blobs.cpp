// Blobs at rest: AES-256-GCM under HKDF(cache key), content-addressed, verified on read.
#include "storetest.h"

#include <QDirIterator>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreBlobs : public QObject
{
    Q_OBJECT

private:
    static QString fileOf(const QString &profile, const QString &sha)
    {
        return QDir(profile).filePath(QStringLiteral("blobs/%1/%2").arg(sha.left(2), sha));
    }

private Q_SLOTS:
    void roundTripEncryptedAtRest()
    {
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        const QByteArray scan
            = QByteArray("%PDF-1.7 CCCD của Nguyễn Văn Đức 056090001234 ").repeated(200);
        QString sha;
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY(cache);
            auto info = cache.value()->putBlob(scan, QStringLiteral("application/pdf"));
            QVERIFY2(info, why(info).constData());
            sha = info.value().sha256;
            QCOMPARE(sha, crypto::sha256Hex(scan));
            QCOMPARE(info.value().size, scan.size());
            QVERIFY(!info.value().uploaded);
            QCOMPARE(cache.value()->blobsToUpload().value().size(), 1);
            // Putting it again changes nothing.
            QVERIFY(cache.value()->putBlob(scan, QStringLiteral("application/pdf")));
            QCOMPARE(cache.value()->blobsToUpload().value().size(), 1);
            QVERIFY(cache.value()->markBlobUploaded(sha));
            QVERIFY(cache.value()->blobsToUpload().value().isEmpty());
        }
        const QByteArray raw = readAll(fileOf(dir.path(), sha));
        QVERIFY(raw.startsWith("MCB1"));
        QCOMPARE(raw.size(), scan.size() + 4 + 12 + 16);
        QVERIFY(!raw.contains("Nguy"));
        QVERIFY(!raw.contains("056090001234"));
        QVERIFY(!raw.contains("%PDF"));

        auto cache = Cache::open(dir.path(), key);
        QVERIFY(cache);
        QCOMPARE(cache.value()->blob(sha).value(), scan);
        QVERIFY(cache.value()->blobInfo(sha).value()->uploaded);
    }

    void corruptedOrSwappedFilesAreClearErrors()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.path(), randomKey());
        QVERIFY(cache);
        const QString a
            = cache.value()->putBlob("first file", QStringLiteral("text/plain")).value().sha256;
        const QString b
            = cache.value()->putBlob("second file", QStringLiteral("text/plain")).value().sha256;

        QByteArray bytes = readAll(fileOf(dir.path(), a));
        bytes[20] = char(bytes[20] ^ 1);
        {
            QFile f(fileOf(dir.path(), a));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        auto damaged = cache.value()->blob(a);
        QVERIFY(!damaged);
        QCOMPARE(damaged.error().code, QStringLiteral("blob.corrupt"));
        QVERIFY(damaged.error().message.contains(a.left(12)));

        // A valid file under another address is caught too (the address is authenticated).
        QFile::remove(fileOf(dir.path(), a));
        QVERIFY(QFile::copy(fileOf(dir.path(), b), fileOf(dir.path(), a)));
        QCOMPARE(cache.value()->blob(a).error().code, QStringLiteral("blob.corrupt"));

        auto problems = cache.value()->integrityCheck().value();
        QCOMPARE(problems.size(), 1);

        QFile::remove(fileOf(dir.path(), a));
        QCOMPARE(cache.value()->blob(a).error().code, QStringLiteral("blob.missing"));
        QCOMPARE(cache.value()->blob(QStringLiteral("../../etc/passwd")).error().code,
                 QStringLiteral("blob.bad_address"));
    }

    void anotherKeyCannotReadBlobs()
    {
        QTemporaryDir one, two;
        auto first = Cache::open(one.path(), randomKey());
        auto second = Cache::open(two.path(), randomKey());
        QVERIFY(first && second);
        const QString sha = first.value()->putBlob("secret scan", {}).value().sha256;
        QDir().mkpath(QDir(two.path()).filePath(QStringLiteral("blobs/") + sha.left(2)));
        QVERIFY(QFile::copy(fileOf(one.path(), sha), fileOf(two.path(), sha)));
        QCOMPARE(second.value()->blob(sha).error().code, QStringLiteral("blob.corrupt"));
    }

    void downloadsAreVerifiedByHash()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.path(), randomKey());
        QVERIFY(cache);
        const QByteArray bytes = "downloaded result";
        const QString sha = crypto::sha256Hex(bytes);
        auto wrong = cache.value()->putDownloadedBlob(sha, "something else", {});
        QCOMPARE(wrong.error().code, QStringLiteral("blob.hash_mismatch"));
        QVERIFY(!QFile::exists(fileOf(dir.path(), sha)));
        auto ok = cache.value()->putDownloadedBlob(sha, bytes, QStringLiteral("text/plain"));
        QVERIFY(ok);
        QVERIFY(ok.value().uploaded); // it came from the server
        QCOMPARE(cache.value()->blob(sha).value(), bytes);
        QVERIFY(cache.value()->blobsToUpload().value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreBlobs)
#include "test_store_blobs.moc"
