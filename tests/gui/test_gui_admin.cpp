// The Administration section (issue 10) against the real server, offscreen: only admins see it;
// Accounts lists and searches officers, creates one through its dialog, deactivates and
// reactivates it, resets a password and exports the list as CSV; Procedure import previews a
// national export, shows every faulty row of a bad one, and applies a good one. Screenshots of
// each screen.
#include "guifixture.h"
#include "testpaths.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <admin/accountdialogs.h>
#include <admin/accountspage.h>
#include <admin/adminpage.h>
#include <admin/agencypage.h>
#include <admin/cataloguepage.h>
#include <admin/chartpage.h>
#include <admin/groupspage.h>
#include <admin/importpage.h>
#include <admin/templatespage.h>
#include <language.h>
#include <mainwindow.h>
#include <reports/xlsxreader.h>
#include <slippreview.h>
#include <style.h>

using namespace motcua;
using motcua::test::Reply;

class TestGuiAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void onlyAdminsSeeTheSection();
    void accounts();
    void groups_R01_2b();
    void documentTypesAndFields_R02_R05_1b();
    void agency_R02_R12_3b();
    void transitionChart_R04_2();
    void procedureImport();
    void formTemplates();
    void cleanupTestCase();

private:
    // Administration, then its tab by Ctrl+Alt+<key> from the Accounts table, as an admin does.
    // A shortcut only fires in the active window; a previous step's dialogs may have taken it.
    bool openAdminTab(Qt::Key key)
    {
        m_window->showSection(ui::MainWindow::Administration);
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            return false;
        m_window->admin()->accounts()->table()->setFocus();
        QTest::keyClick(m_window->admin()->accounts()->table(), key,
                        Qt::ControlModifier | Qt::AltModifier);
        return true;
    }

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestGuiAdmin::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_ws = m_fixture.login(QStringLiteral("admin1"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestGuiAdmin::onlyAdminsSeeTheSection()
{
    QVERIFY(m_window->admin());
    auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    QCOMPARE(sidebar->count(), 8);
    QVERIFY(sidebar->item(7)->text().startsWith(QStringLiteral("Quản trị")));
    // Ctrl+8 opens it (Ctrl+6 is the direction view, Ctrl+7 the reports).
    QTest::keyClick(m_window.get(), Qt::Key_8, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Administration);
}

void TestGuiAdmin::accounts()
{
    m_window->showSection(ui::MainWindow::Administration);
    ui::AccountsPage *page = m_window->admin()->accounts();
    QTRY_VERIFY_WITH_TIMEOUT(!page->officers().isEmpty(), 15000);
    const int all = int(page->officers().size());
    QCOMPARE(page->table()->model()->rowCount(), all);

    // Search on the server, accents aside.
    auto *search = page->findChild<QLineEdit *>(QStringLiteral("accountSearch"));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    test::typeText(search, QStringLiteral("counter1"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(page->officers().size(), 1, 15000);
    QCOMPARE(page->officers().first().id, QStringLiteral("counter1"));
    search->clear();

    // New account through its dialog (Ctrl+Shift+N).
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    ui::NewAccountDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::NewAccountDialog *>()) && dialog->isVisible());
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("username")),
                   QStringLiteral("tiepnhan7"));
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("fullName")),
                   QStringLiteral("Lê Thị Hồng"));
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("title")),
                   QStringLiteral("Chuyên viên"));
    dialog->findChild<QCheckBox *>(QStringLiteral("role-counter"))->setChecked(true);
    // A weak password: the server refuses, the dialog stays with the message.
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("password")),
                   QStringLiteral("ngan"));
    test::screenshot(dialog, QStringLiteral("admin-2-new-account"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("error"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && dialog->isVisible(), 15000);
    QVERIFY(!error->text().isEmpty());
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    password->clear();
    test::typeText(password, QStringLiteral("Hong-Passw0rd-2026"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->officers().size(), all + 1, 15000);
    QVERIFY(std::any_of(page->officers().cbegin(), page->officers().cend(),
                        [](const auto &o) { return o.id == QLatin1String("tiepnhan7"); }));

    // Edit it (Enter on the row): a new title and a workflow step granted by name (R01.2b-c).
    page->selectOfficer(QStringLiteral("tiepnhan7"));
    QApplication::setActiveWindow(m_window.get()); // the new-account dialog held it
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_Return);
    ui::NewAccountDialog *edit = nullptr;
    QTRY_VERIFY(
        (edit = page->findChild<ui::NewAccountDialog *>(QStringLiteral("editAccountDialog")))
        && edit->isVisible());
    QVERIFY(!edit->findChild<QLineEdit *>(QStringLiteral("password"))->isVisible());
    QCOMPARE(edit->findChild<QLineEdit *>(QStringLiteral("fullName"))->text(),
             QStringLiteral("Lê Thị Hồng"));
    QVERIFY(edit->findChild<QCheckBox *>(QStringLiteral("role-counter"))->isChecked());
    auto *title = edit->findChild<QLineEdit *>(QStringLiteral("title"));
    title->clear();
    test::typeText(title, QStringLiteral("Phó Trưởng phòng"));
    test::typeText(edit->findChild<QLineEdit *>(QStringLiteral("stepPermissions")),
                   QStringLiteral("tiep-nhan, wf-lltp/tra-ket-qua"));
    test::screenshot(edit, QStringLiteral("admin-2b-edit-account"));
    edit->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    const auto titleOf = [page](const QString &id) {
        for (const auto &o : page->officers()) {
            if (o.id == id)
                return o.title;
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(titleOf(QStringLiteral("tiepnhan7")),
                              QStringLiteral("Phó Trưởng phòng"), 15000);
    QTRY_VERIFY(!page->busy());
    QVERIFY2(page->lastMessage().contains(QStringLiteral("tiepnhan7")),
             qPrintable(page->lastMessage())); // what was done stays after the refresh
    {
        test::Client admin(m_fixture.serverUrl());
        const QJsonObject stored = admin
                                       .get(QStringLiteral("/api/v1/officers/tiepnhan7"),
                                            admin.login(QStringLiteral("admin1")))
                                       .json;
        QCOMPARE(stored.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Phó Trưởng phòng"));
        QCOMPARE(stored.value(QStringLiteral("stepPermissions")).toArray(),
                 (QJsonArray{QStringLiteral("tiep-nhan"), QStringLiteral("wf-lltp/tra-ket-qua")}));
    }

    // Deactivate (Ctrl+Shift+D), the server refuses the login, reactivate.
    page->selectOfficer(QStringLiteral("tiepnhan7"));
    QApplication::setActiveWindow(m_window.get()); // the edit dialog held it
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    const auto isActive = [page] {
        for (const auto &o : page->officers())
            if (o.id == QLatin1String("tiepnhan7"))
                return o.active;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!isActive() && !page->busy(), 15000);
    test::Client client(m_fixture.serverUrl());
    QVERIFY(
        client.login(QStringLiteral("tiepnhan7"), QStringLiteral("Hong-Passw0rd-2026")).isEmpty());
    test::screenshot(m_window.get(), QStringLiteral("admin-1-accounts"));
    page->selectOfficer(QStringLiteral("tiepnhan7"));
    page->toggleActive();
    QTRY_VERIFY_WITH_TIMEOUT(isActive() && !page->busy(), 15000);
    QVERIFY(
        !client.login(QStringLiteral("tiepnhan7"), QStringLiteral("Hong-Passw0rd-2026")).isEmpty());

    // Reset the password (Ctrl+Shift+R).
    page->selectOfficer(QStringLiteral("tiepnhan7"));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ui::PasswordDialog *reset = nullptr;
    QTRY_VERIFY((reset = page->findChild<ui::PasswordDialog *>()) && reset->isVisible());
    test::typeText(reset->findChild<QLineEdit *>(QStringLiteral("password")),
                   QStringLiteral("Moi-Passw0rd-2027"));
    test::typeText(reset->findChild<QLineEdit *>(QStringLiteral("again")),
                   QStringLiteral("Moi-Passw0rd-2027"));
    reset->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        page->lastMessage().contains(QStringLiteral("tiepnhan7")) && !page->busy(), 15000);
    QVERIFY(
        !client.login(QStringLiteral("tiepnhan7"), QStringLiteral("Moi-Passw0rd-2027")).isEmpty());

    // The list as CSV (UTF-8 with BOM, one line per officer and a header).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("can-bo.csv"));
    QVERIFY(page->exportList(path));
    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray raw = csv.readAll();
    QVERIFY(raw.startsWith("\xEF\xBB\xBF")); // the BOM spreadsheet programs look for
    const QString text = QString::fromUtf8(raw.mid(3));
    QVERIFY2(text.startsWith(QStringLiteral("Mã tài khoản,")), qPrintable(text.left(80)));
    QVERIFY(text.contains(QStringLiteral("tiepnhan7,tiepnhan7,Lê Thị Hồng,Phó Trưởng phòng")));
    QCOMPARE(text.count(QStringLiteral("\r\n")), int(page->officers().size()) + 1);

    // The same list as an Excel workbook (R01.2a): title, the header, one row per officer.
    const QString workbook = dir.filePath(QStringLiteral("danh-sach-can-bo.xlsx"));
    QVERIFY(page->exportList(workbook));
    QFile xlsx(workbook);
    QVERIFY(xlsx.open(QIODevice::ReadOnly));
    const auto rows = reports::readXlsxRows(xlsx.readAll());
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
    const auto header = std::find_if(rows->cbegin(), rows->cend(), [](const QStringList &r) {
        return r.join(QLatin1Char('|')).startsWith(QStringLiteral("Mã tài khoản|Tên đăng nhập"));
    });
    QVERIFY(header != rows->cend());
    QVERIFY(std::any_of(rows->cbegin(), rows->cend(), [](const QStringList &r) {
        return r.join(QLatin1Char('|'))
            .startsWith(QStringLiteral("tiepnhan7|tiepnhan7|Lê Thị Hồng|Phó Trưởng phòng"));
    }));
    QVERIFY(std::any_of(rows->cbegin(), rows->cend(), [](const QStringList &r) {
        return r.join(QLatin1Char(' ')).contains(QStringLiteral("DANH SÁCH CÁN BỘ"));
    }));
}

// Administration › Groups (Ctrl+Alt+6): a new group whose code follows its name, members ticked
// from the filter, a role every member gets — on the server at once and in the Accounts list —
// then deleted after a confirmation.
void TestGuiAdmin::groups_R01_2b()
{
    QVERIFY(openAdminTab(Qt::Key_6));
    ui::GroupsPage *page = m_window->admin()->groups();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QVERIFY(page->groups().isEmpty());

    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    ui::GroupDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::GroupDialog *>()) && dialog->isVisible());
    // Saving without a name says so and keeps the dialog.
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("error"))->isVisible());
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("groupName")),
                   QStringLiteral("Tổ kiểm soát tăng cường"));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("groupId"))->text(),
             QStringLiteral("to-kiem-soat-tang-cuong"));
    dialog->findChild<QCheckBox *>(QStringLiteral("role-controller"))->setChecked(true);
    // Enter in the filter ticks the one officer it leaves.
    auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("memberFilter"));
    test::typeText(filter, QStringLiteral("Lê Thị Hồng"));
    QTest::keyClick(filter, Qt::Key_Return);
    QVERIFY(filter->text().isEmpty());
    QVERIFY(dialog->isVisible()); // Enter in the filter does not close the dialog
    dialog->setMember(QStringLiteral("counter1"), true);
    QCOMPARE(dialog->group().memberIds,
             (QStringList{QStringLiteral("counter1"), QStringLiteral("tiepnhan7")}));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("memberCount"))
                ->text()
                .contains(QLatin1Char('2')));
    test::screenshot(dialog, QStringLiteral("admin-11b-new-group"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->groups().size() == 1 && !page->busy(), 15000);
    QCOMPARE(page->groups().first().memberIds.size(), 2);
    QVERIFY2(page->lastMessage().contains(QStringLiteral("Tổ kiểm soát tăng cường")),
             qPrintable(page->lastMessage()));
    QVERIFY(page->table()->model()->index(0, 3).data().toString().contains(
        QStringLiteral("Lê Thị Hồng")));
    test::screenshot(m_window.get(), QStringLiteral("admin-11-groups"));

    // The role is the members' on the server at once, and the Accounts list shows the group.
    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    const QJsonObject member = client.get(QStringLiteral("/api/v1/officers/tiepnhan7"), token).json;
    QCOMPARE(member.value(QStringLiteral("groupRoles")).toArray(),
             QJsonArray{QStringLiteral("controller")});
    ui::AccountsPage *accounts = m_window->admin()->accounts();
    accounts->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!accounts->busy(), 15000);
    const auto cell = [accounts](const QString &user, int column) {
        const auto *model = accounts->table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == user)
                return model->index(row, column).data().toString();
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("tiepnhan7"), 5),
                              QStringLiteral("Tổ kiểm soát tăng cường"), 15000);
    QVERIFY(cell(QStringLiteral("tiepnhan7"), 4).contains(QStringLiteral("kiểm soát")));

    // Delete (Delete key), confirmed.
    page->selectGroup(QStringLiteral("to-kiem-soat-tang-cuong"));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_Delete);
    QMessageBox *ask = nullptr;
    QTRY_VERIFY((ask = page->findChild<QMessageBox *>(QStringLiteral("confirmDelete")))
                && ask->isVisible());
    ask->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->groups().isEmpty() && !page->busy(), 15000);
    QVERIFY(client.get(QStringLiteral("/api/v1/officers/tiepnhan7"), token)
                .json.value(QStringLiteral("groupRoles"))
                .toArray()
                .isEmpty());
}

