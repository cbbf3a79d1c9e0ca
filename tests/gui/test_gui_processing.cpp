// The whole life of a dossier through the GUI, offscreen, with the real cache and the real
// motcua-server (issue 6): the counter receives it (intake wizard) and passes it on; the head
// assigns it; the appraiser consults another agency and records the answer, asks for a supplement
// (the clock stops) and, once the counter records the supplement (the deadline restarts, R15.8),
// submits it; the head signs and passes it up, the unit leader approves; the counter completes
// it and returns the result — first "not yet returned" while originals are missing. The clock is
// set so that the deadline crosses Tết 2027: the result completed on 16/02/2027 is on time only
// because the Tết days are not working days. Each officer logs in on the same workstation and
// syncs before handing over, so the server judges every action. Then batch approval with a
// result per dossier. Screenshots of every form go to the screenshots folder.
#include "guifixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <queuespage.h>

#include <actionrunner.h>
#include <conflictspanel.h>
#include <directionpage.h>
#include <domain/demo.h>
#include <domain/engine.h>
#include <dossiertablemodel.h>
#include <dossierview.h>
#include <intake/componentspage.h>
#include <intake/intakewizard.h>
#include <language.h>
#include <mainwindow.h>
#include <processing/actiondialog.h>
#include <processing/batchdialog.h>
#include <store/cachekey.h>
#include <style.h>
#include <supplementdialog.h>
#include <sync/api_client.h>
#include <sync/sync_engine.h>

using namespace motcua;
using domain::ActionType;
using domain::Stage;

namespace {

QDateTime vn(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, month, day), QTime(hour, minute), QTimeZone(7 * 3600));
}

QDateTime g_now;

// Calls `fill` on the next modal dialog as soon as it is shown (dialogs run exec()).
void onModal(std::function<void(QWidget *)> fill)
{
    auto *timer = new QTimer;
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, [timer, fill] {
        if (QWidget *w = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            fill(w);
        }
    });
    timer->start();
}

template<typename T>
T *field(QWidget *dialog, const char *name)
{
    auto *w = dialog->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no field %s in %s", name, qPrintable(dialog->objectName()));
    return w;
}

} // namespace

class TestGuiProcessing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void journeyAcrossTet();
    void batchApprovalGivesAResultPerDossier();
    void cleanupTestCase();

private:
    bool loginAs(const QString &username);
    int syncOnce();
    bool syncAndLogout();
    domain::Dossier current();
    // Opens the dossier view, presses the action's shortcut, lets `fill` complete the form.
    bool act(ActionType type, const std::function<void(QWidget *)> &fill, const QString &shot);

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
    QUuid m_id;
    qint64 m_pending = 0;
};

void TestGuiProcessing::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    services::Workstation::setClockForTesting([] { return g_now; });
}

void TestGuiProcessing::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    services::Workstation::setClockForTesting({});
}

bool TestGuiProcessing::loginAs(const QString &username)
{
    QString error;
    m_ws = m_fixture.login(username, &error);
    if (!m_ws) {
        qWarning("login %s: %s", qPrintable(username), qPrintable(error));
        return false;
    }
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->resize(1280, 800);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return false;
    QApplication::setActiveWindow(m_window.get());
    return QTest::qWaitForWindowActive(m_window.get());
}

// The officer's pending actions go to the server (which judges them), the server's state comes
// back. Returns the number of open conflicts (actions the server refused), -1 when the round
// failed.
int TestGuiProcessing::syncOnce()
{
    sync::SyncOptions options;
    options.api.baseUrl = QUrl(m_fixture.serverUrl());
    options.pollIntervalMs = 0;
    options.leaseCodes = false;
    const QString dir = m_fixture.profileDir();
    sync::SyncEngine engine(options, [dir] {
        store::KeychainSecretStore secrets(QStringLiteral("MotCua-GuiTest"));
        return store::openProfile(dir, secrets, {}, {}, store::Cache::OpenMode::OpenExisting);
    });
    QSignalSpy rounds(&engine, &sync::SyncEngine::roundFinished);
    engine.start();
    engine.setSession(m_fixture.api().session());
    engine.syncNow();
    const bool ok = QTest::qWaitFor(
        [&] {
            return std::any_of(rounds.cbegin(), rounds.cend(),
                               [](const QList<QVariant> &a) { return a.at(0).toBool(); })
                && !engine.isBusy();
        },
        60000);
    engine.stop();
    m_ws->notifyDossiersChanged();
    const auto pendingCount = m_ws->cache().pendingCount();
    const auto conflicts = m_ws->cache().conflicts();
    m_pending = pendingCount ? pendingCount.value() : -1;
    if (!ok || !conflicts) {
        qWarning("sync: ok %d", ok);
        return -1;
    }
    return int(conflicts->size());
}

