// The cache on the real SQLCipher: encrypted at rest, refuses plaintext and wrong keys, WAL, one
// transaction per user action, code blocks, settings.
#include "storetest.h"

#include <sqlcipher/sqlite3.h>
#include <store/database.h>
#include <store/schema.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsEncryptedFileWithoutPlaintext()
    {
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        const auto directory = domain::demo::directory();
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY2(cache, why(cache).constData());
            auto visible = cache.value()->recordAction(
                receive(QUuid::createUuid(), code(1), QStringLiteral("Phạm Thị Hồng Nhung"),
                        QStringLiteral("88 Lê Thánh Tôn, Nha Trang")),
                directory);
            QVERIFY2(visible, why(visible).constData());
            QCOMPARE(visible.value().applicant.fullName, QStringLiteral("Phạm Thị Hồng Nhung"));
            QVERIFY(
                cache.value()->setSetting(QStringLiteral("printer"), QStringLiteral("Phòng 1")));
        }
        QByteArray raw = readAll(QDir(dir.path()).filePath(QStringLiteral("cache.db")));
        raw += readAll(QDir(dir.path()).filePath(QStringLiteral("cache.db-wal")));
        QVERIFY(raw.size() > 4096);
        QVERIFY(!raw.startsWith("SQLite format 3"));
        for (const QString &needle :
             {QStringLiteral("Phạm Thị Hồng Nhung"), QStringLiteral("pham thi hong nhung"),
              QStringLiteral("Nhung"), QStringLiteral("Lê Thánh Tôn"),
              QStringLiteral("056090001234"), code(1), QStringLiteral("Phòng 1"),
              QStringLiteral("dossiers")}) {
            QVERIFY2(!raw.contains(needle.toUtf8()), qPrintable(needle));
        }
        // Reopens with the same key: the data is there, in WAL mode.
        auto again = Cache::open(dir.path(), key, Cache::OpenMode::OpenExisting);
        QVERIFY2(again, why(again).constData());
        auto found = again.value()->dossierByCode(code(1));
        QVERIFY(found && found.value().has_value());
        QCOMPARE(again.value()->database().text("PRAGMA journal_mode").value(),
                 QStringLiteral("wal"));
        QCOMPARE(again.value()->database().text("PRAGMA cipher_version").value(),
                 QStringLiteral("3.4.1"));
        QCOMPARE(again.value()->schemaVersion(), schema::kLatest);
    }

    void wrongKeyIsAClearErrorAndChangesNothing()
    {
        QTemporaryDir dir;
        {
            auto cache = Cache::open(dir.path(), randomKey());
            QVERIFY(cache);
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        const QByteArray before = readAll(path);
        auto wrong = Cache::open(dir.path(), randomKey());
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("cache.wrong_key"));
        QVERIFY(wrong.error().message.contains(QStringLiteral("khóa không đúng")));
        QCOMPARE(readAll(path), before);
        auto shortKey = Cache::open(dir.path(), QByteArray(16, 'k'));
        QCOMPARE(shortKey.error().code, QStringLiteral("cache.bad_key_length"));
    }

    void refusesAPlaintextDatabase()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        // A plaintext SQLite file, made with the C API and no key.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES ('Nguyễn Văn A')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
        QVERIFY(readAll(path).startsWith("SQLite format 3"));
        const QByteArray before = readAll(path);
        auto cache = Cache::open(dir.path(), randomKey());
        QVERIFY(!cache);
        QCOMPARE(cache.error().code, QStringLiteral("cache.plaintext"));
        QCOMPARE(readAll(path), before);
    }

    void corruptedFileIsAClearErrorNoCrashNoOverwrite()
    {
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        const auto directory = domain::demo::directory();
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY(cache);
            for (int i = 1; i <= 40; ++i) {
                QVERIFY(cache.value()->recordAction(
                    receive(QUuid::createUuid(), code(i), QStringLiteral("Trần Văn %1").arg(i)),
                    directory));
            }
            QVERIFY(cache.value()->database().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 5 * 4096);

        // Damage in the middle: opening works (page 1 is intact), reading the damaged page fails
        // with cache.corrupt, and the integrity check names the damage.
        QByteArray middle = bytes;
        for (int i = 0; i < 64; ++i)
            middle[3 * 4096 + 100 + i] = char(middle[3 * 4096 + 100 + i] ^ 0x5a);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(middle);
        }
        {
            auto cache = Cache::open(dir.path(), key);
            if (cache) {
                auto problems = cache.value()->integrityCheck(false);
                QVERIFY(!problems || !problems.value().isEmpty());
                if (!problems)
                    QVERIFY2(problems.error().code == QLatin1String("cache.corrupt"),
                             why(problems).constData());
            } else {
                QVERIFY(cache.error().code == QLatin1String("cache.corrupt")
                        || cache.error().code == QLatin1String("cache.wrong_key"));
            }
        }
        QCOMPARE(readAll(path), middle);

        // Damage in page 1: the file cannot be decrypted at all.
        QByteArray head = bytes;
        for (int i = 16; i < 200; ++i)
            head[i] = char(head[i] ^ 0xff);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(head);
        }
        auto cache = Cache::open(dir.path(), key);
        QVERIFY(!cache);
        QCOMPARE(cache.error().code, QStringLiteral("cache.wrong_key"));
        QCOMPARE(readAll(path), head);

        // Truncated to a few bytes.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes.left(10));
        }
        auto truncated = Cache::open(dir.path(), key);
        QCOMPARE(truncated.error().code, QStringLiteral("cache.corrupt"));
        QCOMPARE(readAll(path), bytes.left(10));
    }

    void missingCacheWithOpenExisting()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.path(), randomKey(), Cache::OpenMode::OpenExisting);
        QCOMPARE(cache.error().code, QStringLiteral("cache.missing"));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("cache.db"))));
    }

    void aRefusedActionLeavesNoTrace()
    {
        QTemporaryDir dir;
        auto cache = Cache::open(dir.path(), randomKey());
        QVERIFY(cache);
        auto bad = receive(QUuid::createUuid(), QStringLiteral("not-a-code"), QStringLiteral("A"));
        auto refused = cache.value()->recordAction(bad, domain::demo::directory());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("action.bad_payload"));
        QCOMPARE(cache.value()->pendingCount().value(), 0);
        QVERIFY(!cache.value()->dossier(bad.dossierId).value().has_value());
        // The device sequence was not consumed.
        auto ok = cache.value()->recordAction(
            receive(QUuid::createUuid(), code(2), QStringLiteral("B")), domain::demo::directory());
        QVERIFY(ok);
        QCOMPARE(cache.value()->pendingActions().value().first().action.deviceSeq, 1);
        QCOMPARE(cache.value()->pendingActions().value().first().action.deviceId,
                 cache.value()->deviceId());
    }

    void codeBlocksNeverIssueTwice()
    {
        QTemporaryDir dir;
        const QByteArray key = randomKey();
        const QDate day(2026, 11, 28);
        const QString agency = domain::demo::kCentreCode;
        QStringList issued;
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY(cache);
            QVERIFY(cache.value()->addCodeBlock(agency, day, 11, 13));
            QVERIFY(cache.value()->addCodeBlock(agency, day, 21, 22));
            QCOMPARE(cache.value()->codesLeft(agency, day).value(), 5);
            for (int i = 0; i < 2; ++i)
                issued.append(cache.value()->takeNextCode(agency, day).value().code);
        }
        auto cache = Cache::open(dir.path(), key); // across a restart
        QVERIFY(cache);
        for (int i = 0; i < 3; ++i)
            issued.append(cache.value()->takeNextCode(agency, day).value().code);
        QCOMPARE(issued,
                 (QStringList{QStringLiteral("000.17.22.H56-261128-0011"),
                              QStringLiteral("000.17.22.H56-261128-0012"),
                              QStringLiteral("000.17.22.H56-261128-0013"),
                              QStringLiteral("000.17.22.H56-261128-0021"),
                              QStringLiteral("000.17.22.H56-261128-0022")}));
        auto none = cache.value()->takeNextCode(agency, day);
        QCOMPARE(none.error().code, QStringLiteral("code.no_block"));
        QCOMPARE(cache.value()->codesLeft(agency, day).value(), 0);
        // Taking a code and recording the intake is one user action: when a later step fails,
        // both roll back and the number stays available.
        QVERIFY(cache.value()->addCodeBlock(agency, day, 30, 30));
        const QUuid dossierId = QUuid::createUuid();
        auto st = cache.value()->transaction([&]() -> domain::Check {
            auto c = cache.value()->takeNextCode(agency, day);
            if (!c)
                return c.error();
            auto r = cache.value()->recordAction(
                receive(dossierId, c.value().code, QStringLiteral("X")), domain::demo::directory());
            if (!r)
                return r.error();
            return domain::makeError(QStringLiteral("test.later_step"), QStringLiteral("later"));
        });
        QCOMPARE(st.error().code, QStringLiteral("test.later_step"));
        QCOMPARE(cache.value()->codesLeft(agency, day).value(), 1);
        QCOMPARE(cache.value()->pendingCount().value(), 0);
        QVERIFY(!cache.value()->dossier(dossierId).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestStoreCache)
#include "test_store_cache.moc"
