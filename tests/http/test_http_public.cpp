// Public lookup (R26) over HTTP: status, procedure and dates only; with the slip's secret token the
// masked applicant name and the trail; 404 for unknown codes; 403 for a wrong token; rate-limited.
#include "http_fixture.h"

#include <QTest>

#include <domain/demo.h>
#include <domain/json.h>

using namespace motcua;
using namespace motcua::test;

namespace {

const QString kCode = QStringLiteral("000.17.22.H56-261128-0007"); // domain::demo::exampleReceive()
const QString kToken = QStringLiteral("q7Hc2LrT9xWm");

bool receiveExample(Client &c, QString *error)
{
    domain::Action receive = domain::demo::exampleReceive();
    receive.id = QUuid::createUuid();
    receive.dossierId = QUuid::createUuid();
    QHash<QString, QString> tokens;
    return pushEachAccepted(c, {receive}, tokens, error);
}

} // namespace

class TestHttpPublic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void lookupShowsNoPersonalData()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QString error;
        QVERIFY2(receiveExample(c, &error), qPrintable(error));

        const Reply r = c.get(QStringLiteral("/api/v1/public/dossiers/") + kCode);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(), kCode);
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(r.json.value(QStringLiteral("statusName")).toString(),
                 QStringLiteral("Được tiếp nhận"));
        QCOMPARE(r.json.value(QStringLiteral("procedure"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("2.001417"));
        QVERIFY(!r.json.value(QStringLiteral("receivedAt")).toString().isEmpty());
        QVERIFY(!r.json.value(QStringLiteral("dueAt")).toString().isEmpty());
        QVERIFY(r.json.value(QStringLiteral("completedAt")).isNull());
        QVERIFY(!r.json.contains(QStringLiteral("applicantName")));
        QVERIFY(!r.json.contains(QStringLiteral("trail")));
        for (const char *secret :
             {"056090001234", "Nguyễn", "0905123456", "example.vn", "Trần Phú", "q7Hc2LrT9xWm"})
            QVERIFY2(!r.body.contains(secret), secret);

        const Reply detailed
            = c.get(QStringLiteral("/api/v1/public/dossiers/%1?t=%2").arg(kCode, kToken));
        QVERIFY2(detailed.status == 200, qPrintable(detailed.describe()));
        QCOMPARE(detailed.json.value(QStringLiteral("applicantName")).toString(),
                 QStringLiteral("Nguyễn V** Đ**"));
        const QJsonArray trail = detailed.json.value(QStringLiteral("trail")).toArray();
        QCOMPARE(trail.size(), 1);
        QCOMPARE(trail.at(0).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("receive"));
        for (const char *secret :
             {"056090001234", "0905123456", "example.vn", "Trần Phú", "counter1"})
            QVERIFY2(!detailed.body.contains(secret), secret);

        const Reply wrong
            = c.get(QStringLiteral("/api/v1/public/dossiers/%1?t=q7Hc2LrT9xWn").arg(kCode));
        QCOMPARE(wrong.status, 403);
        QCOMPARE(c.get(QStringLiteral("/api/v1/public/dossiers/%1?t=").arg(kCode)).status, 403);
        const Reply unknown
            = c.get(QStringLiteral("/api/v1/public/dossiers/000.17.22.H56-261128-9999"));
        QCOMPARE(unknown.status, 404);
        QVERIFY(!unknown.json.value(QStringLiteral("message")).toString().isEmpty());
    }

    void lookupIsRateLimited()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        int limited = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 40; ++i) {
            const Reply r
                = s.client().get(QStringLiteral("/api/v1/public/dossiers/000.17.22.H56-261128-%1")
                                     .arg(i, 4, 10, QLatin1Char('0')));
            QVERIFY2(r.status == 404 || r.status == 429, qPrintable(r.describe()));
            if (r.status == 429) {
                ++limited;
                retryAfter = r.headers.value("retry-after");
                QCOMPARE(r.code(), QStringLiteral("public.throttled"));
            }
        }
        QVERIFY(limited >= 15);
        QVERIFY(retryAfter.toInt() >= 1);
        // Officers' routes are not affected.
        QVERIFY(s.healthy());
    }
};

QTEST_GUILESS_MAIN(TestHttpPublic)
#include "test_http_public.moc"
