// Authentication over HTTP, against the real motcua-server on SQLite and PostgreSQL: login, the
// identical answer for a wrong password and an unknown user, throttling (429 + Retry-After),
// logout, refresh, expiry, deactivation, the --demo password and the trusted proxy.
#include "http_fixture.h"

#include <QTest>

using namespace motcua::test;

namespace {

const QString kLogin = QStringLiteral("/api/v1/auth/login");
const QString kAgencies = QStringLiteral("/api/v1/agencies");

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

} // namespace

class TestHttpAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void loginAnswersTokensAndOfficer()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QString token = s.client().login(QStringLiteral("counter1"));
        const Reply &r = s.client().lastLogin;
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(token.size() >= 43);
        QVERIFY(r.json.value(QStringLiteral("refreshToken")).toString().size() >= 43);
        QVERIFY(QDateTime::fromString(r.json.value(QStringLiteral("expiresAt")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const QJsonObject officer = r.json.value(QStringLiteral("officer")).toObject();
        QCOMPARE(officer.value(QStringLiteral("id")).toString(), QStringLiteral("counter1"));
        for (const QString &key : officer.keys())
            QVERIFY2(!key.contains(QLatin1String("assword")) && !key.contains(QLatin1String("ash")),
                     qPrintable(key));
        QVERIFY(!r.body.contains("argon2"));
        QCOMPARE(s.client().get(kAgencies, token).status, 200);
    }

    void wrongPasswordAndUnknownUserLookTheSame()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const Reply wrong = s.client().post(
            kLogin, credentials(QStringLiteral("counter1"), QStringLiteral("not-the-password-1")));
        const Reply unknown = s.client().post(
            kLogin,
            credentials(QStringLiteral("nobody-at-all"), QStringLiteral("not-the-password-1")));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.code(), QStringLiteral("auth.invalid_credentials"));
        QVERIFY(!wrong.json.value(QStringLiteral("message")).toString().isEmpty());
    }

    void throttledAfterFiveFailures()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        for (int i = 0; i < 5; ++i) {
            const Reply r = s.client().post(
                kLogin,
                credentials(QStringLiteral("counter1"), QStringLiteral("wrong-password-9")));
            QVERIFY2(r.status == 401, qPrintable(r.describe()));
        }
        const Reply blocked = s.client().post(
            kLogin, credentials(QStringLiteral("counter1"), QStringLiteral("wrong-password-9")));
        QVERIFY2(blocked.status == 429, qPrintable(blocked.describe()));
        QCOMPARE(blocked.code(), QStringLiteral("auth.throttled"));
        QVERIFY(blocked.headers.value("retry-after").toInt() >= 1);
        QVERIFY(blocked.json.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("retryAfter"))
                    .toInt()
                >= 1);
        // While blocked, not even the right password is looked at.
        const Reply right
            = s.client().post(kLogin, credentials(QStringLiteral("counter1"), kDemoPassword));
        QCOMPARE(right.status, 429);
        // The address is blocked too: another account from the same place waits as well.
        QCOMPARE(
            s.client().post(kLogin, credentials(QStringLiteral("admin1"), kDemoPassword)).status,
            429);
        // X-Forwarded-For is not believed without --trust-proxy.
        const Reply spoofed = s.client().send(
            "POST", kLogin,
            QJsonDocument(credentials(QStringLiteral("admin1"), kDemoPassword)).toJson(), {},
            {{"X-Forwarded-For", "203.0.113.77"}, {"Content-Type", "application/json"}});
        QCOMPARE(spoofed.status, 429);

        const Reply metrics = s.client().get(QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        qint64 failed = -1;
        for (const QByteArray &line : metrics.body.split('\n')) {
            if (line.startsWith("motcua_logins_failed_total "))
                failed = line.mid(27).toLongLong();
        }
        QVERIFY2(failed >= 6, qPrintable(QString::number(failed)));
        QVERIFY(s.healthy());
    }

    void trustedProxyAddress()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend, {QStringLiteral("--trust-proxy")}), qPrintable(s.error()));
        const auto loginFrom
            = [&](const QString &user, const QString &password, const QByteArray &from) {
                  return s.client().send("POST", kLogin,
                                         QJsonDocument(credentials(user, password)).toJson(), {},
                                         {{"X-Forwarded-For", "198.51.100.1, " + from},
                                          {"Content-Type", "application/json"}});
              };
        for (int i = 0; i < 6; ++i)
            loginFrom(QStringLiteral("no-such-user-%1").arg(i), QStringLiteral("wrong-password-9"),
                      "203.0.113.5");
        // The address 203.0.113.5 is blocked, another address is not.
        QCOMPARE(loginFrom(QStringLiteral("admin1"), kDemoPassword, "203.0.113.5").status, 429);
        QCOMPARE(loginFrom(QStringLiteral("admin1"), kDemoPassword, "203.0.113.6").status, 200);
    }

    void logoutRevokesTheSession()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QString token = s.client().login(QStringLiteral("head1"));
        const QString refresh
            = s.client().lastLogin.json.value(QStringLiteral("refreshToken")).toString();
        QVERIFY(!token.isEmpty());
        // The session is kept in memory after its first request (the logout must still count).
        const auto metric = [&](const char *series) {
            return metricValue(s.client().get(QStringLiteral("/metrics")).body, series);
        };
        const qint64 hits = metric("motcua_session_hits_total");
        QVERIFY(hits >= 0);
        QCOMPARE(s.client().get(kAgencies, token).status, 200);
        QCOMPARE(s.client().get(kAgencies, token).status, 200);
        QVERIFY(metric("motcua_sessions_kept") >= 1);
        QVERIFY(metric("motcua_session_hits_total") >= hits + 1);
        const Reply out = s.client().send("POST", QStringLiteral("/api/v1/auth/logout"), {}, token);
        QVERIFY2(out.status == 204, qPrintable(out.describe()));
        const Reply reuse = s.client().get(kAgencies, token);
        QCOMPARE(reuse.status, 401);
        QCOMPARE(reuse.headers.value("www-authenticate"), QByteArray("Bearer"));
        QCOMPARE(s.client()
                     .post(QStringLiteral("/api/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"), refresh}})
                     .status,
                 401);
    }

    void refreshRotatesTokens()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        QVERIFY(!s.client().login(QStringLiteral("leader1")).isEmpty());
        const QString refresh
            = s.client().lastLogin.json.value(QStringLiteral("refreshToken")).toString();
        const Reply r = s.client().post(QStringLiteral("/api/v1/auth/refresh"),
                                        {{QStringLiteral("refreshToken"), refresh}});
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QString access = r.json.value(QStringLiteral("accessToken")).toString();
        QCOMPARE(s.client().get(kAgencies, access).status, 200);
        QCOMPARE(r.json.value(QStringLiteral("officer"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("leader1"));
        // The old refresh token was used up.
        QCOMPARE(s.client()
                     .post(QStringLiteral("/api/v1/auth/refresh"),
                           {{QStringLiteral("refreshToken"), refresh}})
                     .status,
                 401);
    }

    void expiredTokenIsRefused()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QString token = s.client().login(QStringLiteral("counter1"));
        QCOMPARE(s.client().get(kAgencies, token).status, 200);
        // Expire it in the database (the server's clock is real; 8 h is too long to wait).
        QString error;
        QVERIFY2(
            s.db().exec(QStringLiteral("UPDATE tokens SET expires_at = 1 WHERE kind = 'access'"),
                        &error),
            qPrintable(error));
        const Reply r = s.client().get(kAgencies, token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("auth.expired_token"));
    }

    void missingAndMalformedTokens()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const Reply none = s.client().get(kAgencies);
        QCOMPARE(none.status, 401);
        QCOMPARE(none.code(), QStringLiteral("auth.missing_token"));
        QVERIFY(!none.json.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(s.client().get(kAgencies, QStringLiteral("garbage")).status, 401);
        QCOMPARE(s.client().get(kAgencies, QString(43, QLatin1Char('A'))).status, 401);
        QCOMPARE(s.client()
                     .send("GET", kAgencies, {}, {}, {{"Authorization", "Basic YWRtaW46YWRtaW4="}})
                     .status,
                 401);
        QCOMPARE(s.client()
                     .send("GET", kAgencies, {}, {}, {{"Authorization", QByteArray(4000, 'x')}})
                     .status,
                 401);
    }

    void deactivationRevokesTokens()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const QString admin = s.client().login(QStringLiteral("admin1"));
        const QString counter = s.client().login(QStringLiteral("counter1"));
        QVERIFY(!admin.isEmpty() && !counter.isEmpty());
        Reply officer = s.client().get(QStringLiteral("/api/v1/officers/counter1"), admin);
        QVERIFY2(officer.status == 200, qPrintable(officer.describe()));
        QJsonObject body = officer.json;
        body.insert(QStringLiteral("active"), false);
        const Reply put = s.client().put(QStringLiteral("/api/v1/officers/counter1"), body, admin);
        QVERIFY2(put.status == 200, qPrintable(put.describe()));
        QCOMPARE(s.client().get(kAgencies, counter).status, 401);
        const Reply again
            = s.client().post(kLogin, credentials(QStringLiteral("counter1"), kDemoPassword));
        QCOMPARE(again.status, 401);
        QCOMPARE(again.code(), QStringLiteral("auth.invalid_credentials"));
        // An admin cannot lock themselves out.
        Reply self = s.client().get(QStringLiteral("/api/v1/officers/admin1"), admin);
        QJsonObject selfBody = self.json;
        selfBody.insert(QStringLiteral("active"), false);
        QCOMPARE(s.client().put(QStringLiteral("/api/v1/officers/admin1"), selfBody, admin).status,
                 409);
    }

    void demoPasswordPrintedOnceAndLogsClean()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend, {QStringLiteral("--demo")}, {}, false), qPrintable(s.error()));
        const QString out = QString::fromUtf8(s.process().stdoutText());
        QCOMPARE(out.count(QStringLiteral("demo password: ")), 1);
        const QString password = out.section(QStringLiteral("demo password: "), 1)
                                     .section(QLatin1Char('\n'), 0, 0)
                                     .trimmed();
        QVERIFY(password.size() >= 10);
        const QString token = s.client().login(QStringLiteral("counter1"), password);
        QVERIFY2(!token.isEmpty(), qPrintable(s.client().lastLogin.describe()));
        QCOMPARE(s.client()
                     .get(QStringLiteral("/api/v1/dossiers/%1")
                              .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                          token)
                     .status,
                 404);
        QVERIFY(s.process().stop());
        const QByteArray log = s.process().stderrText();
        QVERIFY(!log.contains(password.toUtf8()));
        QVERIFY(!log.contains(token.toUtf8()));
        QVERIFY(!log.contains("Nguyễn"));
        // Every line is a JSON object; access lines name the route pattern, not the path.
        int access = 0;
        for (const QByteArray &line : log.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            QVERIFY(o.contains(QStringLiteral("time")));
            if (o.value(QStringLiteral("category")).toString()
                == QLatin1String("motcua.server.http")) {
                ++access;
                QVERIFY(o.contains(QStringLiteral("method")) && o.contains(QStringLiteral("status"))
                        && o.contains(QStringLiteral("durationMs")));
                QVERIFY(!o.value(QStringLiteral("route")).toString().contains(QLatin1Char('-')));
            }
        }
        QVERIFY(access >= 2);
    }
};

QTEST_GUILESS_MAIN(TestHttpAuth)
#include "test_http_auth.moc"