// Administration › Document types (Ctrl+Alt+7) and › Fields (Ctrl+Alt+8), R02 and R05.1b: a new
// type with a required common item and its own fields, previewed as the counter's form, saved on
// the server; a type a procedure names is kept on delete, with the server's reason; a national
// list with faulty rows is refused row by row and nothing is applied, a good one is applied and
// keeps the data fields of types already there; the list is exported as CSV and read back.
void TestGuiAdmin::documentTypesAndFields_R02_R05_1b()
{
    QVERIFY(openAdminTab(Qt::Key_7));
    ui::CataloguePage *page = m_window->admin()->documentTypes();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->codes().size() >= 40, 15000);
    QVERIFY(page->codes().contains(QStringLiteral("GCN")));

    // New type: Ctrl+Shift+N.
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    ui::DocumentTypeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<ui::DocumentTypeDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("typeCode")),
                     QStringLiteral("GP-LX"));
    test::typeText(dialog->findChild<QLineEdit *>(QStringLiteral("typeName")),
                   QStringLiteral("Giấy phép lái xe"));
    dialog->findChild<QCheckBox *>(QStringLiteral("required_holderId"))->setChecked(true);
    // A list to choose from with no choice is refused with the field's row.
    dialog->addField({{}, QStringLiteral("Hạng"), domain::DataFieldKind::Choice, true, {}});
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("error"))
                 ->text()
                 .contains(QStringLiteral("Trường 1")),
             qPrintable(dialog->findChild<QLabel *>(QStringLiteral("error"))->text()));
    auto *fields = dialog->findChild<QTableWidget *>(QStringLiteral("ownFields"));
    fields->item(0, 4)->setText(QStringLiteral("A1; A2; B1; B2; C"));
    dialog->addField(
        {{}, QStringLiteral("Ngày trúng tuyển"), domain::DataFieldKind::Date, false, {}});
    const domain::DocumentType typed = dialog->documentType();
    QCOMPARE(typed.fields.size(), 2);
    QCOMPARE(typed.fields.at(0).key, QStringLiteral("hang")); // made from the label
    QCOMPARE(typed.fields.at(1).key, QStringLiteral("ngay-trung-tuyen"));
    QCOMPARE(typed.fields.at(0).choices.size(), 5);
    // The counter's form, previewed from here (Ctrl+P).
    QApplication::setActiveWindow(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTest::keyClick(dialog, Qt::Key_P, Qt::ControlModifier);
    QDialog *preview = nullptr;
    QTRY_VERIFY((preview = dialog->findChild<QDialog *>(QStringLiteral("formPreview")))
                && preview->isVisible());
    QVERIFY(preview->findChild<QComboBox *>(QStringLiteral("data_hang")));
    QVERIFY(preview->findChild<QLineEdit *>(QStringLiteral("data_ngay-trung-tuyen")));
    test::screenshot(preview, QStringLiteral("admin-12b-form-preview"));
    preview->reject();
    test::screenshot(dialog, QStringLiteral("admin-12a-document-type"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->codes().contains(QStringLiteral("GP-LX")) && !page->busy(),
                             15000);
    QVERIFY2(page->lastMessage().contains(QStringLiteral("GP-LX")),
             qPrintable(page->lastMessage()));
    test::screenshot(m_window.get(), QStringLiteral("admin-12-document-types"));
    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    const auto serverType = [&client, &token](const QString &code) {
        for (const auto &v : client.get(QStringLiteral("/api/v1/document-types"), token)
                                 .json.value(QStringLiteral("documentTypes"))
                                 .toArray()) {
            if (v.toObject().value(QStringLiteral("code")).toString() == code)
                return v.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(serverType(QStringLiteral("GP-LX")).value(QStringLiteral("required")).toArray(),
             QJsonArray{QStringLiteral("holderId")});
    QCOMPARE(serverType(QStringLiteral("GP-LX")).value(QStringLiteral("fields")).toArray().size(),
             2);

    // A type a procedure names stays; the server says which.
    page->setFilter(QStringLiteral("GCN"));
    QCOMPARE(page->codes(), QStringList{QStringLiteral("GCN")});
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_Delete);
    QMessageBox *ask = nullptr;
    QTRY_VERIFY((ask = page->findChild<QMessageBox *>(QStringLiteral("confirmDelete")))
                && ask->isVisible());
    ask->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->lastMessage().contains(QStringLiteral("1.012763")), 15000);
    page->setFilter({});

    // A national list: faulty rows are named and nothing is applied; a good one is applied and
    // GCN keeps its data fields.
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("MaGiayTo;TenGiayTo\nGT-A;Giấy A\nGT B;Giấy B\nGT-C;\n").toUtf8());
    }
    page->importFile(bad);
    QVERIFY2(page->lastMessage().contains(QStringLiteral("Dòng 3"))
                 && page->lastMessage().contains(QStringLiteral("Dòng 4")),
             qPrintable(page->lastMessage()));
    QVERIFY(serverType(QStringLiteral("GT-A")).isEmpty());
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    {
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("Mã giấy tờ;Tên giấy tờ\nGT-A;Giấy A\nGCN;Giấy chứng nhận (tên mới)\n")
                .toUtf8());
    }
    page->importFile(good);
    QTRY_VERIFY_WITH_TIMEOUT(page->codes().contains(QStringLiteral("GT-A")) && !page->busy(),
                             15000);
    const QJsonObject gcn = serverType(QStringLiteral("GCN"));
    QCOMPARE(gcn.value(QStringLiteral("name")).toString(),
             QStringLiteral("Giấy chứng nhận (tên mới)"));
    QCOMPARE(gcn.value(QStringLiteral("fields")).toArray().size(), 4);
    const QString exported = dir.filePath(QStringLiteral("types.csv"));
    QVERIFY(page->exportFile(exported));
    QFile written(exported);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const auto back = domain::parseCatalogueListCsv(written.readAll());
    QVERIFY(back.ok());
    QCOMPARE(back.rows.size(), page->codes().size());

    // Fields (Ctrl+Alt+8): a new one.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_8, Qt::ControlModifier | Qt::AltModifier);
    ui::CataloguePage *fieldsPage = m_window->admin()->fields();
    QTRY_COMPARE(m_window->admin()->currentWidget(), fieldsPage);
    fieldsPage->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(
        !fieldsPage->busy() && fieldsPage->codes().contains(QStringLiteral("DD")), 15000);
    fieldsPage->newEntry();
    ui::FieldDialog *fieldDialog = nullptr;
    QTRY_VERIFY((fieldDialog = fieldsPage->findChild<ui::FieldDialog *>())
                && fieldDialog->isVisible());
    QTest::keyClicks(fieldDialog->findChild<QLineEdit *>(QStringLiteral("fieldCode")),
                     QStringLiteral("TNMT"));
    test::typeText(fieldDialog->findChild<QLineEdit *>(QStringLiteral("fieldName")),
                   QStringLiteral("Tài nguyên nước"));
    fieldDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        fieldsPage->codes().contains(QStringLiteral("TNMT")) && !fieldsPage->busy(), 15000);
    test::screenshot(m_window.get(), QStringLiteral("admin-13-fields"));
    QVERIFY(
        client.get(QStringLiteral("/api/v1/fields"), token)
            .json.value(QStringLiteral("fields"))
            .toArray()
            .contains(QJsonObject{{QStringLiteral("code"), QStringLiteral("TNMT")},
                                  {QStringLiteral("name"), QStringLiteral("Tài nguyên nước")}}));
}

