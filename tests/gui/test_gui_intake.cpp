// A whole intake at the counter, driven with key clicks like an officer: login (online, real
// server), the procedure found without diacritics, the applicant filled by a CCCD string typed as
// a keyboard-wedge scanner types it, validation at the field, components ticked and a file
// attached, the due date shown before saving, Save with Ctrl+S — then the receive action is in the
// real encrypted cache, pending for the sync engine, with the official code of the leased block.
#include "guifixture.h"

#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <actionrunner.h>
#include <domain/workcalendar.h>
#include <dossierview.h>
#include <intake/applicantpage.h>
#include <intake/componentdatadialog.h>
#include <intake/componentspage.h>
#include <intake/intakewizard.h>
#include <language.h>
#include <mainwindow.h>
#include <services/intakeservice.h>
#include <style.h>

using namespace motcua;

class TestGuiIntake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wholeIntake();
    void componentDataFormAtIntake_R05_1b();
    void badInputStaysAtTheField();
    void statusBarShowsALongPull();
    void offlineLoginAfterOnline(); // last: closes the window and the workstation
    void cleanupTestCase();

private:
    // Keys go to the widget with the focus, as on a real keyboard.
    QWidget *focused() const
    {
        QWidget *w = QApplication::focusWidget();
        return w ? w : m_window.get();
    }
    template<typename T>
    T *child(const char *name)
    {
        auto *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestGuiIntake::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi"))); // the default language
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    // The declaration of the criminal-record procedure asks for its own data (R05.1b): the
    // province's document type, put by an admin before the counter logs in.
    {
        test::Client admin(m_fixture.serverUrl());
        const QString token = admin.login(QStringLiteral("admin1"));
        QVERIFY(!token.isEmpty());
        const QJsonObject type{
            {QStringLiteral("code"), QStringLiteral("TK-LLTP")},
            {QStringLiteral("name"), QStringLiteral("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp")},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("summary")}},
            {QStringLiteral("fields"),
             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("so-phieu")},
                                    {QStringLiteral("label"), QStringLiteral("Số lượng phiếu")},
                                    {QStringLiteral("kind"), QStringLiteral("number")},
                                    {QStringLiteral("required"), true}},
                        QJsonObject{{QStringLiteral("key"), QStringLiteral("loai-phieu")},
                                    {QStringLiteral("label"), QStringLiteral("Loại phiếu")},
                                    {QStringLiteral("kind"), QStringLiteral("choice")},
                                    {QStringLiteral("required"), true},
                                    {QStringLiteral("choices"),
                                     QJsonArray{QStringLiteral("Phiếu số 1"),
                                                QStringLiteral("Phiếu số 2")}}}}}};
        const test::Reply put
            = admin.put(QStringLiteral("/api/v1/document-types/TK-LLTP"), type, token);
        QVERIFY2(put.status == 200, qPrintable(put.describe())); // the demo seeds every type
    }
    bool online = false;
    m_ws = m_fixture.login(QStringLiteral("counter1"), &error, &online);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY(online);
    QVERIFY(!m_ws->procedures().isEmpty());
    auto left
        = m_ws->cache().codesLeft(m_ws->officer().agencyCode, services::Workstation::now().date());
    QVERIFY(left && left.value() > 0);
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_status->probe();
    QTRY_COMPARE(m_status->connection(), services::SyncStatus::Connection::Online);
}

