// Dossier code leases over HTTP: the codes of a block, the date window (today or tomorrow in
// Vietnam time), the count limits, and concurrent leases that never overlap.
#include "http_fixture.h"

#include <QTest>

#include <domain/workcalendar.h>

#include <algorithm>

using namespace motcua;
using namespace motcua::test;

namespace {

const QString kLease = QStringLiteral("/api/v1/codes/lease");
const QString kCentre = QStringLiteral("000.17.22.H56");

QDate vietnamToday()
{
    return domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date();
}

QJsonObject lease(const QDate &date, int count)
{
    return {{QStringLiteral("date"), date.toString(Qt::ISODate)}, {QStringLiteral("count"), count}};
}

} // namespace

class TestHttpCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void leaseGivesCodesOfTheAgency()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QDate today = vietnamToday();
        const Reply r = c.post(kLease, lease(today, 10), token);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("agencyCode")).toString(), kCentre);
        QCOMPARE(r.json.value(QStringLiteral("date")).toString(), today.toString(Qt::ISODate));
        QCOMPARE(r.json.value(QStringLiteral("first")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("last")).toInt(), 10);
        const QJsonArray codes = r.json.value(QStringLiteral("codes")).toArray();
        QCOMPARE(codes.size(), 2);
        const QString day = today.toString(QStringLiteral("yyMMdd"));
        QCOMPARE(codes.at(0).toString(), QStringLiteral("%1-%2-0001").arg(kCentre, day));
        QCOMPARE(codes.at(1).toString(), QStringLiteral("%1-%2-0010").arg(kCentre, day));

        const Reply next = c.post(kLease, lease(today, 5), token);
        QCOMPARE(next.json.value(QStringLiteral("first")).toInt(), 11);
        QCOMPARE(next.json.value(QStringLiteral("last")).toInt(), 15);
        // Tomorrow has its own numbers; another agency too.
        QCOMPARE(c.post(kLease, lease(today.addDays(1), 3), token)
                     .json.value(QStringLiteral("first"))
                     .toInt(),
                 1);
        const Reply commune = c.post(kLease, lease(today, 2), c.login(QStringLiteral("counter9")));
        QVERIFY2(commune.status == 201, qPrintable(commune.describe()));
        QCOMPARE(commune.json.value(QStringLiteral("first")).toInt(), 1);
        QVERIFY(commune.json.value(QStringLiteral("agencyCode")).toString() != kCentre);
    }

    void badDatesAndCounts()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString token = c.login(QStringLiteral("counter1"));
        const QDate today = vietnamToday();
        struct Bad
        {
            QJsonObject body;
            QString field;
        };
        const QList<Bad> bad{
            {lease(today.addDays(-1), 1), QStringLiteral("date")},
            {lease(today.addDays(2), 1), QStringLiteral("date")},
            {lease(today, 0), QStringLiteral("count")},
            {lease(today, 1001), QStringLiteral("count")},
            {{{QStringLiteral("date"), QStringLiteral("2026-13-01")}, {QStringLiteral("count"), 1}},
             QStringLiteral("date")},
            {{{QStringLiteral("date"), today.toString(Qt::ISODate)},
              {QStringLiteral("count"), QStringLiteral("5")}},
             QStringLiteral("count")},
            {{{QStringLiteral("date"), today.toString(Qt::ISODate)}}, QStringLiteral("count")},
            {{{QStringLiteral("date"), today.toString(Qt::ISODate)},
              {QStringLiteral("count"), 1},
              {QStringLiteral("agencyCode"), QStringLiteral("000.18.22.H56")}},
             QStringLiteral("agencyCode")},
        };
        for (const Bad &b : bad) {
            const Reply r = c.post(kLease, b.body, token);
            QVERIFY2(r.status == 400, qPrintable(r.describe()));
            QCOMPARE(r.field(), b.field);
        }
        // An appraiser draws no numbers.
        QCOMPARE(c.post(kLease, lease(today, 1), c.login(QStringLiteral("appraiser1"))).status,
                 403);
    }

    void concurrentLeasesNeverOverlap()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QStringList tokens{c.login(QStringLiteral("counter1")),
                                 c.login(QStringLiteral("admin1"))};
        QVERIFY(!tokens.at(0).isEmpty() && !tokens.at(1).isEmpty());
        const QByteArray body
            = QJsonDocument(lease(vietnamToday(), 7)).toJson(QJsonDocument::Compact);
        QList<std::pair<int, int>> blocks;
        for (int round = 0; round < 5; ++round) {
            QList<QByteArray> methods;
            QStringList paths;
            QList<QByteArray> bodies;
            QStringList who;
            for (int i = 0; i < 8; ++i) {
                methods.append("POST");
                paths.append(kLease);
                bodies.append(body);
                who.append(tokens.at(i % 2));
            }
            for (const Reply &r :
                 sendConcurrently(s.process().baseUrl(), methods, paths, bodies, who)) {
                QVERIFY2(r.status == 201, qPrintable(r.describe()));
                blocks.append({r.json.value(QStringLiteral("first")).toInt(),
                               r.json.value(QStringLiteral("last")).toInt()});
            }
        }
        std::sort(blocks.begin(), blocks.end());
        QCOMPARE(blocks.size(), 40);
        int expected = 1;
        for (const auto &[first, last] : blocks) {
            QCOMPARE(first, expected); // no overlap and no gap
            QCOMPARE(last, first + 6);
            expected = last + 1;
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpCodes)
#include "test_http_codes.moc"
