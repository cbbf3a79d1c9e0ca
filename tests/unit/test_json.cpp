// JSON round trips of every entity and action, with the schema version and strict reading.
#include <QJsonDocument>
#include <QTest>

#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>

using namespace motcua::domain;

namespace {

template<typename T>
T roundTrip(const T &value, Result<T> (*read)(const QJsonObject &))
{
    // Through bytes, as the API sends it.
    const QByteArray bytes = QJsonDocument(toJson(value)).toJson(QJsonDocument::Compact);
    auto parsed = parseJsonObject(bytes);
    if (!parsed)
        qFatal("parse failed");
    auto back = read(parsed.value());
    if (!back)
        qFatal("%s", qPrintable(back.error().code + QLatin1Char(' ') + back.error().message));
    return back.value();
}

Workflow sampleWorkflow()
{
    Workflow w;
    w.id = QStringLiteral("wf-1");
    w.version = 3;
    w.name = QStringLiteral("Quy trình chứng thực");
    w.procedureCode = QStringLiteral("2.000815");
    w.timed = true;
    w.variants = {WorkflowVariant::Counter, WorkflowVariant::NationalPortal};
    w.startStepId = QStringLiteral("a");
    w.steps = {{QStringLiteral("a"),
                QStringLiteral("Tiếp nhận"),
                AssigneeKind::Role,
                QStringLiteral("counter"),
                30,
                {ActionType::Receive, ActionType::Transfer},
                false},
               {QStringLiteral("b"),
                QStringLiteral("Bổ sung"),
                AssigneeKind::Person,
                QStringLiteral("counter1"),
                0,
                {},
                true}};
    w.transitions = {{QStringLiteral("a"), QStringLiteral("b"), ActionType::RequestSupplement}};
    return w;
}

} // namespace

class TestJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogueEntitiesRoundTrip()
    {
        const auto dir = demo::directory();
        for (const auto &code : {demo::kCentreCode, demo::kJusticeCode, demo::kCommuneCode}) {
            const Agency a = dir.agency(code).value();
            QCOMPARE(roundTrip(a, agencyFromJson), a);
        }
        Agency patterned = dir.agency(demo::kCommuneCode).value();
        patterned.parentCode = demo::kCentreCode;
        patterned.codePattern = QStringLiteral("{agency}-{yyyy}-{seq:6}");
        QCOMPARE(roundTrip(patterned, agencyFromJson), patterned);

        Officer o = dir.officer(QStringLiteral("head1")).value();
        o.roles.append(Role::Appraiser);
        o.stepPermissions = {QStringLiteral("assign"), QStringLiteral("approve")};
        o.active = false;
        QCOMPARE(roundTrip(o, officerFromJson), o);

        for (const auto &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")}) {
            const Procedure p = dir.procedure(code).value();
            QCOMPARE(roundTrip(p, procedureFromJson), p);
        }
        Procedure untimed = dir.procedure(QStringLiteral("2.000815")).value();
        untimed.deadline = {};
        untimed.cutoff.reset();
        QCOMPARE(roundTrip(untimed, procedureFromJson), untimed);

        QCOMPARE(roundTrip(sampleWorkflow(), workflowFromJson), sampleWorkflow());
    }
    void dossierAndActionsRoundTrip()
    {
        const auto journey = demo::exampleJourney();
        for (const auto &a : journey)
            QCOMPARE(roundTrip(a, actionFromJson), a);
        // Every intermediate state of the example journey round-trips.
        Dossier d;
        for (const auto &a : journey) {
            d = apply(d, a, demo::directory()).value();
            QCOMPARE(roundTrip(d, dossierFromJson), d);
        }
        // And a dossier with consultations, extensions and supplements.
        d.consultations.append(
            {QStringLiteral("k1"), QStringLiteral("Công an tỉnh"), QStringLiteral("Xác minh"),
             QDateTime::fromString(QStringLiteral("2026-12-04T17:00:00+07:00"), Qt::ISODate),
             QStringLiteral("văn bản"), d.receivedAt, QStringLiteral("Đồng ý"),
             d.receivedAt.addDays(1)});
        d.extensions.append({d.receivedAt, QStringLiteral("head1"), 480,
                             QStringLiteral("Chờ xác minh"), d.dueAt, d.dueAt.addDays(1)});
        d.supplements.append({d.receivedAt,
                              QStringLiteral("counter1"),
                              QStringLiteral("Thiếu"),
                              QStringLiteral("Bản chụp"),
                              Stage::InAppraisal,
                              QStringLiteral("tham-dinh"),
                              {}});
        d.remainingMinutes = 1234;
        QCOMPARE(roundTrip(d, dossierFromJson), d);
    }
    void applicantOrganisationRoundTrips()
    {
        Applicant a;
        a.type = ApplicantType::Organisation;
        a.taxCode = QStringLiteral("4201234567-001");
        a.organisationName = QStringLiteral("Công ty TNHH Biển Xanh");
        a.fullName = QStringLiteral("Lê Văn Tâm");
        QCOMPARE(roundTrip(a, applicantFromJson), a);
        QVERIFY(validateApplicant(a).ok());
        a.taxCode = QStringLiteral("42012");
        QCOMPARE(validateApplicant(a).error().field, QStringLiteral("applicant.taxCode"));
    }
    void schemaVersionIsWrittenAndChecked()
    {
        QJsonObject json = toJson(demo::exampleReceive());
        QCOMPARE(json.value(QStringLiteral("schemaVersion")).toInt(), kSchemaVersion);
        json.insert(QStringLiteral("schemaVersion"), kSchemaVersion + 1);
        const auto r = actionFromJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("json.schema_too_new"));
        json.remove(QStringLiteral("schemaVersion")); // absent = version 1
        QVERIFY(actionFromJson(json).ok());
    }
    void strictReading_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown field")
            << QStringLiteral("colour") << QJsonValue(QStringLiteral("red"))
            << QStringLiteral("json.unknown_field") << QStringLiteral("colour");
        QTest::newRow("id not a uuid") << QStringLiteral("id") << QJsonValue(QStringLiteral("12"))
                                       << QStringLiteral("json.bad_uuid") << QStringLiteral("id");
        QTest::newRow("type unknown")
            << QStringLiteral("type") << QJsonValue(QStringLiteral("explode"))
            << QStringLiteral("json.bad_value") << QStringLiteral("type");
        QTest::newRow("type wrong type")
            << QStringLiteral("type") << QJsonValue(7) << QStringLiteral("json.wrong_type")
            << QStringLiteral("type");
        QTest::newRow("seq fraction")
            << QStringLiteral("deviceSeq") << QJsonValue(1.5) << QStringLiteral("json.wrong_type")
            << QStringLiteral("deviceSeq");
        // Found by fuzz_action_json: a huge number was converted to an integer before the range check.
        QTest::newRow("seq huge") << QStringLiteral("deviceSeq") << QJsonValue(1e300) << QStringLiteral("json.out_of_range") << QStringLiteral("deviceSeq");
        QTest::newRow("version huge") << QStringLiteral("schemaVersion") << QJsonValue(1.7e29) << QStringLiteral("json.out_of_range") << QStringLiteral("schemaVersion");
        QTest::newRow("seq zero") << QStringLiteral("deviceSeq") << QJsonValue(0)
                                  << QStringLiteral("json.out_of_range")
                                  << QStringLiteral("deviceSeq");
        QTest::newRow("time without offset")
            << QStringLiteral("deviceTime") << QJsonValue(QStringLiteral("2026-11-28T09:15:00"))
            << QStringLiteral("json.bad_datetime") << QStringLiteral("deviceTime");
        QTest::newRow("time nonsense")
            << QStringLiteral("deviceTime") << QJsonValue(QStringLiteral("2026-13-45T99:15:00Z"))
            << QStringLiteral("json.bad_datetime") << QStringLiteral("deviceTime");
        QTest::newRow("payload array")
            << QStringLiteral("payload") << QJsonValue(QJsonArray{})
            << QStringLiteral("json.wrong_type") << QStringLiteral("payload");
        QTest::newRow("actor missing")
            << QStringLiteral("actorId") << QJsonValue() << QStringLiteral("json.missing_field")
            << QStringLiteral("actorId");
        QTest::newRow("actor empty")
            << QStringLiteral("actorId") << QJsonValue(QStringLiteral("  "))
            << QStringLiteral("json.empty_field") << QStringLiteral("actorId");
    }
    void strictReading()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QJsonObject json = toJson(demo::exampleReceive());
        if (value.isNull())
            json.remove(key);
        else
            json.insert(key, value);
        const auto r = actionFromJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }
    void nestedErrorsNameTheirPath()
    {
        QJsonObject json = toJson(fold(demo::exampleJourney(), demo::directory()).value());
        QJsonArray components = json.value(QStringLiteral("components")).toArray();
        QJsonObject second = components.at(1).toObject();
        QJsonArray files = second.value(QStringLiteral("files")).toArray();
        QJsonObject file = files.at(0).toObject();
        file.insert(QStringLiteral("sha256"), QStringLiteral("../../etc/passwd"));
        files[0] = file;
        second.insert(QStringLiteral("files"), files);
        components[1] = second;
        json.insert(QStringLiteral("components"), components);
        const auto r = dossierFromJson(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("components[1].files[0].sha256"));
    }
    // finish() counts the distinct keys it has seen in the object and looks for unknown ones only
    // when that count falls short: keys read twice, skipped, null or absent must not hide one.
    void unknownFieldsAreFoundWhateverWasReadBefore()
    {
        const QJsonObject json{{QStringLiteral("name"), QStringLiteral("A")},
                               {QStringLiteral("note"), QJsonValue::Null},
                               {QStringLiteral("extra"), 1},
                               {QStringLiteral("skipped"), true}};
        {
            JsonReader r(json, QStringLiteral("x"));
            (void)r.string("name");
            (void)r.string("name"); // twice: still one key
            (void)r.string("note"); // null: read, absent for the value
            (void)r.string("missing");
            r.skip("skipped");
            r.skip("skipped");
            const auto st = r.finish();
            QVERIFY(!st.ok());
            QCOMPARE(st.error().code, QStringLiteral("json.unknown_field"));
            QCOMPARE(st.error().field, QStringLiteral("x.extra"));
        }
        {
            JsonReader r(json);
            (void)r.string("name");
            (void)r.string("note");
            (void)r.integer("extra");
            r.skip("skipped");
            QVERIFY(r.finish().ok());
        }
        {
            // The key passed need not outlive the call.
            JsonReader r(json);
            for (const char *key : {"name", "note", "extra", "skipped"}) {
                const QByteArray copy(key);
                r.skip(copy.constData());
            }
            QVERIFY(r.finish().ok());
        }
    }
    void malformedDocuments()
    {
        QCOMPARE(parseJsonObject("{\"a\": ").error().code, QStringLiteral("json.malformed"));
        QCOMPARE(parseJsonObject("[1,2]").error().code, QStringLiteral("json.not_object"));
        QCOMPARE(parseJsonObject("").error().code, QStringLiteral("json.malformed"));
        QVERIFY(parseJsonObject("{}").ok());
    }
    void instantsAreVietnamTime()
    {
        const QDateTime utc(QDate(2026, 11, 28), QTime(2, 15), Qt::UTC);
        QCOMPARE(formatInstant(utc), QStringLiteral("2026-11-28T09:15:00+07:00"));
        QCOMPARE(formatInstant(utc.addMSecs(250)), QStringLiteral("2026-11-28T09:15:00.250+07:00"));
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "test_json.moc"