// Administration › Agency (Ctrl+Alt+9): the dossier code pattern previewed as it is typed (a bad
// one named at once), a department added, a channel the agency no longer accepts — saved on the
// server; removing the department its officers belong to is refused with the server's reason.
void TestGuiAdmin::agency_R02_R12_3b()
{
    QVERIFY(openAdminTab(Qt::Key_9));
    ui::AgencyPage *page = m_window->admin()->agency();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page->edited().has_value() && !page->busy(), 15000);
    auto *pattern = page->findChild<QLineEdit *>(QStringLiteral("codePattern"));
    auto *example = page->findChild<QLabel *>(QStringLiteral("patternExample"));
    QVERIFY(example->text().contains(QStringLiteral("000.17.22.H56-")));
    pattern->setText(QStringLiteral("{agency}/{yyyy}/{seq:5"));
    QVERIFY2(!example->text().contains(QStringLiteral("000.17.22.H56")),
             qPrintable(example->text()));
    pattern->setText(QStringLiteral("{agency}-{yyyy}{MM}{dd}-{seq:5}"));
    QVERIFY2(example->text().contains(
                 QStringLiteral("000.17.22.H56-%1-00001")
                     .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))),
             qPrintable(example->text()));
    page->addDepartment(QStringLiteral("TKQ"), QStringLiteral("Tổ trả kết quả"));
    page->setChannelAccepted(domain::Channel::Mobile, false);
    test::screenshot(m_window.get(), QStringLiteral("admin-14-agency"));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    pattern->setFocus();
    QTest::keyClick(pattern, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        page->lastMessage().contains(QStringLiteral("Đã lưu")) && !page->busy(), 15000);
    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    const QJsonObject stored
        = client.get(QStringLiteral("/api/v1/agencies/000.17.22.H56"), token).json;
    QCOMPARE(stored.value(QStringLiteral("codePattern")).toString(),
             QStringLiteral("{agency}-{yyyy}{MM}{dd}-{seq:5}"));
    QVERIFY(!stored.value(QStringLiteral("channels")).toArray().contains(QStringLiteral("mobile")));
    QVERIFY(stored.value(QStringLiteral("channels")).toArray().contains(QStringLiteral("counter")));
    bool added = false;
    for (const auto &d : stored.value(QStringLiteral("departments")).toArray())
        added
            = added || d.toObject().value(QStringLiteral("id")).toString() == QLatin1String("TKQ");
    QVERIFY(added);

    // The one-stop department has officers: the server keeps it and says why.
    auto *departments = page->findChild<QTableWidget *>(QStringLiteral("departments"));
    departments->setCurrentCell(0, 0);
    page->removeSelectedDepartment();
    page->save();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QVERIFY2(page->lastMessage().contains(QStringLiteral("phòng ban")),
             qPrintable(page->lastMessage()));
    // Back as it was, for the tests after this one.
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    pattern->clear();
    page->setChannelAccepted(domain::Channel::Mobile, true);
    page->save();
    QTRY_VERIFY_WITH_TIMEOUT(
        page->lastMessage().contains(QStringLiteral("Đã lưu")) && !page->busy(), 15000);
}

