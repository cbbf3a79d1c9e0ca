// Authentication on SQLite and PostgreSQL: Argon2id hashes, tokens (expiry, rotation,
// revocation) and throttling, with an injected clock (no sleeping).
#include "fixtures.h"
#include "testdb.h"

#include <QTest>
#include <QTimeZone>

#include <auth.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace motcua;
using namespace motcua::server;

namespace {

const QString kPassword = QStringLiteral("Mật-khẩu-2026");

// A clock the test moves by hand.
struct ManualClock
{
    QDateTime now = QDateTime(QDate(2026, 11, 28), QTime(8, 0), QTimeZone::utc());
    AuthService::Clock function()
    {
        return [this] { return now; };
    }
};

struct Fixture
{
    std::unique_ptr<Database> db;
    std::unique_ptr<CatalogueStore> catalogue;
    ManualClock clock;
    std::unique_ptr<AuthService> auth;
    bool ok = false;

    explicit Fixture(const test::TestDb &t)
    {
        db = t.open();
        catalogue = std::make_unique<CatalogueStore>(*db);
        auto hash = hashPassword(kPassword);
        ok = hash && test::seedCatalogue(*catalogue, hash.value());
        auth = std::make_unique<AuthService>(*db, *catalogue, clock.function());
    }
};

} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void hashesWithArgon2id()
    {
        auto hash = hashPassword(kPassword);
        QVERIFY(hash);
        QVERIFY(hash->startsWith(QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$")));
        QVERIFY(verifyPassword(kPassword, hash.value()));
        QVERIFY(!verifyPassword(QStringLiteral("Mật-khẩu-2025"), hash.value()));
        QVERIFY(!verifyPassword(kPassword, QStringLiteral("$argon2i$nonsense")));
        QVERIFY(!verifyPassword(kPassword, QString()));
        QVERIFY(hashPassword(kPassword).value() != hash.value()); // a fresh salt each time
    }

    void passwordPolicy()
    {
        QVERIFY(checkPasswordPolicy(QStringLiteral("matkhau2026")));
        QVERIFY(checkPasswordPolicy(kPassword));
        QCOMPARE(checkPasswordPolicy(QStringLiteral("Ngan1")).error().code,
                 QStringLiteral("auth.weak_password"));
        QCOMPARE(checkPasswordPolicy(QStringLiteral("chichuthuongthoi")).error().code,
                 QStringLiteral("auth.weak_password"));
        QCOMPARE(checkPasswordPolicy(QStringLiteral("12345678901")).error().code,
                 QStringLiteral("auth.weak_password"));
    }

    void logsInAndAuthenticates()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        auto tokens
            = f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.0.0.5"));
        QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
        QCOMPARE(tokens->accessToken.size(), 43); // 32 bytes, base64url without padding
        QCOMPARE(tokens->refreshToken.size(), 43);
        QVERIFY(tokens->accessToken != tokens->refreshToken);
        QCOMPARE(tokens->expiresAt, f.clock.now.addSecs(8 * 3600));
        QCOMPARE(tokens->officer.id, QStringLiteral("counter1"));

        auto session = f.auth->authenticate(tokens->accessToken);
        QVERIFY(session);
        QCOMPARE(session->officer.id, QStringLiteral("counter1"));
        QCOMPARE(session->expiresAt, tokens->expiresAt);
        // Tokens are stored hashed: the database never holds them.
        auto conn = f.db->connection();
        Sql stored(
            conn.value(),
            QStringLiteral("SELECT COUNT(*) FROM tokens WHERE token_hash = ? OR token_hash = ?"));
        stored.bind(tokens->accessToken).bind(tokens->refreshToken);
        QVERIFY(stored.exec() && stored.next());
        QCOMPARE(stored.integer(0), 0);

        // The refresh token is not an access token; nonsense is refused before the database.
        QCOMPARE(f.auth->authenticate(tokens->refreshToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QCOMPARE(f.auth->authenticate(QStringLiteral("x' OR '1'='1")).error().code,
                 QStringLiteral("auth.invalid_token"));

        // Expiry after 8 hours.
        f.clock.now = f.clock.now.addSecs(8 * 3600);
        auto expired = f.auth->authenticate(tokens->accessToken);
        QVERIFY(!expired);
        QCOMPARE(expired.error().code, QStringLiteral("auth.expired_token"));
    }

    void sameAnswerForUnknownUserWrongPasswordAndDisabledAccount()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        QVERIFY(f.auth->setActive(QStringLiteral("head1"), false));
        const auto unknown
            = f.auth->login(QStringLiteral("ghost"), kPassword, QStringLiteral("10.0.0.1"));
        const auto wrong
            = f.auth->login(QStringLiteral("counter1"), QStringLiteral("Sai-mật-khẩu-1"),
                            QStringLiteral("10.0.0.2"));
        const auto disabled
            = f.auth->login(QStringLiteral("head1"), kPassword, QStringLiteral("10.0.0.3"));
        const auto empty = f.auth->login(QString(), QString(), QStringLiteral("10.0.0.4"));
        for (const auto *r : {&unknown, &wrong, &disabled, &empty}) {
            QVERIFY(!*r);
            QCOMPARE(r->error().code, QStringLiteral("auth.invalid_credentials"));
            QCOMPARE(r->error().message, unknown.error().message);
            QCOMPARE(r->error().field, QString());
            QVERIFY(r->error().details.isEmpty());
        }
    }

    void throttlesPerAccountWithExponentialDelay()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        const QString wrong = QStringLiteral("Sai-mật-khẩu-1");
        // Five failures (from different addresses) are free.
        for (int i = 0; i < 5; ++i) {
            auto r = f.auth->login(QStringLiteral("counter1"), wrong,
                                   QStringLiteral("10.1.0.%1").arg(i));
            QCOMPARE(r.error().code, QStringLiteral("auth.invalid_credentials"));
        }
        // Then a delay of 2^(failures-5) seconds: 1 s after the fifth.
        auto throttled
            = f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.1.1.1"));
        QVERIFY(!throttled);
        QCOMPARE(throttled.error().code, QStringLiteral("auth.throttled"));
        QCOMPARE(throttled.error().details.value(QStringLiteral("retryAfter")).toInteger(), 1);
        // The right password does not help while throttled, and is not even checked.
        f.clock.now = f.clock.now.addSecs(1);
        QCOMPARE(f.auth->login(QStringLiteral("counter1"), wrong, QStringLiteral("10.1.1.2"))
                     .error()
                     .code,
                 QStringLiteral("auth.invalid_credentials")); // sixth failure → 2 s
        QCOMPARE(f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.1.1.3"))
                     .error()
                     .details.value(QStringLiteral("retryAfter"))
                     .toInteger(),
                 2);
        f.clock.now = f.clock.now.addSecs(2);
        QVERIFY(!f.auth->login(QStringLiteral("counter1"), wrong,
                               QStringLiteral("10.1.1.4"))); // seventh → 4 s
        f.clock.now = f.clock.now.addSecs(3);
        QCOMPARE(f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.1.1.5"))
                     .error()
                     .details.value(QStringLiteral("retryAfter"))
                     .toInteger(),
                 1);
        // Another account from other addresses is not affected.
        QVERIFY(f.auth->login(QStringLiteral("head1"), kPassword, QStringLiteral("10.2.0.1")));
        // Once the delay has passed, success resets the account's counter.
        f.clock.now = f.clock.now.addSecs(1);
        QVERIFY(f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.1.1.6")));
        QCOMPARE(f.auth->login(QStringLiteral("counter1"), wrong, QStringLiteral("10.1.1.7"))
                     .error()
                     .code,
                 QStringLiteral("auth.invalid_credentials"));
        QVERIFY(f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("10.1.1.8")));
    }

    void throttlesPerSourceAddressAndCapsTheDelay()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        // Without an address, only accounts are counted (no shared key locking everybody out).
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                !f.auth->login(QStringLiteral("ghost%1").arg(i), QStringLiteral("x"), QString()));
        QVERIFY(f.auth->login(QStringLiteral("counter1"), kPassword, QString()));
        const QString address = QStringLiteral("203.0.113.9");
        // Guessing over many usernames from one address.
        for (int i = 0; i < 5; ++i)
            QVERIFY(!f.auth->login(QStringLiteral("user%1").arg(i), QStringLiteral("x"), address));
        auto r = f.auth->login(QStringLiteral("counter1"), kPassword, address);
        QCOMPARE(r.error().code, QStringLiteral("auth.throttled"));
        QVERIFY(r.error().message.contains(QStringLiteral("giây")));
        // The same account from elsewhere still works.
        QVERIFY(
            f.auth->login(QStringLiteral("counter1"), kPassword, QStringLiteral("198.51.100.1")));
        // The delay grows to at most 15 minutes.
        for (int i = 5; i < 20; ++i) {
            f.clock.now = f.clock.now.addSecs(16 * 60);
            QVERIFY(!f.auth->login(QStringLiteral("user%1").arg(i), QStringLiteral("x"), address));
        }
        r = f.auth->login(QStringLiteral("counter1"), kPassword, address);
        QCOMPARE(r.error().details.value(QStringLiteral("retryAfter")).toInteger(), 15 * 60);
    }

    void parallelGuessesCannotOutrunTheThrottle()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        // Twelve guesses at once: each is counted before its password is checked, so exactly the
        // five free ones are answered and the others are throttled, however they interleave.
        constexpr int kGuesses = 12;
        std::vector<QString> codes(kGuesses);
        std::vector<std::thread> threads;
        for (int i = 0; i < kGuesses; ++i) {
            threads.emplace_back([&f, &codes, i] {
                auto r = f.auth->login(QStringLiteral("counter1"), QStringLiteral("Đoán-%1").arg(i),
                                       QStringLiteral("10.9.0.%1").arg(i));
                codes[size_t(i)] = r ? QStringLiteral("ok") : r.error().code;
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(
            std::count(codes.cbegin(), codes.cend(), QStringLiteral("auth.invalid_credentials")),
            5);
        QCOMPARE(std::count(codes.cbegin(), codes.cend(), QStringLiteral("auth.throttled")),
                 kGuesses - 5);
    }

    void successGivesBackItsProvisionalFailure()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        const QString office = QStringLiteral("192.0.2.10"); // one NAT address for a whole office
        for (int i = 0; i < 4; ++i)
            QVERIFY(!f.auth->login(QStringLiteral("user%1").arg(i), QStringLiteral("x"), office));
        // The fifth attempt from the address is counted while it runs, then given back.
        QVERIFY(f.auth->login(QStringLiteral("counter1"), kPassword, office));
        auto fifthFailure = f.auth->login(QStringLiteral("user9"), QStringLiteral("x"), office);
        QCOMPARE(fifthFailure.error().code, QStringLiteral("auth.invalid_credentials"));
        QCOMPARE(f.auth->login(QStringLiteral("head1"), kPassword, office).error().code,
                 QStringLiteral("auth.throttled"));
    }

    void refreshRotatesAndDetectsReuse()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        auto first
            = f.auth->login(QStringLiteral("appraiser1"), kPassword, QStringLiteral("10.0.0.1"))
                  .value();
        f.clock.now = f.clock.now.addSecs(7 * 3600);
        auto second = f.auth->refresh(first.refreshToken);
        QVERIFY(second);
        QVERIFY(second->refreshToken != first.refreshToken);
        QCOMPARE(second->expiresAt, f.clock.now.addSecs(8 * 3600));
        QVERIFY(f.auth->authenticate(second->accessToken));
        // The old refresh token is spent; using it again ends the whole session.
        QCOMPARE(f.auth->refresh(first.refreshToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QCOMPARE(f.auth->authenticate(second->accessToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QCOMPARE(f.auth->refresh(second->refreshToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        // An access token is not a refresh token.
        auto third
            = f.auth->login(QStringLiteral("appraiser1"), kPassword, QStringLiteral("10.0.0.1"))
                  .value();
        QCOMPARE(f.auth->refresh(third.accessToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        // Refresh tokens expire after 30 days.
        f.clock.now = f.clock.now.addDays(30);
        QCOMPARE(f.auth->refresh(third.refreshToken).error().code,
                 QStringLiteral("auth.expired_token"));
    }

    void logoutRevokesTheSession()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        auto a = f.auth->login(QStringLiteral("leader1"), kPassword, QStringLiteral("10.0.0.1"))
                     .value();
        auto b = f.auth->login(QStringLiteral("leader1"), kPassword, QStringLiteral("10.0.0.2"))
                     .value();
        QVERIFY(f.auth->logout(a.accessToken));
        QCOMPARE(f.auth->authenticate(a.accessToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QCOMPARE(f.auth->refresh(a.refreshToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QVERIFY(
            f.auth->authenticate(b.accessToken)); // another session of the same officer lives on
        QCOMPARE(f.auth->logout(QStringLiteral("not-a-token")).error().code,
                 QStringLiteral("auth.invalid_token"));
    }

    void passwordChangeAndDeactivationRevokeEverything()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        auto a
            = f.auth->login(QStringLiteral("head1"), kPassword, QStringLiteral("10.0.0.1")).value();
        auto b
            = f.auth->login(QStringLiteral("head1"), kPassword, QStringLiteral("10.0.0.2")).value();
        QCOMPARE(
            f.auth->changePassword(QStringLiteral("head1"), QStringLiteral("ngan")).error().code,
            QStringLiteral("auth.weak_password"));
        QVERIFY(f.auth->authenticate(a.accessToken)); // a refused change revokes nothing
        const QString fresh = QStringLiteral("Mật-khẩu-mới-2027");
        QVERIFY(f.auth->changePassword(QStringLiteral("head1"), fresh));
        for (const auto &tokens : {a, b}) {
            QCOMPARE(f.auth->authenticate(tokens.accessToken).error().code,
                     QStringLiteral("auth.invalid_token"));
            QCOMPARE(f.auth->refresh(tokens.refreshToken).error().code,
                     QStringLiteral("auth.invalid_token"));
        }
        QCOMPARE(f.auth->login(QStringLiteral("head1"), kPassword, QStringLiteral("10.0.0.1"))
                     .error()
                     .code,
                 QStringLiteral("auth.invalid_credentials"));
        auto c = f.auth->login(QStringLiteral("head1"), fresh, QStringLiteral("10.0.0.1"));
        QVERIFY(c);
        QCOMPARE(f.auth->changePassword(QStringLiteral("nobody"), fresh).error().code,
                 QStringLiteral("officer.not_found"));

        QVERIFY(f.auth->setActive(QStringLiteral("head1"), false));
        QCOMPARE(f.auth->authenticate(c->accessToken).error().code,
                 QStringLiteral("auth.invalid_token"));
        QCOMPARE(
            f.auth->login(QStringLiteral("head1"), fresh, QStringLiteral("10.0.0.1")).error().code,
            QStringLiteral("auth.invalid_credentials"));
        QVERIFY(!f.catalogue->officer(QStringLiteral("head1")).value()->active);
        QVERIFY(f.auth->setActive(QStringLiteral("head1"), true));
        QVERIFY(f.auth->login(QStringLiteral("head1"), fresh, QStringLiteral("10.0.0.1")));
        QCOMPARE(f.auth->setActive(QStringLiteral("nobody"), false).error().code,
                 QStringLiteral("officer.not_found"));
    }

    // A session is kept in memory after it is authenticated, and trusted only until something it
    // depends on changes in the database — by this server, another one, or SQL typed by hand.
    void sessionKeptUntilAnAuthorisationChanges()
    {
        MOTCUA_TEST_DB(t);
        Fixture f(t);
        QVERIFY(f.ok);
        const QString who = QStringLiteral("counter1");
        const auto login
            = [&] { return f.auth->login(who, kPassword, QStringLiteral("10.0.0.9")).value(); };
        const auto code = [&](const QString &token) {
            auto s = f.auth->authenticate(token);
            return s ? QStringLiteral("ok") : s.error().code;
        };
        const auto hasRole = [&](const QString &token, domain::Role role) {
            auto s = f.auth->authenticate(token);
            return s && s->officer.hasRole(role);
        };
        const QString invalid = QStringLiteral("auth.invalid_token");
        const Tokens a = login();

        const AuthService::SessionStats before = f.auth->sessionStats();
        QCOMPARE(code(a.accessToken), QStringLiteral("ok"));
        QCOMPARE(code(a.accessToken), QStringLiteral("ok"));
        QCOMPARE(f.auth->sessionStats().misses - before.misses, 1);
        QCOMPARE(f.auth->sessionStats().hits - before.hits, 1);
        QCOMPARE(f.auth->sessionStats().kept, 1);
        // A statement that changes no row leaves the kept sessions alone.
        QVERIFY(t.exec(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE token_hash = 'none'")));
        QCOMPARE(code(a.accessToken), QStringLiteral("ok"));
        QCOMPARE(f.auth->sessionStats().hits - before.hits, 2);

        // The officer deactivated and reactivated by hand (the tokens stay unrevoked).
        QVERIFY(t.exec(QStringLiteral("UPDATE officers SET active = 0 WHERE id = 'counter1'")));
        QCOMPARE(code(a.accessToken), invalid);
        QVERIFY(t.exec(QStringLiteral("UPDATE officers SET active = 1 WHERE id = 'counter1'")));
        QCOMPARE(code(a.accessToken), QStringLiteral("ok"));

        // A group grants a role; its roles change; its membership is removed by hand.
        QVERIFY(!hasRole(a.accessToken, domain::Role::Appraiser));
        domain::OfficerGroup group;
        group.id = QStringLiteral("to-tham-dinh");
        group.agencyCode = f.catalogue->officer(who).value()->agencyCode;
        group.name = QStringLiteral("Tổ thẩm định");
        group.roles = {domain::Role::Appraiser};
        group.memberIds = {who};
        QVERIFY(f.catalogue->putGroup(group));
        QVERIFY(hasRole(a.accessToken, domain::Role::Appraiser));
        group.roles = {domain::Role::Archivist};
        QVERIFY(f.catalogue->putGroup(group));
        QVERIFY(!hasRole(a.accessToken, domain::Role::Appraiser));
        QVERIFY(hasRole(a.accessToken, domain::Role::Archivist));
        QVERIFY(t.exec(QStringLiteral("DELETE FROM group_members WHERE officer_id = 'counter1'")));
        QVERIFY(!hasRole(a.accessToken, domain::Role::Archivist));
        QVERIFY(t.exec(QStringLiteral("INSERT INTO group_members (group_id, officer_id) VALUES "
                                      "('to-tham-dinh', 'counter1')")));
        QVERIFY(hasRole(a.accessToken, domain::Role::Archivist));
        QVERIFY(t.exec(QStringLiteral("DELETE FROM officer_groups WHERE id = 'to-tham-dinh'")));
        QVERIFY(!hasRole(a.accessToken, domain::Role::Archivist));

        // Tokens revoked or deleted by hand.
        QVERIFY(
            t.exec(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE officer_id = 'counter1'")));
        QCOMPARE(code(a.accessToken), invalid);
        const Tokens b = login();
        QCOMPARE(code(b.accessToken), QStringLiteral("ok"));
        QVERIFY(t.exec(QStringLiteral("DELETE FROM tokens WHERE officer_id = 'counter1'")));
        QCOMPARE(code(b.accessToken), invalid);

        // Another server (or motcuactl) on the same database deactivates the officer.
        const Tokens c = login();
        QCOMPARE(code(c.accessToken), QStringLiteral("ok"));
        AuthService other(*f.db, *f.catalogue);
        QVERIFY(other.setActive(who, false));
        QCOMPARE(code(c.accessToken), invalid);
        QVERIFY(other.setActive(who, true));

        // A kept session still expires on time.
        const Tokens d = login();
        QCOMPARE(code(d.accessToken), QStringLiteral("ok"));
        QCOMPARE(code(d.accessToken), QStringLiteral("ok"));
        f.clock.now = f.clock.now.addSecs(8 * 3600);
        QCOMPARE(code(d.accessToken), QStringLiteral("auth.expired_token"));
    }
};

QTEST_GUILESS_MAIN(TestServerAuth)
#include "test_server_auth.moc"
