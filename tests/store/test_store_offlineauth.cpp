// Offline login after one online login; tokens in the real keychain; logout; lock-out of a
// deactivated officer at the next online contact.
#include "storetest.h"

#include <store/database.h>
#include <store/keystore.h>
#include <store/offlineauth.h>

using namespace motcua;
using namespace motcua::store;
using namespace motcua::store::test;

class TestStoreOfflineAuth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Cache> m_cache;
    KeychainSecretStore m_keychain{QStringLiteral("MotCua-test")};
    domain::Officer m_officer
        = domain::demo::directory().officer(QStringLiteral("counter1")).value();
    const QString m_password = QStringLiteral("Một-cửa-2026");

private Q_SLOTS:
    void initTestCase()
    {
        auto cache = Cache::open(m_dir.path(), randomKey());
        QVERIFY(cache);
        m_cache = std::move(cache.value());
    }

    void neverOnlineMeansNoOfflineLogin()
    {
        OfflineAuth auth(*m_cache, m_keychain);
        auto r = auth.loginOffline(m_officer.username, m_password);
        QCOMPARE(r.error().code, QStringLiteral("auth.no_offline_login"));
        QVERIFY(r.error().message.contains(QStringLiteral("đăng nhập một lần")));
    }

    void offlineLoginAfterOneOnlineLogin()
    {
        OfflineAuth auth(*m_cache, m_keychain);
        const StoredTokens tokens{QStringLiteral("access-abc"), QStringLiteral("refresh-xyz"),
                                  QDateTime(QDate(2026, 11, 28), QTime(17, 0), Qt::UTC)};
        QVERIFY(auth.rememberOnlineLogin(m_officer, m_password, tokens));
        auto officer = auth.loginOffline(m_officer.username, m_password);
        QVERIFY2(officer, why(officer).constData());
        QCOMPARE(officer.value(), m_officer);
        QCOMPARE(auth.loginOffline(m_officer.username, QStringLiteral("wrong")).error().code,
                 QStringLiteral("auth.invalid_credentials"));
        QCOMPARE(auth.loginOffline(QStringLiteral("nobody"), m_password).error().code,
                 QStringLiteral("auth.no_offline_login"));

        // Tokens are in the keychain, not in the cache.
        auto stored = auth.tokens(m_officer.id);
        QVERIFY2(stored, why(stored).constData());
        QCOMPARE(stored.value().accessToken, tokens.accessToken);
        QCOMPARE(stored.value().refreshToken, tokens.refreshToken);
        QCOMPARE(stored.value().expiresAt, tokens.expiresAt);
        auto inCache = m_cache->database().scalar(
            "SELECT count(*) FROM settings WHERE value LIKE '%refresh-xyz%'");
        QCOMPARE(inCache.value(), 0);
        // The verifier is Argon2id, not the password.
        auto verifier = m_cache->database().text("SELECT verifier FROM offline_logins");
        QVERIFY(verifier.value().startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!verifier.value().contains(m_password));

        // Logout clears the tokens; offline login still works.
        QVERIFY(auth.logout(m_officer.id));
        QCOMPARE(auth.tokens(m_officer.id).error().code, QStringLiteral("keychain.not_found"));
        QVERIFY(auth.loginOffline(m_officer.username, m_password));
    }

    void deactivatedOfficerIsLockedOut()
    {
        OfflineAuth auth(*m_cache, m_keychain);
        QVERIFY(auth.rememberOnlineLogin(m_officer, m_password,
                                         {QStringLiteral("a"), QStringLiteral("r"), {}}));
        // The next online contact says the account is deactivated.
        QVERIFY(auth.lockOut(m_officer.id));
        auto r = auth.loginOffline(m_officer.username, m_password);
        QCOMPARE(r.error().code, QStringLiteral("auth.deactivated"));
        QCOMPARE(auth.tokens(m_officer.id).error().code, QStringLiteral("keychain.not_found"));
        // Reactivated and logged in online again: offline login is back.
        QVERIFY(auth.rememberOnlineLogin(m_officer, m_password, {}));
        QVERIFY(auth.loginOffline(m_officer.username, m_password));
        // An inactive officer record from the server locks out too.
        domain::Officer inactive = m_officer;
        inactive.active = false;
        QVERIFY(auth.rememberOnlineLogin(inactive, m_password, {}));
        QCOMPARE(auth.loginOffline(m_officer.username, m_password).error().code,
                 QStringLiteral("auth.deactivated"));
    }
};

QTEST_GUILESS_MAIN(TestStoreOfflineAuth)
#include "test_store_offlineauth.moc"
