// The workflow designer (R07, R09) against the real server: an administrator opens a demo
// procedure's workflow, makes a step too long (the message names the excess), fixes it, and saves
// it as a new version; the old version stays on the server for the dossiers that run on it. The
// diagram of the demo workflow, with its current step highlighted, is saved as PNG and PDF for
// people to look at, and the dossier view shows it read-only.
#include "guifixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

#include <actionrunner.h>
#include <domain/json.h>
#include <dossierview.h>
#include <language.h>
#include <services/workflows.h>
#include <style.h>
#include <sync/api_client.h>
#include <testpaths.h>
#include <workflow/workflowdesigner.h>
#include <workflow/workflowdiagram.h>

using namespace motcua;

namespace {

template<typename T>
domain::Result<T> await(sync::Call<T> *call)
{
    QSignalSpy spy(call, &sync::ApiCall::finished);
    if (!spy.wait(20000))
        return domain::makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    auto r = call->result();
    call->deleteLater();
    return r;
}

int stepIndex(const domain::Workflow &w, const QString &id)
{
    for (int i = 0; i < w.steps.size(); ++i) {
        if (w.steps.at(i).id == id)
            return i;
    }
    return -1;
}

// How far apart two colours are, channel by channel.
int colourDistance(QRgb a, const QColor &b)
{
    return qAbs(qRed(a) - b.red()) + qAbs(qGreen(a) - b.green()) + qAbs(qBlue(a) - b.blue());
}

} // namespace

class TestGuiWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void designerMainPath_R07();
    void diagramOfADemoWorkflow_R09();
    void dossierViewShowsTheCurrentStep_R09();

private:
    test::GuiFixture m_fixture;
    std::unique_ptr<services::Workstation> m_ws;
    domain::Procedure m_procedure;
};

