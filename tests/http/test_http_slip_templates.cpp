// Slip templates over HTTP, on SQLite and PostgreSQL: the national defaults every agency starts
// with (one per kind the law names, in the administrative layout, with known placeholders only);
// an admin's versions for their own agency, kept and readable by number, invisible to other
// agencies; optimistic concurrency with baseVersion; every kind of bad input refused with 400
// naming the field, and nothing written.
#include "http_fixture.h"
#include "testpaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace motcua::test;

namespace {

const QString kList = QStringLiteral("/api/v1/slip-templates");
const QStringList kKinds{QStringLiteral("receipt"),         QStringLiteral("supplement-request"),
                         QStringLiteral("refusal"),         QStringLiteral("extension-request"),
                         QStringLiteral("process-control"), QStringLiteral("evaluation"),
                         QStringLiteral("stop-notice"),     QStringLiteral("result-handover"),
                         QStringLiteral("logbook")};

// The version of each national default, as resources/slips/index.json ships it.
QHash<QString, int> shippedVersions()
{
    QFile file(motcua::testing::sourcePath(QStringLiteral("resources/slips/index.json")));
    QHash<QString, int> versions;
    if (!file.open(QIODevice::ReadOnly))
        return versions;
    const QJsonArray all = QJsonDocument::fromJson(file.readAll())
                               .object()
                               .value(QStringLiteral("templates"))
                               .toArray();
    for (const QJsonValue &t : all) {
        versions.insert(t.toObject().value(QStringLiteral("kind")).toString(),
                        t.toObject().value(QStringLiteral("version")).toInt());
    }
    return versions;
}

QString kindPath(const QString &kind)
{
    return kList + QLatin1Char('/') + kind;
}

QJsonObject edit(const QString &content, int baseVersion = -1)
{
    QJsonObject o{
        {QStringLiteral("title"), QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")},
        {QStringLiteral("legalBasis"), QStringLiteral("Nghị định 118/2025/NĐ-CP")},
        {QStringLiteral("format"), QStringLiteral("html")},
        {QStringLiteral("content"), content}};
    if (baseVersion >= 0)
        o.insert(QStringLiteral("baseVersion"), baseVersion);
    return o;
}

QJsonObject templateOf(const Reply &list, const QString &kind)
{
    for (const QJsonValue &t : list.json.value(QStringLiteral("templates")).toArray()) {
        if (t.toObject().value(QStringLiteral("kind")).toString() == kind)
            return t.toObject();
    }
    return {};
}

} // namespace

class TestHttpSlipTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void nationalDefaults()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        const Reply list = s.client().get(kList, s.client().login(QStringLiteral("counter9")));
        QVERIFY2(list.status == 200, qPrintable(list.describe()));
        const QJsonArray templates = list.json.value(QStringLiteral("templates")).toArray();
        QCOMPARE(templates.size(), kKinds.size());
        QSet<QString> known;
        for (const QJsonValue &p : list.json.value(QStringLiteral("placeholders")).toArray())
            known.insert(p.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(known.contains(QStringLiteral("dossier.code")));
        QVERIFY(known.contains(QStringLiteral("applicant.name")));
        QVERIFY(known.contains(QStringLiteral("dossier.dueAt")));
        QCOMPARE(list.json.value(QStringLiteral("kinds")).toArray().size(), kKinds.size());

        static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([^}]*?)\\s*\\}\\}"));
        const QHash<QString, int> shipped = shippedVersions();
        for (qsizetype i = 0; i < templates.size(); ++i) {
            const QJsonObject t = templates.at(i).toObject();
            const QString kind = t.value(QStringLiteral("kind")).toString();
            QCOMPARE(kind, kKinds.at(i));
            QCOMPARE(t.value(QStringLiteral("agencyCode")).toString(), QString());
            QCOMPARE(t.value(QStringLiteral("version")).toInt(), shipped.value(kind, -1));
            QCOMPARE(t.value(QStringLiteral("format")).toString(), QStringLiteral("html"));
            QVERIFY(!t.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(t.value(QStringLiteral("legalBasis"))
                        .toString()
                        .contains(QStringLiteral("Thông tư 21/2023/TT-BTTTT")));
            const QString content = t.value(QStringLiteral("content")).toString();
            QVERIFY2(content.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
                         && content.contains(QStringLiteral("Độc lập - Tự do - Hạnh phúc")),
                     qPrintable(kind));
            // A slip names its dossier; the log book lists many, one row each.
            QVERIFY2(content.contains(kind == QLatin1String("logbook")
                                          ? QStringLiteral("{{logbook.rows}}")
                                          : QStringLiteral("{{dossier.code}}")),
                     qPrintable(kind));
            for (auto it = placeholder.globalMatch(content); it.hasNext();) {
                const QString name = it.next().captured(1);
                QVERIFY2(known.contains(name), qPrintable(kind + QStringLiteral(": ") + name));
            }
        }
        QVERIFY(templateOf(list, QStringLiteral("receipt"))
                    .value(QStringLiteral("content"))
                    .toString()
                    .contains(QStringLiteral("{{dossier.dueAt}}")));
        QVERIFY(templateOf(list, QStringLiteral("stop-notice"))
                    .value(QStringLiteral("legalBasis"))
                    .toString()
                    .contains(QStringLiteral("Điều 21")));
        // Restarting (migrate again) adds nothing.
        QVERIFY(s.process().stop());
        ServerProcess again;
        QVERIFY2(again.start(s.db().url()), qPrintable(again.startError()));
        Client c(again.baseUrl());
        const Reply after = c.get(kList, c.login(QStringLiteral("counter9")));
        QCOMPARE(after.json.value(QStringLiteral("templates")),
                 list.json.value(QStringLiteral("templates")));
    }

    void agencyVersions()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));       // service centre
        const QString counter = c.login(QStringLiteral("counter1"));   // service centre
        const QString justice = c.login(QStringLiteral("appraiser1")); // another agency
        const QString v1
            = QStringLiteral("<p>Mã hồ sơ: {{dossier.code}}, hẹn trả {{ dossier.dueAt }}.</p>");
        Reply r = c.put(kindPath(QStringLiteral("receipt")), edit(v1, 0), admin);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(r.json.value(QStringLiteral("agencyCode")).toString(),
                 QStringLiteral("000.17.22.H56"));
        QCOMPARE(r.json.value(QStringLiteral("updatedBy")).toString(), QStringLiteral("admin1"));

        // The centre's officers get it; another agency keeps the national default.
        Reply list = c.get(kList, counter);
        QCOMPARE(
            templateOf(list, QStringLiteral("receipt")).value(QStringLiteral("content")).toString(),
            v1);
        QCOMPARE(templateOf(list, QStringLiteral("refusal"))
                     .value(QStringLiteral("agencyCode"))
                     .toString(),
                 QString());
        list = c.get(kList, justice);
        QCOMPARE(templateOf(list, QStringLiteral("receipt"))
                     .value(QStringLiteral("agencyCode"))
                     .toString(),
                 QString());
        QCOMPARE(
            c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?source=agency"), justice)
                .status,
            404);

        const QString v2 = v1 + QStringLiteral("<p>{{applicant.name}}</p>");
        r = c.put(kindPath(QStringLiteral("receipt")), edit(v2, 1), admin);
        QVERIFY2(r.status == 201, qPrintable(r.describe()));
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 2);
        // Someone still editing version 1 is told.
        r = c.put(kindPath(QStringLiteral("receipt")), edit(v1 + QStringLiteral("x"), 1), admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("slip_template.version_conflict"));
        QCOMPARE(r.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("expected"))
                     .toInt(),
                 2);
        // Without baseVersion: last writer wins, as a new version.
        r = c.put(kindPath(QStringLiteral("receipt")), edit(v2 + QStringLiteral("<p>3</p>")),
                  admin);
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 3);

        // Every version is kept.
        r = c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?version=1"), counter);
        QCOMPARE(r.json.value(QStringLiteral("content")).toString(), v1);
        r = c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?version=2"), counter);
        QCOMPARE(r.json.value(QStringLiteral("content")).toString(), v2);
        r = c.get(kindPath(QStringLiteral("receipt")), counter);
        QCOMPARE(r.json.value(QStringLiteral("version")).toInt(), 3);
        r = c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?source=national"),
                  counter);
        QCOMPARE(r.json.value(QStringLiteral("agencyCode")).toString(), QString());
        QVERIFY(r.json.value(QStringLiteral("content"))
                    .toString()
                    .contains(QStringLiteral("CỘNG HÒA")));
        QCOMPARE(c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?version=9"), counter)
                     .status,
                 404);
        QCOMPARE(c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?version=x"), counter)
                     .status,
                 400);
        QCOMPARE(c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?source=x"), counter)
                     .status,
                 400);
        QCOMPARE(c.get(kindPath(QStringLiteral("invoice")), counter).status, 404);
        // Only admins write.
        r = c.put(kindPath(QStringLiteral("refusal")), edit(v1), counter);
        QCOMPARE(r.status, 403);
    }

    void badTemplatesAreRefused()
    {
        MOTCUA_REQUIRE_BACKEND();
        TestServer s;
        QVERIFY2(s.start(backend), qPrintable(s.error()));
        Client &c = s.client();
        const QString admin = c.login(QStringLiteral("admin1"));
        const auto body = [](const QString &content, const QString &key = {},
                             const QJsonValue &value = QJsonValue::Undefined) {
            QJsonObject o = edit(content);
            if (!key.isEmpty()) {
                if (value.isUndefined())
                    o.remove(key);
                else
                    o.insert(key, value);
            }
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        struct Case
        {
            const char *name;
            QString kind;
            QByteArray body;
            QString code;
            QString field;
        };
        const QString ok = QStringLiteral("<p>{{dossier.code}}</p>");
        const QString receipt = QStringLiteral("receipt");
        const QList<Case> cases{
            {"unknown kind", QStringLiteral("invoice"), body(ok),
             QStringLiteral("slip_template.unknown_kind"), QStringLiteral("kind")},
            {"kind differs", receipt, body(ok, QStringLiteral("kind"), QStringLiteral("refusal")),
             QStringLiteral("json.bad_value"), QStringLiteral("kind")},
            {"empty content", receipt, body(QStringLiteral("  \n ")),
             QStringLiteral("json.empty_field"), QStringLiteral("content")},
            {"unknown placeholder", receipt, body(QStringLiteral("<p>{{applicant.shoeSize}}</p>")),
             QStringLiteral("slip_template.unknown_placeholder"), QStringLiteral("content")},
            {"unclosed placeholder", receipt, body(QStringLiteral("<p>{{dossier.code</p>")),
             QStringLiteral("slip_template.bad_placeholder"), QStringLiteral("content")},
            {"nested placeholder", receipt, body(QStringLiteral("{{dossier.{{code}}}}")),
             QStringLiteral("slip_template.bad_placeholder"), QStringLiteral("content")},
            {"stray close", receipt, body(QStringLiteral("<p>dossier.code}}</p>")),
             QStringLiteral("slip_template.bad_placeholder"), QStringLiteral("content")},
            {"malformed name", receipt, body(QStringLiteral("{{ dossier..code }}")),
             QStringLiteral("slip_template.bad_placeholder"), QStringLiteral("content")},
            {"script", receipt, body(ok + QStringLiteral("<SCRIPT>alert(1)</script>")),
             QStringLiteral("slip_template.invalid"), QStringLiteral("content")},
            {"format", receipt, body(ok, QStringLiteral("format"), QStringLiteral("docx")),
             QStringLiteral("slip_template.invalid"), QStringLiteral("format")},
            {"blank title", receipt, body(ok, QStringLiteral("title"), QStringLiteral(" ")),
             QStringLiteral("json.empty_field"), QStringLiteral("title")},
            {"no legal basis", receipt, body(ok, QStringLiteral("legalBasis")),
             QStringLiteral("json.missing_field"), QStringLiteral("legalBasis")},
            {"unknown field", receipt, body(ok, QStringLiteral("extra"), 1),
             QStringLiteral("json.unknown_field"), QStringLiteral("extra")},
            {"wrong type", receipt, body(ok, QStringLiteral("baseVersion"), QStringLiteral("1")),
             QStringLiteral("json.wrong_type"), QStringLiteral("baseVersion")},
            {"malformed json", receipt, QByteArrayLiteral("{\"title\": "),
             QStringLiteral("json.malformed"), QString()},
        };
        for (const Case &k : cases) {
            const Reply r = c.send("PUT", kindPath(k.kind), k.body, admin);
            const QString what = QString::fromLatin1(k.name) + QStringLiteral(": ") + r.describe();
            QVERIFY2(r.status == 400, qPrintable(what));
            QVERIFY2(r.code() == k.code, qPrintable(what));
            QVERIFY2(r.field() == k.field, qPrintable(what));
            QVERIFY2(!r.json.value(QStringLiteral("message")).toString().isEmpty(),
                     qPrintable(what));
        }
        const Reply unknown = c.send("PUT", kindPath(QStringLiteral("receipt")),
                                     body(QStringLiteral("<p>{{applicant.shoeSize}}</p>")), admin);
        QCOMPARE(unknown.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("placeholder"))
                     .toString(),
                 QStringLiteral("applicant.shoeSize"));
        QVERIFY(unknown.json.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("applicant.shoeSize")));
        // Nothing was written.
        QCOMPARE(
            c.get(kindPath(QStringLiteral("receipt")) + QStringLiteral("?source=agency"), admin)
                .status,
            404);
        QVERIFY(s.healthy());
    }
};

QTEST_GUILESS_MAIN(TestHttpSlipTemplates)
#include "test_http_slip_templates.moc"
