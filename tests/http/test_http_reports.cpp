// Reports over HTTP (R25, R23.3, R27.2): the hand-checked dataset of tests/reports pushed to a real
// server as its officers, then the statistics of the department of justice and the public
// per-agency status, on SQLite and on PostgreSQL.
#include "http_fixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <domain/json.h>
#include <statsdata.h>

using namespace motcua;
using namespace motcua::test;

namespace {

// Pushes every action of the dataset as its actor; false with the reason on the first refusal.
bool pushDataset(Client &c, QString *error)
{
    const auto data = reports::testdata::build();
    if (!data.error.isEmpty()) {
        *error = data.error;
        return false;
    }
    QHash<QString, QString> tokens;
    return pushEachAccepted(c, data.actions, tokens, error);
}

qint64 value(const QJsonObject &values, const char *key)
{
    return values.value(QLatin1String(key)).toInteger(-1);
}

} // namespace

class TestHttpReports : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void statisticsOfTheAgency_R25()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QString error;
        QVERIFY2(pushDataset(c, &error), qPrintable(error));

        // The department of justice handles every LLTP dossier; the commune's L is not its own.
        const QString leader = c.login(QStringLiteral("leader1"));
        Reply r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&to=2026-06-30"),
                        leader);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject total = r.json.value(QStringLiteral("total"))
                                      .toObject()
                                      .value(QStringLiteral("values"))
                                      .toObject();
        QCOMPARE(value(total, "received"), 10);
        QCOMPARE(value(total, "resolved"), 6);
        QCOMPARE(value(total, "early"), 4);
        QCOMPARE(value(total, "ontime"), 5);
        QCOMPARE(value(total, "late"), 1);
        QCOMPARE(value(total, "inProgress"), 3);
        QCOMPARE(value(total, "overdue"), 1);
        QCOMPARE(value(total, "notResolved"), 1);
        QCOMPARE(value(total, "online"), 1);
        QCOMPARE(total.value(QStringLiteral("ontimeRate")).toDouble(), 83.33);
        QCOMPARE(r.json.value(QStringLiteral("agencyName")).toString(),
                 QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa"));

        r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&to=2026-03-31&"
                                 "groupBy=field,month&measures=received,late"),
                  leader);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonArray rows = r.json.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonObject january = rows.at(0).toObject();
        QCOMPARE(january.value(QStringLiteral("labels")).toArray(),
                 (QJsonArray{QStringLiteral("Lý lịch tư pháp"), QStringLiteral("Tháng 01/2026")}));
        const QJsonObject values = january.value(QStringLiteral("values")).toObject();
        QCOMPARE(values.keys(), (QStringList{QStringLiteral("late"), QStringLiteral("received")}));
        QCOMPARE(value(values, "received"), 3);
        QCOMPARE(value(values, "late"), 1);

        // The server keeps the facts in memory: a dossier received after a request counts at the
        // next one, and a change to a counted one replaces it (no double count).
        const auto yearTotal = [&] {
            const Reply y = c.get(
                QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&to=2026-12-31"), leader);
            return y.json.value(QStringLiteral("total"))
                .toObject()
                .value(QStringLiteral("values"))
                .toObject();
        };
        const qint64 before = value(yearTotal(), "received");
        domain::Action receive = domain::demo::exampleReceive();
        receive.id = QUuid::createUuid();
        receive.dossierId = QUuid::createUuid();
        const QString counter = c.login(QStringLiteral("counter1"));
        Reply pushed
            = c.post(QStringLiteral("/api/v1/sync/push"),
                     {{QStringLiteral("actions"), QJsonArray{domain::toJson(receive)}}}, counter);
        QVERIFY2(pushed.body.contains("accepted"), qPrintable(pushed.describe()));
        QCOMPARE(value(yearTotal(), "received"), before + 1);
        domain::Action withdraw;
        withdraw.id = QUuid::createUuid();
        withdraw.dossierId = receive.dossierId;
        withdraw.type = domain::ActionType::Withdraw;
        withdraw.actorId = QStringLiteral("counter1");
        withdraw.deviceId = receive.deviceId;
        withdraw.deviceSeq = receive.deviceSeq + 1;
        withdraw.baseVersion = 1;
        withdraw.deviceTime = receive.deviceTime.addSecs(600);
        withdraw.payload = {{QStringLiteral("reason"), QStringLiteral("Công dân rút hồ sơ")}};
        pushed
            = c.post(QStringLiteral("/api/v1/sync/push"),
                     {{QStringLiteral("actions"), QJsonArray{domain::toJson(withdraw)}}}, counter);
        QVERIFY2(pushed.body.contains("accepted"), qPrintable(pushed.describe()));
        const QJsonObject after = yearTotal();
        QCOMPARE(value(after, "received"), before + 1);
        QCOMPARE(value(after, "notResolved"), value(total, "notResolved") + 1);
    }

    void badQueriesAndRolesAreRefused()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString leader = c.login(QStringLiteral("leader1"));
        Reply r = c.get(QStringLiteral("/api/v1/reports/statistics?to=2026-06-30"), leader);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("reports.bad_period"));
        QVERIFY(
            r.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("ngày")));
        r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-07-01&to=2026-06-30"),
                  leader);
        QCOMPARE(r.status, 400);
        r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&to=2026-06-30&"
                                 "groupBy=weekday"),
                  leader);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("reports.bad_dimension"));
        r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&to=2026-06-30"),
                  c.login(QStringLiteral("appraiser1")));
        QCOMPARE(r.status, 403);
        r = c.get(QStringLiteral("/api/v1/public/processing-status"));
        QCOMPARE(r.status, 400);
        r = c.get(QStringLiteral("/api/v1/public/processing-status?year=2026&month=13"));
        QCOMPARE(r.status, 400);
        r = c.get(QStringLiteral("/api/v1/public/processing-status?year=2026&format=xml"));
        QCOMPARE(r.status, 400);
    }

    void publicStatusPerAgency_R23_3_R27_2()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QString error;
        QVERIFY2(pushDataset(c, &error), qPrintable(error));

        Reply r = c.get(QStringLiteral("/api/v1/public/processing-status?year=2026&quarter=1"));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("from")).toString(), QStringLiteral("2026-01-01"));
        QCOMPARE(r.json.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-31"));
        const QJsonArray agencies = r.json.value(QStringLiteral("agencies")).toArray();
        QCOMPARE(agencies.size(), 2);
        QHash<QString, QJsonObject> byCode;
        for (const QJsonValue &a : agencies)
            byCode.insert(a.toObject().value(QStringLiteral("agencyCode")).toString(),
                          a.toObject());
        const QJsonObject justice = byCode.value(domain::demo::kJusticeCode);
        QCOMPARE(justice.value(QStringLiteral("agencyName")).toString(),
                 QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa"));
        QCOMPARE(value(justice, "received"), 6); // A, B, C, D, E, J
        QCOMPARE(value(justice, "ontime"), 4);
        QCOMPARE(value(justice, "late"), 1);
        const QJsonObject commune = byCode.value(domain::demo::kCommuneCode);
        QCOMPARE(value(commune, "received"), 1);
        QCOMPARE(value(commune, "overdue"), 1);
        QVERIFY(!r.body.contains("Nguy")); // no applicant, no dossier code
        QVERIFY(!r.body.contains("-2601"));

        r = c.get(
            QStringLiteral("/api/v1/public/processing-status?year=2026&quarter=1&format=csv"));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.body.startsWith("\xEF\xBB\xBF"));
        const QString csv = QString::fromUtf8(r.body.mid(3));
        QVERIFY2(csv.contains(QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa,6,5,4,1,0,0,\"80,00\"")),
                 qPrintable(csv));
        QVERIFY(csv.contains(QStringLiteral("Từ ngày 01/01/2026 đến ngày 31/03/2026")));
    }

    // motcuactl report against the server (one backend is enough: the route is tested on both).
    void cliWritesTheReport_R23_2()
    {
        MOTCUA_REQUIRE_BACKEND();
        if (backend != QLatin1String("sqlite"))
            QSKIP("the command line is checked on SQLite");
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        QString error;
        QVERIFY2(pushDataset(s.client(), &error), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto motcuactl = [&](const QStringList &args, QString *out) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("REPORT_PW"), kDemoPassword);
            env.insert(QStringLiteral("WRONG_PW"), QStringLiteral("not-the-password"));
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("MOTCUACTL_PATH"),
                    QStringList{QStringLiteral("report")} + args);
            if (!p.waitForFinished(120000))
                return -1;
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitCode();
        };
        const QStringList common{QStringLiteral("--server"), s.process().baseUrl(),
                                 QStringLiteral("--user"),   QStringLiteral("leader1"),
                                 QStringLiteral("--from"),   QStringLiteral("2026-01-01"),
                                 QStringLiteral("--to"),     QStringLiteral("2026-06-30")};
        QString out;
        const QString xlsx = dir.filePath(QStringLiteral("bao-cao.xlsx"));
        QCOMPARE(
            motcuactl(common
                          + QStringList{QStringLiteral("--password-env"),
                                        QStringLiteral("REPORT_PW"), QStringLiteral("--group-by"),
                                        QStringLiteral("field,month"), QStringLiteral("--measures"),
                                        QStringLiteral("received,resolved,ontime,late"),
                                        QStringLiteral("--format"), QStringLiteral("xlsx"),
                                        QStringLiteral("--out"), xlsx},
                      &out),
            0);
        QVERIFY2(out.contains(QStringLiteral("6 dòng")), qPrintable(out));
        QFile book(xlsx);
        QVERIFY(book.open(QIODevice::ReadOnly));
        QVERIFY(book.read(2) == "PK");

        const QString pdf = dir.filePath(QStringLiteral("r25.pdf"));
        QCOMPARE(
            motcuactl(common
                          + QStringList{QStringLiteral("--password-env"),
                                        QStringLiteral("REPORT_PW"), QStringLiteral("--template"),
                                        QStringLiteral("r25"), QStringLiteral("--format"),
                                        QStringLiteral("pdf"), QStringLiteral("--out"), pdf},
                      &out),
            0);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        QVERIFY2(content.contains(QStringLiteral("THEO MỨC ĐỘ DỊCH VỤ CÔNG")), qPrintable(content));
        QVERIFY2(content.contains(QStringLiteral("Dịch vụ công trực tuyến toàn")),
                 qPrintable(content));
        QVERIFY2(content.contains(QStringLiteral("SỞ TƯ PHÁP TỈNH KHÁNH HÒA")),
                 qPrintable(content));

        // Bad input: a clear message, exit 1, no file.
        const QString none = dir.filePath(QStringLiteral("none.docx"));
        QCOMPARE(
            motcuactl(common
                          + QStringList{QStringLiteral("--password-env"),
                                        QStringLiteral("WRONG_PW"), QStringLiteral("--template"),
                                        QStringLiteral("r25"), QStringLiteral("--format"),
                                        QStringLiteral("docx"), QStringLiteral("--out"), none},
                      &out),
            1);
        QVERIFY(!QFile::exists(none));
        QCOMPARE(
            motcuactl(common
                          + QStringList{QStringLiteral("--password-env"),
                                        QStringLiteral("REPORT_PW"), QStringLiteral("--template"),
                                        QStringLiteral("r25"), QStringLiteral("--format"),
                                        QStringLiteral("doc"), QStringLiteral("--out"), none},
                      &out),
            1);
        QVERIFY2(out.contains(QStringLiteral("không được hỗ trợ")), qPrintable(out));
        QVERIFY(!QFile::exists(none));
    }
};

QTEST_MAIN(TestHttpReports)
#include "test_http_reports.moc"