bool TestGuiProcessing::syncAndLogout()
{
    const int conflicts = syncOnce();
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    if (conflicts != 0 || m_pending != 0)
        qWarning("sync: %d conflict(s), %lld pending", conflicts, m_pending);
    return conflicts == 0 && m_pending == 0;
}

template<typename T>
domain::Result<T> await(sync::Call<T> *call)
{
    if (!QTest::qWaitFor([call] { return call->isFinished(); }, 30000)) {
        call->abort();
        delete call;
        return domain::makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    }
    domain::Result<T> r = call->result();
    delete call;
    return r;
}

domain::Dossier TestGuiProcessing::current()
{
    auto d = m_ws->cache().dossier(m_id);
    return d && d.value() ? *d.value() : domain::Dossier{};
}

bool TestGuiProcessing::act(ActionType type, const std::function<void(QWidget *)> &fill,
                            const QString &shot)
{
    ui::DossierView view(*m_ws, *m_window->runner(), m_id, m_window.get());
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    const QString button = QStringLiteral("do_") + domain::actionTypeKey(type);
    if (!view.findChild<QPushButton *>(button)) {
        qWarning("no button %s for %s", qPrintable(button), qPrintable(m_ws->officer().id));
        return false;
    }
    const int before = current().version;
    bool filled = false;
    onModal([&](QWidget *dialog) {
        fill(dialog);
        test::screenshot(dialog, shot);
        filled = true;
        if (auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("actionOk")))
            ok->click();
        else
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    // The action's shortcut, as the officer presses it (the button clicks a moment later).
    QApplication::setActiveWindow(&view);
    auto *pressed = view.findChild<QPushButton *>(button);
    if (pressed->shortcut() != ui::ActionRunner::shortcutFor(type)) {
        qWarning("%s has no shortcut", qPrintable(button));
        return false;
    }
    QTest::keySequence(&view, ui::ActionRunner::shortcutFor(type));
    if (!QTest::qWaitFor([&] { return filled; }, 3000)) {
        qWarning("%s: the shortcut did not reach the button; clicking", qPrintable(button));
        if (auto *again = view.findChild<QPushButton *>(button))
            again->click();
    }
    if (!QTest::qWaitFor([&] { return filled && current().version == before + 1; }, 20000)) {
        qWarning("%s not recorded (filled %d)", qPrintable(button), filled);
        return false;
    }
    test::screenshot(&view, shot + QStringLiteral("-after"));
    return true;
}

void TestGuiProcessing::journeyAcrossTet()
{
    // 1. Intake at the counter, Monday 25/01/2027 09:00.
    g_now = vn(1, 25, 9);
    QVERIFY(loginAs(QStringLiteral("counter1")));
    QVERIFY(m_ws->cache().addCodeBlock(m_ws->officer().agencyCode, g_now.date(), 9001, 9010));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    auto *wizard = m_window->intake();
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("procedureSearch"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("ly lich tu phap"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Applicant));
    auto *fullName = m_window->findChild<QLineEdit *>(QStringLiteral("fullName"));
    fullName->setFocus();
    test::typeText(fullName,
                   QStringLiteral("056090001234|123456789|Trần Văn Minh|12051990|Nam|"
                                  "12 Trần Phú, Nha Trang|01012021"));
    QTest::keyClick(fullName, Qt::Key_Return);
    QTRY_COMPARE(fullName->text(), QStringLiteral("Trần Văn Minh"));
    QTest::keyClicks(m_window->findChild<QLineEdit *>(QStringLiteral("email")),
                     QStringLiteral("minh.tran@example.vn"));
    QTest::keyClick(fullName, Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(wizard->currentId(), int(ui::IntakeWizard::Components));
    auto *components = m_window->findChild<QWidget *>(QStringLiteral("componentsTable"));
    QTRY_COMPARE(QApplication::focusWidget(), components);
    wizard->componentsPage()->tickAll();
    QTest::keyClick(components, Qt::Key_Right, Qt::AltModifier);
    QTRY_VERIFY2(
        wizard->currentId() == int(ui::IntakeWizard::Review),
        qPrintable(m_window->findChild<QLabel *>(QStringLiteral("error_components"))->text()));
    // The wizard puts the focus on "Save" once the review page is up.
    QTRY_COMPARE(QApplication::focusWidget(), wizard->button(QWizard::FinishButton));
    QSignalSpy saved(wizard, &ui::IntakeWizard::saved);
    QSignalSpy said(wizard, &ui::IntakeWizard::status);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY2(
        saved.count() == 1,
        qPrintable(said.isEmpty() ? QStringLiteral("(no status)") : said.last().at(0).toString()));
    m_id = saved.first().at(0).value<domain::Dossier>().id;
    const auto proc = m_ws->directory().procedure(current().procedureCode);
    QVERIFY(proc);
    QCOMPARE(current().dueAt, m_ws->calendar().dueAt(vn(1, 25, 9), proc->deadline, proc->cutoff));

    // Pass on to the competent agency (Sở Tư pháp).
    g_now = vn(1, 25, 10);
    QVERIFY(act(
        ActionType::Transfer, [](QWidget *) {}, QStringLiteral("processing-01-pass-on")));
    QCOMPARE(current().stage, Stage::AwaitingAssignment);
    QVERIFY(syncAndLogout());

    // 2. The head assigns an appraiser of the department (Ctrl+Shift+G).
    g_now = vn(1, 25, 14);
    QVERIFY(loginAs(QStringLiteral("head1")));
    QCOMPARE(current().stage, Stage::AwaitingAssignment);
    QVERIFY(act(
        ActionType::Assign,
        [](QWidget *d) {
            auto *ok = d->findChild<QPushButton *>(QStringLiteral("actionOk"));
            ok->click(); // nobody picked: the message is at the field, the form stays
            QVERIFY(d->isVisible());
            QVERIFY(!static_cast<ui::processing::ActionDialog *>(d)
                         ->fieldError(QStringLiteral("payload.handlerId"))
                         .isEmpty());
            auto *who = field<QComboBox>(d, "payload_handlerId");
            who->setCurrentIndex(who->findData(QStringLiteral("appraiser1")));
        },
        QStringLiteral("processing-02-assign")));
    QCOMPARE(current().handlerId, QStringLiteral("appraiser1"));
    QCOMPARE(current().stage, Stage::InAppraisal);
    QVERIFY(syncAndLogout());

    // 3. The appraiser consults the police and records their answer.
    g_now = vn(1, 26, 9);
    QVERIFY(loginAs(QStringLiteral("appraiser1")));
    QVERIFY(act(
        ActionType::Consult,
        [](QWidget *d) {
            field<QLineEdit>(d, "payload_agency")
                ->setText(QStringLiteral("Công an tỉnh Khánh Hòa"));
            field<QPlainTextEdit>(d, "payload_content")
                ->setPlainText(QStringLiteral("Xác minh tiền án của ông Trần Văn Minh"));
        },
        QStringLiteral("processing-03-consult")));
    QCOMPARE(current().stage, Stage::Consulting);
    g_now = vn(1, 27, 9);
    QVERIFY(act(
        ActionType::RecordOpinion,
        [](QWidget *d) {
            field<QPlainTextEdit>(d, "payload_answer")
                ->setPlainText(QStringLiteral("Không có tiền án."));
        },
        QStringLiteral("processing-04-opinion")));
    QCOMPARE(current().stage, Stage::InAppraisal);
    QCOMPARE(current().consultations.first().answer, QStringLiteral("Không có tiền án."));

    // Supplement requested by the handler (the counter's form): the clock stops.
    g_now = vn(1, 27, 10);
    QVERIFY(act(
        ActionType::RequestSupplement,
        [](QWidget *d) {
            d->findChild<QPlainTextEdit *>(QStringLiteral("actionReason"))
                ->setPlainText(QStringLiteral("Thiếu bản sao giấy khai sinh"));
            d->findChild<QPlainTextEdit *>(QStringLiteral("actionContent"))
                ->setPlainText(QStringLiteral("Nộp bản sao giấy khai sinh có chứng thực"));
        },
        QStringLiteral("processing-05-supplement")));
    QCOMPARE(current().stage, Stage::SupplementRequested);
    QVERIFY(current().remainingMinutes > 0);
    const QDateTime dueBeforeSupplement = current().dueAt;
    QVERIFY(syncAndLogout());

    // 4. The counter records the supplement, Friday 29/01 09:00: the deadline restarts (R15.8).
    g_now = vn(1, 29, 9);
    QVERIFY(loginAs(QStringLiteral("counter1")));
    // What arrived (issue 8, R12.2d): the certified copy, attached to its component; a file that
    // cannot be read is named and not attached; nothing is stored before the officer confirms.
    QTemporaryDir paper;
    const QString copyPath = paper.filePath(QStringLiteral("ban-sao-khai-sinh.pdf"));
    {
        QFile f(copyPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.4\n% ban sao giay khai sinh co chung thuc\n%%EOF\n");
    }
    const auto fileCount = [](const domain::Dossier &d) {
        qsizetype n = 0;
        for (const auto &c : d.components)
            n += c.files.size();
        return n;
    };
    const qsizetype filesBefore = fileCount(current());
    QString supplementCode;
    QString unreadMessage;
    QVERIFY(act(
        ActionType::RecordSupplement,
        [&](QWidget *w) {
            auto *dialog = qobject_cast<ui::SupplementDialog *>(w);
            QVERIFY(dialog);
            QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("supplementRequest"))
                        ->text()
                        .contains(QStringLiteral("Nộp bản sao giấy khai sinh có chứng thực")));
            supplementCode = dialog->currentCode();
            dialog->attachFiles(supplementCode,
                                {copyPath, paper.filePath(QStringLiteral("khong-co.pdf"))});
            QVERIFY(dialog->isBusy());
            QTRY_VERIFY(!dialog->isBusy());
            QVERIFY(dialog->arrived().contains(supplementCode));
            QCOMPARE(dialog->arrived().value(supplementCode).files.size(), 1);
            unreadMessage
                = dialog->findChild<QLabel *>(QStringLiteral("supplementMessage"))->text();
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("actionReason"))
                ->setPlainText(QStringLiteral("Công dân nộp bản sao có chứng thực"));
        },
        QStringLiteral("processing-06-record-supplement")));
    QVERIFY2(unreadMessage.contains(QStringLiteral("khong-co.pdf")), qPrintable(unreadMessage));
    QCOMPARE(current().stage, Stage::InAppraisal);
    {
        const domain::Dossier supplemented = current();
        const auto c = std::find_if(
            supplemented.components.cbegin(), supplemented.components.cend(),
            [&](const domain::Component &x) { return x.documentTypeCode == supplementCode; });
        QVERIFY(c != supplemented.components.cend());
        QVERIFY(std::any_of(c->files.cbegin(), c->files.cend(), [](const domain::FileRef &f) {
            return f.fileName == QLatin1String("ban-sao-khai-sinh.pdf");
        }));
        QCOMPARE(fileCount(supplemented), filesBefore + 1); // added, none of the earlier lost
    }
    const QDateTime due = current().dueAt;
    QCOMPARE(due, m_ws->calendar().dueAt(vn(1, 29, 9), proc->deadline, proc->cutoff));
    QVERIFY(due > dueBeforeSupplement);
    // Ten weekdays after 29/01 end on Friday 12/02; Tết 2027 (05/02–10/02 and the days made up)
    // pushes the due date past 16/02.
    QVERIFY2(due > vn(2, 16, 17), qPrintable(due.toString(Qt::ISODate)));
    QVERIFY(syncAndLogout());

    // 5. The appraiser submits the draft result (Ctrl+Shift+I).
    g_now = vn(2, 1, 9);
    QVERIFY(loginAs(QStringLiteral("appraiser1")));
    QVERIFY(act(
        ActionType::SubmitForApproval,
        [](QWidget *d) {
            field<QPlainTextEdit>(d, "payload_note")
                ->setPlainText(QStringLiteral("Dự thảo Phiếu lý lịch tư pháp số 1"));
        },
        QStringLiteral("processing-07-submit")));
    QCOMPARE(current().stage, Stage::AwaitingApproval);
    QVERIFY(syncAndLogout());

    // 6. Two sign-offs: the head signs and passes up; the unit leader approves.
    g_now = vn(2, 2, 9);
    QVERIFY(loginAs(QStringLiteral("head1")));
    QVERIFY(act(
        ActionType::Approve,
        [](QWidget *d) { field<QCheckBox>(d, "payload_final")->setChecked(false); },
        QStringLiteral("processing-08-sign-off")));
    QCOMPARE(current().stage, Stage::AwaitingApproval);
    QCOMPARE(current().signOffs.size(), 1);
    QVERIFY(syncAndLogout());

    // Meanwhile, on another workstation, the appraiser extends the time by one working day
    // (R15.5): the leader's workstation has not seen it yet.
    g_now = vn(2, 3, 9);
    QVERIFY(loginAs(QStringLiteral("leader1")));
    const domain::Dossier seen = current();
    {
        sync::ApiClient::Options o;
        o.baseUrl = QUrl(m_fixture.serverUrl());
        sync::ApiClient other(o);
        QVERIFY(await(other.login(QStringLiteral("appraiser1"), test::kDemoPassword)));
        domain::Action extend;
        extend.id = QUuid::createUuid();
        extend.dossierId = m_id;
        extend.type = ActionType::Extend;
        extend.actorId = QStringLiteral("appraiser1");
        extend.deviceId = QStringLiteral("appraiser-laptop");
        extend.deviceSeq = 1;
        extend.deviceTime = vn(2, 3, 8, 30);
        extend.baseVersion = seen.version;
        extend.payload = {{QStringLiteral("minutes"), 450},
                          {QStringLiteral("reason"), QStringLiteral("Chờ xác minh bổ sung")}};
        auto pushed = await(other.push({extend}));
        QVERIFY(pushed && pushed->size() == 1);
        QCOMPARE(int(pushed->first().status), int(sync::PushOutcome::Status::Accepted));
    }
    // The leader approves on the state he has: the server refuses it (stale version) and the
    // conflicts panel shows the server's reason; Redo makes it again on the current state.
    QVERIFY(act(
        ActionType::Approve, [](QWidget *) {}, QStringLiteral("processing-09-approve")));
    QCOMPARE(syncOnce(), 1);
    m_window->showSection(ui::MainWindow::Conflicts);
    auto *conflictRows = m_window->findChild<QTableView *>(QStringLiteral("conflictsTable"));
    QTRY_COMPARE(conflictRows->model()->rowCount(), 1);
    const QString reason = conflictRows->model()->index(0, 3).data().toString();
    QVERIFY2(reason.contains(QStringLiteral("đã được cập nhật bởi thao tác khác")),
             qPrintable(reason));
    test::screenshot(m_window.get(), QStringLiteral("processing-09b-conflict"));
    QCOMPARE(current().stage, Stage::AwaitingApproval); // rolled back to the server's state
    QCOMPARE(current().extensions.size(), 1);
    QVERIFY(m_window->conflicts()->redo(0));
    QVERIFY(syncAndLogout());
    QVERIFY(loginAs(QStringLiteral("leader1")));
    QCOMPARE(current().stage, Stage::Approved);
    QCOMPARE(current().signOffs.size(), 2);
    QVERIFY(syncAndLogout());

    // 7. The counter completes it on Tuesday 16/02 09:00 (after Tết) and returns it: first
    // without the originals ("not yet returned"), then with them.
    g_now = vn(2, 16, 9);
    QVERIFY(loginAs(QStringLiteral("counter1")));
    QVERIFY(act(
        ActionType::Complete, [](QWidget *) {}, QStringLiteral("processing-10-complete")));
    QCOMPARE(current().stage, Stage::ResultReady);
    QCOMPARE(current().completedAt, vn(2, 16, 9));
    g_now = vn(2, 16, 10);
    QVERIFY(act(
        ActionType::ReturnResult,
        [](QWidget *d) {
            field<QCheckBox>(d, "payload_originalsChecked")->setChecked(false);
            field<QPlainTextEdit>(d, "payload_note")
                ->setPlainText(QStringLiteral("Chưa mang bản chính CCCD"));
        },
        QStringLiteral("processing-11-not-yet-returned")));
    QCOMPARE(current().stage, Stage::ResultReady);
    QVERIFY(current().returnRecord && !current().returnRecord->originalsChecked);
    {
        auto *queues = m_window->queues();
        queues->showQueue(services::QueueId::CounterNotYetReturned);
        QTRY_COMPARE(queues->model()->rowCount(), 1);
        test::screenshot(m_window.get(), QStringLiteral("processing-12-not-yet-returned-queue"));
    }
    g_now = vn(2, 17, 8);
    QVERIFY(act(
        ActionType::ReturnResult,
        [](QWidget *d) {
            auto *ok = d->findChild<QPushButton *>(QStringLiteral("actionOk"));
            ok->click(); // the procedure has a fee: the receipt number is asked for
            QVERIFY(!static_cast<ui::processing::ActionDialog *>(d)
                         ->fieldError(QStringLiteral("payload.feeReceipt"))
                         .isEmpty());
            auto *relation = field<QComboBox>(d, "payload_recipientRelation");
            relation->setCurrentIndex(relation->findData(QStringLiteral("proxy")));
            field<QLineEdit>(d, "payload_recipientName")->setText(QStringLiteral("Trần Văn Hùng"));
            field<QLineEdit>(d, "payload_feeReceipt")->setText(QStringLiteral("BL-0001234"));
        },
        QStringLiteral("processing-13-return")));
    const domain::Dossier done = current();
    QCOMPARE(done.stage, Stage::ResultReturned);
    QCOMPARE(done.returnRecord->recipientRelation, QStringLiteral("proxy"));
    QCOMPARE(done.returnRecord->feeReceipt, QStringLiteral("BL-0001234"));
    // On time: completed 16/02 09:00, due after Tết. Counting Tết as working days would have made
    // it late (due Friday 12/02).
    QVERIFY(!done.isOverdue(g_now));
    QVERIFY(done.completedAt > vn(2, 12, 17));
    QCOMPARE(m_ws->calendar().workingDaysLate(done.dueAt, done.completedAt), 0);
    QVERIFY(syncAndLogout());

    // The server holds the same, judged by its own engine: everyone's actions were accepted.
    QVERIFY(loginAs(QStringLiteral("counter1")));
    QCOMPARE(current().stage, Stage::ResultReturned);
    QCOMPARE(current().version, done.version);
    QVERIFY(m_ws->cache().unconfirmedActions(m_id).value().isEmpty());
}

