// The counter officer's workspace (R20.1) against the data: dossiers are made through the real
// cache (portal submissions, counter intakes, a supplement request, a refusal), then every count
// on the workspace is checked against a count made independently from the dossiers themselves;
// a tile opens its queue; the dossier view and the search (R21) are exercised and photographed.
#include "guifixture.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <queuespage.h>

#include <actionrunner.h>
#include <admin/calendarpage.h>
#include <admin/unitspage.h>
#include <conflictspanel.h>
#include <domain/json.h>
#include <dossiertablemodel.h>
#include <dossierview.h>
#include <language.h>
#include <mainwindow.h>
#include <searchpage.h>
#include <services/catalogueloader.h>
#include <services/dossieractions.h>
#include <services/intakedraft.h>
#include <services/intakeservice.h>
#include <services/pdfreceiptprinter.h>
#include <services/sliptemplatecache.h>
#include <slippreview.h>
#include <style.h>
#include <workspacepage.h>

using namespace motcua;
using services::QueueId;

class TestGuiWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void queuesAreReadWhenFirstShown();
    void noAdministrationForCounters();
    void countsMatchTheData();
    void tileOpensItsQueue();
    void queueFilter();
    void dossierView();
    void searchAndExport();
    void agencyReceiptTemplatePrints_R05_2a();
    void conflictsPanelRedoAndDiscard();
    void printsAreRecordedOnTheDossier_R19();
    void cleanupTestCase();

private:
    domain::Dossier submitOnline(const QString &name);
    domain::Dossier receive(const QString &name);

    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
    domain::Procedure m_procedure;
};

domain::Dossier TestGuiWorkspace::submitOnline(const QString &name)
{
    domain::Applicant a;
    a.personalId = QStringLiteral("001099000%1").arg(qHash(name) % 1000, 3, 10, QLatin1Char('0'));
    a.fullName = name;
    a.address = QStringLiteral("Nha Trang");
    QJsonArray components;
    for (const auto &rc : m_procedure.components) {
        domain::Component c;
        c.id = rc.documentTypeCode;
        c.documentTypeCode = rc.documentTypeCode;
        c.name = rc.name;
        components.append(domain::toJson(c));
    }
    domain::Action act;
    act.id = QUuid::createUuid();
    act.dossierId = QUuid::createUuid();
    act.type = domain::ActionType::SubmitOnline;
    act.actorId = m_ws->officer().id;
    act.payload = {{QStringLiteral("procedureCode"), m_procedure.code},
                   {QStringLiteral("applicant"), domain::toJson(a)},
                   {QStringLiteral("components"), components}};
    auto d = m_ws->cache().recordAction(act, m_ws->directory());
    if (!d)
        qFatal("submitOnline: %s", qPrintable(d.error().message));
    return d.value();
}

domain::Dossier TestGuiWorkspace::receive(const QString &name)
{
    services::DossierActions actions(*m_ws);
    auto d = actions.acceptPortalDossier(submitOnline(name));
    if (!d)
        qFatal("receive: %s", qPrintable(d.error().message));
    return d.value();
}

