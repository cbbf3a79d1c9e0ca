// No keychain at all (no D-Bus session bus): clear, actionable errors; no plaintext fallback, no
// crash, nothing written over an existing cache.
#include "storetest.h"

#include <store/cachekey.h>
#include <store/keystore.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keychainUnavailable()
    {
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"), 10000);
        auto r = keychain.read(QStringLiteral("anything"));
        QVERIFY(!r);
        qInfo() << "backend says:" << r.error().details.value(QStringLiteral("backend")).toString();
        QCOMPARE(r.error().code, QStringLiteral("keychain.unavailable"));
        QVERIFY(r.error().message.contains(QStringLiteral("gnome-keyring")));
        QCOMPARE(keychain.write(QStringLiteral("anything"), "x").error().code,
                 QStringLiteral("keychain.unavailable"));
    }

    void newProfileGetsNoCacheAndNoPlaintext()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"), 10000);
        auto cache = openProfile(dir.path(), keychain);
        QVERIFY(!cache);
        QCOMPARE(cache.error().code, QStringLiteral("keychain.unavailable"));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("cache.db"))));
    }

    void existingCacheIsLeftAlone()
    {
        QTemporaryDir dir;
        {
            auto cache = Cache::open(dir.path(), randomKey());
            QVERIFY(cache);
            QVERIFY(cache.value()->setSetting(QStringLiteral("k"), QStringLiteral("v")));
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        const QByteArray before = readAll(path);
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"), 10000);
        auto cache = openProfile(dir.path(), keychain);
        QCOMPARE(cache.error().code, QStringLiteral("keychain.unavailable"));
        QCOMPARE(readAll(path), before);
    }

    void eachKeychainErrorHasItsOwnMessage()
    {
        const QStringList codes{
            QStringLiteral("keychain.not_found"),     QStringLiteral("keychain.unavailable"),
            QStringLiteral("keychain.locked"),        QStringLiteral("keychain.access_denied"),
            QStringLiteral("keychain.delete_failed"), QStringLiteral("keychain.not_supported"),
            QStringLiteral("keychain.error")};
        QSet<QString> messages;
        for (const QString &code : codes) {
            const auto e = keychainError(code, QStringLiteral("backend text"));
            QCOMPARE(e.code, code);
            QVERIFY(!e.message.isEmpty());
            messages.insert(e.message);
            QCOMPARE(e.details.value(QStringLiteral("backend")).toString(),
                     QStringLiteral("backend text"));
        }
        QCOMPARE(messages.size(), codes.size());
    }
};

QTEST_GUILESS_MAIN(TestStoreNoKeychain)
#include "test_store_nokeychain.moc"