// R04.2: the status chart's tab (Ctrl+Alt+0) lists every step of the standard chart; a locked
// step cannot be switched off (and says why), an optional one can, a step's roles are narrowed
// but never emptied; Ctrl+S stores it on the server; back to the standard chart after.
void TestGuiAdmin::transitionChart_R04_2()
{
    using domain::ActionType;
    using domain::Stage;
    QVERIFY(openAdminTab(Qt::Key_0));
    ui::ChartPage *page = m_window->admin()->chart();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && !page->lastMessage().isEmpty(), 15000);
    QVERIFY2(page->lastMessage().contains(QStringLiteral("lưu đồ chuẩn")),
             qPrintable(page->lastMessage()));
    auto *table = page->findChild<QTableWidget *>(QStringLiteral("chartSteps"));
    QCOMPARE(table->rowCount(), int(domain::standardSteps().size()));

    // Withdrawal is the applicant's right: locked, in the table and in the page.
    const int withdraw = page->rowOf(Stage::InAppraisal, ActionType::Withdraw);
    QVERIFY(withdraw >= 0);
    QVERIFY(!(table->item(withdraw, 3)->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!page->setStepEnabled(Stage::InAppraisal, ActionType::Withdraw, false));
    QVERIFY2(page->lastMessage().contains(QStringLiteral("không tắt được")),
             qPrintable(page->lastMessage()));
    page->selectStep(Stage::InAppraisal, ActionType::Withdraw);
    auto *enabled = page->findChild<QCheckBox *>(QStringLiteral("chartStepEnabled"));
    QVERIFY(enabled->isChecked() && !enabled->isEnabled());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("chartStepLocked"))
                ->text()
                .contains(QStringLiteral("rút hồ sơ")));

    // Consultation is the agency's choice: switched off from the step's box.
    page->selectStep(Stage::InAppraisal, ActionType::Consult);
    QVERIFY(enabled->isEnabled());
    QTest::mouseClick(enabled, Qt::LeftButton, {}, QPoint(8, enabled->height() / 2));
    const int consult = page->rowOf(Stage::InAppraisal, ActionType::Consult);
    QCOMPARE(table->item(consult, 3)->checkState(), Qt::Unchecked);
    QCOMPARE(table->item(consult, 3)->text(), QStringLiteral("Tắt"));

    // Approval for unit leaders only: the head of department's box unticked; the last role
    // cannot be unticked.
    page->selectStep(Stage::AwaitingApproval, ActionType::Approve);
    auto *head = page->findChild<QCheckBox *>(QStringLiteral("chartRole-head"));
    auto *leader = page->findChild<QCheckBox *>(QStringLiteral("chartRole-leader"));
    auto *counter = page->findChild<QCheckBox *>(QStringLiteral("chartRole-counter"));
    QVERIFY(head->isChecked() && leader->isChecked() && counter->isHidden());
    head->setChecked(false);
    leader->setChecked(false);
    QVERIFY(leader->isChecked());
    QVERIFY2(page->lastMessage().contains(QStringLiteral("ít nhất một vai trò")),
             qPrintable(page->lastMessage()));
    QCOMPARE(table->item(page->rowOf(Stage::AwaitingApproval, ActionType::Approve), 4)->text(),
             domain::roleName(domain::Role::Leader));
    QCOMPARE(page->edited().steps.size(), 2);
    test::screenshot(m_window.get(), QStringLiteral("admin-15-status-chart"));

    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        page->lastMessage().contains(QStringLiteral("Đã lưu")) && !page->busy(), 15000);
    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    const QJsonArray stored = client.get(QStringLiteral("/api/v1/transition-chart"), token)
                                  .json.value(QStringLiteral("steps"))
                                  .toArray();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("consult"));
    QCOMPARE(stored.at(1).toObject().value(QStringLiteral("roles")).toArray(),
             QJsonArray{QStringLiteral("leader")});

    // Back to the standard chart (Ctrl+Shift+R, then save), for the tests after this one.
    QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(page->edited().isStandard());
    page->save();
    QTRY_VERIFY_WITH_TIMEOUT(
        page->lastMessage().contains(QStringLiteral("Đã lưu")) && !page->busy(), 15000);
    QCOMPARE(client.get(QStringLiteral("/api/v1/transition-chart"), token)
                 .json.value(QStringLiteral("steps"))
                 .toArray()
                 .size(),
             0);
}