void TestGuiWorkflow::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    // The administrator of the Department of Agriculture and Environment (demo data).
    m_ws = m_fixture.login(QStringLiteral("admin.snnmt"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    for (const auto &p : m_ws->procedures()) {
        if (p.agencyCode == m_ws->officer().agencyCode && p.deadline.isTimed()
            && !p.workflowId.isEmpty() && m_procedure.code.isEmpty())
            m_procedure = p;
    }
    QVERIFY2(!m_procedure.code.isEmpty(), "no timed procedure of the admin's agency");
}

void TestGuiWorkflow::designerMainPath_R07()
{
    ui::WorkflowDesigner designer(*m_ws);
    QSignalSpy listed(&designer, &ui::WorkflowDesigner::listLoaded);
    QSignalSpy opened(&designer, &ui::WorkflowDesigner::workflowOpened);
    QSignalSpy saved(&designer, &ui::WorkflowDesigner::saved);
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    QApplication::setActiveWindow(&designer);
    QVERIFY(QTest::qWaitForWindowActive(&designer));
    QTRY_VERIFY_WITH_TIMEOUT(listed.count() >= 1, 20000);

    auto *list = designer.findChild<QListWidget *>(QStringLiteral("workflowList"));
    QVERIFY(list->count() >= 2);
    int row = -1;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == m_procedure.workflowId)
            row = i;
    }
    QVERIFY(row >= 0);
    list->setCurrentRow(row);
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 20000);
    const domain::Workflow original = designer.draft();
    QCOMPARE(original.id, m_procedure.workflowId);
    QCOMPARE(original.version, 1);
    auto *message = designer.findChild<QLabel *>(QStringLiteral("validationMessage"));
    auto *save = designer.findChild<QPushButton *>(QStringLiteral("saveVersion"));
    QCOMPARE(message->text(), QStringLiteral("Quy trình hợp lệ."));
    QVERIFY(!save->isEnabled()); // nothing changed yet

    // The appraisal step gets all the slack plus 2 h 30 min: the message names the excess.
    const int appraise = stepIndex(original, QStringLiteral("tham-dinh"));
    QVERIFY(appraise >= 0);
    const qint64 limit = domain::deadlineMinutes(m_procedure.deadline);
    const qint64 slack = limit - original.totalMinutes();
    QVERIFY(slack >= 0);
    const qint64 tooLong = original.steps.at(appraise).durationMinutes + slack + 150;
    auto *steps = designer.findChild<QListWidget *>(QStringLiteral("stepList"));
    steps->setFocus();
    steps->setCurrentRow(0);
    for (int i = 0; i < appraise; ++i)
        QTest::keyClick(steps, Qt::Key_Down);
    QCOMPARE(steps->currentRow(), appraise);
    auto *duration = designer.findChild<QSpinBox *>(QStringLiteral("stepDuration"));
    QCOMPARE(qint64(duration->value()), original.steps.at(appraise).durationMinutes);
    duration->setFocus();
    QTest::keyClick(duration, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(duration, QString::number(tooLong));
    QCOMPARE(designer.draft().steps.at(appraise).durationMinutes, tooLong);
    QVERIFY2(message->text().contains(QStringLiteral("vượt 2 giờ 30 phút so với thời hạn")),
             qPrintable(message->text()));
    QVERIFY(!save->isEnabled());
    test::screenshot(&designer, QStringLiteral("workflow-designer-invalid"));

    // Undo brings the whole typed number back in one step (the edits merge); redo reapplies it.
    QTest::keyClick(&designer, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(designer.draft(), original);
    QTest::keyClick(&designer, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(designer.draft().steps.at(appraise).durationMinutes, tooLong);

    // Fixed: 30 minutes inside the deadline; the workflow also covers central-to-local dossiers.
    const qint64 fixed = tooLong - 180;
    duration->setFocus();
    QTest::keyClick(duration, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(duration, QString::number(fixed));
    QCOMPARE(message->text(), QStringLiteral("Quy trình hợp lệ."));
    designer.findChild<QCheckBox *>(QStringLiteral("variant-central-to-local"))->click();
    QVERIFY(designer.draft().variants.contains(domain::WorkflowVariant::CentralToLocal));

    // Approval goes to a position (R01.2c), typed: only officers with that title may approve.
    const int approve = stepIndex(original, QStringLiteral("phe-duyet"));
    QVERIFY(approve >= 0);
    steps->setCurrentRow(approve);
    auto *kind = designer.findChild<QComboBox *>(QStringLiteral("assigneeKind"));
    kind->setCurrentIndex(4);
    Q_EMIT kind->activated(4);
    auto *assignee = designer.findChild<QComboBox *>(QStringLiteral("assignee"));
    QVERIFY(assignee->isEditable());
    assignee->lineEdit()->clear();
    test::typeText(assignee->lineEdit(), QStringLiteral("Giám đốc Sở"));
    QTest::keyClick(assignee->lineEdit(), Qt::Key_Return);
    QCOMPARE(designer.draft().steps.at(approve).assigneeKind, domain::AssigneeKind::Position);
    QCOMPARE(designer.draft().steps.at(approve).assignee, QStringLiteral("Giám đốc Sở"));
    QVERIFY(save->isEnabled());
    test::screenshot(&designer, QStringLiteral("workflow-designer"));

    // Save as a new version (Ctrl+S) through the server.
    QTest::keyClick(&designer, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(saved.count() == 1, 20000);
    QCOMPARE(saved.first().first().toInt(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(designer.draft().version, 2, 20000);
    auto *versions = designer.findChild<QComboBox *>(QStringLiteral("versionBox"));
    QTRY_COMPARE_WITH_TIMEOUT(versions->count(), 2, 20000);

    auto latest = await(m_ws->api()->workflow(original.id));
    QVERIFY2(latest, qPrintable(latest ? QString() : latest.error().message));
    QCOMPARE(latest->version, 2);
    QCOMPARE(latest->steps.at(appraise).durationMinutes, fixed);
    QCOMPARE(latest->steps.at(approve).assigneeKind, domain::AssigneeKind::Position);
    // The old version stays for the dossiers running on it.
    auto old = await(m_ws->api()->workflow(original.id, 1));
    QVERIFY(old);
    QCOMPARE(old.value(), original);

    // Saving again from a stale version number is refused with the server's reason.
    QSignalSpy failed(&designer, &ui::WorkflowDesigner::failed);
    auto stale = designer.draft();
    stale.version = 2;
    auto conflict = await(m_ws->api()->addWorkflowVersion(stale));
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, QStringLiteral("workflow.version_conflict"));
}

void TestGuiWorkflow::diagramOfADemoWorkflow_R09()
{
    auto w = await(m_ws->api()->workflow(m_procedure.workflowId));
    QVERIFY(w);
    ui::WorkflowDiagram diagram;
    diagram.resize(1000, 900);
    const auto st = diagram.setWorkflow(w.value(), QStringLiteral("tham-dinh"));
    QVERIFY2(st, qPrintable(st ? QString() : st.error().message));
    QCOMPARE(diagram.currentStepId(), QStringLiteral("tham-dinh"));

    const QString dir = testing::testPath("MOTCUA_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    const QString png = dir + QStringLiteral("/workflow-diagram.png");
    const QString pdf = dir + QStringLiteral("/workflow-diagram.pdf");
    QVERIFY(diagram.exportPng(png));
    QVERIFY(diagram.exportPdf(pdf));

    // The current step's frame is drawn in the highlight colour, the others in blue.
    QImage image(png);
    QVERIFY(!image.isNull());
    const qreal scale = 2.0;
    const QRectF current = diagram.stepRect(QStringLiteral("tham-dinh"));
    const QRectF other = diagram.stepRect(QStringLiteral("phan-cong"));
    QVERIFY(current.isValid() && other.isValid());
    const QPoint onCurrent(qRound(current.left() * scale), qRound(current.center().y() * scale));
    const QPoint onOther(qRound(other.left() * scale), qRound(other.center().y() * scale));
    QVERIFY2(colourDistance(image.pixel(onCurrent), QColor(0xf2, 0x99, 0x00)) < 60,
             qPrintable(QColor(image.pixel(onCurrent)).name()));
    QVERIFY2(colourDistance(image.pixel(onOther), QColor(0x0b, 0x57, 0xd0)) < 90,
             qPrintable(QColor(image.pixel(onOther)).name()));

    // The PDF carries the Vietnamese labels as text.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(20000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains(QStringLiteral("Thẩm định hồ sơ")), qPrintable(words));
    QVERIFY(words.contains(QStringLiteral("BƯỚC HIỆN TẠI")));

    // SVG: well-formed, the size of the diagram, the labels as text.
    const QString svg = dir + QStringLiteral("/workflow-diagram.svg");
    QVERIFY(diagram.exportSvg(svg));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString texts;
    bool root = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("svg"))
            root = xml.attributes().value(QLatin1String("viewBox")).toString().startsWith(u'0');
        else if (xml.name() == QLatin1String("text"))
            texts += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u' ';
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(root);
    QVERIFY2(texts.contains(QStringLiteral("Thẩm định hồ sơ")), qPrintable(texts));
    QVERIFY(!diagram.exportSvg(dir + QStringLiteral("/no-such-folder/x.svg")));
}

void TestGuiWorkflow::dossierViewShowsTheCurrentStep_R09()
{
    // A dossier submitted on the portal waits at the intake step.
    domain::Applicant a;
    a.personalId = QStringLiteral("056099001234");
    a.fullName = QStringLiteral("Nguyễn Thị Hoa");
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
    QVERIFY2(d, qPrintable(d ? QString() : d.error().message));

    ui::ActionRunner runner(*m_ws, nullptr);
    ui::DossierView view(*m_ws, runner, d->id);
    auto *diagram = view.workflowDiagram();
    QCOMPARE(diagram->workflow().id, m_procedure.workflowId);
    QCOMPARE(diagram->currentStepId(), QStringLiteral("tiep-nhan"));
    // R07/R09: the client's engine recorded the workflow's latest version and its start step at
    // intake; the view draws that version and highlights the recorded step.
    QVERIFY(d->workflowVersion >= 1);
    const auto recorded
        = services::cachedWorkflow(m_ws->cache(), m_procedure.workflowId, d->workflowVersion);
    QVERIFY(recorded);
    QCOMPARE(d->currentStepId, recorded->startStepId);
    QCOMPARE(diagram->workflow().version, d->workflowVersion);
    QCOMPARE(diagram->currentStepId(), d->currentStepId);
    QVERIFY(!diagram->isInteractive() || diagram->dragMode() == QGraphicsView::ScrollHandDrag);
    auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("dossierTabs"));
    tabs->setCurrentWidget(diagram);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    test::screenshot(&view, QStringLiteral("dossier-view-workflow"));
}

QTEST_MAIN(TestGuiWorkflow)
#include "test_gui_workflow.moc"
