// Report templates over HTTP (R24): personal and shared templates, who sees and writes which,
// versions, bad input, the administration trail, the statistics filters a template applies, and
// `motcuactl report --template NAME` running a saved template — on SQLite and on PostgreSQL.
#include "http_fixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <domain/json.h>
#include <statsdata.h>

using namespace motcua;
using namespace motcua::test;

namespace {

const QString kPath = QStringLiteral("/api/v1/report-templates");

QJsonObject byField(const QString &name, bool shared)
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("title"), QStringLiteral("BÁO CÁO HỒ SƠ LÝ LỊCH TƯ PHÁP")},
        {QStringLiteral("shared"), shared},
        {QStringLiteral("groupBy"), QJsonArray{QStringLiteral("field")}},
        {QStringLiteral("measures"),
         QJsonArray{QStringLiteral("received"), QStringLiteral("ontime"), QStringLiteral("late")}},
        {QStringLiteral("filter"),
         QJsonObject{{QStringLiteral("channels"), QJsonArray{QStringLiteral("counter")}}}},
        {QStringLiteral("period"), QStringLiteral("custom")},
        {QStringLiteral("from"), QStringLiteral("2026-01-01")},
        {QStringLiteral("to"), QStringLiteral("2026-06-30")},
        {QStringLiteral("chart"), QStringLiteral("bar")}};
}

QStringList names(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &t : r.json.value(QStringLiteral("templates")).toArray())
        out.append(t.toObject().value(QStringLiteral("name")).toString());
    return out;
}

QString code(const Reply &r)
{
    return r.json.value(QStringLiteral("code")).toString();
}

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

} // namespace

class TestHttpReportTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void personalAndSharedTemplates_R24_2()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString leader = c.login(QStringLiteral("leader1"));
        const QString head = c.login(QStringLiteral("head1"));
        const QString controller = c.login(QStringLiteral("controller1")); // another agency
        QVERIFY(!leader.isEmpty() && !head.isEmpty() && !controller.isEmpty());

        // The head keeps a personal template; a leader shares one with the agency.
        Reply r = c.post(kPath, byField(QStringLiteral("Của tôi"), false), head);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const QString personal = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(r.json.value(QStringLiteral("ownerId")).toString(), QStringLiteral("head1"));
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 1);
        r = c.post(kPath, byField(QStringLiteral("Theo lĩnh vực"), true), leader);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const QString shared = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(r.json.value(QStringLiteral("filter"))
                     .toObject()
                     .value(QStringLiteral("channels"))
                     .toArray(),
                 QJsonArray{QStringLiteral("counter")});

        // Each sees their own and the shared ones, personal first; nobody sees another's.
        r = c.get(kPath, head);
        QCOMPARE(names(r),
                 (QStringList{QStringLiteral("Của tôi"), QStringLiteral("Theo lĩnh vực")}));
        QCOMPARE(r.json.value(QStringLiteral("canShare")).toBool(), false);
        r = c.get(kPath, leader);
        QCOMPARE(names(r), QStringList{QStringLiteral("Theo lĩnh vực")});
        QCOMPARE(r.json.value(QStringLiteral("canShare")).toBool(), true);
        QCOMPARE(c.get(kPath + u'/' + personal, leader).status, 404);
        QCOMPARE(c.get(kPath, controller).json.value(QStringLiteral("templates")).toArray().size(),
                 0);
        QCOMPARE(c.get(kPath + u'/' + shared, controller).status, 404);
        QCOMPARE(c.get(kPath + u'/' + shared, head).status, 200);

        // Only leaders and admins write shared templates.
        r = c.post(kPath, byField(QStringLiteral("Chung của phòng"), true), head);
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("auth.forbidden_report_template"));
        QVERIFY(r.json.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("lãnh đạo")));
        QJsonObject edit = c.get(kPath + u'/' + shared, head).json;
        edit.insert(QStringLiteral("title"), QStringLiteral("Sửa bởi trưởng phòng"));
        QCOMPARE(c.put(kPath + u'/' + shared, edit, head).status, 403);
        QCOMPARE(c.send("DELETE", kPath + u'/' + shared, {}, head).status, 403);
        QCOMPARE(c.put(kPath + u'/' + shared, edit, controller).status, 404);

        // The leader changes it: version 2; an edit of version 1 is a conflict.
        edit.insert(QStringLiteral("title"), QStringLiteral("BÁO CÁO THEO LĨNH VỰC"));
        r = c.put(kPath + u'/' + shared, edit, leader);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("updatedBy")).toString(), QStringLiteral("leader1"));
        QCOMPARE(r.json.value(QStringLiteral("ownerId")).toString(), QStringLiteral("leader1"));
        r = c.put(kPath + u'/' + shared, edit, leader);
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("report_template.version_conflict"));
        QCOMPARE(r.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("expected"))
                     .toInt(),
                 2);

        // Names are unique per scope: the head's own name may repeat a shared one.
        QCOMPARE(code(c.post(kPath, byField(QStringLiteral("Theo lĩnh vực"), true), leader)),
                 QStringLiteral("report_template.duplicate_name"));
        QCOMPARE(c.post(kPath, byField(QStringLiteral("Theo lĩnh vực"), false), head).status, 201);

        // The owner deletes their own; then it is gone.
        QCOMPARE(c.send("DELETE", kPath + u'/' + personal, {}, head).status, 200);
        QCOMPARE(c.get(kPath + u'/' + personal, head).status, 404);
        QCOMPARE(names(c.get(kPath, head)),
                 (QStringList{QStringLiteral("Theo lĩnh vực"), QStringLiteral("Theo lĩnh vực")}));
        // Officers who read no reports have no templates either.
        QCOMPARE(c.get(kPath, c.login(QStringLiteral("counter1"))).status, 403);
        QVERIFY(s.healthy());
    }

    void badTemplatesNameTheField()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString leader = c.login(QStringLiteral("leader1"));
        const auto refused = [&](QJsonObject body, const char *field) {
            const Reply r = c.post(kPath, body, leader);
            if (r.status != 400)
                return QStringLiteral("%1: %2").arg(QLatin1String(field), r.describe());
            const QString at = r.json.value(QStringLiteral("details"))
                                   .toObject()
                                   .value(QStringLiteral("field"))
                                   .toString();
            if (at != QLatin1String(field)
                || r.json.value(QStringLiteral("message")).toString().isEmpty())
                return QStringLiteral("%1: field %2 in %3")
                    .arg(QLatin1String(field), at, r.describe());
            return QString();
        };
        QJsonObject body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("colour"), QStringLiteral("red"));
        QCOMPARE(refused(body, "colour"), QString());
        body = byField(QString(), false);
        QCOMPARE(refused(body, "name"), QString());
        body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("groupBy"), QJsonArray{QStringLiteral("weekday")});
        QCOMPARE(refused(body, "groupBy"), QString());
        body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("filter"),
                    QJsonObject{{QStringLiteral("levels"), QJsonArray{QStringLiteral("half")}}});
        QCOMPARE(refused(body, "filter.levels"), QString());
        body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("to"), QStringLiteral("2025-01-01"));
        QCOMPARE(refused(body, "to"), QString());
        body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("chart"), QStringLiteral("radar"));
        QCOMPARE(refused(body, "chart"), QString());
        body = byField(QStringLiteral("Sai"), false);
        body.insert(QStringLiteral("measures"), QStringLiteral("received"));
        QCOMPARE(refused(body, "measures"), QString());
        QCOMPARE(c.get(kPath, leader).json.value(QStringLiteral("templates")).toArray().size(), 0);
        QCOMPARE(c.get(kPath + QStringLiteral("/not-a-uuid"), leader).status, 404);
    }

    void everyWriteIsInTheTrail()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString controller = c.login(QStringLiteral("controller1"));
        Reply r = c.post(kPath, byField(QStringLiteral("Kiểm soát"), false), controller);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        const QString id = r.json.value(QStringLiteral("id")).toString();
        QCOMPARE(c.send("DELETE", kPath + u'/' + id, {}, controller).status, 200);
        const QJsonArray entries
            = c.get(QStringLiteral("/api/v1/admin/audit"), c.login(QStringLiteral("admin1")))
                  .json.value(QStringLiteral("entries"))
                  .toArray();
        QStringList seen;
        for (const QJsonValue &e : entries) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("actorId")).toString() == QLatin1String("controller1"))
                seen.append(o.value(QStringLiteral("method")).toString() + u' '
                            + o.value(QStringLiteral("route")).toString());
        }
        QCOMPARE(seen,
                 (QStringList{QStringLiteral("DELETE /api/v1/report-templates/{id}"),
                              QStringLiteral("POST /api/v1/report-templates")}));
    }

    // The statistics filters a template carries, and the CLI running a saved template.
    void savedTemplateRunsFromTheCli_R24_1()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        QString error;
        QVERIFY2(pushDataset(c, &error), qPrintable(error));
        const QString leader = c.login(QStringLiteral("leader1"));

        // One of the ten dossiers came through the national portal.
        const auto received = [&](const QString &query) {
            const Reply r = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&"
                                                 "to=2026-06-30&measures=received,ontimeRate")
                                      + query,
                                  leader);
            return r.status == 200 ? r.json.value(QStringLiteral("total"))
                                         .toObject()
                                         .value(QStringLiteral("values"))
                                         .toObject()
                                         .value(QStringLiteral("received"))
                                         .toInteger(-1)
                                   : -r.status;
        };
        QCOMPARE(received(QString()), 10);
        QCOMPARE(received(QStringLiteral("&channels=national-portal")), 1);
        QCOMPARE(received(QStringLiteral("&channels=counter,national-portal")), 10);
        QCOMPARE(received(QStringLiteral("&fields=NO-SUCH-FIELD")), 0);
        QCOMPARE(received(QStringLiteral("&levels=half")), -400);
        // Nothing resolved: no on-time rate rather than a misleading 0.
        const Reply empty = c.get(QStringLiteral("/api/v1/reports/statistics?from=2026-01-01&"
                                                 "to=2026-06-30&measures=received,ontimeRate&"
                                                 "fields=NO-SUCH-FIELD"),
                                  leader);
        QVERIFY(empty.json.value(QStringLiteral("total"))
                    .toObject()
                    .value(QStringLiteral("values"))
                    .toObject()
                    .value(QStringLiteral("ontimeRate"))
                    .isNull());

        if (backend != QLatin1String("sqlite"))
            return; // the command line is checked once
        QJsonObject portal = byField(QStringLiteral("Hồ sơ trực tuyến"), true);
        portal.insert(QStringLiteral("title"), QStringLiteral("BÁO CÁO HỒ SƠ NỘP TRỰC TUYẾN"));
        portal.insert(QStringLiteral("filter"),
                      QJsonObject{{QStringLiteral("channels"),
                                   QJsonArray{QStringLiteral("national-portal")}}});
        QCOMPARE(c.post(kPath, portal, leader).status, 201);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto motcuactl = [&](const QStringList &args, QString *out) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("REPORT_PW"), kDemoPassword);
            p.setProcessEnvironment(env);
            p.start(qEnvironmentVariable("MOTCUACTL_PATH"),
                    QStringList{QStringLiteral("report"), QStringLiteral("--server"),
                                s.process().baseUrl(), QStringLiteral("--user"),
                                QStringLiteral("leader1"), QStringLiteral("--password-env"),
                                QStringLiteral("REPORT_PW")}
                        + args);
            if (!p.waitForFinished(120000))
                return -1;
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            return p.exitCode();
        };
        QString out;
        const QString csv = dir.filePath(QStringLiteral("truc-tuyen.csv"));
        // Case-insensitive name; the template's own period (custom, first half of 2026).
        QCOMPARE(motcuactl({QStringLiteral("--template"), QStringLiteral("hồ sơ trực tuyến"),
                            QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("--out"), csv},
                           &out),
                 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll().mid(3));
        QVERIFY2(text.contains(QStringLiteral("BÁO CÁO HỒ SƠ NỘP TRỰC TUYẾN")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Từ ngày 01/01/2026 đến ngày 30/06/2026")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Tổng cộng,1,")), qPrintable(text));

        // An unknown name lists what there is, and writes nothing.
        const QString none = dir.filePath(QStringLiteral("none.csv"));
        QCOMPARE(motcuactl({QStringLiteral("--template"), QStringLiteral("Không có"),
                            QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("--out"), none},
                           &out),
                 1);
        QVERIFY2(out.contains(QStringLiteral("Hồ sơ trực tuyến")), qPrintable(out));
        QVERIFY(!QFile::exists(none));
    }
};

QTEST_MAIN(TestHttpReportTemplates)
#include "test_http_report_templates.moc"