void TestGuiProcessing::batchApprovalGivesAResultPerDossier()
{
    // As the unit leader, on dossiers made on this workstation: two awaiting approval, one still
    // in appraisal (its approval is refused with the engine's reason; the others go through).
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    g_now = vn(3, 1, 9);
    QVERIFY(loginAs(QStringLiteral("leader1")));
    const auto &dir = m_ws->directory();
    QList<QUuid> ids;
    for (int n = 0; n < 3; ++n) {
        const QUuid id = QUuid::createUuid();
        ids << id;
        int version = 0;
        const auto record = [&](ActionType type, const QString &actor, QJsonObject payload) {
            domain::Action a;
            a.id = QUuid::createUuid();
            a.dossierId = id;
            a.type = type;
            a.actorId = actor;
            a.deviceTime = g_now;
            a.baseVersion = version;
            a.payload = payload;
            auto r = m_ws->cache().recordAction(a, dir);
            if (!r)
                qWarning("%s", qPrintable(r.error().message));
            version = r ? r->version : version;
            return bool(r);
        };
        QJsonArray components;
        const auto procedure = dir.procedure(QStringLiteral("2.001417"));
        QVERIFY(procedure);
        for (const auto &rc : procedure->components)
            components.append(QJsonObject{{QStringLiteral("id"), rc.documentTypeCode},
                                          {QStringLiteral("documentTypeCode"), rc.documentTypeCode},
                                          {QStringLiteral("name"), rc.name}});
        QVERIFY(record(
            ActionType::Receive, QStringLiteral("counter1"),
            {{QStringLiteral("code"), QStringLiteral("000.17.22.H56-270301-%1").arg(9100 + n)},
             {QStringLiteral("procedureCode"), QStringLiteral("2.001417")},
             {QStringLiteral("channel"), QStringLiteral("counter")},
             {QStringLiteral("applicant"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("person")},
                          {QStringLiteral("personalId"), QStringLiteral("056090001234")},
                          {QStringLiteral("fullName"), QStringLiteral("Người nộp %1").arg(n + 1)}}},
             {QStringLiteral("components"), components}}));
        QVERIFY(record(ActionType::Transfer, QStringLiteral("counter1"),
                       {{QStringLiteral("agencyCode"), domain::demo::kJusticeCode}}));
        QVERIFY(record(ActionType::Assign, QStringLiteral("head1"),
                       {{QStringLiteral("handlerId"), QStringLiteral("appraiser2")}}));
        if (n < 2)
            QVERIFY(record(ActionType::SubmitForApproval, QStringLiteral("appraiser2"), {}));
    }
    m_ws->notifyDossiersChanged();
    // The leader's approval queue lists the two awaiting approval.
    m_window->queues()->showQueue(services::QueueId::LeaderAwaitingApproval);
    QTRY_COMPARE(m_window->queues()->model()->rowCount(), 2);
    QList<domain::Dossier> dossiers;
    for (const QUuid &id : ids)
        dossiers << *m_ws->cache().dossier(id).value();
    onModal([](QWidget *d) {
        test::screenshot(d, QStringLiteral("processing-14-batch-form"));
        d->findChild<QPushButton *>(QStringLiteral("actionOk"))->click();
    });
    auto *batch = m_window->runner()->runBatch(dossiers, ActionType::Approve);
    QVERIFY(batch);
    QTRY_VERIFY(batch->isFinished());
    const QStringList outcomes = batch->outcomes();
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(batch->succeeded(), 2);
    QVERIFY2(outcomes.at(2).contains(QStringLiteral("Không thể")), qPrintable(outcomes.at(2)));
    test::screenshot(batch, QStringLiteral("processing-15-batch-result"));
    for (int n = 0; n < 3; ++n)
        QCOMPARE(m_ws->cache().dossier(ids.at(n)).value()->stage,
                 n < 2 ? Stage::Approved : Stage::InAppraisal);

    // The direction view (R27.4) sees the third dossier in appraisal with its handler.
    m_window->showSection(ui::MainWindow::Direction);
    const auto &report = m_window->direction()->report();
    QVERIFY(std::any_of(report.dossiers.cbegin(), report.dossiers.cend(), [&](const auto &r) {
        return r.id == ids.at(2) && r.handlerName == QStringLiteral("Võ Thị Hạnh")
            && r.stepsPassed == 3;
    }));
    test::screenshot(m_window.get(), QStringLiteral("processing-16-direction"));
}

QTEST_MAIN(TestGuiProcessing)
#include "test_gui_processing.moc"