void TestGuiIntake::wholeIntake()
{
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Intake);
    auto *wizard = m_window->intake();
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Procedure));

    // 1. Procedure, typed without diacritics.
    auto *search = child<QLineEdit>("procedureSearch");
    auto *list = child<QListView>("procedureList");
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("chung thuc ban sao tu ban chinh"));
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("Chứng thực")));
    test::screenshot(m_window.get(), QStringLiteral("intake-1-procedure"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));

    // 2. The CCCD typed by a keyboard-wedge scanner into the phone field (any field works).
    auto *phone = child<QLineEdit>("phone");
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("0912345678"));
    auto *fullName = child<QLineEdit>("fullName");
    fullName->setFocus();
    QSignalSpy status(wizard, &ui::IntakeWizard::status);
    test::typeText(fullName,
                   QStringLiteral("001099012345|123456789|Nguyễn Văn A|01011990|Nam|"
                                  "Số 1 Trần Phú, Lộc Thọ, Nha Trang|01012021"));
    QTest::keyClick(fullName, Qt::Key_Return);
    QTRY_COMPARE(child<QLineEdit>("personalId")->text(), QStringLiteral("001099012345"));
    QCOMPARE(fullName->text(), QStringLiteral("Nguyễn Văn A"));
    QCOMPARE(child<QLineEdit>("birthDate")->text(), QStringLiteral("01/01/1990"));
    QCOMPARE(child<QLineEdit>("address")->text(),
             QStringLiteral("Số 1 Trần Phú, Lộc Thọ, Nha Trang"));
    QCOMPARE(child<QComboBox>("gender")->currentData().toString(), QStringLiteral("Nam"));
    QCOMPARE(phone->text(), QStringLiteral("0912345678"));           // kept
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant)); // Enter was the scanner's
    QVERIFY(!status.isEmpty());
    test::screenshot(m_window.get(), QStringLiteral("intake-2-applicant"));
    QTest::keyClick(fullName, Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Components));
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>("componentsTable"));

    // 3. Next without ticking: the missing components are named at the table.
    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Components));
    auto *componentsError = child<QLabel>("error_components");
    QVERIFY(componentsError->text().contains(QStringLiteral("Thiếu thành phần bắt buộc")));
    test::screenshot(m_window.get(), QStringLiteral("intake-3-components-missing"));
    auto *page = wizard->componentsPage();
    page->tickAll();
    // A scan of one component, imported from a file (read off the GUI thread).
    const QString scan = m_fixture.profileDir() + QStringLiteral("/../scan-cccd.png");
    QImage image(400, 250, QImage::Format_RGB32);
    image.fill(QColor(0xe8, 0xf0, 0xfe));
    QVERIFY(image.save(scan));
    auto *table = child<QTableWidget>("componentsTable");
    const QString firstCode = table->item(0, 1)->data(Qt::UserRole).toString();
    QSignalSpy attached(page, &ui::ComponentsPage::filesAttached);
    page->attachFiles(firstCode, {scan});
    QVERIFY(attached.wait(10000));
    QVERIFY(table->item(0, 5)->text().contains(QStringLiteral("scan-cccd.png")));
    test::screenshot(m_window.get(), QStringLiteral("intake-3-components"));
    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Review));

    // 4. The due date, computed from the work calendar, shown before saving.
    const auto proc = wizard->procedure();
    QVERIFY(proc.has_value());
    auto *due = child<QLabel>("dueDate");
    const QDateTime expected
        = m_ws->calendar().dueAt(services::Workstation::now(), proc->deadline, proc->cutoff);
    if (expected.isValid())
        QVERIFY2(due->text().contains(expected.toString(QStringLiteral("dd/MM/yyyy"))),
                 qPrintable(due->text()));
    test::screenshot(m_window.get(), QStringLiteral("intake-4-review"));

    QSignalSpy saved(wizard, &ui::IntakeWizard::saved);
    const qint64 pendingBefore = m_ws->cache().pendingCount().value();
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.count(), 1);
    const auto dossier = saved.first().at(0).value<domain::Dossier>();
    QVERIFY(!dossier.code.isEmpty());
    QVERIFY(dossier.code.startsWith(m_ws->officer().agencyCode));
    // The print seam answered honestly: no printer yet, the dossier is saved anyway.
    QVERIFY(saved.first().at(1).toString().contains(dossier.code));

    // In the real cache: the dossier, its receive action pending for the sync engine, the file.
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore + 1);
    auto stored = m_ws->cache().dossierByCode(dossier.code);
    QVERIFY(stored && stored.value());
    const auto &d = *stored.value();
    QCOMPARE(d.stage, domain::Stage::Received);
    QCOMPARE(d.applicant.personalId, QStringLiteral("001099012345"));
    QCOMPARE(d.applicant.fullName, QStringLiteral("Nguyễn Văn A"));
    QCOMPARE(d.applicant.phone, QStringLiteral("0912345678"));
    QCOMPARE(d.channel, domain::Channel::Counter);
    QCOMPARE(d.dueAt.isValid(), expected.isValid());
    QCOMPARE(d.components.size(), proc->components.size());
    const auto files = d.components.first().files;
    QCOMPARE(files.size(), 1);
    auto bytes = m_ws->cache().blob(files.first().sha256);
    QVERIFY(bytes && QImage::fromData(bytes.value()).size() == QSize(400, 250));
    auto pending = m_ws->cache().pendingActions();
    QVERIFY(pending && !pending->isEmpty());
    QCOMPARE(pending->last().action.type, domain::ActionType::Receive);
    QCOMPARE(pending->last().action.payload.value(QStringLiteral("code")).toString(), dossier.code);

    // The dossier view shows it, with the attached scan previewed.
    {
        ui::ActionRunner runner(*m_ws, m_window.get());
        ui::DossierView view(*m_ws, runner, d.id, m_window.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.findChild<QListWidget *>(QStringLiteral("componentFiles"))->count(), 1);
        QVERIFY(view.findChild<QTreeWidget *>(QStringLiteral("trail"))->topLevelItemCount() >= 1);
        test::screenshot(&view, QStringLiteral("dossier-view-new-intake"));
    }

    // The wizard is ready for the next citizen.
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Procedure));
    QVERIFY(wizard->draft().procedureCode.isEmpty());
    QVERIFY(m_status->pending() >= 1);
}

