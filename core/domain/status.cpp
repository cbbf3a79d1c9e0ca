#include "status.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace motcua::domain {
namespace {

struct StatusText
{
    Status status;
    const char *key;
    const char *name;
};
constexpr std::array kStatuses{
    StatusText{Status::AwaitingIntake, "awaiting-intake", "Chờ tiếp nhận"},
    StatusText{Status::Accepted, "accepted", "Được tiếp nhận"},
    StatusText{Status::SupplementRequested, "supplement-requested", "Yêu cầu bổ sung giấy tờ"},
    StatusText{Status::Returned, "returned", "Đã trả lại"},
    StatusText{Status::Stopped, "stopped", "Dừng xử lý"},
    StatusText{Status::InProgress, "in-progress", "Đang xử lý"},
    StatusText{Status::Done, "done", "Đã xử lý xong"},
};

struct StageText
{
    Stage stage;
    const char *key;
    const char *name;
    Status status;
    bool final;
    bool clockRunning;
};
constexpr std::array kStages{
    StageText{Stage::AwaitingIntake, "awaiting-intake", "Chờ tiếp nhận", Status::AwaitingIntake,
              false, false},
    StageText{Stage::Received, "received", "Đã tiếp nhận", Status::Accepted, false, true},
    StageText{Stage::SupplementRequested, "supplement-requested", "Chờ bổ sung hồ sơ",
              Status::SupplementRequested, false, false},
    StageText{Stage::Withdrawn, "withdrawn", "Đã trả lại hồ sơ (rút hồ sơ)", Status::Returned, true,
              false},
    StageText{Stage::Refused, "refused", "Từ chối tiếp nhận", Status::Stopped, true, false},
    StageText{Stage::AwaitingAssignment, "awaiting-assignment", "Chờ phân công", Status::InProgress,
              false, true},
    StageText{Stage::InAppraisal, "in-appraisal", "Đang thẩm định", Status::InProgress, false,
              true},
    StageText{Stage::Consulting, "consulting", "Đang xin ý kiến", Status::InProgress, false, true},
    StageText{Stage::AwaitingApproval, "awaiting-approval", "Chờ phê duyệt", Status::InProgress,
              false, true},
    StageText{Stage::Approved, "approved", "Đã phê duyệt, chờ trả kết quả", Status::InProgress,
              false, true},
    StageText{Stage::Rejected, "rejected", "Không đủ điều kiện giải quyết", Status::Stopped, true,
              false},
    StageText{Stage::StoppedOnRequest, "stopped-on-request", "Dừng xử lý theo yêu cầu",
              Status::Stopped, true, false},
    StageText{Stage::ResultReady, "result-ready", "Đang trả kết quả", Status::Done, false, false},
    StageText{Stage::ResultReturned, "result-returned", "Đã trả kết quả", Status::Done, true,
              false},
};

const StageText &stageText(Stage stage)
{
    for (const auto &s : kStages) {
        if (s.stage == stage)
            return s;
    }
    Q_UNREACHABLE();
}

} // namespace

QString statusKey(Status status)
{
    for (const auto &s : kStatuses) {
        if (s.status == status)
            return QString::fromLatin1(s.key);
    }
    return {};
}

QString statusName(Status status)
{
    for (const auto &s : kStatuses) {
        if (s.status == status)
            return QString::fromUtf8(s.name);
    }
    return {};
}

std::optional<Status> statusFromKey(const QString &key)
{
    for (const auto &s : kStatuses) {
        if (key == QLatin1String(s.key))
            return s.status;
    }
    return std::nullopt;
}

const QList<Stage> &allStages()
{
    static const QList<Stage> stages = [] {
        QList<Stage> list;
        for (const auto &s : kStages)
            list.append(s.stage);
        return list;
    }();
    return stages;
}

QString stageKey(Stage stage)
{
    return QString::fromLatin1(stageText(stage).key);
}
QString stageName(Stage stage)
{
    return QString::fromUtf8(stageText(stage).name);
}
Status statusOf(Stage stage)
{
    return stageText(stage).status;
}
bool isFinal(Stage stage)
{
    return stageText(stage).final;
}
bool isClockRunning(Stage stage)
{
    return stageText(stage).clockRunning;
}