void TestGuiAdmin::procedureImport()
{
    QVERIFY(openAdminTab(Qt::Key_2));
    ui::ImportPage *page = m_window->admin()->import();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);

    // A bad file: every row and column at fault, nothing to apply.
    QVERIFY(
        page->loadFile(motcua::testing::testDataPath(QStringLiteral("admin/procedures-bad.json"))));
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 15000);
    QCOMPARE(page->preview().problems.size(), 5);
    QCOMPARE(page->table()->model()->rowCount(), 5);
    QCOMPARE(page->table()->model()->index(0, 1).data().toString(), QStringLiteral("MaTTHC"));
    QVERIFY(!page->canApply());
    QVERIFY(page->summary().contains(QStringLiteral("5")));
    test::screenshot(m_window.get(), QStringLiteral("admin-4-import-errors"));

    // A good one: the preview, then Ctrl+Enter applies it.
    QVERIFY(page->loadFile(
        motcua::testing::testDataPath(QStringLiteral("admin/procedures-good.json"))));
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->preview().problems.isEmpty(), 15000);
    QCOMPARE(page->preview().added, 3);
    QVERIFY(!page->preview().applied);
    QVERIFY(page->canApply());
    test::screenshot(m_window.get(), QStringLiteral("admin-3-import-preview"));
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(page->preview().applied, 15000);
    QVERIFY(!page->canApply());

    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    QCOMPARE(client.get(QStringLiteral("/api/v1/procedures/2.000908"), token).status, 200);
}