void TestGuiWorkspace::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi"))); // the default language
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_ws = m_fixture.login(QStringLiteral("counter1"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    for (const auto &p : m_ws->procedures()) {
        if (p.code == QLatin1String("2.000815"))
            m_procedure = p;
    }
    QVERIFY(!m_procedure.code.isEmpty());

    services::DossierActions actions(*m_ws);
    submitOnline(QStringLiteral("Trần Thị Bình"));
    submitOnline(QStringLiteral("Lê Văn Cường"));
    QVERIFY(actions.refuse(submitOnline(QStringLiteral("Phạm Thị Dung")),
                           QStringLiteral("Không thuộc thẩm quyền")));
    receive(QStringLiteral("Nguyễn Văn An"));
    receive(QStringLiteral("Hoàng Thị Én"));
    QVERIFY(actions.requestSupplement(receive(QStringLiteral("Võ Văn Giang")),
                                      QStringLiteral("Thiếu bản sao"),
                                      QStringLiteral("Nộp thêm bản sao có chứng thực CCCD")));

    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

// A counter officer has no Administration section, so neither its calendar nor its units tab.
void TestGuiWorkspace::noAdministrationForCounters()
{
    QVERIFY(!m_window->admin());
    QVERIFY(!m_window->findChild<ui::CalendarPage *>());
    QVERIFY(!m_window->findChild<ui::UnitsPage *>());
}

void TestGuiWorkspace::countsMatchTheData()
{
    // Independent count: every dossier of the cache, judged one by one.
    QHash<int, qint64> expected;
    const QDateTime now = services::Workstation::now();
    const QDateTime soon = m_ws->calendar().addWorkingDays(now, services::kNearlyDueWorkingDays);
    store::SearchQuery all;
    all.limit = 500;
    auto page = m_ws->cache().search(all);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 6);
    for (const auto &s : page->items) {
        const auto d = *m_ws->cache().dossier(s.id).value();
        using domain::Stage;
        ++expected[int(QueueId::CounterAll)];
        if (d.stage == Stage::AwaitingIntake)
            ++expected[int(QueueId::CounterAwaitingIntake)];
        if (d.stage == Stage::SupplementRequested)
            ++expected[int(QueueId::CounterAwaitingSupplement)];
        if (d.stage == Stage::ResultReady)
            ++expected[int(QueueId::CounterAwaitingReturn)];
        if (d.stage == Stage::Refused)
            ++expected[int(QueueId::CounterRefused)];
        if (d.status() == domain::Status::InProgress)
            ++expected[int(QueueId::CounterInProgress)];
        if ((d.stage == Stage::Received || d.stage == Stage::AwaitingIntake)
            && !d.supplements.isEmpty() && d.supplements.last().receivedAt.isValid())
            ++expected[int(QueueId::CounterSupplemented)];
        if (domain::isClockRunning(d.stage) && d.dueAt.isValid() && d.dueAt >= now
            && d.dueAt < soon)
            ++expected[int(QueueId::CounterNearlyDue)];
    }
    QCOMPARE(expected.value(int(QueueId::CounterAwaitingIntake)), 2);
    QCOMPARE(expected.value(int(QueueId::CounterRefused)), 1);
    QCOMPARE(expected.value(int(QueueId::CounterAwaitingSupplement)), 1);

    auto *workspace = m_window->workspace();
    workspace->refresh();
    for (QueueId id :
         {QueueId::CounterAwaitingIntake, QueueId::CounterAwaitingSupplement,
          QueueId::CounterAwaitingReturn, QueueId::CounterSupplemented, QueueId::CounterInProgress,
          QueueId::CounterRefused, QueueId::CounterNearlyDue, QueueId::CounterAll}) {
        QCOMPARE(workspace->count(id), expected.value(int(id)));
    }
    // Record the supplement: it moves from "awaiting supplement" to "supplemented" (R13).
    store::SearchQuery waiting;
    waiting.stages = {domain::Stage::SupplementRequested};
    auto s = m_ws->cache().search(waiting);
    QVERIFY(s && s->items.size() == 1);
    services::DossierActions actions(*m_ws);
    const domain::Dossier waitingDossier = *m_ws->cache().dossier(s->items.first().id).value();
    const qint64 pendingBefore = m_ws->cache().pendingCount().value();
    // R12.2d, issue 8: a component the procedure does not have is refused; nothing is stored.
    services::ComponentEntry stray;
    stray.files = {{QStringLiteral("x.pdf"), QStringLiteral("application/pdf"), "%PDF-1.4"}};
    const auto refused = actions.recordSupplement(waitingDossier, QStringLiteral("Đã nộp bản sao"),
                                                  {{QStringLiteral("KHONG-CO"), stray}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("supplement.unknown_component"));
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore);
    QCOMPARE(m_ws->cache().dossier(waitingDossier.id).value()->stage,
             domain::Stage::SupplementRequested);
    // The scanned copy that arrived goes into the dossier's component, its text searchable (R21).
    const QString componentCode = m_procedure.components.first().documentTypeCode;
    services::ComponentEntry scanned;
    scanned.files
        = {{QStringLiteral("bo-sung.pdf"), QStringLiteral("application/pdf"),
            QByteArray("%PDF-1.4 bản sao"), QStringLiteral("BẢN SAO CHỨNG THỰC Xuyênsơn"),
            QStringLiteral("NGUYỄN THỊ MAI"), QStringLiteral("5A01")}}; // signed at the counter
    auto supplemented = actions.recordSupplement(waitingDossier, QStringLiteral("Đã nộp bản sao"),
                                                 {{componentCode, scanned}});
    QVERIFY2(supplemented, qPrintable(supplemented ? QString() : supplemented.error().message));
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore + 1);
    const auto component = std::find_if(
        supplemented->components.cbegin(), supplemented->components.cend(),
        [&](const domain::Component &c) { return c.documentTypeCode == componentCode; });
    QVERIFY(component != supplemented->components.cend());
    QVERIFY(component->digitised);
    QCOMPARE(component->files.size(), 2); // the scan and its recognised text
    QCOMPARE(component->files.at(0).fileName, QStringLiteral("bo-sung.pdf"));
    QCOMPARE(m_ws->cache().blob(component->files.at(0).sha256).value(),
             QByteArray("%PDF-1.4 bản sao"));
    QCOMPARE(component->files.at(1).mediaType, QStringLiteral("text/plain"));
    // R05.1c: the signature made at the counter is on record, for this officer.
    QCOMPARE(component->signatures.size(), 1);
    QCOMPARE(component->signatures.first().fileSha256, component->files.at(0).sha256);
    QCOMPARE(component->signatures.first().signerName, QStringLiteral("NGUYỄN THỊ MAI"));
    QCOMPARE(component->signatures.first().officerId, m_ws->officer().id);
    store::SearchQuery byText;
    byText.text = QStringLiteral("xuyenson");
    auto found = m_ws->cache().search(byText);
    QVERIFY(found);
    QCOMPARE(found->items.size(), 1);
    QCOMPARE(found->items.first().id, waitingDossier.id);
    QCOMPARE(workspace->count(QueueId::CounterAwaitingSupplement), 0);
    QCOMPARE(workspace->count(QueueId::CounterSupplemented), 1);
    QVERIFY(!workspace->reminders().isEmpty());
    test::screenshot(m_window.get(), QStringLiteral("workspace"));
}

