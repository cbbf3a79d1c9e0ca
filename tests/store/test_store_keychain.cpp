// The cache key in the real Secret Service (gnome-keyring in a private D-Bus session, started by
// tests/keyring-session), officer-password key slots, and the errors when the key is missing.
#include "storetest.h"

#include <store/cachekey.h>
#include <store/keystore.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/keyring-session");
    }

    void secretStoreRoundTrip()
    {
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"));
        const QString name = QStringLiteral("entry-%1").arg(QUuid::createUuid().toString());
        auto missing = keychain.read(name);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("keychain.not_found"));
        const QByteArray secret = randomKey();
        QVERIFY2(keychain.write(name, secret), "write to gnome-keyring");
        QCOMPARE(keychain.read(name).value(), secret);
        QVERIFY(keychain.remove(name));
        QCOMPARE(keychain.read(name).error().code, QStringLiteral("keychain.not_found"));
        QVERIFY(keychain.remove(name)); // removing twice is fine
    }

    void keychainKeyIsMadeOnceAndOpensTheCache()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"));
        CacheKeys keys(dir.path(), keychain);
        QCOMPARE(keys.mode().value(), KeyMode::Keychain);
        auto key = keys.keychainKey();
        QVERIFY2(key, why(key).constData());
        QCOMPARE(key.value().size(), 32);
        QCOMPARE(keys.keychainKey().value(), key.value());
        // The key lives in the keychain only, not in the profile.
        QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            QVERIFY(!readAll(it.next()).contains(key.value()));

        auto cache = openProfile(dir.path(), keychain);
        QVERIFY2(cache, why(cache).constData());
        QVERIFY(cache.value()->setSetting(QStringLiteral("x"), QStringLiteral("y")));
        cache.value().reset();
        auto again = openProfile(dir.path(), keychain, {}, {}, Cache::OpenMode::OpenExisting);
        QVERIFY(again);
        QCOMPARE(again.value()->setting(QStringLiteral("x")).value(), QStringLiteral("y"));
    }

    void missingKeyNeverReplacesData()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"));
        {
            auto cache = openProfile(dir.path(), keychain);
            QVERIFY(cache);
            QVERIFY(cache.value()->recordAction(
                receive(QUuid::createUuid(), code(1), QStringLiteral("A")),
                domain::demo::directory()));
        }
        const QString path = QDir(dir.path()).filePath(QStringLiteral("cache.db"));
        const QByteArray before = readAll(path);
        CacheKeys keys(dir.path(), keychain);
        QVERIFY(keychain.remove(QStringLiteral("cache-key/") + keys.profileId().value()));

        auto cache = openProfile(dir.path(), keychain);
        QVERIFY(!cache);
        QCOMPARE(cache.error().code, QStringLiteral("cache.key_missing"));
        QVERIFY(cache.error().message.contains(QStringLiteral("Dữ liệu được giữ nguyên")));
        QCOMPARE(readAll(path), before);
        // ...and no new key was put in the keychain behind the user's back.
        QCOMPARE(
            keychain.read(QStringLiteral("cache-key/") + keys.profileId().value()).error().code,
            QStringLiteral("keychain.not_found"));
    }

    void officerPasswordKeySlots()
    {
        QTemporaryDir dir;
        KeychainSecretStore keychain(QStringLiteral("MotCua-test"));
        CacheKeys keys(dir.path(), keychain);
        const QByteArray key = keys.keychainKey().value();
        {
            auto cache = Cache::open(dir.path(), key);
            QVERIFY(cache);
            QVERIFY(cache.value()->setSetting(QStringLiteral("k"), QStringLiteral("v")));
        }
        // The admin switches the workstation to officers' passwords.
        QVERIFY(keys.switchToOfficerPasswords(key, QStringLiteral("admin1"),
                                              QStringLiteral("Quản-trị-2026")));
        QCOMPARE(keys.mode().value(), KeyMode::OfficerPasswords);
        QCOMPARE(
            keychain.read(QStringLiteral("cache-key/") + keys.profileId().value()).error().code,
            QStringLiteral("keychain.not_found"));
        QCOMPARE(keys.keychainKey().error().code, QStringLiteral("cache.key_needs_password"));
        const QByteArray slots
            = readAll(QDir(dir.path()).filePath(QStringLiteral("keyslots.json")));
        QVERIFY(!slots.contains(key));
        QVERIFY(!slots.contains(key.toBase64()));
        QVERIFY(!slots.contains("Quản-trị-2026"));

        auto opened = openProfile(dir.path(), keychain, QStringLiteral("admin1"),
                                  QStringLiteral("Quản-trị-2026"));
        QVERIFY2(opened, why(opened).constData());
        QCOMPARE(opened.value()->setting(QStringLiteral("k")).value(), QStringLiteral("v"));
        opened.value().reset();

        auto wrong = openProfile(dir.path(), keychain, QStringLiteral("admin1"),
                                 QStringLiteral("sai-mat-khau"));
        QCOMPARE(wrong.error().code, QStringLiteral("cache.wrong_password"));
        auto nobody
            = openProfile(dir.path(), keychain, QStringLiteral("counter1"), QStringLiteral("x"));
        QCOMPARE(nobody.error().code, QStringLiteral("cache.no_key_slot"));

        // A second officer gets a slot (after an unlock by the first); each opens with their own.
        const QByteArray unlocked
            = keys.unlockWithPassword(QStringLiteral("admin1"), QStringLiteral("Quản-trị-2026"))
                  .value();
        QCOMPARE(unlocked, key);
        QVERIFY(keys.addSlot(unlocked, QStringLiteral("counter1"), QStringLiteral("Một-cửa-2026")));
        QCOMPARE(keys.slotOwners().value(),
                 (QStringList{QStringLiteral("admin1"), QStringLiteral("counter1")}));
        QVERIFY(openProfile(dir.path(), keychain, QStringLiteral("counter1"),
                            QStringLiteral("Một-cửa-2026")));
        QVERIFY(keys.removeSlot(QStringLiteral("counter1")));
        QCOMPARE(keys.removeSlot(QStringLiteral("admin1")).error().code,
                 QStringLiteral("cache.last_key_slot"));

        // Back to the keychain.
        QVERIFY(keys.switchToKeychain(unlocked));
        QCOMPARE(keys.mode().value(), KeyMode::Keychain);
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("keyslots.json"))));
        QVERIFY(openProfile(dir.path(), keychain));
    }
};

QTEST_GUILESS_MAIN(TestStoreKeychain)
#include "test_store_keychain.moc"