void TestGuiAdmin::formTemplates()
{
    // Two versions of the refusal slip at this agency, stored the way an admin's tool would.
    test::Client client(m_fixture.serverUrl());
    const QString token = client.login(QStringLiteral("admin1"));
    Reply stored;
    for (const QString &content : {QStringLiteral("<p>Bản đầu {{dossier.code}}</p>"),
                                   QStringLiteral("<p>Hồ sơ {{dossier.code}}</p>")}) {
        stored = client.put(
            QStringLiteral("/api/v1/slip-templates/refusal"),
            {{QStringLiteral("title"), QStringLiteral("Phiếu từ chối giải quyết hồ sơ")},
             {QStringLiteral("legalBasis"), QStringLiteral("Nghị định 118/2025/NĐ-CP, Mẫu 03")},
             {QStringLiteral("format"), QStringLiteral("html")},
             {QStringLiteral("content"), content}},
            token);
        QVERIFY2(stored.status == 200 || stored.status == 201, qPrintable(stored.describe()));
    }
    const int version = stored.json.value(QStringLiteral("version")).toInt();

    QVERIFY(openAdminTab(Qt::Key_3));
    ui::TemplatesPage *page = m_window->admin()->templates();
    QTRY_COMPARE(m_window->admin()->currentWidget(), page);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->templates().size() >= 6, 15000);
    page->selectKind(QStringLiteral("refusal"));
    QCOMPARE(page->shown().kind, QStringLiteral("refusal"));
    QCOMPARE(page->shown().version, version);
    QCOMPARE(page->shown().legalBasis, QStringLiteral("Nghị định 118/2025/NĐ-CP, Mẫu 03"));
    auto *versions = page->findChild<QComboBox *>(QStringLiteral("templateVersions"));
    QCOMPARE(versions->count(), version);
    test::screenshot(m_window.get(), QStringLiteral("admin-5-templates"));

    // Preview the new version filled with the sample dossier (Ctrl+P).
    page->table()->setFocus();
    QTest::keyClick(page->table(), Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(page->lastMessage().contains(QStringLiteral("phiên bản %1").arg(version)));
    auto *dialog = page->findChild<ui::SlipPreview *>();
    QVERIFY(dialog);
    test::screenshot(dialog, QStringLiteral("admin-6-template-preview"));
    dialog->close();
    const QString newest = page->preview();
    QFile pdf(newest);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");

    // The version before it is still there.
    QVERIFY(version >= 2);
    page->showVersion(version - 1);
    QTRY_VERIFY_WITH_TIMEOUT(!page->busy() && page->shown().version == version - 1, 15000);
    QCOMPARE(page->shown().content, QStringLiteral("<p>Bản đầu {{dossier.code}}</p>"));
}

void TestGuiAdmin::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    QVERIFY(m_fixture.server().stop());
}

QTEST_MAIN(TestGuiAdmin)
#include "test_gui_admin.moc"
