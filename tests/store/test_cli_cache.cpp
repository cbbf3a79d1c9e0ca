// motcuactl cache check|stats on a profile made through the real keychain (tests/keyring-session).
#include "storetest.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <store/cachekey.h>
#include <store/keystore.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run motcuactl(const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(motcua::testing::motcuactlPath(), args);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_blob;

private Q_SLOTS:
    void initTestCase()
    {
        KeychainSecretStore keychain; // the service motcuactl uses
        auto cache = openProfile(m_dir.path(), keychain);
        QVERIFY2(cache, why(cache).constData());
        const auto directory = domain::demo::directory();
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(cache.value()->recordAction(
                receive(QUuid::createUuid(), code(i), QStringLiteral("Vũ Thị %1").arg(i)),
                directory));
        }
        m_blob = cache.value()->putBlob("scan", QStringLiteral("image/png")).value().sha256;
        QVERIFY(cache.value()->setLastSync(QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC)));
    }

    void stats()
    {
        const Run run
            = motcuactl({QStringLiteral("cache"), QStringLiteral("stats"),
                         QStringLiteral("--profile"), m_dir.path(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("dossiers")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("actionsPending")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("blobs")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("lastSync")).toString(),
                 QStringLiteral("2026-11-28T10:00:00Z"));
        const Run text = motcuactl({QStringLiteral("cache"), QStringLiteral("stats"),
                                    QStringLiteral("--profile"), m_dir.path()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("pending actions    3")));
        QVERIFY(text.out.contains(QStringLiteral("last sync          2026-11-28T10:00:00Z")));
        QVERIFY(!text.out.contains(QStringLiteral("Vũ Thị"))); // no personal data
    }

    void checkIntactThenDamaged()
    {
        const QStringList args{QStringLiteral("cache"), QStringLiteral("check"),
                               QStringLiteral("--profile"), m_dir.path()};
        Run run = motcuactl(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.startsWith(QStringLiteral("cache intact")));

        const QString file
            = QDir(m_dir.path())
                  .filePath(QStringLiteral("blobs/%1/%2").arg(m_blob.left(2), m_blob));
        QByteArray bytes = readAll(file);
        bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        run = motcuactl(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral("cache damaged")));
        QVERIFY(run.out.contains(m_blob.left(12)));
        run = motcuactl(args + QStringList{QStringLiteral("--no-blobs")});
        QCOMPARE(run.exitCode, 0);
    }

    void clearErrors()
    {
        QTemporaryDir empty;
        Run run = motcuactl({QStringLiteral("cache"), QStringLiteral("stats"),
                             QStringLiteral("--profile"), empty.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("Không tìm thấy bộ đệm cục bộ")));
        QVERIFY(!QFile::exists(QDir(empty.path()).filePath(QStringLiteral("cache.db"))));
        run = motcuactl({QStringLiteral("cache"), QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--profile is required")));
        run = motcuactl({QStringLiteral("cache")});
        QCOMPARE(run.exitCode, 2);
    }

    // Issue 4 item 2: an admin opts the workstation into officer-password key slots and back;
    // every step is checked by opening the cache; wrong passwords change nothing.
    void officerPasswordSlots()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain;
        {
            auto cache = openProfile(dir.path(), keychain);
            QVERIFY2(cache, why(cache).constData());
            QVERIFY(cache.value()->recordAction(
                receive(QUuid::createUuid(), code(1), QStringLiteral("Lò Văn Khe")),
                domain::demo::directory()));
        }
        const QStringList profile{QStringLiteral("--profile"), dir.path()};
        const auto cache = [&](const QString &command, const QStringList &more,
                               const QByteArray &input = {}) {
            return motcuactl(QStringList{QStringLiteral("cache"), command} + profile + more, input);
        };
        const auto keysJson = [&] {
            const Run run = cache(QStringLiteral("keys"), {QStringLiteral("--json")});
            return QJsonDocument::fromJson(run.out.toUtf8()).object();
        };
        const auto slots = [&] {
            QStringList out;
            for (const auto &v : keysJson().value(QStringLiteral("slots")).toArray())
                out << v.toString();
            return out;
        };
        const QStringList asAdmin{QStringLiteral("--user"), QStringLiteral("admin1")};
        const QStringList asCounter{QStringLiteral("--user"), QStringLiteral("counter1")};
        const QByteArray adminPassword = "Quản trị 2026!\n";
        const QByteArray counterPassword = "Một cửa #1\n";

        QCOMPARE(keysJson().value(QStringLiteral("mode")).toString(), QStringLiteral("keychain"));
        Run run = cache(QStringLiteral("protect"), {}, adminPassword);
        QCOMPARE(run.exitCode, 2); // --user is required
        run = cache(QStringLiteral("protect"), asAdmin);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("mật khẩu")));

        run = cache(QStringLiteral("protect"), asAdmin, adminPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(keysJson().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("officer-passwords"));
        QCOMPARE(slots(), QStringList{QStringLiteral("admin1")});
        // The key left the keychain: without the password the cache stays shut.
        run = cache(QStringLiteral("stats"), {});
        QCOMPARE(run.exitCode, 1);
        run = cache(QStringLiteral("stats"), asAdmin + QStringList{QStringLiteral("--json")},
                    adminPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                     .object()
                     .value(QStringLiteral("dossiers"))
                     .toInt(),
                 1);
        run = cache(QStringLiteral("stats"), asAdmin, "sai mật khẩu\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Sai mật khẩu")), qPrintable(run.err));
        run = cache(QStringLiteral("protect"), asAdmin, adminPassword);
        QCOMPARE(run.exitCode, 1); // already
        QVERIFY(run.err.contains(QStringLiteral("đã dùng khóa theo mật khẩu")));

        // Another officer gets a slot; only with a right password of a slot holder.
        const QStringList forCounter{QStringLiteral("--for"), QStringLiteral("counter1")};
        run = cache(QStringLiteral("add-slot"), asAdmin + forCounter, "sai\n" + counterPassword);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(slots(), QStringList{QStringLiteral("admin1")});
        run = cache(QStringLiteral("add-slot"), asAdmin + forCounter, adminPassword);
        QCOMPARE(run.exitCode, 1); // the second password is missing
        run = cache(QStringLiteral("add-slot"), asAdmin + forCounter,
                    adminPassword + counterPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(slots(), (QStringList{QStringLiteral("admin1"), QStringLiteral("counter1")}));
        run = cache(QStringLiteral("check"), asCounter, counterPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));

        // The key a login unlocked opens a second connection (the sync engine's) without asking.
        {
            auto key = profileKey(dir.path(), keychain, QStringLiteral("counter1"),
                                  QStringLiteral("Một cửa #1"), Cache::OpenMode::OpenExisting);
            QVERIFY2(key, why(key).constData());
            auto first = Cache::open(dir.path(), key.value(), Cache::OpenMode::OpenExisting);
            auto second = Cache::open(dir.path(), key.value(), Cache::OpenMode::OpenExisting);
            QVERIFY(first && second);
            QCOMPARE(second.value()->stats().value().dossiers, 1);
        }

        // Slots are taken away, never the last one.
        const QStringList forAdmin{QStringLiteral("--for"), QStringLiteral("admin1")};
        run = cache(QStringLiteral("remove-slot"), asCounter + forAdmin, counterPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(slots(), QStringList{QStringLiteral("counter1")});
        run = cache(QStringLiteral("remove-slot"), asCounter + forAdmin, counterPassword);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("không có khe khóa")));
        run = cache(QStringLiteral("remove-slot"), asCounter + forCounter, counterPassword);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("khe khóa cuối cùng")));
        run = cache(QStringLiteral("stats"), asAdmin, adminPassword);
        QCOMPARE(run.exitCode, 1); // admin1's slot is gone

        // Back to the keychain.
        run = cache(QStringLiteral("unprotect"), asCounter, counterPassword);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(keysJson().value(QStringLiteral("mode")).toString(), QStringLiteral("keychain"));
        QVERIFY(slots().isEmpty());
        run = cache(QStringLiteral("stats"), {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void sqlcipherIsStaticAndQtSqlIsNotInTheStore()
    {
        // motcuactl links the server's QtSql too, but its SQLCipher is static: no shared
        // libsqlcipher, so QSQLITE's libsqlite3 can never stand in for it.
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {motcua::testing::motcuactlPath()});
        QVERIFY(ldd.waitForFinished());
        const QString deps = QString::fromUtf8(ldd.readAllStandardOutput());
        QVERIFY(!deps.contains(QStringLiteral("libsqlcipher")));
        // This test links only the store: neither QtSql nor any shared SQLite.
        ldd.start(QStringLiteral("ldd"), {QCoreApplication::applicationFilePath()});
        QVERIFY(ldd.waitForFinished());
        const QString own = QString::fromUtf8(ldd.readAllStandardOutput());
        QVERIFY2(!own.contains(QStringLiteral("libQt6Sql")), qPrintable(own));
        QVERIFY2(!own.contains(QStringLiteral("libsqlite3")), qPrintable(own));
        QVERIFY2(!own.contains(QStringLiteral("libsqlcipher")), qPrintable(own));
    }
};

QTEST_GUILESS_MAIN(TestCliCache)
#include "test_cli_cache.moc"
