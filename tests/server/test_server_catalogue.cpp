// Catalogues in the database and the cached directory over them, on SQLite and PostgreSQL.
#include "fixtures.h"
#include "testdb.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>
#include <QThread>

#include <catalogue_store.h>
#include <domain/demo.h>

#include <atomic>
#include <vector>

using namespace motcua;
using namespace motcua::server;
namespace demo = motcua::domain::demo;

class TestServerCatalogue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void agenciesRoundTrip()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store));
        auto all = store.agencies();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->constFirst().code, demo::kCentreCode); // sorted by code
        const auto justice = *demo::directory().agency(demo::kJusticeCode);
        QCOMPARE(store.agency(demo::kJusticeCode).value(), std::optional<domain::Agency>(justice));
        QVERIFY(!store.agency(QStringLiteral("000.99.99.H56")).value());

        domain::Agency renamed = justice;
        renamed.name = QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa (mới)");
        const quint64 before = store.generation();
        QVERIFY(store.putAgency(renamed));
        QVERIFY(store.generation() > before);
        QCOMPARE(store.agency(demo::kJusticeCode).value()->name, renamed.name);
        QCOMPARE(store.agencies()->size(), 3);

        domain::Agency bad = justice;
        bad.code = QStringLiteral("not-a-code");
        auto st = store.putAgency(bad);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("code.invalid_agency"));
    }

    void officersRoundTrip()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store, QStringLiteral("$argon2id$placeholder")));
        const auto head = test::demoOfficer(QStringLiteral("head1"));
        QCOMPARE(store.officer(QStringLiteral("head1")).value(),
                 std::optional<domain::Officer>(head));
        QCOMPARE(store.officerByUsername(QStringLiteral("head1")).value()->id,
                 QStringLiteral("head1"));
        QVERIFY(!store.officerByUsername(QStringLiteral("HEAD1")).value());
        QCOMPARE(store.officers()->size(), 9);
        QCOMPARE(store.officers(demo::kJusticeCode)->size(), 5);
        QCOMPARE(store.passwordHash(QStringLiteral("head1")).value(),
                 QStringLiteral("$argon2id$placeholder"));

        // An update without a hash keeps the stored one.
        domain::Officer promoted = head;
        promoted.title = QStringLiteral("Phó Giám đốc Sở");
        promoted.roles = {domain::Role::Head, domain::Role::Leader};
        QVERIFY(store.putOfficer(promoted));
        QCOMPARE(store.officer(QStringLiteral("head1")).value(),
                 std::optional<domain::Officer>(promoted));
        QCOMPARE(store.passwordHash(QStringLiteral("head1")).value(),
                 QStringLiteral("$argon2id$placeholder"));

        // A new officer needs a password; a username belongs to one officer; the agency must exist.
        domain::Officer fresh = head;
        fresh.id = QStringLiteral("head2");
        fresh.username = QStringLiteral("head2");
        auto st = store.putOfficer(fresh);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("officer.password_required"));
        fresh.username = QStringLiteral("head1");
        st = store.putOfficer(fresh, QStringLiteral("$argon2id$x"));
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("officer.username_taken"));
        QCOMPARE(st.error().field, QStringLiteral("username"));
        fresh.username = QStringLiteral("head2");
        fresh.agencyCode = QStringLiteral("000.99.99.H56");
        st = store.putOfficer(fresh, QStringLiteral("$argon2id$x"));
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("officer.unknown_agency"));
        fresh.agencyCode = demo::kJusticeCode;
        fresh.roles.clear();
        QCOMPARE(store.putOfficer(fresh, QStringLiteral("$argon2id$x")).error().code,
                 QStringLiteral("officer.invalid"));
        QVERIFY(!store.officer(QStringLiteral("head2")).value());
    }

    void proceduresAreAllOrNothing()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store));
        const auto copy = *demo::directory().procedure(QStringLiteral("2.000815"));
        QCOMPARE(store.procedure(QStringLiteral("2.000815")).value(),
                 std::optional<domain::Procedure>(copy));
        QCOMPARE(store.procedures()->size(), 3);
        QCOMPARE(store.procedures(demo::kCommuneCode)->size(), 1);

        domain::Procedure a = copy;
        a.code = QStringLiteral("1.000001");
        domain::Procedure b = copy;
        b.code = QString(); // invalid: the batch is refused
        auto st = store.putProcedures({a, b});
        QVERIFY(!st);
        QCOMPARE(st.error().field, QStringLiteral("code"));
        QVERIFY(!store.procedure(QStringLiteral("1.000001")).value());
        QVERIFY(store.putProcedures({a}));
        QCOMPARE(store.procedures()->size(), 4);
    }

    void workflowVersionsAreNeverOverwritten()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        domain::Workflow w;
        w.id = QStringLiteral("wf-lltp");
        w.version = 1;
        w.name = QStringLiteral("Cấp Phiếu lý lịch tư pháp");
        w.procedureCode = QStringLiteral("2.001417");
        w.startStepId = QStringLiteral("a");
        w.steps = {{QStringLiteral("a"),
                    QStringLiteral("Tiếp nhận"),
                    domain::AssigneeKind::Role,
                    QStringLiteral("counter"),
                    60,
                    {domain::ActionType::Receive},
                    true}};
        QVERIFY(store.addWorkflowVersion(w));
        QVERIFY(store.addWorkflowVersion(w)); // the same again: nothing to do
        domain::Workflow changed = w;
        changed.name = QStringLiteral("Khác");
        auto st = store.addWorkflowVersion(changed);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("workflow.version_exists"));
        changed.version = 2;
        QVERIFY(store.addWorkflowVersion(changed));
        QCOMPARE(store.workflow(QStringLiteral("wf-lltp")).value()->version, 2);
        QCOMPARE(store.workflow(QStringLiteral("wf-lltp"), 1).value(),
                 std::optional<domain::Workflow>(w));
        QCOMPARE(store.workflows()->size(), 1);
        QCOMPARE(store.workflows()->constFirst().name, QStringLiteral("Khác"));
        QVERIFY(!store.workflow(QStringLiteral("wf-none")).value());
    }

    void holidayCalendarRoundTrips()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(store.holidayCalendar()->decisions().isEmpty());
        QFile file(motcua::testing::testDataPath(QStringLiteral("calendar/vn-2025-2026.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto calendar = domain::HolidayCalendar::fromJson(file.readAll());
        QVERIFY(calendar);
        QVERIFY(store.putHolidayCalendar(calendar.value()));
        auto stored = store.holidayCalendar();
        QVERIFY(stored);
        QCOMPARE(stored->toJson(), calendar->toJson());
        QVERIFY(stored->isDayOff(QDate(2026, 1, 2)));
        QVERIFY(stored->isSwappedWorkingDay(QDate(2026, 1, 10)));
    }

    void directoryCachesButReadsOfficersFresh()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store));
        DbDirectory directory(store);
        QCOMPARE(directory.agency(demo::kCentreCode)->name,
                 demo::directory().agency(demo::kCentreCode)->name);
        QCOMPARE(directory.procedure(QStringLiteral("2.001417"))->code, QStringLiteral("2.001417"));
        QVERIFY(!directory.procedure(QStringLiteral("9.999999")));
        QVERIFY(directory.officer(QStringLiteral("counter1"))->active);

        // A change through the store is seen at once (the generation moved).
        domain::Procedure p = *directory.procedure(QStringLiteral("2.001417"));
        p.name = QStringLiteral("Tên mới");
        QVERIFY(store.putProcedure(p));
        QCOMPARE(directory.procedure(QStringLiteral("2.001417"))->name, QStringLiteral("Tên mới"));

        // A deactivation behind the store's back (another process) is seen at once for officers.
        QVERIFY(t.exec(QStringLiteral("UPDATE officers SET active = 0 WHERE id = 'counter1'")));
        QVERIFY(!directory.officer(QStringLiteral("counter1"))->active);
        QVERIFY(!directory.officer(QStringLiteral("nobody")));

        // The calendar follows the stored holidays.
        QVERIFY(!directory.calendar(demo::kCentreCode).holidays().isDayOff(QDate(2026, 1, 2)));
        QFile file(motcua::testing::testDataPath(QStringLiteral("calendar/vn-2025-2026.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(
            store.putHolidayCalendar(domain::HolidayCalendar::fromJson(file.readAll()).value()));
        QVERIFY(directory.calendar(demo::kCentreCode).holidays().isDayOff(QDate(2026, 1, 2)));
    }

    // Issue 10 item 4: the office hours are part of the calendar the server keeps; the server's
    // due dates count with them, and a stale writer changes nothing.
    void officeHoursAreStoredAndCounted()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store));
        DbDirectory directory(store);
        const QDate saturday(2027, 3, 6);
        QVERIFY(!directory.calendar(demo::kCentreCode).isWorkingDay(saturday));
        QVERIFY(!store.holidayCalendar()->hasOwnOfficeHours());

        domain::HolidayCalendar calendar = store.holidayCalendar().value();
        calendar.setOfficeHours(domain::OfficeHours::standard(true));
        QVERIFY(store.putHolidayCalendar(calendar));
        const auto stored = store.holidayCalendar();
        QVERIFY(stored);
        QCOMPARE(stored->officeHours(), domain::OfficeHours::standard(true));
        QCOMPARE(stored->toJson(), calendar.toJson());
        QVERIFY(directory.calendar(demo::kCentreCode).isWorkingDay(saturday));
        QCOMPARE(directory.calendar(demo::kCentreCode).hoursOn(saturday).size(), 1);

        // The check runs on what is stored, inside the write: refused → nothing written.
        domain::HolidayCalendar closed = calendar;
        closed.setOfficeHours(std::nullopt);
        int checked = 0;
        const auto refused
            = store.putHolidayCalendar(closed, [&](const domain::HolidayCalendar &current) {
                  ++checked;
                  return current.toJson() != calendar.toJson();
              });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("calendar.stale"));
        QCOMPARE(checked, 1);
        QVERIFY(store.holidayCalendar()->hasOwnOfficeHours());
        QVERIFY(store.putHolidayCalendar(closed, [&](const domain::HolidayCalendar &current) {
            return current.toJson() == calendar.toJson();
        }));
        QVERIFY(!store.holidayCalendar()->hasOwnOfficeHours());
        QVERIFY(!directory.calendar(demo::kCentreCode).isWorkingDay(saturday));
    }

    void directoryIsSafeFromManyThreads()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        QVERIFY(test::seedCatalogue(store));
        DbDirectory directory(store);
        std::atomic<int> wrong{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 6; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                for (int n = 0; n < 50; ++n) {
                    if (!directory.agency(demo::kJusticeCode)
                        || !directory.procedure(QStringLiteral("2.000815"))
                        || !directory.officer(QStringLiteral("head1"))) {
                        ++wrong;
                    }
                    (void)directory.calendar(demo::kJusticeCode).isWorkingDay(QDate(2026, 4, 30));
                    if (i == 0 && n % 10 == 0) {
                        auto agency = *demo::directory().agency(demo::kCommuneCode);
                        if (!store.putAgency(agency))
                            ++wrong;
                    }
                }
            }));
        }
        for (auto &thread : threads)
            thread->start();
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(wrong.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerCatalogue)
#include "test_server_catalogue.moc"
