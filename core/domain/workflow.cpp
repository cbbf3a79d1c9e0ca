#include "workflow.h"

#include "folding.h"

#include <QSet>

namespace motcua::domain {

QString assigneeKindKey(AssigneeKind kind)
{
    switch (kind) {
    case AssigneeKind::Role:
        return QStringLiteral("role");
    case AssigneeKind::Department:
        return QStringLiteral("department");
    case AssigneeKind::Person:
        return QStringLiteral("person");
    case AssigneeKind::Group:
        return QStringLiteral("group");
    case AssigneeKind::Position:
        return QStringLiteral("position");
    }
    return {};
}

std::optional<AssigneeKind> assigneeKindFromKey(const QString &key)
{
    for (const auto k : {AssigneeKind::Role, AssigneeKind::Department, AssigneeKind::Person,
                         AssigneeKind::Group, AssigneeKind::Position}) {
        if (assigneeKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

bool mayWorkAt(const WorkflowStep &step, const QString &workflowId, const Officer &officer)
{
    if (officer.stepPermissions.contains(step.id)
        || officer.stepPermissions.contains(workflowId + QLatin1Char('/') + step.id))
        return true;
    switch (step.assigneeKind) {
    case AssigneeKind::Role:
        return true; // the role rules decide (engine.cpp, rolesAllowed)
    case AssigneeKind::Department:
        return officer.departmentId == step.assignee;
    case AssigneeKind::Person:
        return officer.id == step.assignee;
    case AssigneeKind::Group:
        return officer.groupIds.contains(step.assignee);
    case AssigneeKind::Position: {
        const QString position = foldForSearch(step.assignee);
        return !position.isEmpty() && foldForSearch(officer.title) == position;
    }
    }
    return false;
}

QString assigneeDescription(const WorkflowStep &step)
{
    switch (step.assigneeKind) {
    case AssigneeKind::Role:
        if (const auto role = roleFromKey(step.assignee))
            return QStringLiteral("vai trò %1").arg(roleName(*role));
        return QStringLiteral("vai trò %1").arg(step.assignee);
    case AssigneeKind::Department:
        return QStringLiteral("phòng ban %1").arg(step.assignee);
    case AssigneeKind::Person:
        return QStringLiteral("cán bộ %1").arg(step.assignee);
    case AssigneeKind::Group:
        return QStringLiteral("nhóm %1").arg(step.assignee);
    case AssigneeKind::Position:
        return QStringLiteral("chức vụ %1").arg(step.assignee);
    }
    return step.assignee;
}

QString workflowVariantKey(WorkflowVariant variant)
{
    switch (variant) {
    case WorkflowVariant::Counter:
        return QStringLiteral("counter");
    case WorkflowVariant::NationalPortal:
        return QStringLiteral("national-portal");
    case WorkflowVariant::CentralToLocal:
        return QStringLiteral("central-to-local");
    }
    return {};
}

QString workflowVariantName(WorkflowVariant variant)
{
    switch (variant) {
    case WorkflowVariant::Counter:
        return QStringLiteral("Tiếp nhận tại Bộ phận Một cửa");
    case WorkflowVariant::NationalPortal:
        return QStringLiteral("Cổng Dịch vụ công quốc gia");
    case WorkflowVariant::CentralToLocal:
        return QStringLiteral("Hệ thống Trung ương - địa phương");
    }
    return {};
}

std::optional<WorkflowVariant> workflowVariantFor(Channel channel)
{
    switch (channel) {
    case Channel::NationalPortal:
        return WorkflowVariant::NationalPortal;
    case Channel::Counter:
    case Channel::PublicPost:
    case Channel::HiredProvider:
    case Channel::AuthorisedRepresentative:
    case Channel::Mobile:
        return WorkflowVariant::Counter;
    }
    return std::nullopt;
}

std::optional<WorkflowVariant> workflowVariantFromKey(const QString &key)
{
    for (const auto v : {WorkflowVariant::Counter, WorkflowVariant::NationalPortal,
                         WorkflowVariant::CentralToLocal}) {
        if (workflowVariantKey(v) == key)
            return v;
    }
    return std::nullopt;
}

const WorkflowStep *Workflow::step(const QString &stepId) const
{
    for (const auto &s : steps) {
        if (s.id == stepId)
            return &s;
    }
    return nullptr;
}

qint64 Workflow::totalMinutes() const
{
    qint64 total = 0;
    for (const auto &s : steps)
        total += s.durationMinutes;
    return total;
}

QList<ActionType> awaitedActions(Stage stage)
{
    switch (stage) {
    case Stage::AwaitingIntake:
    case Stage::Received:
        return {ActionType::Receive, ActionType::Transfer};
    case Stage::AwaitingAssignment:
        return {ActionType::Assign};
    case Stage::InAppraisal:
    case Stage::Consulting:
        return {ActionType::SubmitForApproval};
    case Stage::AwaitingApproval:
        return {ActionType::Approve};
    case Stage::Approved:
    case Stage::ResultReady:
        return {ActionType::ReturnResult, ActionType::Complete};
    case Stage::SupplementRequested:
    case Stage::Withdrawn:
    case Stage::Refused:
    case Stage::Rejected:
    case Stage::StoppedOnRequest:
    case Stage::ResultReturned:
        return {};
    }
    return {};
}

namespace {

const WorkflowStep *firstSupplementStep(const Workflow &workflow)
{
    for (const auto &s : workflow.steps) {
        if (s.supplement)
            return &s;
    }
    return nullptr;
}

const WorkflowStep *firstStepAllowing(const Workflow &workflow, const QList<ActionType> &awaited)
{
    for (const ActionType a : awaited) {
        for (const auto &s : workflow.steps) {
            if (s.allowedActions.contains(a))
                return &s;
        }
    }
    return nullptr;
}

} // namespace

const WorkflowStep *currentStep(const Workflow &workflow, const Dossier &dossier)
{
    if (const auto *s = workflow.step(dossier.currentStepId))
        return s;
    if (isFinal(dossier.stage))
        return nullptr;
    if (dossier.stage == Stage::SupplementRequested)
        return firstSupplementStep(workflow);
    return firstStepAllowing(workflow, awaitedActions(dossier.stage));
}

QString stepAfter(const Workflow &workflow, const QString &fromStepId, ActionType type,
                  const Dossier &dossier)
{
    if (type == ActionType::RecordPrint || isFinal(dossier.stage))
        return fromStepId;
    if (dossier.stage == Stage::SupplementRequested) {
        if (const auto *from = workflow.step(fromStepId); from && from->supplement)
            return fromStepId;
        for (const auto &t : workflow.transitions) {
            if (t.from == fromStepId && t.on == type) {
                if (const auto *to = workflow.step(t.to); to && to->supplement)
                    return to->id;
            }
        }
        const auto *s = firstSupplementStep(workflow);
        return s ? s->id : fromStepId;
    }
    if (type == ActionType::RecordSupplement && !dossier.supplements.isEmpty()) {
        const QString back = dossier.supplements.constLast().resumeStepId;
        if (workflow.step(back))
            return back;
    }
    const QList<ActionType> awaited = awaitedActions(dossier.stage);
    const auto fits = [&](const WorkflowStep *s) {
        return s
            && (awaited.isEmpty() || s->allowedActions.isEmpty()
                || std::any_of(awaited.cbegin(), awaited.cend(),
                               [&](ActionType a) { return s->allowedActions.contains(a); }));
    };
    for (const auto &t : workflow.transitions) {
        if (t.from == fromStepId && t.on == type && fits(workflow.step(t.to)))
            return t.to;
    }
    if (fits(workflow.step(fromStepId)))
        return fromStepId;
    if (const auto *s = firstStepAllowing(workflow, awaited))
        return s->id;
    return fromStepId;
}

qint64 deadlineMinutes(const Deadline &deadline, qint64 minutesPerDay)
{
    switch (deadline.unit) {
    case Deadline::Unit::None:
        return 0;
    case Deadline::Unit::WorkingDays:
        return qint64(deadline.amount) * minutesPerDay;
    case Deadline::Unit::WorkingHours:
        return qint64(deadline.amount) * 60;
    case Deadline::Unit::WorkingMinutes:
        return deadline.amount;
    }
    return 0;
}

QString formatWorkingMinutes(qint64 minutes, qint64 minutesPerDay)
{
    QStringList parts;
    const qint64 days = minutes / minutesPerDay;
    const qint64 hours = (minutes % minutesPerDay) / 60;
    const qint64 mins = minutes % 60;
    if (days)
        parts << QStringLiteral("%1 ngày").arg(days);
    if (hours)
        parts << QStringLiteral("%1 giờ").arg(hours);
    if (mins || parts.isEmpty())
        parts << QStringLiteral("%1 phút").arg(mins);
    return parts.join(QLatin1Char(' '));
}

Check validateWorkflow(const Workflow &wf, const Deadline &procedureDeadline, qint64 minutesPerDay)
{
    if (wf.id.trimmed().isEmpty())
        return makeError(QStringLiteral("workflow.missing_id"),
                         QStringLiteral("Quy trình chưa có mã."), QStringLiteral("id"));
    if (wf.version < 1) {
        return makeError(QStringLiteral("workflow.invalid_version"),
                         QStringLiteral("Phiên bản quy trình phải từ 1 trở lên."),
                         QStringLiteral("version"));
    }
    if (wf.steps.isEmpty()) {
        return makeError(QStringLiteral("workflow.no_steps"),
                         QStringLiteral("Quy trình chưa có bước xử lý nào."),
                         QStringLiteral("steps"));
    }
    if (wf.variants.isEmpty()) {
        return makeError(QStringLiteral("workflow.no_variant"),
                         QStringLiteral("Quy trình phải áp dụng cho ít nhất một nguồn hồ sơ: "
                                        "tiếp nhận tại Bộ phận Một cửa, Cổng Dịch vụ công quốc "
                                        "gia hoặc hệ thống Trung ương - địa phương."),
                         QStringLiteral("variants"));
    }
    for (qsizetype i = 0; i < wf.variants.size(); ++i) {
        if (wf.variants.indexOf(wf.variants.at(i)) != i) {
            return makeError(QStringLiteral("workflow.duplicate_variant"),
                             QStringLiteral("Nguồn hồ sơ \"%1\" được chọn hai lần.")
                                 .arg(workflowVariantName(wf.variants.at(i))),
                             QStringLiteral("variants"));
        }
    }
    QSet<QString> ids;
    for (qsizetype i = 0; i < wf.steps.size(); ++i) {
        const auto &s = wf.steps.at(i);
        const QString field = QStringLiteral("steps[%1]").arg(i);
        if (s.id.trimmed().isEmpty() || ids.contains(s.id)) {
            return makeError(
                QStringLiteral("workflow.bad_step_id"),
                QStringLiteral("Bước %1 có mã trống hoặc trùng (\"%2\").").arg(i + 1).arg(s.id),
                field);
        }
        ids.insert(s.id);
        if (s.durationMinutes < 0) {
            return makeError(QStringLiteral("workflow.negative_duration"),
                             QStringLiteral("Thời gian của bước \"%1\" không được âm.").arg(s.name),
                             field);
        }
        if (s.assignee.trimmed().isEmpty()) {
            return makeError(
                QStringLiteral("workflow.missing_assignee"),
                QStringLiteral("Bước \"%1\" chưa chỉ định người, phòng ban hoặc vai trò xử lý.")
                    .arg(s.name),
                field);
        }
    }
    if (!ids.contains(wf.startStepId)) {
        return makeError(
            QStringLiteral("workflow.bad_start"),
            QStringLiteral("Bước bắt đầu \"%1\" không có trong quy trình.").arg(wf.startStepId),
            QStringLiteral("startStepId"));
    }
    for (qsizetype i = 0; i < wf.transitions.size(); ++i) {
        const auto &t = wf.transitions.at(i);
        if (!ids.contains(t.from) || !ids.contains(t.to)) {
            return makeError(
                QStringLiteral("workflow.bad_transition"),
                QStringLiteral("Bước chuyển %1 nối tới bước không có trong quy trình (%2 → %3).")
                    .arg(i + 1)
                    .arg(t.from, t.to),
                QStringLiteral("transitions[%1]").arg(i));
        }
    }
    QSet<QString> reached{wf.startStepId};
    QStringList frontier{wf.startStepId};
    while (!frontier.isEmpty()) {
        const QString s = frontier.takeLast();
        for (const auto &t : wf.transitions) {
            if (t.from == s && !reached.contains(t.to)) {
                reached.insert(t.to);
                frontier.append(t.to);
            }
        }
    }
    for (const auto &s : wf.steps) {
        if (!reached.contains(s.id)) {
            return makeError(
                QStringLiteral("workflow.unreachable_step"),
                QStringLiteral("Bước \"%1\" không thể đạt tới từ bước bắt đầu.").arg(s.name), s.id);
        }
    }
    if (std::none_of(wf.steps.cbegin(), wf.steps.cend(),
                     [](const WorkflowStep &s) { return s.supplement; })) {
        return makeError(
            QStringLiteral("workflow.no_supplement_step"),
            QStringLiteral("Quy trình phải có bước yêu cầu tổ chức, cá nhân bổ sung hồ sơ."),
            QStringLiteral("steps"));
    }
    if (wf.timed) {
        if (!procedureDeadline.isTimed()) {
            return makeError(
                QStringLiteral("workflow.untimed_procedure"),
                QStringLiteral(
                    "Thủ tục không quy định thời hạn giải quyết: hãy chọn quy trình không "
                    "tính thời gian."),
                QStringLiteral("timed"));
        }
        const qint64 limit = deadlineMinutes(procedureDeadline, minutesPerDay);
        const qint64 total = wf.totalMinutes();
        if (total > limit) {
            return makeError(
                QStringLiteral("workflow.exceeds_deadline"),
                QStringLiteral("Tổng thời gian các bước là %1, vượt %2 so với thời hạn giải "
                               "quyết của thủ tục (%3).")
                    .arg(formatWorkingMinutes(total, minutesPerDay),
                         formatWorkingMinutes(total - limit, minutesPerDay),
                         formatWorkingMinutes(limit, minutesPerDay)),
                QStringLiteral("steps"));
        }
    }
    return {};
}

} // namespace motcua::domain
