// Report templates in the reports section (R24) against the real server, offscreen: a leader
// designs a shared template from the keyboard (Ctrl+Shift+N), a name already taken keeps the
// designer open with the server's message, the saved template is applied (filters, chart) and
// edited (Ctrl+Shift+D), one is deleted after a confirmation; logged in again offline, the last
// list read is still there. Screenshots of the designer and the chart.
#include "guifixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <language.h>
#include <mainwindow.h>
#include <reports/reportspage.h>
#include <reports/resultchart.h>
#include <reports/templatedesigner.h>
#include <style.h>

using namespace motcua;

namespace {

void tick(QListWidget *list, const QString &key)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == key)
            list->item(i)->setCheckState(Qt::Checked);
    }
}

void choose(QComboBox *box, const QString &text)
{
    box->setCurrentIndex(box->findText(text));
}

} // namespace

class TestGuiReportTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void designAndSaveASharedTemplate_R24_1_R24_3();
    void takenNameKeepsTheDesignerOpen();
    void editAndDelete_R24_2();
    void templatesAreThereOffline();
    void cleanupTestCase();

private:
    ui::TemplateDesigner *openDesigner(QKeySequence keys);
    void startWindow(bool online);

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ReportsPage *m_page = nullptr;
};

void TestGuiReportTemplates::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    startWindow(true);
}

void TestGuiReportTemplates::startWindow(bool online)
{
    QString error;
    m_ws = online ? m_fixture.login(QStringLiteral("leader1"), &error)
                  : m_fixture.loginOffline(QStringLiteral("leader1"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_page = m_window->reports();
    QSignalSpy loaded(m_page, &ui::ReportsPage::templatesLoaded);
    QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Reports);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 15000);
}

ui::TemplateDesigner *TestGuiReportTemplates::openDesigner(QKeySequence keys)
{
    // Offscreen, a closed dialog leaves no active window: shortcuts need the main one active.
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return nullptr;
    m_page->templateBox()->setFocus();
    QTest::keySequence(m_page->templateBox(), keys);
    ui::TemplateDesigner *designer = nullptr;
    if (!QTest::qWaitFor([&] { return (designer = m_page->designer()) && designer->isVisible(); },
                         5000))
        return nullptr;
    QApplication::setActiveWindow(designer);
    if (!QTest::qWaitForWindowActive(designer))
        return nullptr;
    return designer;
}

void TestGuiReportTemplates::designAndSaveASharedTemplate_R24_1_R24_3()
{
    QCOMPARE(m_page->templates().size(), 0);
    ui::TemplateDesigner *designer = openDesigner(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QVERIFY(designer);
    auto *name = designer->findChild<QLineEdit *>(QStringLiteral("templateName"));
    QTRY_VERIFY(name->hasFocus());
    test::typeText(name, QStringLiteral("Hồ sơ trực tuyến theo lĩnh vực"));
    test::typeText(designer->findChild<QLineEdit *>(QStringLiteral("templateTitle")),
                   QStringLiteral("BÁO CÁO HỒ SƠ TRỰC TUYẾN"));
    auto *shared = designer->findChild<QCheckBox *>(QStringLiteral("templateShared"));
    QVERIFY(shared->isEnabled()); // a leader shares
    shared->setChecked(true);
    choose(designer->findChild<QComboBox *>(QStringLiteral("dimension1")),
           QStringLiteral("Lĩnh vực"));
    auto *second = designer->findChild<QComboBox *>(QStringLiteral("dimension2"));
    second->setCurrentIndex(second->findData(-1)); // (none)
    auto *third = designer->findChild<QComboBox *>(QStringLiteral("dimension3"));
    third->setCurrentIndex(third->findData(-1));
    choose(designer->findChild<QComboBox *>(QStringLiteral("templatePeriod")),
           QStringLiteral("Năm nay"));
    choose(designer->findChild<QComboBox *>(QStringLiteral("templateChart")),
           QStringLiteral("Biểu đồ tròn"));
    tick(designer->findChild<QListWidget *>(QStringLiteral("filterChannels")),
         QStringLiteral("national-portal"));
    test::screenshot(designer, QStringLiteral("report-template-1-designer"));

    QSignalSpy saved(m_page, &ui::ReportsPage::templateSaved);
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1, 15000);
    const auto stored = saved.at(0).at(0).value<reports::ReportTemplate>();
    QVERIFY(!stored.id.isNull());
    QVERIFY(stored.shared);
    QCOMPARE(stored.groupBy, QList<reports::Dimension>{reports::Dimension::Field});
    QCOMPARE(stored.filter.channels, QList<domain::Channel>{domain::Channel::NationalPortal});
    QCOMPARE(stored.period, reports::PeriodKind::ThisYear);
    QCOMPARE(stored.chart, reports::ChartKind::Pie);
    QTRY_VERIFY(!m_page->designer());

    // The list has it, chosen and applied: the filter is shown, the chart is a pie.
    QTRY_COMPARE(m_page->templates().size(), 1);
    QCOMPARE(m_page->templateBox()->currentText(),
             QStringLiteral("Hồ sơ trực tuyến theo lĩnh vực (dùng chung)"));
    auto *filter = m_page->findChild<QLabel *>(QStringLiteral("templateFilter"));
    QVERIFY(filter->isVisible());
    QVERIFY2(filter->text().contains(QStringLiteral("Cổng Dịch vụ công quốc gia")),
             qPrintable(filter->text()));
    QCOMPARE(m_page->query().filter.channels,
             QList<domain::Channel>{domain::Channel::NationalPortal});
    QCOMPARE(m_page->query().from, QDate(services::Workstation::now().date().year(), 1, 1));
    QTRY_COMPARE(m_page->chart()->kind(), reports::ChartKind::Pie);
    QCOMPARE(m_page->tabs()->currentWidget(), m_page->chart());
    QVERIFY(m_page->chart()->chart()->title().contains(QStringLiteral("BÁO CÁO HỒ SƠ TRỰC TUYẾN")));
    test::screenshot(m_window.get(), QStringLiteral("report-template-2-chart"));

    // The server has it, for the agency.
    const test::Reply r
        = test::Client(m_fixture.serverUrl())
              .get(QStringLiteral("/api/v1/report-templates"),
                   test::Client(m_fixture.serverUrl()).login(QStringLiteral("head1")));
    QCOMPARE(r.json.value(QStringLiteral("templates")).toArray().size(), 1);
}

