// A session bus whose Secret Service (gnome-keyring, activated on demand) has no unlocked keyring:
// no key can be stored, so no cache is made; an existing cache is left untouched and the error
// says the key is not available — never a plaintext fallback, never a new key over old data.
#include "storetest.h"

#include <store/cachekey.h>
#include <store/keystore.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreLockedKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newProfileGetsNoCache()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"), 20000);
        auto cache = openProfile(dir.path(), keychain);
        QVERIFY(!cache);
        QVERIFY2(cache.error().code == QLatin1String("keychain.locked")
                     || cache.error().code == QLatin1String("keychain.unavailable"),
                 why(cache).constData());
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
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"), 20000);
        auto cache = openProfile(dir.path(), keychain);
        QVERIFY(!cache);
        QVERIFY2(cache.error().code == QLatin1String("cache.key_missing")
                     || cache.error().code == QLatin1String("keychain.locked")
                     || cache.error().code == QLatin1String("keychain.unavailable"),
                 why(cache).constData());
        QVERIFY(cache.error().message.contains(QStringLiteral("chưa được mở khóa")));
        QCOMPARE(readAll(path), before);
    }
};

QTEST_GUILESS_MAIN(TestStoreLockedKeychain)
#include "test_store_lockedkeychain.moc"