std::optional<Stage> stageFromKey(const QString &key)
{
    for (const auto &s : kStages) {
        if (key == QLatin1String(s.key))
            return s.stage;
    }
    return std::nullopt;
}

QString statusInfoLabel(StatusInfo info)
{
    switch (info) {
    case StatusInfo::None:
        return {};
    case StatusInfo::IntakeDate:
        return QStringLiteral("Ngày tiếp nhận hồ sơ");
    case StatusInfo::SupplementReason:
        return QStringLiteral("Lý do bổ sung, hoàn thiện hồ sơ");
    case StatusInfo::RefusalReason:
        return QStringLiteral("Lý do từ chối tiếp nhận");
    case StatusInfo::CompetentAgency:
        return QStringLiteral("Cơ quan có thẩm quyền giải quyết");
    case StatusInfo::Handler:
        return QStringLiteral("Vị trí, phòng ban, người xử lý hiện tại");
    case StatusInfo::SupplementContent:
        return QStringLiteral("Lý do, nội dung cần bổ sung");
    case StatusInfo::NotResolvedReason:
        return QStringLiteral("Lý do không giải quyết");
    case StatusInfo::DueAndOverdue:
        return QStringLiteral("Thời hạn xử lý, thời gian quá hạn");
    case StatusInfo::ReturnState:
        return QStringLiteral("Đang trả kết quả/Đã trả kết quả");
    }
    return {};
}

// The rows of the R04.1 table, in the Circular's order.
const QList<StatusEvent> &statusCatalogue()
{
    static const QList<StatusEvent> rows{
        {QStringLiteral("counter-accepts"),
         QStringLiteral("Bộ phận một cửa tiếp nhận hồ sơ"),
         Status::Accepted,
         StatusInfo::IntakeDate,
         {Stage::Received}},
        {QStringLiteral("counter-requests-supplement"),
         QStringLiteral("Bộ phận một cửa trả lại hồ sơ chưa đầy đủ, chưa chính xác hoặc không "
                        "thuộc thẩm quyền "
                        "giải quyết"),
         Status::SupplementRequested,
         StatusInfo::SupplementReason,
         {Stage::SupplementRequested}},
        {QStringLiteral("counter-returns-withdrawn"),
         QStringLiteral("Bộ phận một cửa trả lại hồ sơ tổ chức, cá nhân yêu cầu rút hồ sơ"),
         Status::Returned,
         StatusInfo::None,
         {Stage::Withdrawn}},
        {QStringLiteral("counter-refuses"),
         QStringLiteral("Bộ phận một cửa từ chối tiếp nhận"),
         Status::Stopped,
         StatusInfo::RefusalReason,
         {Stage::Refused}},
        {QStringLiteral("counter-transfers"),
         QStringLiteral("Bộ phận một cửa chuyển hồ sơ"),
         Status::InProgress,
         StatusInfo::CompetentAgency,
         {Stage::AwaitingAssignment}},
        {QStringLiteral("agency-assigns"),
         QStringLiteral("Cơ quan có thẩm quyền giải quyết tiến hành phân công xử lý"),
         Status::InProgress,
         StatusInfo::Handler,
         {Stage::InAppraisal}},
        {QStringLiteral("handler-processes"),
         QStringLiteral("Người được giao xử lý tiến hành xử lý hồ sơ (không phải thẩm tra, xác "
                        "minh hoặc hồ sơ "
                        "đã đủ điều kiện trình cấp có thẩm quyền quyết định)"),
         Status::InProgress,
         StatusInfo::Handler,
         {Stage::InAppraisal, Stage::AwaitingApproval, Stage::Approved}},
        {QStringLiteral("handler-requests-supplement"),
         QStringLiteral(
             "Người được giao xử lý: thẩm tra, xác minh hồ sơ chưa đủ điều kiện giải quyết"),
         Status::SupplementRequested,
         StatusInfo::SupplementContent,
         {Stage::SupplementRequested}},
        {QStringLiteral("handler-rejects"),
         QStringLiteral("Người được giao xử lý: sau khi thẩm định không đủ điều kiện giải quyết"),
         Status::Stopped,
         StatusInfo::NotResolvedReason,
         {Stage::Rejected}},
        {QStringLiteral("handler-consults"),
         QStringLiteral("Người được giao xử lý: hồ sơ đang lấy ý kiến của các cơ quan liên quan"),
         Status::InProgress,
         StatusInfo::Handler,
         {Stage::Consulting}},
        {QStringLiteral("handler-inter-agency"),
         QStringLiteral("Người được giao xử lý: hồ sơ thực hiện theo liên thông"),
         Status::InProgress,
         StatusInfo::Handler,
         {Stage::InAppraisal, Stage::AwaitingAssignment}},
        {QStringLiteral("overdue"),
         QStringLiteral("Người được giao xử lý: hồ sơ quá hạn giải quyết"),
         Status::InProgress,
         StatusInfo::DueAndOverdue,
         {Stage::AwaitingAssignment, Stage::InAppraisal, Stage::Consulting, Stage::AwaitingApproval,
          Stage::Approved}},
        {QStringLiteral("counter-returns-result"),
         QStringLiteral("Bộ phận một cửa chuyển hồ sơ được xử lý xong để trả hồ sơ"),
         Status::Done,
         StatusInfo::ReturnState,
         {Stage::ResultReady, Stage::ResultReturned}},
    };
    return rows;
}

