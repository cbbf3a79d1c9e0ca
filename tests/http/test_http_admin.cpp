// Administration through the real server, on SQLite and PostgreSQL (issue 10): a permission
// change takes effect on the very next request; deactivation and a password reset end the
// officer's sessions; officers are searched; the national procedure export is previewed, refused
// row by row when malformed (nothing applied) and applied atomically; every admin change lands in
// the administration trail.
#include "http_fixture.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <domain/demo.h>
#include <domain/json.h>
#include <domain/workcalendar.h>

using namespace motcua;
using namespace motcua::test;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(motcua::testing::testDataPath(QStringLiteral("admin/") + name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QJsonArray trail(Client &c, const QString &admin)
{
    const Reply r = c.get(QStringLiteral("/api/v1/admin/audit"), admin);
    return r.json.value(QStringLiteral("entries")).toArray();
}

QStringList trailRoutes(const QJsonArray &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out.append(e.toObject().value(QStringLiteral("method")).toString() + QLatin1Char(' ')
                   + e.toObject().value(QStringLiteral("route")).toString());
    return out;
}

// Pushes one action and answers its result ({status, seq, version} or {status, code, message}).
QJsonObject pushOne(Client &c, const domain::Action &a, const QString &token)
{
    const Reply r = c.post(QStringLiteral("/api/v1/sync/push"),
                           {{QStringLiteral("actions"), QJsonArray{domain::toJson(a)}}}, token);
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

} // namespace

class TestHttpAdmin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void permissionChangeTakesEffectAtOnce_R01_2c()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString counter = c.login(QStringLiteral("counter1"));
        QVERIFY(!admin.isEmpty() && !counter.isEmpty());
        // The counter officer leases dossier codes; once the role is gone, it may not.
        const QString today
            = domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date().toString(Qt::ISODate);
        const QJsonObject lease{{QStringLiteral("date"), today}, {QStringLiteral("count"), 1}};
        QCOMPARE(c.post(QStringLiteral("/api/v1/codes/lease"), lease, counter).status, 201);

        QJsonObject officer = c.get(QStringLiteral("/api/v1/officers/counter1"), admin).json;
        officer.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("archivist")});
        Reply changed = c.put(QStringLiteral("/api/v1/officers/counter1"), officer, admin);
        QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
        // Same token, next request: the new role rules.
        Reply refused = c.post(QStringLiteral("/api/v1/codes/lease"), lease, counter);
        QCOMPARE(refused.status, 403);

        officer.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("counter")});
        QCOMPARE(c.put(QStringLiteral("/api/v1/officers/counter1"), officer, admin).status, 200);
        QCOMPARE(c.post(QStringLiteral("/api/v1/codes/lease"), lease, counter).status, 201);

        const QStringList routes = trailRoutes(trail(c, admin));
        QCOMPARE(routes.count(QStringLiteral("PUT /api/v1/officers/{id}")), 2);
    }

    // R01.2b-c: a group's roles are its members' on their next request, and a workflow step
    // given to a group is its members' on their next pushed action — joining or leaving the
    // group changes what the server accepts at once. Every group change is in the trail.
    void groupsGrantRolesAndStepsAtOnce_R01_2b_R01_2c()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin.stp")); // the Justice department's
        const QString archivist = c.login(QStringLiteral("archivist1"));
        const QString counter = c.login(QStringLiteral("counter1"));
        const QString head = c.login(QStringLiteral("head1"));
        const QString appraiser = c.login(QStringLiteral("appraiser1"));
        QVERIFY(!admin.isEmpty() && !archivist.isEmpty() && !counter.isEmpty() && !head.isEmpty()
                && !appraiser.isEmpty());

        // Roles through a group: the archivist may lease dossier codes while a member.
        const QString today
            = domain::toVietnamTime(QDateTime::currentDateTimeUtc()).date().toString(Qt::ISODate);
        const QJsonObject lease{{QStringLiteral("date"), today}, {QStringLiteral("count"), 1}};
        QCOMPARE(c.post(QStringLiteral("/api/v1/codes/lease"), lease, archivist).status, 403);
        QJsonObject desk{{QStringLiteral("id"), QStringLiteral("mot-cua-stp")},
                         {QStringLiteral("agencyCode"), QStringLiteral("000.18.22.H56")},
                         {QStringLiteral("name"), QStringLiteral("Bộ phận một cửa của Sở")},
                         {QStringLiteral("roles"), QJsonArray{QStringLiteral("counter")}},
                         {QStringLiteral("members"), QJsonArray{QStringLiteral("archivist1")}}};
        Reply put = c.put(QStringLiteral("/api/v1/groups/mot-cua-stp"), desk, admin);
        QVERIFY2(put.status == 201, qPrintable(put.describe()));
        QCOMPARE(c.post(QStringLiteral("/api/v1/codes/lease"), lease, archivist).status, 201);
        const QJsonObject account
            = c.get(QStringLiteral("/api/v1/officers/archivist1"), admin).json;
        QCOMPARE(account.value(QStringLiteral("groups")).toArray(),
                 QJsonArray{QStringLiteral("mot-cua-stp")});
        QCOMPARE(account.value(QStringLiteral("groupRoles")).toArray(),
                 QJsonArray{QStringLiteral("counter")});
        QCOMPARE(account.value(QStringLiteral("roles")).toArray(),
                 QJsonArray{QStringLiteral("archivist")}); // the account's own, unchanged
        // Writing the account back (with what it read) does not make group roles its own.
        QCOMPARE(c.put(QStringLiteral("/api/v1/officers/archivist1"), account, admin).status, 200);
        desk.insert(QStringLiteral("members"), QJsonArray());
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/mot-cua-stp"), desk, admin).status, 200);
        QCOMPARE(c.post(QStringLiteral("/api/v1/codes/lease"), lease, archivist).status, 403);

        // A member of another agency, an unknown officer: refused, naming the member.
        QJsonObject team{{QStringLiteral("id"), QStringLiteral("to-lltp")},
                         {QStringLiteral("agencyCode"), QStringLiteral("000.18.22.H56")},
                         {QStringLiteral("name"), QStringLiteral("Tổ lý lịch tư pháp")},
                         {QStringLiteral("members"),
                          QJsonArray{QStringLiteral("appraiser2"), QStringLiteral("counter1")}}};
        Reply foreign = c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, admin);
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("group.unknown_member"));
        QCOMPARE(foreign.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("members[1]"));
        team.insert(QStringLiteral("members"), QJsonArray{QStringLiteral("appraiser2")});
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, admin).status, 201);

        // The appraisal step of the criminal-record workflow is given to the team.
        QJsonObject workflow = c.get(QStringLiteral("/api/v1/workflows/wf-lltp"), admin).json;
        QJsonArray steps = workflow.value(QStringLiteral("steps")).toArray();
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QJsonObject step = steps.at(i).toObject();
            if (step.value(QStringLiteral("id")).toString() == QLatin1String("tham-dinh")) {
                step.insert(QStringLiteral("assigneeKind"), QStringLiteral("group"));
                step.insert(QStringLiteral("assignee"), QStringLiteral("to-lltp"));
                steps[i] = step;
            }
        }
        workflow.insert(QStringLiteral("version"),
                        workflow.value(QStringLiteral("version")).toInt() + 1);
        // A step given to a group the agency does not have is refused, naming the step.
        QJsonArray unknown = steps;
        for (qsizetype i = 0; i < unknown.size(); ++i) {
            QJsonObject step = unknown.at(i).toObject();
            if (step.value(QStringLiteral("assigneeKind")).toString() == QLatin1String("group")) {
                step.insert(QStringLiteral("assignee"), QStringLiteral("khong-co"));
                unknown[i] = step;
            }
        }
        workflow.insert(QStringLiteral("steps"), unknown);
        Reply refused
            = c.post(QStringLiteral("/api/v1/workflows/wf-lltp/versions"), workflow, admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("workflow.unknown_group"));
        workflow.insert(QStringLiteral("steps"), steps);
        Reply published
            = c.post(QStringLiteral("/api/v1/workflows/wf-lltp/versions"), workflow, admin);
        QVERIFY2(published.status == 201, qPrintable(published.describe()));

        QList<domain::Action> journey = domain::demo::exampleJourney();
        const QUuid dossier = QUuid::createUuid();
        for (auto &a : journey) {
            a.id = QUuid::createUuid();
            a.dossierId = dossier;
        }
        const auto push = [&](domain::Action a, const QString &token) {
            a.id = QUuid::createUuid(); // a retry after a refusal is a new action
            const QJsonObject result = pushOne(c, a, token);
            return result.value(QStringLiteral("status")).toString() == QLatin1String("accepted")
                ? QStringLiteral("accepted")
                : result.value(QStringLiteral("code")).toString();
        };
        QCOMPARE(push(journey.at(0), counter), QStringLiteral("accepted"));
        QCOMPARE(push(journey.at(1), counter), QStringLiteral("accepted"));
        // appraiser1 is not in the team: assigning the appraisal to them is refused.
        QCOMPARE(push(journey.at(2), head), QStringLiteral("action.step_not_permitted"));
        team.insert(QStringLiteral("members"),
                    QJsonArray{QStringLiteral("appraiser1"), QStringLiteral("appraiser2")});
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, admin).status, 200);
        QCOMPARE(push(journey.at(2), head), QStringLiteral("accepted"));
        // Out of the team, the holder may not submit; back in, they may.
        team.insert(QStringLiteral("members"), QJsonArray{QStringLiteral("appraiser2")});
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, admin).status, 200);
        QCOMPARE(push(journey.at(3), appraiser), QStringLiteral("action.step_not_permitted"));
        team.insert(QStringLiteral("members"), QJsonArray{QStringLiteral("appraiser1")});
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, admin).status, 200);
        QCOMPARE(push(journey.at(3), appraiser), QStringLiteral("accepted"));

        // A group a step is given to is kept; one no step names goes.
        Reply inUse = c.send("DELETE", QStringLiteral("/api/v1/groups/to-lltp"), {}, admin);
        QCOMPARE(inUse.status, 409);
        QVERIFY(inUse.json.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Thẩm định")));
        QCOMPARE(c.send("DELETE", QStringLiteral("/api/v1/groups/mot-cua-stp"), {}, admin).status,
                 200);
        QCOMPARE(c.send("DELETE", QStringLiteral("/api/v1/groups/mot-cua-stp"), {}, admin).status,
                 404);
        const QJsonArray groups = c.get(QStringLiteral("/api/v1/groups"), head)
                                      .json.value(QStringLiteral("groups"))
                                      .toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0).toObject().value(QStringLiteral("members")).toArray(),
                 QJsonArray{QStringLiteral("appraiser1")});
        // Another agency's admin sees none of it and may change none of it.
        const QString centreAdmin = c.login(QStringLiteral("admin1"));
        QVERIFY(c.get(QStringLiteral("/api/v1/groups"), centreAdmin)
                    .json.value(QStringLiteral("groups"))
                    .toArray()
                    .isEmpty());
        QCOMPARE(c.put(QStringLiteral("/api/v1/groups/to-lltp"), team, centreAdmin).status, 403);
        QCOMPARE(c.send("DELETE", QStringLiteral("/api/v1/groups/to-lltp"), {}, centreAdmin).status,
                 403);

        const QStringList routes = trailRoutes(trail(c, admin));
        QCOMPARE(routes.count(QStringLiteral("PUT /api/v1/groups/{id}")), 6);
        QCOMPARE(routes.count(QStringLiteral("DELETE /api/v1/groups/{id}")), 1);
    }

    void deactivationAndResetEndSessions_R01_2a()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        QString head = c.login(QStringLiteral("counter1"));
        QCOMPARE(c.get(QStringLiteral("/api/v1/agencies"), head).status, 200);

        Reply off = c.post(QStringLiteral("/api/v1/officers/counter1/active"),
                           {{QStringLiteral("active"), false}}, admin);
        QVERIFY2(off.status == 200, qPrintable(off.describe()));
        QCOMPARE(off.json.value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(c.get(QStringLiteral("/api/v1/agencies"), head).status, 401);
        QVERIFY(c.login(QStringLiteral("counter1")).isEmpty());
        QCOMPARE(c.post(QStringLiteral("/api/v1/officers/counter1/active"),
                        {{QStringLiteral("active"), true}}, admin)
                     .status,
                 200);
        head = c.login(QStringLiteral("counter1"));
        QVERIFY(!head.isEmpty());

        // Reset: the old sessions end, the old password no longer works, the new one does.
        const QString fresh = QStringLiteral("Moi-Passw0rd-2026!");
        QCOMPARE(c.post(QStringLiteral("/api/v1/officers/counter1/password"),
                        {{QStringLiteral("password"), QStringLiteral("short")}}, admin)
                     .status,
                 400);
        Reply reset = c.post(QStringLiteral("/api/v1/officers/counter1/password"),
                             {{QStringLiteral("password"), fresh}}, admin);
        QVERIFY2(reset.status == 200, qPrintable(reset.describe()));
        QCOMPARE(c.get(QStringLiteral("/api/v1/agencies"), head).status, 401);
        QVERIFY(c.login(QStringLiteral("counter1")).isEmpty());
        head = c.login(QStringLiteral("counter1"), fresh);
        QVERIFY(!head.isEmpty());

        // An admin cannot lock themselves out.
        QCOMPARE(c.post(QStringLiteral("/api/v1/officers/admin1/active"),
                        {{QStringLiteral("active"), false}}, admin)
                     .status,
                 409);

        const QJsonArray entries = trail(c, admin);
        QCOMPARE(trailRoutes(entries),
                 (QStringList{QStringLiteral("POST /api/v1/officers/{id}/password"),
                              QStringLiteral("POST /api/v1/officers/{id}/active"),
                              QStringLiteral("POST /api/v1/officers/{id}/active")}));
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(QStringLiteral("actorId")).toString(), QStringLiteral("admin1"));
        QCOMPARE(newest.value(QStringLiteral("target")).toString(),
                 QStringLiteral("/api/v1/officers/counter1/password"));
        QVERIFY(!newest.value(QStringLiteral("detail")).toString().contains(fresh));
        QVERIFY(newest.value(QStringLiteral("detail")).toString().contains(QStringLiteral("***")));
        // The trail is admin-only: a signed-in counter officer is refused, not unknown.
        QCOMPARE(c.get(QStringLiteral("/api/v1/admin/audit"), head).status, 403);
    }

    void officersAreSearched_R01_2a()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QJsonArray all = c.get(QStringLiteral("/api/v1/officers"), admin)
                                   .json.value(QStringLiteral("officers"))
                                   .toArray();
        const QJsonArray found = c.get(QStringLiteral("/api/v1/officers?q=COUNTER1"), admin)
                                     .json.value(QStringLiteral("officers"))
                                     .toArray();
        QVERIFY(all.size() > 2);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("counter1"));
    }

    void malformedImportReportsEveryRowAndAppliesNothing_R03()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const int before = c.get(QStringLiteral("/api/v1/procedures"), admin)
                               .json.value(QStringLiteral("procedures"))
                               .toArray()
                               .size();
        for (const char *name : {"procedures-bad.json", "procedures-bad.csv"}) {
            const bool csv = QByteArray(name).endsWith("csv");
            Reply r = c.send(
                "POST", QStringLiteral("/api/v1/procedures/import"),
                fixture(QString::fromLatin1(name)), admin,
                {{QByteArrayLiteral("Content-Type"),
                  csv ? QByteArrayLiteral("text/csv") : QByteArrayLiteral("application/json")}});
            QCOMPARE(r.status, 400);
            QCOMPARE(r.code(), QStringLiteral("import.bad_rows"));
            const QJsonArray problems = r.json.value(QStringLiteral("details"))
                                            .toObject()
                                            .value(QStringLiteral("problems"))
                                            .toArray();
            QCOMPARE(problems.size(), QByteArray(name).endsWith("json") ? 5 : 3);
            QVERIFY(r.json.value(QStringLiteral("message"))
                        .toString()
                        .startsWith(QStringLiteral("Tệp có ")));
        }
        QCOMPARE(c.get(QStringLiteral("/api/v1/procedures"), admin)
                     .json.value(QStringLiteral("procedures"))
                     .toArray()
                     .size(),
                 before);
        QVERIFY(trail(c, admin).isEmpty()); // refused imports change nothing
    }

    void importIsPreviewedThenApplied_R03_1()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QByteArray good = fixture(QStringLiteral("procedures-good.json"));

        Reply preview
            = c.send("POST", QStringLiteral("/api/v1/procedures/import?dryRun=1"), good, admin);
        QVERIFY2(preview.status == 200, qPrintable(preview.describe()));
        QCOMPARE(preview.json.value(QStringLiteral("added")).toInt(), 3);
        QCOMPARE(c.get(QStringLiteral("/api/v1/procedures/2.000908"), admin).status, 404);

        Reply applied = c.send("POST", QStringLiteral("/api/v1/procedures/import"), good, admin);
        QVERIFY2(applied.status == 200, qPrintable(applied.describe()));
        const QJsonObject stored = c.get(QStringLiteral("/api/v1/procedures/1.004227"), admin).json;
        QCOMPARE(stored.value(QStringLiteral("agencyCode")).toString(),
                 QStringLiteral("000.17.22.H56")); // the importing admin's agency

        Reply update = c.send("POST", QStringLiteral("/api/v1/procedures/import?dryRun=true"),
                              fixture(QStringLiteral("procedures-update.json")), admin);
        QCOMPARE(update.json.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(update.json.value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(update.json.value(QStringLiteral("unchanged")).toInt(), 2);

        // The CSV of the same procedures changes nothing.
        Reply csv = c.send("POST", QStringLiteral("/api/v1/procedures/import?dryRun=1"),
                           fixture(QStringLiteral("procedures-good.csv")), admin,
                           {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv")}});
        QCOMPARE(csv.json.value(QStringLiteral("unchanged")).toInt(), 2);

        // Another agency's procedure (the demo commune's 1.001193) is not the admin's to import.
        QJsonArray foreign{QJsonObject{{QStringLiteral("MaTTHC"), QStringLiteral("1.001193")},
                                       {QStringLiteral("TenTTHC"), QStringLiteral("Khai sinh")}}};
        QCOMPARE(c.send("POST", QStringLiteral("/api/v1/procedures/import"),
                        QJsonDocument(foreign).toJson(), admin)
                     .status,
                 403);
        // Dry runs are not changes: the trail has the one applied import.
        QCOMPARE(trailRoutes(trail(c, admin)),
                 QStringList{QStringLiteral("POST /api/v1/procedures/import")});
    }

    void unitsAreShippedAndImported_R02_1()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString counter = c.login(QStringLiteral("counter1"));
        const auto units = [&](const QString &query) {
            return c.get(QStringLiteral("/api/v1/admin-units") + query, counter)
                .json.value(QStringLiteral("units"))
                .toArray();
        };
        QCOMPARE(units(QStringLiteral("?level=province")).size(), 34); // shipped
        QVERIFY(units(QStringLiteral("?level=commune")).isEmpty());

        const QHash<QByteArray, QByteArray> csv{
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv")}};
        Reply bad = c.send("POST", QStringLiteral("/api/v1/admin-units/import"),
                           fixture(QStringLiteral("units-bad.csv")), admin, csv);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("problems"))
                     .toArray()
                     .size(),
                 4);
        QCOMPARE(c.send("POST", QStringLiteral("/api/v1/admin-units/import"),
                        fixture(QStringLiteral("units-official.csv")), counter, csv)
                     .status,
                 403);
        Reply preview
            = c.send("POST", QStringLiteral("/api/v1/admin-units/import?dryRun=1"),
                     fixture(QStringLiteral("administrative-units-2025.csv")), admin, csv);
        QVERIFY2(preview.status == 200, qPrintable(preview.describe()));
        QCOMPARE(preview.json.value(QStringLiteral("added")).toInt(), 3321);
        QCOMPARE(preview.json.value(QStringLiteral("unchanged")).toInt(), 34);
        // The preview lists what would be added.
        const QJsonArray wouldAdd = preview.json.value(QStringLiteral("changes")).toArray();
        QCOMPARE(wouldAdd.size(), 3321);
        QCOMPARE(wouldAdd.first().toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("added"));
        QCOMPARE(wouldAdd.first().toObject().value(QStringLiteral("level")).toString(),
                 QStringLiteral("commune"));
        QVERIFY(units(QStringLiteral("?level=commune")).isEmpty());

        Reply applied = c.send("POST", QStringLiteral("/api/v1/admin-units/import"),
                               fixture(QStringLiteral("units-official.csv")), admin, csv);
        QVERIFY2(applied.status == 200, qPrintable(applied.describe()));
        QCOMPARE(applied.json.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(applied.json.value(QStringLiteral("changes")).toArray().size(), 2);
        // A renamed commune: the dry run names the field, and writes nothing.
        QByteArray renamed = fixture(QStringLiteral("units-official.csv"));
        renamed.replace("22366;Phường Nha Trang", "22366;Phường Nha Trang Mới");
        Reply change = c.send("POST", QStringLiteral("/api/v1/admin-units/import?dryRun=true"),
                              renamed, admin, csv);
        QVERIFY2(change.status == 200, qPrintable(change.describe()));
        QCOMPARE(change.json.value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(change.json.value(QStringLiteral("unchanged")).toInt(), 1);
        const QJsonObject changed
            = change.json.value(QStringLiteral("changes")).toArray().first().toObject();
        QCOMPARE(changed.value(QStringLiteral("kind")).toString(), QStringLiteral("changed"));
        QCOMPARE(changed.value(QStringLiteral("code")).toString(), QStringLiteral("22366"));
        QCOMPARE(changed.value(QStringLiteral("parentCode")).toString(), QStringLiteral("56"));
        QCOMPARE(changed.value(QStringLiteral("fields")).toArray(),
                 QJsonArray{QStringLiteral("name")});
        const QJsonArray khanhHoa = units(QStringLiteral("?parent=56"));
        QCOMPARE(khanhHoa.size(), 2);
        QCOMPARE(khanhHoa.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Phường Nha Trang"));
        QCOMPARE(units(QStringLiteral("?q=bac%20nha%20trang")).size(), 1);
        QCOMPARE(trailRoutes(trail(c, admin)),
                 QStringList{QStringLiteral("POST /api/v1/admin-units/import")});
    }

    void staleCalendarIsNotOverwritten()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const Reply read = c.get(QStringLiteral("/api/v1/calendar"), admin);
        QCOMPARE(read.status, 200);
        const QByteArray tag = read.headers.value(QByteArrayLiteral("etag"));
        QCOMPARE(tag,
                 '"' + QCryptographicHash::hash(read.body, QCryptographicHash::Sha256).toHex()
                     + '"');
        // One admin adds a swapped working Saturday to 2027 and saves with the tag read.
        QJsonObject edited = read.json;
        QJsonArray years = edited.value(QStringLiteral("years")).toArray();
        years.append(QJsonObject{
            {QStringLiteral("year"), 2027},
            {QStringLiteral("workingWeekendDays"), QJsonArray{QStringLiteral("2027-04-24")}}});
        edited.insert(QStringLiteral("years"), years);
        const QHash<QByteArray, QByteArray> ifMatch{{QByteArrayLiteral("If-Match"), tag}};
        const Reply saved = c.send("PUT", QStringLiteral("/api/v1/calendar"),
                                   QJsonDocument(edited).toJson(), admin, ifMatch);
        QVERIFY2(saved.status == 200, qPrintable(saved.describe()));
        QVERIFY(saved.headers.value(QByteArrayLiteral("etag")) != tag);
        // A second admin still holding the old tag is refused, and nothing changes.
        const Reply stale
            = c.send("PUT", QStringLiteral("/api/v1/calendar"), read.body, admin, ifMatch);
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.code(), QStringLiteral("calendar.stale"));
        const Reply after = c.get(QStringLiteral("/api/v1/calendar"), admin);
        QCOMPARE(after.headers.value(QByteArrayLiteral("etag")),
                 saved.headers.value(QByteArrayLiteral("etag")));
        QVERIFY(after.body.contains("2027-04-24"));
        QCOMPARE(trailRoutes(trail(c, admin)), QStringList{QStringLiteral("PUT /api/v1/calendar")});
    }

    // R02, R05.1b: the shared catalogues of document types (with their data fields) and fields
    // are read by every officer and written by admins; a malformed entry or import row is refused
    // by its row and field with nothing written; what a procedure names cannot be deleted; every
    // write is in the trail.
    void sharedCataloguesAreKeptAndGuarded_R02_R05_1b()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString counter = c.login(QStringLiteral("counter1"));
        const auto codes = [&](const QString &path, const QString &key) {
            QStringList out;
            for (const auto &e : c.get(path, counter).json.value(key).toArray())
                out.append(e.toObject().value(QStringLiteral("code")).toString());
            return out;
        };
        const QString types = QStringLiteral("/api/v1/document-types");
        const QString fields = QStringLiteral("/api/v1/fields");
        // The demo province's catalogues: every component's type, the land certificate with its
        // own fields, the procedures' fields.
        const QJsonArray seeded
            = c.get(types, counter).json.value(QStringLiteral("documentTypes")).toArray();
        QVERIFY(seeded.size() >= 40);
        const auto gcn = std::find_if(seeded.begin(), seeded.end(), [](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("code")).toString() == QLatin1String("GCN");
        });
        QVERIFY(gcn != seeded.end());
        QCOMPARE(gcn->toObject().value(QStringLiteral("fields")).toArray().size(), 4);
        QVERIFY(codes(fields, QStringLiteral("fields")).contains(QStringLiteral("DD")));

        const QJsonObject type{
            {QStringLiteral("code"), QStringLiteral("GP-LX")},
            {QStringLiteral("name"), QStringLiteral("Giấy phép lái xe")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("holderId")}},
            {QStringLiteral("fields"),
             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("hang")},
                                    {QStringLiteral("label"), QStringLiteral("Hạng")},
                                    {QStringLiteral("kind"), QStringLiteral("choice")},
                                    {QStringLiteral("required"), true},
                                    {QStringLiteral("choices"),
                                     QJsonArray{QStringLiteral("A1"), QStringLiteral("B2")}}}}}};
        QCOMPARE(c.put(types + QStringLiteral("/GP-LX"), type, counter).status, 403);
        Reply created = c.put(types + QStringLiteral("/GP-LX"), type, admin);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        QCOMPARE(c.put(types + QStringLiteral("/GP-LX"), type, admin).status, 200);
        QVERIFY(codes(types, QStringLiteral("documentTypes")).contains(QStringLiteral("GP-LX")));

        // A choice without choices; a code that is not the path's.
        QJsonObject bad = type;
        QJsonObject badField = type.value(QStringLiteral("fields")).toArray().at(0).toObject();
        badField.remove(QStringLiteral("choices"));
        bad.insert(QStringLiteral("fields"), QJsonArray{badField});
        Reply refused = c.put(types + QStringLiteral("/GP-LX"), bad, admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("fields[0].choices"));
        QCOMPARE(c.put(types + QStringLiteral("/OTHER"), type, admin).status, 400);

        // An import with a bad second row writes nothing; a good one writes every row.
        const QJsonArray rows{
            QJsonObject{{QStringLiteral("code"), QStringLiteral("LV-01")},
                        {QStringLiteral("name"), QStringLiteral("Lĩnh vực thử")}},
            QJsonObject{{QStringLiteral("code"), QStringLiteral("LV 02")},
                        {QStringLiteral("name"), QStringLiteral("Mã có khoảng trắng")}}};
        Reply badImport
            = c.post(fields + QStringLiteral("/import"), {{QStringLiteral("fields"), rows}}, admin);
        QCOMPARE(badImport.status, 400);
        QVERIFY2(badImport.json.value(QStringLiteral("message"))
                     .toString()
                     .startsWith(QStringLiteral("Dòng 2:")),
                 qPrintable(badImport.describe()));
        QVERIFY(!codes(fields, QStringLiteral("fields")).contains(QStringLiteral("LV-01")));
        QJsonArray good = rows;
        good.replace(1,
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("LV-02")},
                                 {QStringLiteral("name"), QStringLiteral("Lĩnh vực thử 2")}});
        Reply imported
            = c.post(fields + QStringLiteral("/import"), {{QStringLiteral("fields"), good}}, admin);
        QVERIFY2(imported.status == 200, qPrintable(imported.describe()));
        QCOMPARE(imported.json.value(QStringLiteral("imported")).toInt(), 2);
        QVERIFY(codes(fields, QStringLiteral("fields")).contains(QStringLiteral("LV-02")));

        // What a procedure names is kept; the rest is deleted once.
        Reply inUse = c.send("DELETE", types + QStringLiteral("/GCN"), {}, admin);
        QCOMPARE(inUse.status, 409);
        QCOMPARE(inUse.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("catalogue.in_use"));
        QVERIFY2(
            inUse.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("1.")),
            qPrintable(inUse.describe()));
        QCOMPARE(c.send("DELETE", fields + QStringLiteral("/DD"), {}, admin).status, 409);
        QCOMPARE(c.send("DELETE", types + QStringLiteral("/GP-LX"), {}, counter).status, 403);
        QCOMPARE(c.send("DELETE", types + QStringLiteral("/GP-LX"), {}, admin).status, 200);
        QCOMPARE(c.send("DELETE", types + QStringLiteral("/GP-LX"), {}, admin).status, 404);
        QVERIFY(!codes(types, QStringLiteral("documentTypes")).contains(QStringLiteral("GP-LX")));

        const QStringList routes = trailRoutes(trail(c, admin));
        QCOMPARE(routes.count(QStringLiteral("PUT /api/v1/document-types/{code}")), 2);
        QCOMPARE(routes.count(QStringLiteral("POST /api/v1/fields/import")), 1);
        QCOMPARE(routes.count(QStringLiteral("DELETE /api/v1/document-types/{code}")), 1);
    }

    // R02, R12.3b: the admin edits the agency's departments and the channels it accepts; a
    // department its officers belong to stays; a counter officer's dossier through a channel the
    // agency no longer accepts is refused as data (HTTP 200, rejected), through one it accepts
    // accepted.
    void agencyDepartmentsAndChannels_R02_R12_3b()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString path = QStringLiteral("/api/v1/agencies/000.17.22.H56");
        QJsonObject agency = c.get(path, admin).json;
        QJsonArray departments = agency.value(QStringLiteral("departments")).toArray();
        QVERIFY(!departments.isEmpty());

        // The one-stop department has officers: it stays.
        QJsonObject without = agency;
        without.insert(QStringLiteral("departments"), QJsonArray());
        Reply refused = c.put(path, without, admin);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.json.value(QStringLiteral("code")).toString(),
                 QStringLiteral("agency.department_in_use"));
        // Two departments with one code: refused by the reader.
        QJsonArray twice = departments;
        twice.append(departments.at(0));
        QJsonObject duplicate = agency;
        duplicate.insert(QStringLiteral("departments"), twice);
        QCOMPARE(c.put(path, duplicate, admin).status, 400);

        departments.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("TKQ")},
                                       {QStringLiteral("name"), QStringLiteral("Tổ trả kết quả")}});
        agency.insert(QStringLiteral("departments"), departments);
        agency.insert(QStringLiteral("channels"),
                      QJsonArray{QStringLiteral("counter"), QStringLiteral("public-post")});
        Reply saved = c.put(path, agency, admin);
        QVERIFY2(saved.status == 200, qPrintable(saved.describe()));
        const QJsonObject stored = c.get(path, admin).json;
        QCOMPARE(stored.value(QStringLiteral("departments")).toArray().size(), departments.size());
        QCOMPARE(stored.value(QStringLiteral("channels")).toArray().size(), 2);

        // A dossier received through a channel the agency does not accept is rejected as data.
        const QString counter = c.login(QStringLiteral("counter1"));
        const auto push = [&](const QString &channel) {
            domain::Action a = domain::demo::exampleReceive();
            a.id = QUuid::createUuid();
            a.dossierId = QUuid::createUuid();
            a.payload.insert(QStringLiteral("channel"), channel);
            return pushOne(c, a, counter);
        };
        const QJsonObject mobile = push(QStringLiteral("mobile"));
        QCOMPARE(mobile.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(mobile.value(QStringLiteral("code")).toString(),
                 QStringLiteral("action.channel_not_accepted"));
        const QJsonObject post = push(QStringLiteral("public-post"));
        QCOMPARE(post.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    }

    // R05.1b: the server refuses a receive whose component lacks what its document type requires
    // (as the counter's form does), from the moment the admin saves the type.
    void componentDataTheTypeRequiresIsEnforced_R05_1b()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString counter = c.login(QStringLiteral("counter1"));
        // The declaration form now needs its date of issue and a reference number of its own.
        const QJsonObject type{
            {QStringLiteral("code"), QStringLiteral("TK-LLTP")},
            {QStringLiteral("name"), QStringLiteral("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("issueDate")}},
            {QStringLiteral("fields"),
             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("so-to-khai")},
                                    {QStringLiteral("label"), QStringLiteral("Số tờ khai")},
                                    {QStringLiteral("kind"), QStringLiteral("number")},
                                    {QStringLiteral("required"), true}}}}};
        const Reply saved = c.put(QStringLiteral("/api/v1/document-types/TK-LLTP"), type, admin);
        QVERIFY2(saved.status == 200 || saved.status == 201, qPrintable(saved.describe()));

        domain::Action receive = domain::demo::exampleReceive();
        receive.id = QUuid::createUuid();
        receive.dossierId = QUuid::createUuid();
        const QJsonObject refused = pushOne(c, receive, counter);
        QCOMPARE(refused.value(QStringLiteral("status")), QJsonValue(QStringLiteral("rejected")));
        QCOMPARE(refused.value(QStringLiteral("code")),
                 QJsonValue(QStringLiteral("action.component_data")));
        const QString message = refused.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("Tờ khai"))
                     && message.contains(QStringLiteral("Số tờ khai")),
                 qPrintable(message));

        // The same dossier with the data: accepted (a new action id: the first answer stands).
        QJsonArray components = receive.payload.value(QStringLiteral("components")).toArray();
        QJsonObject form = components.at(0).toObject();
        form.insert(QStringLiteral("issueDate"), QStringLiteral("2026-11-27"));
        form.insert(QStringLiteral("data"),
                    QJsonObject{{QStringLiteral("so-to-khai"), QStringLiteral("1207")}});
        components.replace(0, form);
        receive.payload.insert(QStringLiteral("components"), components);
        receive.id = QUuid::createUuid();
        const QJsonObject accepted = pushOne(c, receive, counter);
        QVERIFY2(accepted.value(QStringLiteral("status")) == QLatin1String("accepted"),
                 QJsonDocument(accepted).toJson().constData());
    }

    void everyAdminWriteIsInTheTrail_R08_1()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QJsonObject calendar = c.get(QStringLiteral("/api/v1/calendar"), admin).json;
        QCOMPARE(c.put(QStringLiteral("/api/v1/calendar"), calendar, admin).status, 200);
        const QString agencyPath = QStringLiteral("/api/v1/agencies/000.17.22.H56");
        QCOMPARE(c.put(agencyPath, c.get(agencyPath, admin).json, admin).status, 200);
        Reply created = c.post(QStringLiteral("/api/v1/officers"),
                               {{QStringLiteral("id"), QStringLiteral("new1")},
                                {QStringLiteral("username"), QStringLiteral("new1")},
                                {QStringLiteral("fullName"), QStringLiteral("Trần Thị Mới")},
                                {QStringLiteral("agencyCode"), QStringLiteral("000.17.22.H56")},
                                {QStringLiteral("roles"), QJsonArray{QStringLiteral("counter")}},
                                {QStringLiteral("password"), QStringLiteral("Moi-Passw0rd-2026!")}},
                               admin);
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        // A refused write is not a change.
        QCOMPARE(c.put(QStringLiteral("/api/v1/agencies/000.18.22.H56"), {}, admin).status, 403);
        QCOMPARE(trailRoutes(trail(c, admin)),
                 (QStringList{QStringLiteral("POST /api/v1/officers"),
                              QStringLiteral("PUT /api/v1/agencies/{code}"),
                              QStringLiteral("PUT /api/v1/calendar")}));
    }
    // R04.2: the admin switches off an optional step and narrows who approves; the server judges
    // the very next action by the new chart; a locked step or a role the action does not have is
    // refused with nothing written; a stale write is refused; the change is in the trail.
    void transitionChartIsAdministered_R04_2()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const QString path = QStringLiteral("/api/v1/transition-chart");
        const Reply standard = c.get(path, admin);
        QCOMPARE(standard.status, 200);
        QCOMPARE(standard.json, (QJsonObject{{QStringLiteral("steps"), QJsonArray{}}}));
        const QByteArray tag = standard.headers.value(QByteArrayLiteral("etag"));
        QCOMPARE(tag,
                 '"' + QCryptographicHash::hash(standard.body, QCryptographicHash::Sha256).toHex()
                     + '"');

        const auto step = [](const char *from, const char *action) {
            return QJsonObject{{QStringLiteral("from"), QLatin1String(from)},
                               {QStringLiteral("action"), QLatin1String(action)}};
        };
        QJsonObject withdrawOff = step("in-appraisal", "withdraw");
        withdrawOff.insert(QStringLiteral("enabled"), false);
        Reply refused = c.put(path, {{QStringLiteral("steps"), QJsonArray{withdrawOff}}}, admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.code(), QStringLiteral("chart.locked_step"));
        QCOMPARE(
            refused.json.value(QStringLiteral("details")).toObject().value(QStringLiteral("field")),
            QJsonValue(QStringLiteral("steps[0].enabled")));
        QJsonObject approveByCounter = step("awaiting-approval", "approve");
        approveByCounter.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("counter")});
        refused = c.put(path, {{QStringLiteral("steps"), QJsonArray{approveByCounter}}}, admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.code(), QStringLiteral("chart.role_not_allowed"));
        QCOMPARE(c.get(path, admin).body, standard.body); // nothing written

        // A dossier at the competent agency, in appraisal.
        domain::Action receive = domain::demo::exampleReceive();
        receive.id = QUuid::createUuid();
        receive.dossierId = QUuid::createUuid();
        QList<domain::Action> actions{receive};
        QHash<QString, QString> tokens;
        const auto push = [&](domain::ActionType type, const char *actor, QJsonObject payload) {
            domain::Action a;
            a.id = QUuid::createUuid();
            a.dossierId = receive.dossierId;
            a.type = type;
            a.actorId = QLatin1String(actor);
            a.deviceId = QStringLiteral("test");
            a.deviceSeq = actions.size() + 1;
            a.deviceTime = receive.deviceTime.addSecs(300 * actions.size());
            a.baseVersion = int(actions.size());
            a.payload = std::move(payload);
            if (!tokens.contains(a.actorId))
                tokens.insert(a.actorId, c.login(a.actorId));
            const QJsonObject result = pushOne(c, a, tokens.value(a.actorId));
            if (result.value(QStringLiteral("status")).toString() == QLatin1String("accepted"))
                actions.append(a);
            return result;
        };
        {
            const QString counter = c.login(QStringLiteral("counter1"));
            tokens.insert(QStringLiteral("counter1"), counter);
            QCOMPARE(pushOne(c, receive, counter).value(QStringLiteral("status")),
                     QJsonValue(QStringLiteral("accepted")));
        }
        QCOMPARE(push(domain::ActionType::Transfer, "counter1",
                      {{QStringLiteral("agencyCode"), domain::demo::kJusticeCode},
                       {QStringLiteral("departmentId"), QStringLiteral("HCTP")}})
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("accepted")));
        QCOMPARE(push(domain::ActionType::Assign, "head1",
                      {{QStringLiteral("handlerId"), QStringLiteral("appraiser1")}})
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("accepted")));

        // Consultation off, approval for unit leaders only.
        QJsonObject consultOff = step("in-appraisal", "consult");
        consultOff.insert(QStringLiteral("enabled"), false);
        QJsonObject approveByLeader = step("awaiting-approval", "approve");
        approveByLeader.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("leader")});
        const QHash<QByteArray, QByteArray> ifMatch{{QByteArrayLiteral("If-Match"), tag}};
        const QJsonObject settings{
            {QStringLiteral("steps"), QJsonArray{approveByLeader, consultOff}}};
        const Reply saved = c.send("PUT", path, QJsonDocument(settings).toJson(), admin, ifMatch);
        QVERIFY2(saved.status == 200, qPrintable(saved.describe()));
        // Canonical: in the standard chart's order.
        QCOMPARE(saved.json.value(QStringLiteral("steps")).toArray(),
                 (QJsonArray{consultOff, approveByLeader}));
        QCOMPARE(c.get(path, tokens.value(QStringLiteral("counter1"))).json, saved.json);
        const QJsonArray transitions = c.get(QStringLiteral("/api/v1/statuses"), admin)
                                           .json.value(QStringLiteral("transitions"))
                                           .toArray();
        QVERIFY(!transitions.isEmpty());
        for (const auto &t : transitions)
            QVERIFY(!(t.toObject().value(QStringLiteral("from")) == QLatin1String("in-appraisal")
                      && t.toObject().value(QStringLiteral("action")) == QLatin1String("consult")));

        const QJsonObject consulted
            = push(domain::ActionType::Consult, "appraiser1",
                   {{QStringLiteral("consultationId"), QStringLiteral("k1")},
                    {QStringLiteral("agency"), QStringLiteral("Công an tỉnh")},
                    {QStringLiteral("content"), QStringLiteral("Xác minh nhân thân")},
                    {QStringLiteral("deadline"), QStringLiteral("2026-12-04T17:00:00+07:00")}});
        QCOMPARE(consulted.value(QStringLiteral("status")), QJsonValue(QStringLiteral("rejected")));
        QCOMPARE(consulted.value(QStringLiteral("code")),
                 QJsonValue(QStringLiteral("action.wrong_stage")));
        QCOMPARE(push(domain::ActionType::SubmitForApproval, "appraiser1", {})
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("accepted")));
        const QJsonObject byHead
            = push(domain::ActionType::Approve, "head1", {{QStringLiteral("final"), true}});
        QCOMPARE(byHead.value(QStringLiteral("code")),
                 QJsonValue(QStringLiteral("action.wrong_role")));
        QCOMPARE(push(domain::ActionType::Approve, "leader1", {{QStringLiteral("final"), true}})
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("accepted")));

        // A second admin still holding the first tag does not overwrite the change.
        const Reply stale = c.send("PUT", path, standard.body, admin, ifMatch);
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.code(), QStringLiteral("chart.stale"));
        QCOMPARE(c.get(path, admin).json, saved.json);
        QCOMPARE(trailRoutes(trail(c, admin)),
                 QStringList{QStringLiteral("PUT /api/v1/transition-chart")});
    }
};

QTEST_MAIN(TestHttpAdmin)
#include "test_http_admin.moc"
