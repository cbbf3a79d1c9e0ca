#include "engine.h"

#include "engine_rules.h"
#include "workcalendar.h"
#include "workflow.h"

namespace motcua::domain {
namespace {

Error reject(const char *code, const QString &message, const QString &field = {})
{
    return makeError(QString::fromLatin1(code), message, field);
}

bool hasAnyRole(const Officer &officer, std::initializer_list<Role> roles)
{
    return std::any_of(roles.begin(), roles.end(), [&](Role r) { return officer.hasRole(r); });
}

bool isSupervisor(const Officer &officer)
{
    return hasAnyRole(officer, {Role::Head, Role::Leader});
}

bool isCounterStage(Stage stage)
{
    return stage == Stage::AwaitingIntake || stage == Stage::Received
        || stage == Stage::SupplementRequested;
}

// Who may act at this stage: the counter at the counter's stages; the holder (or a supervisor, for
// the actions a supervisor may take over) once a handler holds the dossier.
Check checkActorAtStage(const Dossier &d, const Action &a, const Officer &actor)
{
    const auto wrongRole = [&] {
        return reject(
            "action.wrong_role",
            QStringLiteral("Tài khoản %1 không có quyền \"%2\" khi hồ sơ đang ở bước \"%3\".")
                .arg(actor.username, actionTypeName(a.type), stageName(d.stage)));
    };
    switch (a.type) {
    case ActionType::RequestSupplement:
    case ActionType::Transfer:
        if (isCounterStage(d.stage))
            return actor.hasRole(Role::Counter) ? Check{} : Check{wrongRole()};
        if (actor.hasRole(Role::Counter)
            && !hasAnyRole(actor, {Role::Appraiser, Role::Head, Role::Leader}))
            return wrongRole();
        break;
    default:
        break;
    }

    const bool held = !d.handlerId.isEmpty();
    const bool isHolder = d.handlerId == actor.id;
    switch (a.type) {
    case ActionType::Consult:
    case ActionType::RecordOpinion:
    case ActionType::SubmitForApproval:
        if (!isHolder) {
            return reject(
                "action.not_holder",
                QStringLiteral(
                    "Chỉ người đang xử lý hồ sơ mới được \"%1\". Lãnh đạo cần phân công lại "
                    "cho mình trước khi thực hiện.")
                    .arg(actionTypeName(a.type)));
        }
        break;
    case ActionType::RequestSupplement:
    case ActionType::Transfer:
    case ActionType::Reject:
    case ActionType::Extend:
    case ActionType::Sign:
        if (held && !isHolder && !isSupervisor(actor) && !isCounterStage(d.stage)
            && d.stage != Stage::AwaitingApproval && d.stage != Stage::Approved) {
            return reject(
                "action.not_holder",
                QStringLiteral(
                    "Hồ sơ đang do cán bộ khác xử lý; chỉ người đang xử lý hoặc lãnh đạo mới "
                    "được \"%1\".")
                    .arg(actionTypeName(a.type)));
        }
        if (a.type == ActionType::Reject && d.stage == Stage::AwaitingApproval
            && !isSupervisor(actor))
            return wrongRole();
        break;
    default:
        break;
    }
    return {};
}

// Printing a slip changes nothing but the list of prints: allowed in every stage, final ones too
// (a citizen asks for a reprint after the result), outside the transition chart of R04.2.
bool isStageNeutral(ActionType type)
{
    return type == ActionType::RecordPrint;
}

// The action was made on `baseVersion`; the dossier is at d.version. Equal is current. Older is
// still current when every action accepted since is a print: a print conflicts with nothing, so
// printing a reprint at the counter never turns an appraiser's offline work into a conflict.
bool isCurrentBase(const Dossier &d, int baseVersion)
{
    if (baseVersion == d.version)
        return true;
    if (baseVersion > d.version || baseVersion < 1 || d.trail.size() != d.version)
        return false;
    return std::all_of(d.trail.cbegin() + baseVersion, d.trail.cend(),
                       [](const TrailEntry &t) { return isStageNeutral(t.type); });
}

// R07: the version of the procedure's workflow is recorded at intake (the start step of a
// workflow that covers the dossier's channel) and kept for the dossier's life; every later action
// moves the step along that version (stepAfter). A procedure without a workflow, a workflow that
// does not cover the channel, or a dossier received before steps were recorded keeps the fields
// empty. A directory that does not hold the recorded version (a client whose cache lacks it)
// leaves the step alone: the server's confirmed state brings it.
void trackWorkflowStep(Dossier &d, const QString &fromStepId, ActionType type,
                       const Directory &directory, bool creating)
{
    if (creating) {
        if (d.workflowId.isEmpty())
            return;
        const auto workflow = directory.workflow(d.workflowId);
        const auto variant = workflowVariantFor(d.channel);
        if (!workflow || !variant || !workflow->variants.contains(*variant)
            || !workflow->step(workflow->startStepId))
            return;
        d.workflowVersion = workflow->version;
        d.currentStepId = workflow->startStepId;
        return;
    }
    if (d.workflowVersion == 0 || d.workflowId.isEmpty())
        return;
    if (type == ActionType::RequestSupplement && !d.supplements.isEmpty())
        d.supplements.last().resumeStepId = fromStepId;
    if (const auto workflow = directory.workflow(d.workflowId, d.workflowVersion))
        d.currentStepId = stepAfter(*workflow, fromStepId, type, d);
}

// R01.2c: the work a workflow step lists is for the officers the step is given to. Actions the
// step does not list (a supervisor's reassignment, signing, a print) are the role rules' alone.
Check checkStepAssignee(const Dossier &d, ActionType type, const Officer &actor,
                        const Directory &directory)
{
    if (d.workflowVersion == 0 || d.workflowId.isEmpty())
        return {};
    const auto workflow = directory.workflow(d.workflowId, d.workflowVersion);
    if (!workflow)
        return {};
    const WorkflowStep *step = currentStep(*workflow, d);
    if (!step || !step->allowedActions.contains(type) || mayWorkAt(*step, workflow->id, actor))
        return {};
    return reject(
        "action.step_not_permitted",
        QStringLiteral("Bước \"%1\" của quy trình chỉ dành cho %2; tài khoản %3 không "
                       "được \"%4\" ở bước này.")
            .arg(step->name, assigneeDescription(*step), actor.username, actionTypeName(type)));
}

// The officer a dossier is assigned to must be one the step it lands on is given to, or the
// dossier would wait at a step nobody holding it may work at.
Check checkHandlerAtStep(const Dossier &d, const Directory &directory)
{
    if (d.handlerId.isEmpty() || d.workflowVersion == 0 || d.currentStepId.isEmpty())
        return {};
    const auto workflow = directory.workflow(d.workflowId, d.workflowVersion);
    const WorkflowStep *step = workflow ? workflow->step(d.currentStepId) : nullptr;
    if (!step)
        return {};
    const auto handler = directory.officer(d.handlerId);
    if (!handler || mayWorkAt(*step, workflow->id, *handler))
        return {};
    return reject("action.step_not_permitted",
                  QStringLiteral("Cán bộ %1 không được giao bước \"%2\" (bước này dành cho %3).")
                      .arg(handler->fullName.isEmpty() ? handler->username : handler->fullName,
                           step->name, assigneeDescription(*step)),
                  QStringLiteral("payload.handlerId"));
}

} // namespace

QList<Role> rolesAllowed(ActionType type)
{
    switch (type) {
    case ActionType::SubmitOnline:
        return {Role::Counter, Role::Admin};
    case ActionType::Receive:
    case ActionType::RecordSupplement:
    case ActionType::Refuse:
    case ActionType::Withdraw:
    case ActionType::ReturnResult:
        return {Role::Counter};
    case ActionType::RequestSupplement:
    case ActionType::Transfer:
        return {Role::Counter, Role::Appraiser, Role::Head, Role::Leader};
    case ActionType::Assign:
    case ActionType::Reassign:
    case ActionType::SendBack:
    case ActionType::Approve:
        return {Role::Head, Role::Leader};
    case ActionType::Consult:
    case ActionType::RecordOpinion:
    case ActionType::SubmitForApproval:
    case ActionType::Reject:
    case ActionType::Extend:
        return {Role::Appraiser, Role::Head, Role::Leader};
    case ActionType::Sign:
        return {Role::Counter, Role::Appraiser, Role::Head, Role::Leader, Role::Archivist};
    case ActionType::Stop:
        return {Role::Counter, Role::Admin};
    case ActionType::Complete:
        return {Role::Counter, Role::Archivist};
    case ActionType::RecordPrint:
        return allRoles(); // any officer of the receiving or handling agency
    }
    return {};
}

namespace {

// permitted() by the given chart (the standard one, or the province's from the directory).
Check permittedBy(const TransitionChart &chart, const Dossier &d, ActionType type,
                  const Officer &actor, bool creating)
{
    if (!actor.active) {
        return reject("action.inactive_actor",
                      QStringLiteral("Tài khoản %1 đã bị khóa, không thể thực hiện thao tác.")
                          .arg(actor.username),
                      QStringLiteral("actorId"));
    }
    const auto allowed = rolesAllowed(type);
    if (std::none_of(allowed.cbegin(), allowed.cend(), [&](Role r) { return actor.hasRole(r); })) {
        return reject("action.wrong_role",
                      QStringLiteral("Tài khoản %1 không có quyền \"%2\".")
                          .arg(actor.username, actionTypeName(type)));
    }
    if (creating)
        return {};
    if (actor.agencyCode != d.agencyCode && actor.agencyCode != d.handlingAgencyCode) {
        return reject("action.wrong_agency",
                      QStringLiteral("Hồ sơ %1 không thuộc cơ quan của tài khoản %2.")
                          .arg(d.code, actor.username));
    }
    if (!isStageNeutral(type) && !chart.allows(d.stage, type)) {
        return reject("action.wrong_stage",
                      QStringLiteral("Không thể \"%1\" khi hồ sơ đang ở bước \"%2\".")
                          .arg(actionTypeName(type), stageName(d.stage)));
    }
    // The province's chart may give a step to fewer roles than the action's (R04.2).
    if (const auto narrowed = chart.rolesAt(d.stage, type); !narrowed.isEmpty()
        && std::none_of(narrowed.cbegin(), narrowed.cend(),
                        [&](Role r) { return actor.hasRole(r); })) {
        QStringList names;
        for (const Role r : narrowed)
            names.append(roleName(r));
        return reject(
            "action.wrong_role",
            QStringLiteral("Theo lưu đồ trạng thái, ở bước \"%1\" chỉ %2 được \"%3\".")
                .arg(stageName(d.stage), names.join(QStringLiteral(", ")), actionTypeName(type)));
    }
    Action probe;
    probe.type = type;
    return checkActorAtStage(d, probe, actor);
}

} // namespace

Check permitted(const Dossier &d, ActionType type, const Officer &actor, bool creating)
{
    return permittedBy(TransitionChart::standard(), d, type, actor, creating);
}

Check permitted(const Dossier &d, ActionType type, const Officer &actor, const Directory &directory)
{
    if (auto st = permittedBy(directory.chart(), d, type, actor, false); !st)
        return st;
    return checkStepAssignee(d, type, actor, directory);
}

Result<Dossier> apply(Dossier d, const Action &a, const Directory &directory)
{
    const bool creating = d.version == 0;
    if (!creating && d.hasApplied(a.id))
        return d; // idempotent: the same action twice changes nothing

    if (creating) {
        if (a.type != ActionType::Receive && a.type != ActionType::SubmitOnline) {
            return reject("action.wrong_stage",
                          QStringLiteral("Hồ sơ chưa được tiếp nhận nên chưa thể \"%1\".")
                              .arg(actionTypeName(a.type)));
        }
        d.id = a.dossierId;
    } else if (a.dossierId != d.id) {
        return reject("action.wrong_dossier", QStringLiteral("Thao tác không thuộc hồ sơ này."),
                      QStringLiteral("dossierId"));
    }
    if (a.id.isNull())
        return reject("action.bad_payload", QStringLiteral("Thao tác thiếu mã định danh (UUID)."),
                      QStringLiteral("id"));
    if (a.dossierId.isNull())
        return reject("action.bad_payload", QStringLiteral("Thao tác thiếu mã hồ sơ."),
                      QStringLiteral("dossierId"));
    if (!isCurrentBase(d, a.baseVersion)) {
        return reject("action.stale_version",
                      QStringLiteral("Hồ sơ đã được cập nhật bởi thao tác khác (phiên bản hiện tại "
                                     "%1, thao tác lập trên "
                                     "phiên bản %2). Hãy mở lại hồ sơ và thực hiện lại.")
                          .arg(d.version)
                          .arg(a.baseVersion),
                      QStringLiteral("baseVersion"));
    }
    if (!a.deviceTime.isValid())
        return reject("action.bad_payload", QStringLiteral("Thao tác thiếu thời điểm thực hiện."),
                      QStringLiteral("deviceTime"));

    const auto actor = directory.officer(a.actorId);
    if (!actor) {
        return reject("action.unknown_actor",
                      QStringLiteral("Không tìm thấy tài khoản cán bộ thực hiện thao tác."),
                      QStringLiteral("actorId"));
    }
    if (auto st = permittedBy(directory.chart(), d, a.type, *actor, creating); !st)
        return st.error();
    if (!creating) {
        if (auto st = checkStepAssignee(d, a.type, *actor, directory); !st)
            return st.error();
    }

    const rules::Context ctx{a, *actor, directory, toVietnamTime(a.deviceTime)};
    const Stage before = d.stage;
    const QString stepBefore = d.currentStepId;
    auto note = rules::applyEffect(d, ctx);
    if (!note)
        return note.error();
    if (isStageNeutral(a.type) && d.stage != before)
        return reject("action.wrong_stage", QStringLiteral("In phiếu không được đổi trạng thái."));
    if (!creating && !isStageNeutral(a.type)
        && !directory.chart().targets(before, a.type).contains(d.stage)) {
        return reject(
            "action.wrong_stage",
            QStringLiteral("Bước chuyển từ \"%1\" sang \"%2\" không có trong lưu đồ trạng thái.")
                .arg(stageName(before), stageName(d.stage)));
    }

    trackWorkflowStep(d, stepBefore, a.type, directory, creating);
    if (a.type == ActionType::Assign || a.type == ActionType::Reassign) {
        if (auto st = checkHandlerAtStep(d, directory); !st)
            return st.error();
    }

    ++d.version;
    d.trail.append(TrailEntry{a.id, a.type, actor->id, ctx.now, d.stage, note.value()});
    // R15.4 "taken part in": printing a slip is not taking part in the processing.
    if (!isStageNeutral(a.type) && !d.participants.contains(actor->id))
        d.participants.append(actor->id);
    return d;
}

Result<Dossier> fold(const QList<Action> &actions, const Directory &directory)
{
    Dossier d;
    for (const auto &a : actions) {
        auto next = apply(std::move(d), a, directory);
        if (!next)
            return next.error();
        d = std::move(next).value();
    }
    return d;
}

QString statusLine(const Dossier &d, const QDateTime &now, const Directory &directory)
{
    const QString status = statusName(d.status());
    const auto with = [&](const QString &info) -> QString {
        return info.isEmpty() ? status : status + QStringLiteral(" — ") + info;
    };
    const auto reason = [&](const QString &label) {
        return with(d.stageNote.isEmpty() ? QString() : label + QStringLiteral(": ") + d.stageNote);
    };
    const WorkCalendar &calendar
        = directory.calendar(d.handlingAgencyCode.isEmpty() ? d.agencyCode : d.handlingAgencyCode);

    switch (d.stage) {
    case Stage::AwaitingIntake:
        return with({});
    case Stage::Received:
        return with(QStringLiteral("Ngày tiếp nhận hồ sơ: ")
                    + d.receivedAt.date().toString(QStringLiteral("d/M/yyyy")));
    case Stage::SupplementRequested: {
        const bool byHandler = !d.supplements.isEmpty()
            && d.supplements.constLast().resumeStage == Stage::InAppraisal;
        return reason(byHandler ? QStringLiteral("Lý do, nội dung cần bổ sung")
                                : QStringLiteral("Lý do bổ sung, hoàn thiện hồ sơ"));
    }
    case Stage::Withdrawn:
        return with({});
    case Stage::Refused:
        return reason(QStringLiteral("Lý do từ chối tiếp nhận"));
    case Stage::Rejected:
        return reason(QStringLiteral("Lý do không giải quyết"));
    case Stage::StoppedOnRequest:
        return reason(QStringLiteral("Lý do dừng xử lý"));
    case Stage::ResultReady:
        return with(QStringLiteral("Đang trả kết quả"));
    case Stage::ResultReturned:
        return with(QStringLiteral("Đã trả kết quả"));
    case Stage::AwaitingAssignment:
    case Stage::InAppraisal:
    case Stage::Consulting:
    case Stage::AwaitingApproval:
    case Stage::Approved:
        break;
    }
    if (d.isOverdue(now)) {
        const int days = std::max(1, calendar.workingDaysLate(d.dueAt, now));
        return with(QStringLiteral("Hạn xử lý %1 - Quá hạn %2 ngày")
                        .arg(toVietnamTime(d.dueAt).date().toString(QStringLiteral("dd/MM/yyyy")))
                        .arg(days));
    }
    if (d.stage == Stage::AwaitingAssignment) {
        const auto agency = directory.agency(d.handlingAgencyCode);
        return with(QStringLiteral("Cơ quan có thẩm quyền giải quyết: ")
                    + (agency ? agency->name : d.handlingAgencyCode));
    }
    QStringList parts;
    if (const auto handler = directory.officer(d.handlerId)) {
        if (!handler->title.isEmpty())
            parts << handler->title;
        if (const auto agency = directory.agency(handler->agencyCode)) {
            for (const auto &dep : agency->departments) {
                if (dep.id == handler->departmentId)
                    parts << dep.name;
            }
        }
        parts << handler->fullName;
    }
    return with(parts.join(QStringLiteral(", ")));
}

} // namespace motcua::domain
