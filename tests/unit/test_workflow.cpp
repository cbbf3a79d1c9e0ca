#include <QTest>

#include <domain/workflow.h>

using namespace motcua::domain;

namespace {
Workflow sample()
{
    Workflow w;
    w.id = QStringLiteral("wf-lltp");
    w.version = 1;
    w.name = QStringLiteral("Cấp Phiếu lý lịch tư pháp");
    w.timed = true;
    w.startStepId = QStringLiteral("intake");
    w.steps = {
        {QStringLiteral("intake"),
         QStringLiteral("Tiếp nhận"),
         AssigneeKind::Role,
         QStringLiteral("counter"),
         240,
         {ActionType::Receive},
         false},
        {QStringLiteral("supplement"),
         QStringLiteral("Yêu cầu bổ sung"),
         AssigneeKind::Role,
         QStringLiteral("counter"),
         0,
         {ActionType::RequestSupplement},
         true},
        {QStringLiteral("assign"),
         QStringLiteral("Phân công"),
         AssigneeKind::Department,
         QStringLiteral("HCTP"),
         240,
         {ActionType::Assign},
         false},
        {QStringLiteral("appraise"),
         QStringLiteral("Thẩm định"),
         AssigneeKind::Role,
         QStringLiteral("appraiser"),
         6 * 480,
         {ActionType::SubmitForApproval},
         false},
        {QStringLiteral("approve"),
         QStringLiteral("Phê duyệt"),
         AssigneeKind::Person,
         QStringLiteral("leader1"),
         2 * 480,
         {ActionType::Approve},
         false},
        {QStringLiteral("return"),
         QStringLiteral("Trả kết quả"),
         AssigneeKind::Role,
         QStringLiteral("counter"),
         480,
         {ActionType::ReturnResult},
         false},
    };
    w.transitions = {
        {QStringLiteral("intake"), QStringLiteral("supplement"), ActionType::RequestSupplement},
        {QStringLiteral("intake"), QStringLiteral("assign"), ActionType::Transfer},
        {QStringLiteral("assign"), QStringLiteral("appraise"), ActionType::Assign},
        {QStringLiteral("appraise"), QStringLiteral("approve"), ActionType::SubmitForApproval},
        {QStringLiteral("approve"), QStringLiteral("return"), ActionType::Approve},
    };
    return w;
}
const Deadline kTenDays{Deadline::Unit::WorkingDays, 10};
} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validWorkflowPasses()
    {
        const auto st = validateWorkflow(sample(), kTenDays);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QCOMPARE(sample().totalMinutes(), qint64(240 + 240 + 6 * 480 + 2 * 480 + 480));
    }
    void sumOfStepsMayNotExceedDeadline_R07_2()
    {
        auto w = sample();
        w.steps[3].durationMinutes += 480 + 45; // one day and 45 minutes too many
        const auto st = validateWorkflow(w, kTenDays);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("workflow.exceeds_deadline"));
        QVERIFY2(st.error().message.contains(QStringLiteral("1 ngày 45 phút")),
                 qPrintable(st.error().message));
    }
    void durationsToTheMinute_R07_2()
    {
        auto w = sample(); // Σ = 4,800 minutes: exactly the ten-day deadline
        QVERIFY(validateWorkflow(w, kTenDays).ok());
        w.steps[3].durationMinutes += 1;
        QCOMPARE(validateWorkflow(w, kTenDays).error().code,
                 QStringLiteral("workflow.exceeds_deadline"));
        QVERIFY(validateWorkflow(w, {Deadline::Unit::WorkingHours, 81}).ok());
        QVERIFY(!validateWorkflow(w, {Deadline::Unit::WorkingMinutes, 4800}).ok());
    }
    void untimedWorkflowHasNoSumConstraint()
    {
        auto w = sample();
        w.timed = false;
        w.steps[3].durationMinutes = 100000;
        QVERIFY(validateWorkflow(w, {}).ok());
        w.timed = true;
        QCOMPARE(validateWorkflow(w, {}).error().code,
                 QStringLiteral("workflow.untimed_procedure"));
    }
    void supplementStepIsRequired_R07_3()
    {
        auto w = sample();
        w.steps[1].supplement = false;
        QCOMPARE(validateWorkflow(w, kTenDays).error().code,
                 QStringLiteral("workflow.no_supplement_step"));
    }
    void structuralErrors()
    {
        auto w = sample();
        w.steps[2].id = QStringLiteral("intake");
        QCOMPARE(validateWorkflow(w, kTenDays).error().code,
                 QStringLiteral("workflow.bad_step_id"));
        w = sample();
        w.startStepId = QStringLiteral("nowhere");
        QCOMPARE(validateWorkflow(w, kTenDays).error().code, QStringLiteral("workflow.bad_start"));
        w = sample();
        w.transitions.append(
            {QStringLiteral("return"), QStringLiteral("ghost"), ActionType::Approve});
        QCOMPARE(validateWorkflow(w, kTenDays).error().field, QStringLiteral("transitions[5]"));
        w = sample();
        w.transitions.removeLast();
        const auto st = validateWorkflow(w, kTenDays);
        QCOMPARE(st.error().code, QStringLiteral("workflow.unreachable_step"));
        QCOMPARE(st.error().field, QStringLiteral("return"));
        w = sample();
        w.steps[0].durationMinutes = -5;
        QCOMPARE(validateWorkflow(w, kTenDays).error().code,
                 QStringLiteral("workflow.negative_duration"));
        w = sample();
        w.steps.clear();
        QCOMPARE(validateWorkflow(w, kTenDays).error().code, QStringLiteral("workflow.no_steps"));
    }
    void excessIsNamedInTheMessage_R07_2()
    {
        auto w = sample(); // Σ = 10 ngày exactly
        w.steps[0].durationMinutes += 150;
        const auto st = validateWorkflow(w, kTenDays);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().message,
                 QStringLiteral("Tổng thời gian các bước là 10 ngày 2 giờ 30 phút, vượt 2 giờ 30 "
                                "phút so với thời hạn giải quyết của thủ tục (10 ngày)."));
        QCOMPARE(st.error().field, QStringLiteral("steps"));
    }
    void variantsCoverEveryReceivingSource_R07_4()
    {
        auto w = sample();
        w.variants = {WorkflowVariant::Counter, WorkflowVariant::NationalPortal,
                      WorkflowVariant::CentralToLocal};
        QVERIFY(validateWorkflow(w, kTenDays).ok());
        w.variants.clear();
        QCOMPARE(validateWorkflow(w, kTenDays).error().code, QStringLiteral("workflow.no_variant"));
        w.variants = {WorkflowVariant::NationalPortal, WorkflowVariant::NationalPortal};
        const auto st = validateWorkflow(w, kTenDays);
        QCOMPARE(st.error().code, QStringLiteral("workflow.duplicate_variant"));
        QVERIFY(st.error().message.contains(QStringLiteral("Cổng Dịch vụ công quốc gia")));
        // Each channel falls under one variant; keys round-trip.
        QCOMPARE(workflowVariantFor(Channel::NationalPortal), WorkflowVariant::NationalPortal);
        QCOMPARE(workflowVariantFor(Channel::PublicPost), WorkflowVariant::Counter);
        for (const auto v : {WorkflowVariant::Counter, WorkflowVariant::NationalPortal,
                             WorkflowVariant::CentralToLocal}) {
            QCOMPARE(workflowVariantFromKey(workflowVariantKey(v)), v);
            QVERIFY(!workflowVariantName(v).isEmpty());
        }
        QVERIFY(!workflowVariantFromKey(QStringLiteral("fax")));
    }
    void currentStepOfADossier_R09()
    {
        const auto w = sample();
        Dossier d;
        d.stage = Stage::Received;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("intake"));
        d.stage = Stage::SupplementRequested;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("supplement"));
        d.stage = Stage::AwaitingAssignment;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("assign"));
        d.stage = Stage::InAppraisal;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("appraise"));
        d.stage = Stage::AwaitingApproval;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("approve"));
        d.stage = Stage::ResultReady;
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("return"));
        d.stage = Stage::ResultReturned;
        QVERIFY(!currentStep(w, d));
        // A recorded step wins over the stage; an unknown one falls back to the stage.
        d.stage = Stage::InAppraisal;
        d.currentStepId = QStringLiteral("approve");
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("approve"));
        d.currentStepId = QStringLiteral("gone-in-v2");
        QCOMPARE(currentStep(w, d)->id, QStringLiteral("appraise"));
    }
    // The engine's step rule (R09), on a workflow with two levels of approval: a transition on
    // Approve is taken when its target fits the stage after the action.
    void stepAfterAnAction_R09()
    {
        Workflow w = sample();
        w.steps.insert(5,
                       {QStringLiteral("approve-2"),
                        QStringLiteral("Phê duyệt cấp 2"),
                        AssigneeKind::Role,
                        QStringLiteral("leader"),
                        0,
                        {ActionType::Approve},
                        false});
        w.transitions.removeLast();
        w.transitions << WorkflowTransition{QStringLiteral("approve"), QStringLiteral("approve-2"),
                                            ActionType::Approve}
                      << WorkflowTransition{QStringLiteral("approve-2"), QStringLiteral("return"),
                                            ActionType::Approve};
        Dossier d;
        d.stage = Stage::AwaitingApproval; // a first sign-off, not final
        QCOMPARE(stepAfter(w, QStringLiteral("approve"), ActionType::Approve, d),
                 QStringLiteral("approve-2"));
        d.stage = Stage::Approved; // the last sign-off
        QCOMPARE(stepAfter(w, QStringLiteral("approve-2"), ActionType::Approve, d),
                 QStringLiteral("return"));
        // Without a transition: the first step allowing what the new stage waits for.
        d.stage = Stage::AwaitingAssignment;
        QCOMPARE(stepAfter(w, QStringLiteral("appraise"), ActionType::Transfer, d),
                 QStringLiteral("assign"));
        // A supplement request goes to the supplement step, its receipt back to where it was made.
        d.stage = Stage::SupplementRequested;
        QCOMPARE(stepAfter(w, QStringLiteral("appraise"), ActionType::RequestSupplement, d),
                 QStringLiteral("supplement"));
        d.stage = Stage::InAppraisal;
        d.supplements.append(SupplementRequest{});
        d.supplements.last().resumeStepId = QStringLiteral("appraise");
        QCOMPARE(stepAfter(w, QStringLiteral("supplement"), ActionType::RecordSupplement, d),
                 QStringLiteral("appraise"));
        // Final stages and prints keep the step.
        d.stage = Stage::Rejected;
        QCOMPARE(stepAfter(w, QStringLiteral("approve"), ActionType::Reject, d),
                 QStringLiteral("approve"));
        d.stage = Stage::InAppraisal;
        QCOMPARE(stepAfter(w, QStringLiteral("appraise"), ActionType::RecordPrint, d),
                 QStringLiteral("appraise"));
    }
    void formatsWorkingMinutes()
    {
        QCOMPARE(formatWorkingMinutes(0), QStringLiteral("0 phút"));
        QCOMPARE(formatWorkingMinutes(480 * 2 + 60 * 3 + 15),
                 QStringLiteral("2 ngày 3 giờ 15 phút"));
        QCOMPARE(formatWorkingMinutes(60), QStringLiteral("1 giờ"));
    }
};

QTEST_APPLESS_MAIN(TestWorkflow)
#include "test_workflow.moc"