// R05.1b: a component whose document type asks for data cannot be received without it; F4 opens
// the form its type makes (the common items it requires, its own fields), the values are checked
// as typed, and they travel in the receive action and show in the dossier view.
void TestGuiIntake::componentDataFormAtIntake_R05_1b()
{
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_ws->documentTypes().contains(QStringLiteral("TK-LLTP"))); // cached at login
    auto *wizard = m_window->intake();
    wizard->startOver();
    auto *search = child<QLineEdit>("procedureSearch");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("ly lich tu phap"));
    QTRY_VERIFY(child<QListView>("procedureList")->model()->rowCount() >= 1);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));
    auto *fullName = child<QLineEdit>("fullName");
    fullName->setFocus();
    test::typeText(fullName,
                   QStringLiteral("001099012345|123456789|Nguyễn Văn A|01011990|Nam|"
                                  "Số 1 Trần Phú, Lộc Thọ, Nha Trang|01012021"));
    QTest::keyClick(fullName, Qt::Key_Return);
    QTRY_COMPARE(child<QLineEdit>("personalId")->text(), QStringLiteral("001099012345"));
    QTest::keyClick(fullName, Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Components));
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>("componentsTable"));
    auto *page = wizard->componentsPage();
    auto *table = child<QTableWidget>("componentsTable");
    page->tickAll();
    QCOMPARE(table->item(0, 1)->data(Qt::UserRole).toString(), QStringLiteral("TK-LLTP"));
    QVERIFY2(table->item(0, 4)->text().contains(QStringLiteral("bắt buộc")),
             qPrintable(table->item(0, 4)->text()));

    // Without its data the declaration is refused, with the way to enter it.
    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Components));
    const QString refusal = child<QLabel>("error_components")->text();
    QVERIFY2(refusal.contains(QStringLiteral("Số lượng phiếu"))
                 && refusal.contains(QStringLiteral("F4")),
             qPrintable(refusal));

    // F4 on its row: the form of its type.
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_F4);
    ui::ComponentDataDialog *form = nullptr;
    QTRY_VERIFY((form = page->findChild<ui::ComponentDataDialog *>()) != nullptr);
    QTRY_VERIFY(form->isVisible());
    auto *count = form->findChild<QLineEdit *>(QStringLiteral("data_so-phieu"));
    auto *kind = form->findChild<QComboBox *>(QStringLiteral("data_loai-phieu"));
    auto *summary = form->findChild<QLineEdit *>(QStringLiteral("data_summary"));
    auto *issued = form->findChild<QLineEdit *>(QStringLiteral("data_issueDate"));
    QVERIFY(count && kind && summary && issued);
    QCOMPARE(kind->count(), 3); // empty, then the two choices
    // A number field takes only digits; a wrong date is refused at the field.
    QTest::keyClicks(count, QStringLiteral("2x"));
    QCOMPARE(count->text(), QStringLiteral("2"));
    QTest::keyClicks(issued, QStringLiteral("31/02/2026"));
    form->accept();
    QVERIFY(form->isVisible());
    auto *dateError = form->findChild<QLabel *>(QStringLiteral("error_issueDate"));
    QVERIFY(dateError && !dateError->isHidden());
    QVERIFY2(dateError->text().contains(QStringLiteral("dd/MM/yyyy")),
             qPrintable(dateError->text()));
    auto *summaryError = form->findChild<QLabel *>(QStringLiteral("error_summary"));
    QVERIFY(summaryError && !summaryError->isHidden()); // the type requires it
    test::screenshot(form, QStringLiteral("intake-3-component-data"));
    issued->clear();
    test::typeText(summary, QStringLiteral("Xin cấp phiếu để đi du học"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Phiếu số 2")));
    QSignalSpy entered(page, &ui::ComponentsPage::dataEntered);
    form->accept();
    QCOMPARE(entered.count(), 1);
    QVERIFY2(table->item(0, 4)->text().contains(QStringLiteral("3")),
             qPrintable(table->item(0, 4)->text()));
    QVERIFY(!table->item(0, 4)->text().contains(QStringLiteral("bắt buộc")));
    QTRY_COMPARE(QApplication::focusWidget(), table); // back where the officer was
    test::screenshot(m_window.get(), QStringLiteral("intake-3-components-data"));
    QVERIFY(child<QLabel>("error_components")->isHidden());

    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Review));
    QTRY_VERIFY(wizard->isAncestorOf(QApplication::focusWidget()));
    QSignalSpy saved(wizard, &ui::IntakeWizard::saved);
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(saved.count(), 1);
    const auto dossier = saved.first().at(0).value<domain::Dossier>();
    auto stored = m_ws->cache().dossierByCode(dossier.code);
    QVERIFY(stored && stored.value());
    const domain::Component &declaration = stored.value()->components.first();
    QCOMPARE(declaration.documentTypeCode, QStringLiteral("TK-LLTP"));
    QCOMPARE(declaration.summary, QStringLiteral("Xin cấp phiếu để đi du học"));
    QCOMPARE(declaration.data.value(QStringLiteral("so-phieu")), QStringLiteral("2"));
    QCOMPARE(declaration.data.value(QStringLiteral("loai-phieu")), QStringLiteral("Phiếu số 2"));

    // The dossier view lists it under the component, labelled as the form labels it.
    ui::ActionRunner runner(*m_ws, m_window.get());
    ui::DossierView view(*m_ws, runner, stored.value()->id, m_window.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString shown;
    for (const QLabel *label : view.findChildren<QLabel *>())
        shown += label->text();
    QVERIFY2(shown.contains(QStringLiteral("Loại phiếu: Phiếu số 2")),
             qPrintable(shown.left(2000)));
}

