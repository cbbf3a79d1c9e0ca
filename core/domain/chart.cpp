#include "chart.h"

#include "engine.h"
#include "json.h"
#include "jsonreader.h"

#include <QJsonArray>

#include <algorithm>

namespace motcua::domain {

namespace {

bool sameStep(const ChartStep &s, Stage from, ActionType action)
{
    return s.from == from && s.action == action;
}

// `roles` in allRoles() order, each once.
QList<Role> ordered(const QList<Role> &roles)
{
    QList<Role> out;
    for (const Role r : allRoles()) {
        if (roles.contains(r))
            out.append(r);
    }
    return out;
}

QString stepLabel(Stage from, ActionType action)
{
    return QStringLiteral("\"%1\" ở bước \"%2\"").arg(actionTypeName(action), stageName(from));
}

} // namespace

ChartStep ChartSettings::step(Stage from, ActionType action) const
{
    for (const ChartStep &s : steps) {
        if (sameStep(s, from, action))
            return s;
    }
    return ChartStep{from, action};
}

bool isOptionalStep(Stage from, ActionType action)
{
    return lockedReason(from, action).isEmpty();
}

QString lockedReason(Stage from, ActionType action)
{
    switch (action) {
    case ActionType::Transfer:
        // The counter's transfer to the competent agency is the path every dossier takes; a
        // transfer onward from the agency is the agency's choice.
        if (from == Stage::AwaitingAssignment || from == Stage::InAppraisal)
            return {};
        break;
    case ActionType::Consult:
    case ActionType::Reassign:
    case ActionType::Extend:
        return {};
    case ActionType::Withdraw:
        return QStringLiteral("Công dân có quyền rút hồ sơ ở mọi bước chưa kết thúc.");
    case ActionType::RequestSupplement:
    case ActionType::RecordSupplement:
        return QStringLiteral("Yêu cầu và nhận bổ sung hồ sơ là quyền của công dân, phải có ở "
                              "mọi bước cho phép.");
    case ActionType::Refuse:
    case ActionType::Reject:
        return QStringLiteral("Từ chối hồ sơ phải được thực hiện có lý do gửi công dân; bước này "
                              "không tắt được.");
    case ActionType::Stop:
        return QStringLiteral("Công dân có quyền đề nghị dừng giải quyết hồ sơ.");
    case ActionType::Complete:
    case ActionType::ReturnResult:
        return QStringLiteral("Trả kết quả cho công dân là bước bắt buộc.");
    case ActionType::Sign:
        return QStringLiteral("Giấy tờ số hóa và kết quả phải được ký số.");
    default:
        break;
    }
    return QStringLiteral("Mọi hồ sơ đều đi qua bước này.");
}

QList<ChartStep> standardSteps()
{
    QList<ChartStep> out;
    for (const Transition &t : TransitionChart::standard().transitions()) {
        if (std::none_of(out.cbegin(), out.cend(),
                         [&t](const ChartStep &s) { return sameStep(s, t.from, t.action); }))
            out.append(ChartStep{t.from, t.action});
    }
    return out;
}

Result<ChartSettings> chartSettingsFromJson(const QJsonObject &json)
{
    auto read = readTopLevel<ChartSettings>(json, [](JsonReader &r) {
        ChartSettings settings;
        settings.steps = r.objects<ChartStep>("steps", [](JsonReader &item) {
            ChartStep s;
            s.from = item.enumeration<Stage>("from", stageFromKey, Stage::Received, true);
            s.action = item.enumeration<ActionType>("action", actionTypeFromKey,
                                                    ActionType::Receive, true);
            s.enabled = item.boolean("enabled", true);
            const QStringList roles = item.stringList("roles");
            for (const QString &key : roles) {
                const auto role = roleFromKey(key);
                if (!role) {
                    item.fail("roles", QStringLiteral("json.bad_value"),
                              QStringLiteral("Vai trò \"%1\" không có.").arg(key));
                    break;
                }
                s.roles.append(*role);
            }
            if (item.has("roles") && roles.isEmpty()) {
                item.fail("roles", QStringLiteral("chart.no_roles"),
                          QStringLiteral("Mỗi bước phải có ít nhất một vai trò được thực hiện."));
            }
            return s;
        });
        return settings;
    });
    if (!read)
        return read.error();
    // Canonical: every step checked against the standard chart, in its order, a step as
    // standard left out.
    const QList<ChartStep> standard = standardSteps();
    const QList<ChartStep> given = read->steps;
    for (qsizetype i = 0; i < given.size(); ++i) {
        const ChartStep &s = given.at(i);
        const QString at = QStringLiteral("steps[%1]").arg(i);
        if (std::none_of(standard.cbegin(), standard.cend(),
                         [&s](const ChartStep &x) { return sameStep(x, s.from, s.action); })) {
            return makeError(
                QStringLiteral("chart.unknown_step"),
                QStringLiteral("Lưu đồ chuẩn không có bước %1.").arg(stepLabel(s.from, s.action)),
                at);
        }
        for (qsizetype j = 0; j < i; ++j) {
            if (sameStep(given.at(j), s.from, s.action)) {
                return makeError(
                    QStringLiteral("chart.repeated_step"),
                    QStringLiteral("Bước %1 được khai hai lần.").arg(stepLabel(s.from, s.action)),
                    at);
            }
        }
        if (!s.enabled && !isOptionalStep(s.from, s.action)) {
            return makeError(QStringLiteral("chart.locked_step"),
                             QStringLiteral("Không thể tắt bước %1: %2")
                                 .arg(stepLabel(s.from, s.action), lockedReason(s.from, s.action)),
                             at + QStringLiteral(".enabled"));
        }
        const QList<Role> allowed = rolesAllowed(s.action);
        for (const Role r : s.roles) {
            if (!allowed.contains(r)) {
                return makeError(QStringLiteral("chart.role_not_allowed"),
                                 QStringLiteral("Vai trò \"%1\" không được \"%2\"; chỉ có thể "
                                                "thu hẹp trong các vai trò của thao tác này.")
                                     .arg(roleName(r), actionTypeName(s.action)),
                                 at + QStringLiteral(".roles"));
            }
        }
    }
    ChartSettings settings;
    for (const ChartStep &base : standard) {
        const auto it = std::find_if(given.cbegin(), given.cend(), [&base](const ChartStep &s) {
            return sameStep(s, base.from, base.action);
        });
        if (it == given.cend())
            continue;
        ChartStep s = *it;
        s.roles = s.enabled ? ordered(s.roles) : QList<Role>{};
        if (s.roles == ordered(rolesAllowed(s.action)))
            s.roles.clear();
        if (s.enabled && s.roles.isEmpty())
            continue; // as standard
        settings.steps.append(s);
    }
    return settings;
}

QJsonObject toJson(const ChartSettings &settings)
{
    QJsonArray steps;
    for (const ChartStep &s : settings.steps) {
        QJsonObject o{{QStringLiteral("from"), stageKey(s.from)},
                      {QStringLiteral("action"), actionTypeKey(s.action)}};
        if (!s.enabled)
            o.insert(QStringLiteral("enabled"), false);
        if (!s.roles.isEmpty()) {
            QJsonArray roles;
            for (const Role r : s.roles)
                roles.append(roleKey(r));
            o.insert(QStringLiteral("roles"), roles);
        }
        steps.append(o);
    }
    return {{QStringLiteral("steps"), steps}};
}

Result<TransitionChart> chartFrom(const ChartSettings &settings)
{
    // Through the JSON reader's checks, so that settings built in code are held to the same rules.
    auto canonical = chartSettingsFromJson(toJson(settings));
    if (!canonical)
        return canonical.error();
    const TransitionChart &standard = TransitionChart::standard();
    QList<Transition> transitions = standard.transitions();
    transitions.removeIf(
        [&canonical](const Transition &t) { return !canonical->step(t.from, t.action).enabled; });
    TransitionChart chart(transitions, standard.initialStages());
    for (const ChartStep &s : canonical->steps)
        chart.narrowRoles(s.from, s.action, s.roles);
    // A stage only a switched-off step led into is left unused (a dossier already there still
    // leaves by its steps); every stage still in use keeps a way out.
    for (const Stage st : allStages()) {
        if (isFinal(st))
            continue;
        const bool hasExit
            = std::any_of(transitions.cbegin(), transitions.cend(),
                          [st](const Transition &t) { return t.from == st && t.to != st; });
        if (!hasExit) {
            return makeError(QStringLiteral("chart.dead_end"),
                             QStringLiteral("Trạng thái \"%1\" không còn bước chuyển tiếp nào.")
                                 .arg(stageName(st)),
                             QStringLiteral("steps"));
        }
    }
    return chart;
}

} // namespace motcua::domain