// Issue 5, cold start: the Queues section reads its first list when it is first shown, not while
// the main window is built (on a million-dossier cache that page was 9-17 s of a cold start).
void TestGuiWorkspace::queuesAreReadWhenFirstShown()
{
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Workspace);
    auto *model = m_window->queues()->model();
    QVERIFY(!model->queue().has_value());
    m_ws->notifyDossiersChanged(); // a sync while the section is hidden reads nothing either
    QVERIFY(!model->queue().has_value());
    m_window->showSection(ui::MainWindow::Queues);
    QTRY_VERIFY(model->queue().has_value());
    QCOMPARE(model->queue()->id, services::QueueId::CounterAwaitingIntake);
    QCOMPARE(model->rowCount(), 2);
    m_window->showSection(ui::MainWindow::Workspace);
}

void TestGuiWorkspace::tileOpensItsQueue()
{
    m_window->showSection(ui::MainWindow::Workspace);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::AltModifier); // the first tile: awaiting intake
    QTRY_COMPARE(m_window->currentSection(), ui::MainWindow::Queues);
    auto *model = m_window->queues()->model();
    QTRY_COMPARE(model->rowCount(), 2);
    test::screenshot(m_window.get(), QStringLiteral("queue-awaiting-intake"));
}

// Ctrl+F in a queue: typed without diacritics, the queue narrows to the matching dossier; Enter
// goes to the list; clearing the filter brings the whole queue back.
void TestGuiWorkspace::queueFilter()
{
    m_window->showSection(ui::MainWindow::Workspace);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_8, Qt::AltModifier); // all dossiers
    QTRY_COMPARE(m_window->currentSection(), ui::MainWindow::Queues);
    auto *model = m_window->queues()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    auto *filter = m_window->queues()->findChild<QLineEdit *>(QStringLiteral("queueFilter"));
    QVERIFY(filter);
    QTest::keyClick(m_window->queues(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    test::typeText(filter, QStringLiteral("van cuong"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->summary(0).applicantName, QStringLiteral("Lê Văn Cường"));
    test::screenshot(m_window.get(), QStringLiteral("queue-filtered"));
    filter->clear();
    QTRY_COMPARE(model->rowCount(), 6);
}

void TestGuiWorkspace::dossierView()
{
    store::SearchQuery q;
    q.stages = {domain::Stage::Received};
    auto page = m_ws->cache().search(q);
    QVERIFY(page && !page->items.isEmpty());
    ui::ActionRunner runner(*m_ws, m_window.get());
    ui::DossierView view(*m_ws, runner, page->items.first().id, m_window.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *trail = view.findChild<QTreeWidget *>(QStringLiteral("trail"));
    QVERIFY(trail->topLevelItemCount() >= 2); // submitted online, received (+ not yet confirmed)
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("dossierHeader"))
                ->text()
                .contains(page->items.first().code));
    QVERIFY(view.findChild<QPushButton *>(QStringLiteral("do_transfer")));
    // No printer that can make the slip: no print button.
    view.setReceiptPrinter(&m_fixture.printer());
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("printReceipt")));

    // The workstation's printer: the button prints the receipt again, kept in the profile, and
    // hands it to the preview (the sink).
    QTemporaryDir slips;
    services::PdfReceiptPrinter printer(
        [this]() -> const domain::Directory & { return m_ws->directory(); }, m_ws->officer(),
        m_fixture.serverUrl(), slips.path());
    QStringList handed;
    printer.setSink([&handed](const services::SlipJob &job) -> domain::Check {
        handed << job.pdfPath;
        return {};
    });
    view.setReceiptPrinter(&printer);
    auto *print = view.findChild<QPushButton *>(QStringLiteral("printReceipt"));
    QVERIFY(print);
    QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
    QVERIFY(view.findChild<QPushButton *>(QStringLiteral("do_transfer"))); // still there
    print->click();
    QCOMPARE(handed, QStringList{printer.receiptPath(page->items.first().code)});
    QVERIFY(QFileInfo(handed.first()).size() > 1000);
    test::screenshot(&view, QStringLiteral("dossier-view"));
}