void TestGuiReportTemplates::takenNameKeepsTheDesignerOpen()
{
    ui::TemplateDesigner *designer = openDesigner(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QVERIFY(designer);
    auto *name = designer->findChild<QLineEdit *>(QStringLiteral("templateName"));
    // An empty name is refused at the field, without a round trip.
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    auto *error = designer->findChild<QLabel *>(QStringLiteral("templateError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("tên")), qPrintable(error->text()));
    QTRY_VERIFY(name->hasFocus());
    // A shared name already taken: the server's message, the dialog stays.
    test::typeText(name, QStringLiteral("Hồ sơ trực tuyến theo lĩnh vực"));
    designer->findChild<QCheckBox *>(QStringLiteral("templateShared"))->setChecked(true);
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("đã có")), 15000);
    QVERIFY(designer->isVisible());
    QVERIFY(designer->findChild<QPushButton *>(QStringLiteral("templateSave"))->isEnabled());
    // Personal, the same name is free.
    designer->findChild<QCheckBox *>(QStringLiteral("templateShared"))->setChecked(false);
    QSignalSpy saved(m_page, &ui::ReportsPage::templateSaved);
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1, 15000);
    QTRY_COMPARE(m_page->templates().size(), 2);
    QCOMPARE(m_page->templates().first().shared, false); // personal ones first
}

void TestGuiReportTemplates::editAndDelete_R24_2()
{
    // Choose the shared one and design it again: a bar chart grouped by month.
    const int shared = m_page->templates().at(1).shared ? 1 : 0;
    m_page->applyTemplate(shared);
    ui::TemplateDesigner *designer = openDesigner(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(designer);
    QCOMPARE(designer->findChild<QLineEdit *>(QStringLiteral("templateName"))->text(),
             QStringLiteral("Hồ sơ trực tuyến theo lĩnh vực"));
    choose(designer->findChild<QComboBox *>(QStringLiteral("dimension1")), QStringLiteral("Tháng"));
    choose(designer->findChild<QComboBox *>(QStringLiteral("templateChart")),
           QStringLiteral("Biểu đồ cột"));
    QSignalSpy saved(m_page, &ui::ReportsPage::templateSaved);
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1, 15000);
    const auto stored = saved.at(0).at(0).value<reports::ReportTemplate>();
    QCOMPARE(stored.version, 2);
    QCOMPARE(stored.groupBy, QList<reports::Dimension>{reports::Dimension::Month});
    QTRY_COMPARE(m_page->chart()->kind(), reports::ChartKind::Bar);

    // Delete the personal one, after saying yes.
    const int personal = m_page->templates().at(0).shared ? 1 : 0;
    m_page->applyTemplate(personal);
    QSignalSpy loaded(m_page, &ui::ReportsPage::templatesLoaded);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_page->templateBox()->setFocus();
    QTest::keyClick(m_page->templateBox(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY(
        (confirm = m_page->findChild<QMessageBox *>(QStringLiteral("deleteTemplateConfirm"))));
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && m_page->templates().size() == 1, 15000);
    QVERIFY(m_page->templates().first().shared);
    QCOMPARE(m_page->templateBox()->currentIndex(), 0);
    QVERIFY(m_page->query().filter.isEmpty());
}

void TestGuiReportTemplates::templatesAreThereOffline()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    startWindow(false);
    QCOMPARE(m_page->templates().size(), 1);
    QCOMPARE(m_page->templates().first().name, QStringLiteral("Hồ sơ trực tuyến theo lĩnh vực"));
    QCOMPARE(m_page->templates().first().version, 2);
    // Saving needs the server: said so, in the designer.
    m_page->applyTemplate(0);
    ui::TemplateDesigner *designer = openDesigner(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QVERIFY(designer);
    QTest::mouseClick(designer->findChild<QPushButton *>(QStringLiteral("templateSave")),
                      Qt::LeftButton);
    auto *error = designer->findChild<QLabel *>(QStringLiteral("templateError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("Không kết nối")), 30000);
    designer->reject();
}

void TestGuiReportTemplates::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    QVERIFY(m_fixture.server().stop());
}

QTEST_MAIN(TestGuiReportTemplates)
#include "test_gui_report_templates.moc"