void TestGuiIntake::badInputStaysAtTheField()
{
    QApplication::setActiveWindow(m_window.get()); // the dossier view had the focus
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *wizard = m_window->intake();
    wizard->startOver();
    auto *search = child<QLineEdit>("procedureSearch");
    QTest::keyClicks(search, QStringLiteral("chung thuc ban sao tu ban chinh"));
    QTRY_COMPARE(child<QListView>("procedureList")->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));
    const qint64 pendingBefore = m_ws->cache().pendingCount().value();

    QTest::keyClicks(child<QLineEdit>("personalId"), QStringLiteral("12345"));
    QTest::keyClicks(child<QLineEdit>("birthDate"), QStringLiteral("31/02/1990"));
    QTest::keyClicks(child<QLineEdit>("phone"), QStringLiteral("12ab"));
    auto *email = child<QLineEdit>("email");
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("not-an-address"));
    QTest::keyClick(email, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));
    const auto &errors = wizard->applicantPage()->errors();
    QVERIFY(errors.message(QStringLiteral("applicant.personalId")).contains(QStringLiteral("12")));
    QVERIFY(
        errors.message(QStringLiteral("applicant.fullName")).contains(QStringLiteral("họ và tên")));
    QVERIFY2(errors.message(QStringLiteral("applicant.birthDate"))
                 .contains(QStringLiteral("ngày/tháng/năm")),
             qPrintable(errors.message(QStringLiteral("applicant.birthDate")) + QLatin1Char('|')
                        + child<QLineEdit>("birthDate")->text()));
    QVERIFY(
        errors.message(QStringLiteral("applicant.phone")).contains(QStringLiteral("điện thoại")));
    QVERIFY(
        errors.message(QStringLiteral("applicant.email")).contains(QStringLiteral("thư điện tử")));
    QVERIFY(
        errors.message(QStringLiteral("applicant.address")).contains(QStringLiteral("địa chỉ")));
    QVERIFY(child<QLineEdit>("personalId")->hasFocus());
    test::screenshot(m_window.get(), QStringLiteral("intake-2-applicant-errors"));

    // Ctrl+S on the wrong page saves nothing: the messages stay at the fields.
    QTest::keyClick(child<QLineEdit>("personalId"), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore);
    QCOMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));
    wizard->startOver();
}

void TestGuiIntake::offlineLoginAfterOnline()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset(); // closes the cache
    QString error;
    auto ws = m_fixture.loginOffline(QStringLiteral("counter1"), &error);
    QVERIFY2(ws, qPrintable(error));
    QCOMPARE(ws->officer().username, QStringLiteral("counter1"));
    // The dossier received online is still there, pending.
    QVERIFY(ws->cache().pendingCount().value() >= 1);
    services::SyncStatus status(*ws, nullptr);
    status.probe();
    QTRY_COMPARE_WITH_TIMEOUT(status.connection(), services::SyncStatus::Connection::Offline,
                              15000);
}

// A first sync of 40 s: the status bar says how much has arrived, and nothing for a short pull.
void TestGuiIntake::statusBarShowsALongPull()
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("syncReceiving"));
    QVERIFY(label);
    m_status->setReceiving(23000);
    QVERIFY(label->isVisibleTo(m_window.get()));
    QVERIFY2(label->text().contains(QLocale().toString(23000)), qPrintable(label->text()));
    m_status->setReceiving(3);
    QVERIFY(!label->isVisibleTo(m_window.get()));
    m_status->setReceiving(0);
    QVERIFY(!label->isVisibleTo(m_window.get()));
}

void TestGuiIntake::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    QVERIFY(m_fixture.server().stop());
}

QTEST_MAIN(TestGuiIntake)
#include "test_gui_intake.moc"