TransitionChart::TransitionChart(QList<Transition> transitions, QList<Stage> initial)
    : m_transitions(std::move(transitions))
    , m_initial(std::move(initial))
{}

const TransitionChart &TransitionChart::standard()
{
    using A = ActionType;
    using S = Stage;
    static const TransitionChart chart(
        {
            // Intake of online dossiers (R12.2)
            {S::AwaitingIntake, A::Receive, S::Received},
            {S::AwaitingIntake, A::Refuse, S::Refused},
            {S::AwaitingIntake, A::RequestSupplement, S::SupplementRequested},
            {S::AwaitingIntake, A::Withdraw, S::Withdrawn},
            // At the counter
            {S::Received, A::RequestSupplement, S::SupplementRequested},
            {S::Received, A::Transfer, S::AwaitingAssignment},
            {S::Received, A::Refuse, S::Refused},
            {S::Received, A::Withdraw, S::Withdrawn},
            {S::Received, A::Stop, S::StoppedOnRequest},
            {S::Received, A::Sign, S::Received},
            // Waiting for the applicant (the clock is stopped)
            {S::SupplementRequested, A::RecordSupplement, S::AwaitingIntake},
            {S::SupplementRequested, A::RecordSupplement, S::Received},
            {S::SupplementRequested, A::RecordSupplement, S::InAppraisal},
            {S::SupplementRequested, A::Refuse, S::Refused},
            {S::SupplementRequested, A::Withdraw, S::Withdrawn},
            {S::SupplementRequested, A::Stop, S::StoppedOnRequest},
            // At the competent agency
            {S::AwaitingAssignment, A::Assign, S::InAppraisal},
            {S::AwaitingAssignment, A::Transfer, S::AwaitingAssignment},
            {S::AwaitingAssignment, A::Extend, S::AwaitingAssignment},
            {S::AwaitingAssignment, A::Withdraw, S::Withdrawn},
            {S::AwaitingAssignment, A::Stop, S::StoppedOnRequest},
            // Appraisal (R15)
            {S::InAppraisal, A::Reassign, S::InAppraisal},
            {S::InAppraisal, A::Transfer, S::AwaitingAssignment},
            {S::InAppraisal, A::Consult, S::Consulting},
            {S::InAppraisal, A::RequestSupplement, S::SupplementRequested},
            {S::InAppraisal, A::SubmitForApproval, S::AwaitingApproval},
            {S::InAppraisal, A::Reject, S::Rejected},
            {S::InAppraisal, A::Extend, S::InAppraisal},
            {S::InAppraisal, A::Sign, S::InAppraisal},
            {S::InAppraisal, A::Withdraw, S::Withdrawn},
            {S::InAppraisal, A::Stop, S::StoppedOnRequest},
            // Consultation (R15.9)
            {S::Consulting, A::Consult, S::Consulting},
            {S::Consulting, A::RecordOpinion, S::Consulting},
            {S::Consulting, A::RecordOpinion, S::InAppraisal},
            {S::Consulting, A::Reassign, S::Consulting},
            {S::Consulting, A::Extend, S::Consulting},
            {S::Consulting, A::Withdraw, S::Withdrawn},
            {S::Consulting, A::Stop, S::StoppedOnRequest},
            // Approval (R16)
            {S::AwaitingApproval, A::Approve, S::AwaitingApproval},
            {S::AwaitingApproval, A::Approve, S::Approved},
            {S::AwaitingApproval, A::SendBack, S::InAppraisal},
            {S::AwaitingApproval, A::Reject, S::Rejected},
            {S::AwaitingApproval, A::Sign, S::AwaitingApproval},
            {S::AwaitingApproval, A::Extend, S::AwaitingApproval},
            {S::AwaitingApproval, A::Withdraw, S::Withdrawn},
            {S::AwaitingApproval, A::Stop, S::StoppedOnRequest},
            // Return of results (R18)
            {S::Approved, A::Sign, S::Approved},
            {S::Approved, A::Complete, S::ResultReady},
            {S::ResultReady, A::ReturnResult, S::ResultReturned},
            {S::ResultReady, A::ReturnResult,
             S::ResultReady}, // originals missing: not yet returned (R18.6)
        },
        {S::AwaitingIntake, S::Received});
    return chart;
}

