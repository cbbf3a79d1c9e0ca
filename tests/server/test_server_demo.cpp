// The demo province: what it contains, that every workflow is valid, that officers can log in,
// and that seeding twice changes nothing.
#include "testdb.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <auth.h>
#include <demo_seed.h>
#include <domain/demo.h>
#include <domain/json.h>
#include <domain/workflow.h>
#include <sync_store.h>

using namespace motcua;
using namespace motcua::server;
namespace demo = motcua::domain::demo;

namespace {

const QString kPassword = QStringLiteral("Demo-2026-mật-khẩu");

// Everything the seed writes, as text, to compare two states.
QString dump(CatalogueStore &store)
{
    QStringList out;
    for (const auto &a : store.agencies().value())
        out << QString::fromUtf8(QJsonDocument(domain::toJson(a)).toJson(QJsonDocument::Compact));
    for (const auto &o : store.officers().value())
        out << QString::fromUtf8(QJsonDocument(domain::toJson(o)).toJson(QJsonDocument::Compact))
                + store.passwordHash(o.id).value();
    for (const auto &p : store.procedures().value())
        out << QString::fromUtf8(QJsonDocument(domain::toJson(p)).toJson(QJsonDocument::Compact));
    for (const auto &w : store.workflows().value())
        out << QString::fromUtf8(QJsonDocument(domain::toJson(w)).toJson(QJsonDocument::Compact));
    out << QString::fromUtf8(store.holidayCalendar().value().toJson());
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestServerDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void seedsARealisticProvince()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        auto st = seedDemo(store, kPassword);
        QVERIFY2(st, qPrintable(st ? QString() : st.error().toString()));

        const auto agencies = store.agencies().value();
        QCOMPARE(agencies.size(), 6);
        QHash<domain::AgencyKind, int> kinds;
        for (const auto &a : agencies)
            ++kinds[a.kind];
        QCOMPARE(kinds.value(domain::AgencyKind::ServiceCentre), 1);
        QCOMPARE(kinds.value(domain::AgencyKind::ProvincialDepartment), 3);
        QCOMPARE(kinds.value(domain::AgencyKind::Commune), 2);
        QCOMPARE(store.agency(demo::kCentreCode).value()->name,
                 demo::directory().agency(demo::kCentreCode)->name);

        // Officers for every role in each agency; domain::demo's accounts are there as they were.
        const auto officers = store.officers().value();
        for (const auto &a : agencies) {
            for (const auto role : domain::allRoles()) {
                QVERIFY2(std::any_of(officers.cbegin(), officers.cend(),
                                     [&](const domain::Officer &o) {
                                         return o.agencyCode == a.code && o.hasRole(role)
                                             && o.active;
                                     }),
                         qPrintable(a.code + QLatin1Char(' ') + domain::roleKey(role)));
            }
        }
        for (const char *id :
             {"counter1", "head1", "appraiser1", "leader1", "admin1", "archivist1", "counter9"}) {
            const auto expected = demo::directory().officer(QLatin1String(id));
            QCOMPARE(store.officer(QLatin1String(id)).value(), expected);
        }
        QSet<QString> usernames;
        for (const auto &o : officers)
            usernames.insert(o.username);
        QCOMPARE(usernames.size(), officers.size());

        // At least 15 procedures of real-world shape, each with a valid workflow.
        const auto procedures = store.procedures().value();
        QVERIFY(procedures.size() >= 15);
        int withCopies = 0, inHours = 0, withCutoff = 0, withFees = 0;
        for (const auto &p : procedures) {
            QVERIFY2(!p.name.isEmpty() && !p.components.isEmpty() && !p.legalBasis.isEmpty()
                         && p.deadline.isTimed(),
                     qPrintable(p.code));
            QVERIFY2(store.agency(p.agencyCode).value().has_value(), qPrintable(p.code));
            withCopies += std::any_of(p.components.cbegin(), p.components.cend(),
                                      [](const auto &c) { return c.copies > 0; })
                ? 1
                : 0;
            inHours += p.deadline.unit == domain::Deadline::Unit::WorkingHours ? 1 : 0;
            withCutoff += p.cutoff ? 1 : 0;
            withFees += std::any_of(p.fees.cbegin(), p.fees.cend(),
                                    [](const auto &f) { return f.amountVnd > 0; })
                ? 1
                : 0;
            auto workflow = store.workflow(p.workflowId);
            QVERIFY2(workflow && workflow.value(), qPrintable(p.code));
            QCOMPARE(workflow.value()->procedureCode, p.code);
            QVERIFY2(domain::validateWorkflow(*workflow.value(), p.deadline), qPrintable(p.code));
        }
        QVERIFY(withCopies >= 5);
        QVERIFY(inHours >= 3);
        QVERIFY(withCutoff >= 3);
        QVERIFY(withFees >= 8);

        // The holiday calendar of 2025–2026.
        QVERIFY(store.holidayCalendar().value().isDayOff(QDate(2026, 1, 2)));

        // Every demo officer logs in with the demo password.
        AuthService auth(*db, store);
        QVERIFY(auth.login(QStringLiteral("counter1"), kPassword, QStringLiteral("127.0.0.1")));
        QVERIFY(auth.login(QStringLiteral("head.snnmt"), kPassword, QStringLiteral("127.0.0.1")));

        // And the demo journey runs through the engine against it.
        DbDirectory directory(store);
        SyncStore sync(*db, directory);
        for (const auto &action : demo::exampleJourney()) {
            const auto outcome
                = sync.push({action}, store.officer(action.actorId).value().value()).constFirst();
            QVERIFY2(outcome.status == PushOutcome::Status::Accepted,
                     qPrintable(outcome.reasonCode + QLatin1Char(' ') + outcome.message));
        }
    }

    void seedingTwiceChangesNothing()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        auto created = seedDemo(store, kPassword);
        QVERIFY(created);
        QCOMPARE(created.value(), int(store.officers()->size()));
        const QString first = dump(store);
        auto again = seedDemo(store, QStringLiteral("Another-password-1"));
        QVERIFY(again);
        QCOMPARE(again.value(), 0); // nobody new: main.cpp then prints no fresh password
        QCOMPARE(dump(store), first);
        // Nor does it undo an admin's change.
        auto officer = store.officer(QStringLiteral("counter9")).value().value();
        officer.title = QStringLiteral("Phó Chủ tịch");
        QVERIFY(store.putOfficer(officer));
        QVERIFY(seedDemo(store, kPassword));
        QCOMPARE(store.officer(QStringLiteral("counter9")).value()->title,
                 QStringLiteral("Phó Chủ tịch"));
    }

    void needsAPasswordForNewOfficers()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        auto st = seedDemo(store, QString());
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("demo.password_required"));
        QVERIFY(store.agencies()->isEmpty()); // all or nothing
    }
};

QTEST_GUILESS_MAIN(TestServerDemo)
#include "test_server_demo.moc"