void TestGuiWorkspace::searchAndExport()
{
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Search);
    auto *search = m_window->search();
    auto *name = search->findChild<QLineEdit *>(QStringLiteral("citizenName"));
    QTest::keyClicks(name, QStringLiteral("nguyen van an"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE(search->model()->rowCount(), 1);
    QCOMPARE(search->model()->summary(0).applicantName, QStringLiteral("Nguyễn Văn An"));
    test::screenshot(m_window.get(), QStringLiteral("search"));

    const QString path = m_fixture.profileDir() + QStringLiteral("/../export.csv");
    QSignalSpy exported(search, &ui::SearchPage::exported);
    search->exportCsv(path);
    QVERIFY(exported.wait(10000));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains(QStringLiteral("Nguyễn Văn An").toUtf8()));
    QCOMPARE(csv.count("\r\n"), 2);
}

// The agency's admin sets its own receipt template on the server; the counter's next catalogue
// refresh brings it into the cache, and receipts print with it — offline too (from the cache).
void TestGuiWorkspace::agencyReceiptTemplatePrints_R05_2a()
{
    test::Client admin(m_fixture.serverUrl());
    const QString token = admin.login(QStringLiteral("admin1"));
    QVERIFY(!token.isEmpty());
    const test::Reply put = admin.put(
        QStringLiteral("/api/v1/slip-templates/receipt"),
        {{QStringLiteral("title"), QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")},
         {QStringLiteral("legalBasis"), QStringLiteral("Thông tư 03/2025/TT-VPCP, Mẫu 01")},
         {QStringLiteral("format"), QStringLiteral("html")},
         {QStringLiteral("content"),
          QStringLiteral("<h3>MẪU RIÊNG CỦA TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG</h3>"
                         "<p>Mã hồ sơ: {{dossier.code}}</p>")}},
        token);
    QVERIFY2(put.status == 201, qPrintable(put.describe()));

    services::CatalogueLoader loader(m_fixture.api(), m_ws->cache(), m_ws->officer().agencyCode);
    QSignalSpy done(&loader, &services::CatalogueLoader::finished);
    loader.start();
    QVERIFY(done.wait(15000));
    QVERIFY2(done.first().first().value<domain::Check>().ok(),
             qPrintable(done.first().first().value<domain::Check>().error().toString()));
    const print::SlipTemplates templates = services::slipTemplatesFromCache(m_ws->cache());
    QVERIFY(templates.html(QStringLiteral("receipt")).contains(QStringLiteral("MẪU RIÊNG")));
    QVERIFY(templates.contains(QStringLiteral("refusal"))); // the national default for the rest

    QTemporaryDir slips;
    services::PdfReceiptPrinter printer(
        [this]() -> const domain::Directory & { return m_ws->directory(); }, m_ws->officer(),
        m_fixture.serverUrl(), slips.path());
    printer.setTemplates(templates);
    store::SearchQuery q;
    auto page = m_ws->cache().search(q);
    QVERIFY(page && !page->items.isEmpty());
    auto dossier = m_ws->cache().dossier(page->items.first().id);
    QVERIFY(dossier && dossier.value());
    QVERIFY(printer.printReceipt(*dossier.value(), 1));
    QProcess text;
    text.start(QStringLiteral("pdftotext"),
               {printer.receiptPath(page->items.first().code), QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    QVERIFY2(content.contains(QStringLiteral("MẪU RIÊNG CỦA TRUNG TÂM")), qPrintable(content));
    QVERIFY2(content.contains(page->items.first().code), qPrintable(content));
}

// Actions the server refused are never dropped (ARCHITECTURE, sync): the Conflicts section (Ctrl+5)
// lists each with the server's reason; Discard (Ctrl+D) forgets it, Redo (Ctrl+R) makes the same
// action again on the dossier as it now stands. The refusal is recorded as the sync engine records
// a server's answer (Cache::markRejected; the engine's path is tested in test_sync_engine).
void TestGuiWorkspace::conflictsPanelRedoAndDiscard()
{
    // A dossier received at the counter (a citizen may withdraw it).
    store::SearchQuery q;
    auto page = m_ws->cache().search(q);
    QVERIFY(page && !page->items.isEmpty());
    QUuid dossierId;
    QString code;
    for (const auto &item : page->items) {
        auto d = m_ws->cache().dossier(item.id);
        if (d && d.value() && d.value()->stage == domain::Stage::Received) {
            dossierId = item.id;
            code = item.code;
            break;
        }
    }
    QVERIFY(!dossierId.isNull());
    const qint64 pendingBefore = m_ws->cache().pendingCount().value();
    const auto refuse = [&](const QString &reason) -> QString {
        auto d = m_ws->cache().dossier(dossierId);
        if (!d || !d.value())
            return QStringLiteral("no dossier");
        services::DossierActions actions(*m_ws);
        auto done = actions.perform(*d.value(), domain::ActionType::Withdraw,
                                    {{QStringLiteral("reason"), reason}});
        if (!done)
            return done.error().message;
        auto pending = m_ws->cache().pendingActions();
        if (!pending || pending->isEmpty())
            return QStringLiteral("nothing pending");
        const auto st = m_ws->cache().markRejected(
            pending->constLast().action.id, QStringLiteral("action.stale_version"),
            QStringLiteral("Hồ sơ đã được cán bộ khác xử lý trước; hãy xem lại."), QString(),
            m_ws->directory());
        m_ws->notifyDossiersChanged();
        return st ? QString() : st.error().message;
    };
    QCOMPARE(refuse(QStringLiteral("Công dân xin rút hồ sơ")), QString());

    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Conflicts);
    auto *table = m_window->conflicts()->findChild<QTableView *>(QStringLiteral("conflictsTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 1).data().toString(), code);
    QVERIFY(table->model()->index(0, 3).data().toString().contains(QStringLiteral("cán bộ khác")));
    test::screenshot(m_window.get(), QStringLiteral("conflicts"));

    // Discard: gone from the list, nothing pending.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore);
    QCOMPARE(m_ws->cache().dossier(dossierId).value()->stage, domain::Stage::Received);

    // Redo: the same action again, pending for the next push; the conflict is resolved.
    QCOMPARE(refuse(QStringLiteral("Công dân xin rút hồ sơ lần hai")), QString());
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(table->model()->rowCount(), 0);
    auto pending = m_ws->cache().pendingActions();
    QVERIFY(pending && pending->size() == pendingBefore + 1);
    QCOMPARE(pending->constLast().action.type, domain::ActionType::Withdraw);
    QCOMPARE(pending->constLast().action.payload.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Công dân xin rút hồ sơ lần hai"));
    QCOMPARE(m_ws->cache().dossier(dossierId).value()->stage, domain::Stage::Withdrawn);
}

// Issue 5 items 7-8: the receipt printed at intake and a reprint from the dossier view each record
// one print on the dossier (an action in the outbox, like every other), and the view lists them.
// Runs last: the dossier it makes would change the counts the tests above check.
void TestGuiWorkspace::printsAreRecordedOnTheDossier_R19()
{
    QTemporaryDir slips;
    services::PdfReceiptPrinter printer(
        [this]() -> const domain::Directory & { return m_ws->directory(); }, m_ws->officer(),
        m_fixture.serverUrl(), slips.path());
    services::DossierActions actions(*m_ws);
    QList<QPointer<ui::SlipPreview>> previews;
    printer.setSink([&](const services::SlipJob &job) -> domain::Check {
        previews << ui::previewSlip(job, &actions, m_window.get()); // as the application does
        return {};
    });

    // Intake at the counter: saving writes the receipt and opens its preview; printed, it counts.
    services::IntakeService intake(*m_ws, printer);
    services::IntakeDraft draft;
    draft.procedureCode = m_procedure.code;
    draft.channel = domain::Channel::Counter;
    draft.applicant.personalId = QStringLiteral("001099000777");
    draft.applicant.fullName = QStringLiteral("Đỗ Văn Khánh");
    draft.applicant.address = QStringLiteral("Nha Trang");
    draft.applicant.birthDate = QDate(1990, 5, 17);
    for (const auto &rc : m_procedure.components)
        draft.components[rc.documentTypeCode].received = true;
    const qint64 pendingBefore = m_ws->cache().pendingCount().value();
    auto saved = intake.save(draft);
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    QVERIFY2(saved->printed,
             qPrintable(saved->printed ? QString() : saved->printed.error().message));
    const QUuid id = saved->dossier.id;
    QCOMPARE(previews.size(), 1);
    QVERIFY(previews.constLast());
    QVERIFY(m_ws->cache().dossier(id).value()->prints.isEmpty()); // shown, not yet printed
    QPrinter paper(QPrinter::HighResolution);
    paper.setOutputFormat(QPrinter::PdfFormat);
    paper.setOutputFileName(slips.filePath(QStringLiteral("paper-1.pdf")));
    const auto st = previews.constLast()->printTo(paper);
    QVERIFY2(st, qPrintable(st ? QString() : st.error().message));
    auto d = m_ws->cache().dossier(id);
    QVERIFY(d && d.value());
    QCOMPARE(d.value()->prints.size(), 1);
    QCOMPARE(d.value()->prints.constFirst().form, QStringLiteral("receipt"));
    QCOMPARE(d.value()->prints.constFirst().copies, 2); // the two "liên"
    QVERIFY(!d.value()->prints.constFirst().reprint);
    QCOMPARE(d.value()->prints.constFirst().officerId, m_ws->officer().id);
    // Queued for the server like every action: the receipt and the print.
    QCOMPARE(m_ws->cache().pendingCount().value(), pendingBefore + 2);

    // The dossier view lists it; "Print the receipt" opens the preview again; saved as PDF, it
    // is recorded as a reprint and the list shows both.
    ui::ActionRunner runner(*m_ws, m_window.get());
    ui::DossierView view(*m_ws, runner, id, m_window.get());
    view.setReceiptPrinter(&printer);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *prints = view.findChild<QTreeWidget *>(QStringLiteral("prints"));
    QVERIFY(prints);
    QCOMPARE(prints->topLevelItemCount(), 1);
    QCOMPARE(prints->topLevelItem(0)->text(0),
             QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
    QCOMPARE(prints->topLevelItem(0)->text(2), m_ws->officer().fullName);
    QCOMPARE(prints->topLevelItem(0)->text(3), QStringLiteral("2"));
    view.findChild<QPushButton *>(QStringLiteral("printReceipt"))->click();
    QCOMPARE(previews.size(), 2);
    QVERIFY(previews.constLast());
    QVERIFY(previews.constLast()->exportTo(slips.filePath(QStringLiteral("saved.pdf"))));
    QTRY_COMPARE(prints->topLevelItemCount(), 2);
    d = m_ws->cache().dossier(id);
    QCOMPARE(d.value()->prints.size(), 2);
    QVERIFY(d.value()->prints.at(1).reprint);
    QCOMPARE(d.value()->stage, domain::Stage::Received);
    QVERIFY(prints->topLevelItem(1)->text(4) != prints->topLevelItem(0)->text(4)); // reprint
    QCOMPARE(d.value()->trail.constLast().note,
             QStringLiteral("In lại giấy tiếp nhận hồ sơ và hẹn trả kết quả (2 liên)"));
    auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("dossierTabs"));
    tabs->setCurrentWidget(prints);
    QVERIFY(tabs->tabText(tabs->currentIndex()).contains(QStringLiteral("(2)")));
    test::screenshot(&view, QStringLiteral("dossier-view-prints"));
    for (const auto &p : std::as_const(previews)) {
        if (p)
            p->close();
    }
}

void TestGuiWorkspace::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
    QVERIFY(m_fixture.server().stop());
}

QTEST_MAIN(TestGuiWorkspace)
#include "test_gui_workspace.moc"
