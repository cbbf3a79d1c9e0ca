// Administration › Work calendar and › Administrative units (issue 10 items 4 and 2) against the
// real server, offscreen. The calendar: a government day off and a swapped working Saturday added
// by keyboard, faults shown at the field, the due-date preview moving with the edit, saved, read
// back from the server and found in the administration trail; a save over another admin's change
// is refused; the office hours (Saturday mornings at one tick, a fault shown under them and
// nothing saved, then saved and taken up by the workstation's due dates); a faulty CSV list reports
// every row and column and changes nothing, a good one is taken. The units: the 34 provinces,
// searched accents aside; the statistics office's list as Excel with faults (every row and column,
// nothing applied), then a good one previewed and applied, the tree updated, the list exported as
// CSV. Screenshots of both tabs.
#include "guifixture.h"
#include "testpaths.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <admin/accountspage.h>
#include <admin/adminpage.h>
#include <admin/calendarpage.h>
#include <admin/unitspage.h>
#include <language.h>
#include <mainwindow.h>
#include <services/catalogueloader.h>
#include <style.h>

using namespace motcua;
using motcua::test::Reply;

namespace {

QStringList column(QTableView *table, int col)
{
    QStringList out;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        out.append(table->model()->index(r, col).data().toString());
    return out;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestGuiAdminCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void calendarEditPreviewSave();
    void calendarStaleSaveIsRefused();
    void calendarCsv();
    void officeHours();
    void administrativeUnits();
    void cleanupTestCase();

private:
    void openTab(int number, QWidget *page);
    void type(ui::CalendarPage *page, const QString &date, const QString &name = {});

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_token;
};

void TestGuiAdminCalendar::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_ws = m_fixture.login(QStringLiteral("admin1"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->resize(1280, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_token = test::Client(m_fixture.serverUrl()).login(QStringLiteral("admin1"));
    QVERIFY(!m_token.isEmpty());
}

// Ctrl+Alt+<number> from the Accounts tab opens `page`.
void TestGuiAdminCalendar::openTab(int number, QWidget *page)
{
    m_window->showSection(ui::MainWindow::Administration);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->admin()->setCurrentWidget(m_window->admin()->accounts());
    m_window->admin()->accounts()->table()->setFocus();
    QTest::keyClick(m_window->admin()->accounts()->table(), Qt::Key(Qt::Key_0 + number),
                    Qt::ControlModifier | Qt::AltModifier);
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
}

void TestGuiAdminCalendar::type(ui::CalendarPage *page, const QString &date, const QString &name)
{
    auto *dateField = page->findChild<QLineEdit *>(QStringLiteral("calendarDate"));
    auto *nameField = page->findChild<QLineEdit *>(QStringLiteral("calendarName"));
    dateField->clear();
    nameField->clear();
    test::typeText(dateField, date);
    test::typeText(nameField, name);
    dateField->setFocus();
}

void TestGuiAdminCalendar::calendarEditPreviewSave()
{
    ui::CalendarPage *page = m_window->admin()->calendar();
    openTab(4, page);
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->saved().decisions().contains(2026), 15000);
    page->setYear(2026);
    QVERIFY(column(page->daysOffTable(), 0).contains(QStringLiteral("30/04/2026")));
    QCOMPARE(column(page->workingTable(), 0), QStringList{QStringLiteral("10/01/2026")});

    // The preview: received Friday 24/4, 5 working days, over Monday 27/4 (compensating the Hùng
    // Kings' Sunday), 30/4 and 1/5 → Wednesday 6/5.
    auto *previewDate = page->findChild<QLineEdit *>(QStringLiteral("previewDate"));
    previewDate->clear();
    test::typeText(previewDate, QStringLiteral("24/04/2026"));
    page->findChild<QSpinBox *>(QStringLiteral("previewDays"))->setValue(5);
    QVERIFY2(page->previewText().contains(QStringLiteral("08:00 thứ Tư, 06/05/2026")),
             qPrintable(page->previewText()));

    // Faults at the field, in Vietnamese; nothing changes.
    type(page, QStringLiteral("30/04/2026"));
    QTest::keyClick(page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(page->fieldError().contains(QStringLiteral("đã có trong danh sách ngày nghỉ")),
             qPrintable(page->fieldError()));
    type(page, QStringLiteral("27/04/2026"));
    QTest::keyClick(page, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(page->fieldError().contains(QStringLiteral("thứ Hai")),
             qPrintable(page->fieldError()));
    type(page, QStringLiteral("31/04/2026"));
    QTest::keyClick(page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(page->fieldError().contains(QStringLiteral("dd/MM/yyyy")));
    QVERIFY(!page->modified());

    // Wednesday 29/4 off, in exchange for Saturday 25/4 (Ctrl+Shift+N, Ctrl+Shift+L).
    type(page, QStringLiteral("29/04/2026"), QStringLiteral("Nghỉ hoán đổi (làm bù thứ Bảy 25/4)"));
    QTest::keyClick(page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(page->fieldError().isEmpty(), qPrintable(page->fieldError()));
    QVERIFY(column(page->daysOffTable(), 0).contains(QStringLiteral("29/04/2026")));
    QVERIFY(page->modified());
    // The due date moves a day; the one in force is shown beside it.
    QVERIFY2(page->previewText().contains(QStringLiteral("08:00 thứ Năm, 07/05/2026"))
                 && page->previewText().contains(QStringLiteral("06/05/2026")),
             qPrintable(page->previewText()));
    type(page, QStringLiteral("25/04/2026"));
    QTest::keyClick(page, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(column(page->workingTable(), 0),
             (QStringList{QStringLiteral("10/01/2026"), QStringLiteral("25/04/2026")}));
    QVERIFY2(page->previewText().contains(QStringLiteral("08:00 thứ Tư, 06/05/2026")),
             qPrintable(page->previewText()));
    // A wrong day corrected: 25/4 → Saturday 9/5 and back (Ctrl+Shift+E on the selected row);
    // Sunday 26/4 is a holiday (Hùng Kings), refused.
    page->selectDay(QDate(2026, 4, 25));
    type(page, QStringLiteral("26/04/2026"));
    QTest::keyClick(page, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(page->fieldError().contains(QStringLiteral("Giỗ Tổ")), qPrintable(page->fieldError()));
    type(page, QStringLiteral("09/05/2026"));
    QTest::keyClick(page, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(column(page->workingTable(), 0).last(), QStringLiteral("09/05/2026"));
    type(page, QStringLiteral("25/04/2026"));
    QTest::keyClick(page, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(column(page->workingTable(), 0).last(), QStringLiteral("25/04/2026"));
    test::screenshot(m_window.get(), QStringLiteral("admin-7-calendar"));

    // Ctrl+S: saved, read back from the server, in the administration trail.
    QSignalSpy saved(page, &ui::CalendarPage::savedToServer);
    page->daysOffTable()->setFocus();
    QTest::keyClick(page->daysOffTable(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QVERIFY(!page->modified());
    test::Client client(m_fixture.serverUrl());
    const Reply read = client.get(QStringLiteral("/api/v1/calendar"), m_token);
    QCOMPARE(read.status, 200);
    auto stored = domain::HolidayCalendar::fromJson(read.body);
    QVERIFY(stored);
    QVERIFY(stored->isDayOff(QDate(2026, 4, 29)));
    QVERIFY(stored->isSwappedWorkingDay(QDate(2026, 4, 25)));
    const QJsonArray trail = client.get(QStringLiteral("/api/v1/admin/audit"), m_token)
                                 .json.value(QStringLiteral("entries"))
                                 .toArray();
    QVERIFY(!trail.isEmpty());
    const QJsonObject last = trail.first().toObject();
    QCOMPARE(last.value(QStringLiteral("route")).toString(), QStringLiteral("/api/v1/calendar"));
    QCOMPARE(last.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    QCOMPARE(last.value(QStringLiteral("actorId")).toString(), m_ws->officer().id);
    QVERIFY(last.value(QStringLiteral("detail")).toString().contains(QStringLiteral("2026-04-29")));

    // The workstations' next catalogue load brings the new calendar into their due dates.
    QVERIFY(!m_ws->calendar().holidays().isDayOff(QDate(2026, 4, 29)));
    services::CatalogueLoader loader(m_fixture.api(), m_ws->cache(), m_ws->officer().agencyCode);
    QSignalSpy loaded(&loader, &services::CatalogueLoader::finished);
    loader.start();
    QVERIFY(loaded.wait(15000));
    QVERIFY(loaded.first().first().value<domain::Check>().ok());
    QVERIFY(m_ws->reloadCatalogues());
    QVERIFY(m_ws->calendar().holidays().isDayOff(QDate(2026, 4, 29)));
    QVERIFY(m_ws->calendar().isWorkingDay(QDate(2026, 4, 25)));

    // Deleting (Del on the selected row) is an edit like the others.
    page->selectDay(QDate(2026, 4, 25));
    page->workingTable()->setFocus();
    QTest::keyClick(page->workingTable(), Qt::Key_Delete);
    QCOMPARE(column(page->workingTable(), 0), QStringList{QStringLiteral("10/01/2026")});
    QVERIFY(page->modified());
    page->refresh(); // F5 drops it
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && !page->modified(), 15000);
    QVERIFY(page->edited().isSwappedWorkingDay(QDate(2026, 4, 25)));
}

void TestGuiAdminCalendar::calendarStaleSaveIsRefused()
{
    ui::CalendarPage *page = m_window->admin()->calendar();
    openTab(4, page);
    page->setYear(2026);
    // Another admin's tool changes the calendar meanwhile.
    test::Client client(m_fixture.serverUrl());
    QJsonObject other = client.get(QStringLiteral("/api/v1/calendar"), m_token).json;
    QJsonArray years = other.value(QStringLiteral("years")).toArray();
    years.append(QJsonObject{
        {QStringLiteral("year"), 2027},
        {QStringLiteral("workingWeekendDays"), QJsonArray{QStringLiteral("2027-04-24")}}});
    other.insert(QStringLiteral("years"), years);
    QCOMPARE(client.put(QStringLiteral("/api/v1/calendar"), other, m_token).status, 200);

    type(page, QStringLiteral("28/12/2026"), QStringLiteral("Nghỉ thử"));
    QVERIFY(page->addDayOff());
    page->save();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QVERIFY2(page->status().contains(QStringLiteral("quản trị viên khác")),
             qPrintable(page->status()));
    QVERIFY(page->modified());
    QVERIFY(!client.get(QStringLiteral("/api/v1/calendar"), m_token).body.contains("2026-12-28"));
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && !page->modified(), 15000);
    QVERIFY(!page->edited().isDayOff(QDate(2026, 12, 28)));
}

void TestGuiAdminCalendar::officeHours()
{
    ui::CalendarPage *page = m_window->admin()->calendar();
    openTab(4, page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QCOMPARE(page->hoursText(Qt::Monday), QStringLiteral("07:30–11:30, 13:30–17:00"));
    QCOMPARE(page->hoursText(Qt::Saturday), QString());
    // Friday 5/3/2027, 1 working day: Monday with the standard hours.
    auto *previewDate = page->findChild<QLineEdit *>(QStringLiteral("previewDate"));
    previewDate->clear();
    test::typeText(previewDate, QStringLiteral("05/03/2027"));
    page->findChild<QSpinBox *>(QStringLiteral("previewDays"))->setValue(1);
    QVERIFY2(page->previewText().contains(QStringLiteral("08:00 thứ Hai, 08/03/2027")),
             qPrintable(page->previewText()));

    // Ctrl+H goes to the hours; one tick opens Saturday mornings and the preview follows.
    page->daysOffTable()->setFocus();
    QTest::keyClick(page->daysOffTable(), Qt::Key_H, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(),
             page->findChild<QLineEdit *>(QStringLiteral("hours_monday")));
    auto *saturday = page->findChild<QCheckBox *>(QStringLiteral("saturdayMorning"));
    QVERIFY(saturday && !saturday->isChecked());
    QTest::mouseClick(saturday, Qt::LeftButton);
    QCOMPARE(page->hoursText(Qt::Saturday), QStringLiteral("07:30–11:30"));
    QVERIFY(page->modified());
    QVERIFY2(page->previewText().contains(QStringLiteral("08:00 thứ Bảy, 06/03/2027")),
             qPrintable(page->previewText()));

    // A fault is shown under the hours, in Vietnamese; saving is refused, the server unchanged.
    test::Client client(m_fixture.serverUrl());
    const QByteArray before = client.get(QStringLiteral("/api/v1/calendar"), m_token).body;
    QVERIFY(!page->setHoursText(Qt::Tuesday, QStringLiteral("07:30-11:30, 11:00-17:00")));
    QVERIFY2(page->hoursError().contains(QStringLiteral("Thứ Ba"))
                 && page->hoursError().contains(QStringLiteral("chồng lên nhau")),
             qPrintable(page->hoursError()));
    page->save();
    QVERIFY(!page->busy());
    QCOMPARE(client.get(QStringLiteral("/api/v1/calendar"), m_token).body, before);
    QVERIFY(page->setHoursText(Qt::Tuesday, QStringLiteral("13:30 – 17:00; 07:30 – 11:30")));
    QVERIFY(page->hoursError().isEmpty());
    QCOMPARE(page->hoursText(Qt::Tuesday), QStringLiteral("07:30–11:30, 13:30–17:00"));
    QVERIFY(!page->setHoursText(Qt::Friday, QStringLiteral("7g30-11g30")));
    QVERIFY2(page->hoursError().contains(QStringLiteral("Thứ Sáu"))
                 && page->hoursError().contains(QStringLiteral("\"7g30-11g30\"")),
             qPrintable(page->hoursError()));
    QVERIFY(page->setHoursText(Qt::Friday, QStringLiteral("07:30-11:30, 13:30-17:00")));
    QVERIFY(page->hoursError().isEmpty());
    test::screenshot(m_window.get(), QStringLiteral("admin-7b-office-hours"));

    // Ctrl+S: the server keeps the hours; the workstation counts with them after its next load.
    QSignalSpy saved(page, &ui::CalendarPage::savedToServer);
    page->daysOffTable()->setFocus();
    QTest::keyClick(page->daysOffTable(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    const QJsonObject hours = client.get(QStringLiteral("/api/v1/calendar"), m_token)
                                  .json.value(QStringLiteral("officeHours"))
                                  .toObject();
    QCOMPARE(hours.value(QStringLiteral("saturday")).toArray(),
             QJsonArray{QStringLiteral("07:30-11:30")});
    QCOMPARE(hours.value(QStringLiteral("tuesday")).toArray(),
             (QJsonArray{QStringLiteral("07:30-11:30"), QStringLiteral("13:30-17:00")}));
    QCOMPARE(hours.value(QStringLiteral("sunday")).toArray(), QJsonArray());
    QVERIFY(!m_ws->calendar().isWorkingDay(QDate(2027, 3, 6)));
    services::CatalogueLoader loader(m_fixture.api(), m_ws->cache(), m_ws->officer().agencyCode);
    QSignalSpy loaded(&loader, &services::CatalogueLoader::finished);
    loader.start();
    QVERIFY(loaded.wait(15000));
    QVERIFY(m_ws->reloadCatalogues());
    QVERIFY(m_ws->calendar().isWorkingDay(QDate(2027, 3, 6)));
    QCOMPARE(m_ws->calendar().hoursOn(QDate(2027, 3, 6)).size(), 1);

    // Saturdays closed again.
    QTest::mouseClick(saturday, Qt::LeftButton);
    QCOMPARE(page->hoursText(Qt::Saturday), QString());
    page->save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 15000);
    QCOMPARE(client.get(QStringLiteral("/api/v1/calendar"), m_token)
                 .json.value(QStringLiteral("officeHours"))
                 .toObject()
                 .value(QStringLiteral("saturday"))
                 .toArray(),
             QJsonArray());
}

void TestGuiAdminCalendar::calendarCsv()
{
    ui::CalendarPage *page = m_window->admin()->calendar();
    openTab(4, page);
    page->setYear(2026);
    QTemporaryDir dir;
    const QString exported = dir.filePath(QStringLiteral("lich-2026.csv"));
    QVERIFY(page->exportCsv(exported));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(csv.mid(3));
    QVERIFY(text.startsWith(QStringLiteral("Ngày;Tên;Loại\r\n")));
    QVERIFY2(
        text.contains(QStringLiteral("29/04/2026;Nghỉ hoán đổi (làm bù thứ Bảy 25/4);nghỉ\r\n")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("25/04/2026;Làm việc bù (thứ Bảy);làm bù\r\n")));

    // A faulty list: every row and column, nothing taken.
    const QString bad = dir.filePath(QStringLiteral("sai.csv"));
    writeFile(bad,
              "Ngày;Tên;Loại\n"
              "29/04/2026;Nghỉ hoán đổi;nghỉ\n"
              "31/04/2026;Sai ngày;nghỉ\n"
              "27/04/2026;Thứ Hai;làm bù\n"
              "05/05/2026;Lạ;nghỉ phép\n");
    QVERIFY(!page->importCsv(bad));
    QVERIFY(page->problemsTable()->isVisible());
    QCOMPARE(column(page->problemsTable(), 0),
             (QStringList{QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
    QCOMPARE(column(page->problemsTable(), 1),
             (QStringList{QStringLiteral("Ngày"), QStringLiteral("Ngày"), QStringLiteral("Loại")}));
    QVERIFY(!page->modified());
    test::screenshot(m_window.get(), QStringLiteral("admin-8-calendar-import-errors"));

    // The exported list with one more day off reads back as an edit (not saved yet).
    const QString good = dir.filePath(QStringLiteral("dung.csv"));
    writeFile(good, csv + QStringLiteral("31/12/2026;Nghỉ cuối năm;nghỉ\r\n").toUtf8());
    QVERIFY(page->importCsv(good));
    QVERIFY(!page->problemsTable()->isVisible());
    QVERIFY(page->modified());
    QVERIFY(page->edited().isDayOff(QDate(2026, 12, 31)));
    QVERIFY(page->edited().isSwappedWorkingDay(QDate(2026, 4, 25)));
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && !page->modified(), 15000);
}

void TestGuiAdminCalendar::administrativeUnits()
{
    ui::UnitsPage *page = m_window->admin()->units();
    openTab(5, page);
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->units().size() == 34, 15000);
    QVERIFY2(page->counts().startsWith(QStringLiteral("34 ")), qPrintable(page->counts()));
    QCOMPARE(page->tree()->model()->rowCount(), 34);

    // Ctrl+F, accents aside.
    auto *search = page->findChild<QLineEdit *>(QStringLiteral("unitSearch"));
    page->tree()->setFocus();
    QTest::keyClick(page->tree(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    test::typeText(search, QStringLiteral("khanh hoa"));
    QCOMPARE(page->tree()->model()->rowCount(), 1);
    QCOMPARE(page->tree()->model()->index(0, 1).data().toString(),
             QStringLiteral("Tỉnh Khánh Hòa"));
    search->clear();

    // The office's list as Excel, with faults: each row and column, nothing to apply.
    QVERIFY(page->loadFile(motcua::testing::testDataPath(QStringLiteral("admin/units-bad.xlsx"))));
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QCOMPARE(page->preview().problems.size(), 2);
    QCOMPARE(column(page->importTable(), 0),
             (QStringList{QStringLiteral("3"), QStringLiteral("4")}));
    QCOMPARE(column(page->importTable(), 1),
             (QStringList{QStringLiteral("Mã"), QStringLiteral("Tên")}));
    QVERIFY(!page->canApply());
    test::screenshot(m_window.get(), QStringLiteral("admin-10-units-import-errors"));

    // A good one: the preview lists the two new communes, Ctrl+Enter applies.
    QVERIFY(
        page->loadFile(motcua::testing::testDataPath(QStringLiteral("admin/units-official.xlsx"))));
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->preview().problems.isEmpty(), 15000);
    QCOMPARE(page->preview().added, 2);
    QVERIFY(!page->preview().applied);
    QCOMPARE(
        column(page->importTable(), 3),
        (QStringList{QStringLiteral("Phường Bắc Nha Trang"), QStringLiteral("Phường Nha Trang")}));
    QVERIFY(page->canApply());
    test::Client client(m_fixture.serverUrl());
    QVERIFY(client.get(QStringLiteral("/api/v1/admin-units?level=commune"), m_token)
                .json.value(QStringLiteral("units"))
                .toArray()
                .isEmpty()); // a dry run writes nothing
    test::screenshot(m_window.get(), QStringLiteral("admin-9-units-preview"));
    page->tree()->setFocus();
    QTest::keyClick(page->tree(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(page->preview().applied && page->units().size() == 36, 15000);
    QVERIFY(!page->canApply());
    test::typeText(search, QStringLiteral("Bac Nha Trang"));
    QCOMPARE(page->tree()->model()->rowCount(), 1);
    const QModelIndex province = page->tree()->model()->index(0, 0);
    QCOMPARE(page->tree()->model()->rowCount(province), 1);
    QCOMPARE(page->tree()->model()->index(0, 1, province).data().toString(),
             QStringLiteral("Phường Bắc Nha Trang"));
    QVERIFY(page->tree()->isExpanded(province));
    search->clear();

    // The list as CSV in the import's own columns.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("don-vi.csv"));
    QVERIFY(page->exportCsv(path));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll().mid(3));
    QVERIFY(text.startsWith(QStringLiteral("level,code,name,division_type,parent_code\r\n")));
    QVERIFY2(text.contains(QStringLiteral("commune,22333,Phường Bắc Nha Trang,phường,56\r\n")),
             qPrintable(text.right(200)));
    QCOMPARE(text.count(QStringLiteral("\r\n")), 37);

    const QJsonArray trail = client.get(QStringLiteral("/api/v1/admin/audit"), m_token)
                                 .json.value(QStringLiteral("entries"))
                                 .toArray();
    QCOMPARE(trail.first().toObject().value(QStringLiteral("route")).toString(),
             QStringLiteral("/api/v1/admin-units/import"));
}

void TestGuiAdminCalendar::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    QVERIFY(m_fixture.server().stop());
}

QTEST_MAIN(TestGuiAdminCalendar)
#include "test_gui_admin_calendar.moc"