bool TransitionChart::allows(Stage from, ActionType action) const
{
    return !targets(from, action).isEmpty();
}

QList<ActionType> TransitionChart::actionsFrom(Stage from) const
{
    QList<ActionType> actions;
    for (const auto &t : m_transitions) {
        if (t.from == from && !actions.contains(t.action))
            actions.append(t.action);
    }
    return actions;
}

QList<Stage> TransitionChart::targets(Stage from, ActionType action) const
{
    QList<Stage> stages;
    for (const auto &t : m_transitions) {
        if (t.from == from && t.action == action)
            stages.append(t.to);
    }
    return stages;
}

namespace {
int stepKey(Stage from, ActionType action)
{
    return int(from) * 1024 + int(action);
}
} // namespace

QList<Role> TransitionChart::rolesAt(Stage from, ActionType action) const
{
    return m_roles.value(stepKey(from, action));
}

void TransitionChart::narrowRoles(Stage from, ActionType action, QList<Role> roles)
{
    if (roles.isEmpty())
        m_roles.remove(stepKey(from, action));
    else
        m_roles.insert(stepKey(from, action), std::move(roles));
}

Check TransitionChart::validate() const
{
    QSet<Stage> reached(m_initial.cbegin(), m_initial.cend());
    QList<Stage> frontier = m_initial;
    while (!frontier.isEmpty()) {
        const Stage s = frontier.takeLast();
        for (const auto &t : m_transitions) {
            if (t.from == s && !reached.contains(t.to)) {
                reached.insert(t.to);
                frontier.append(t.to);
            }
        }
    }
    for (const Stage s : allStages()) {
        if (!reached.contains(s)) {
            return makeError(
                QStringLiteral("chart.unreachable"),
                QStringLiteral("Trạng thái \"%1\" không thể đạt tới từ trạng thái ban đầu nào.")
                    .arg(stageName(s)),
                stageKey(s));
        }
        const bool hasExit
            = std::any_of(m_transitions.cbegin(), m_transitions.cend(),
                          [s](const Transition &t) { return t.from == s && t.to != s; });
        if (isFinal(s) && !actionsFrom(s).isEmpty()) {
            return makeError(
                QStringLiteral("chart.final_has_exit"),
                QStringLiteral("Trạng thái kết thúc \"%1\" không được có bước chuyển tiếp.")
                    .arg(stageName(s)),
                stageKey(s));
        }
        if (!isFinal(s) && !hasExit) {
            return makeError(
                QStringLiteral("chart.dead_end"),
                QStringLiteral(
                    "Trạng thái \"%1\" không có bước chuyển tiếp và không phải trạng thái "
                    "kết thúc.")
                    .arg(stageName(s)),
                stageKey(s));
        }
    }
    return {};
}

} // namespace motcua::domain
