// JSON of the catalogues: agencies, officers, procedures, workflows.
#include "json.h"

namespace motcua::domain {
namespace {

QJsonArray stringsToJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QString deadlineUnitKey(Deadline::Unit unit)
{
    switch (unit) {
    case Deadline::Unit::None:
        return QStringLiteral("none");
    case Deadline::Unit::WorkingDays:
        return QStringLiteral("working-days");
    case Deadline::Unit::WorkingHours:
        return QStringLiteral("working-hours");
    case Deadline::Unit::WorkingMinutes:
        return QStringLiteral("working-minutes");
    }
    return {};
}

std::optional<Deadline::Unit> deadlineUnitFromKey(const QString &key)
{
    for (const auto u : {Deadline::Unit::None, Deadline::Unit::WorkingDays,
                         Deadline::Unit::WorkingHours, Deadline::Unit::WorkingMinutes}) {
        if (deadlineUnitKey(u) == key)
            return u;
    }
    return std::nullopt;
}

} // namespace

void readSchemaVersion(JsonReader &r)
{
    const auto version = r.integer("schemaVersion", false, 1, 1000000, kSchemaVersion);
    if (version > kSchemaVersion) {
        r.fail("schemaVersion", QStringLiteral("json.schema_too_new"),
               QStringLiteral("Dữ liệu có phiên bản lược đồ %1, mới hơn phiên bản phần mềm hỗ trợ "
                              "(%2): hãy cập nhật "
                              "phần mềm.")
                   .arg(version)
                   .arg(kSchemaVersion));
    }
}

QJsonObject toJson(const Deadline &d)
{
    return {{QStringLiteral("unit"), deadlineUnitKey(d.unit)},
            {QStringLiteral("amount"), d.amount}};
}

Deadline readDeadline(JsonReader &r)
{
    Deadline d;
    d.unit = r.enumeration<Deadline::Unit>("unit", deadlineUnitFromKey, Deadline::Unit::None, true);
    d.amount = int(r.integer("amount", d.unit != Deadline::Unit::None, 0, 100000));
    if (d.unit != Deadline::Unit::None && d.amount <= 0 && !r.failed())
        r.fail("amount", QStringLiteral("json.out_of_range"),
               QStringLiteral("Thời hạn giải quyết phải lớn hơn 0."));
    return d;
}

QJsonObject toJson(const Agency &a)
{
    QJsonArray departments;
    for (const auto &d : a.departments)
        departments.append(
            QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("name"), d.name}});
    QJsonObject o{{QStringLiteral("schemaVersion"), kSchemaVersion},
                  {QStringLiteral("code"), a.code},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("kind"), agencyKindKey(a.kind)},
                  {QStringLiteral("departments"), departments}};
    if (!a.parentCode.isEmpty())
        o.insert(QStringLiteral("parentCode"), a.parentCode);
    if (!a.codePattern.isEmpty())
        o.insert(QStringLiteral("codePattern"), a.codePattern);
    if (!a.channels.isEmpty()) { // absent: every channel, as before the setting existed
        QJsonArray channels;
        for (const Channel c : a.channels)
            channels.append(channelKey(c));
        o.insert(QStringLiteral("channels"), channels);
    }
    return o;
}

Result<Agency> agencyFromJson(const QJsonObject &json)
{
    return readTopLevel<Agency>(json, [](JsonReader &r) {
        Agency a;
        a.code = r.string("code", true, 20);
        a.name = r.string("name", true, 300);
        a.parentCode = r.string("parentCode", false, 20);
        a.kind = r.enumeration<AgencyKind>("kind", agencyKindFromKey,
                                           AgencyKind::ProvincialDepartment, true);
        a.codePattern = r.string("codePattern", false, 100);
        a.departments = r.objects<Department>("departments", [](JsonReader &d) {
            return Department{d.string("id", true, 50), d.string("name", true, 300)};
        });
        for (const QString &key : r.stringList("channels")) {
            const auto channel = channelFromKey(key);
            if (!channel) {
                r.fail("channels", QStringLiteral("json.bad_value"),
                       QStringLiteral("Hình thức tiếp nhận \"%1\" không hợp lệ.").arg(key));
                return a;
            }
            if (!a.channels.contains(*channel))
                a.channels.append(*channel);
        }
        QStringList ids;
        for (qsizetype i = 0; i < a.departments.size() && !r.failed(); ++i) {
            const Department &d = a.departments.at(i);
            if (d.id.trimmed().isEmpty() || d.id.trimmed() != d.id || d.name.trimmed().isEmpty()) {
                r.fail("departments", QStringLiteral("json.bad_value"),
                       QStringLiteral("Phòng ban thứ %1 phải có mã (không có khoảng trắng ở đầu "
                                      "hoặc cuối) và tên.")
                           .arg(i + 1));
            } else if (ids.contains(d.id)) {
                r.fail("departments", QStringLiteral("json.bad_value"),
                       QStringLiteral("Mã phòng ban \"%1\" xuất hiện hai lần.").arg(d.id));
            }
            ids.append(d.id);
        }
        return a;
    });
}

namespace {

QJsonArray rolesToJson(const QList<Role> &list)
{
    QJsonArray out;
    for (const Role role : list)
        out.append(roleKey(role));
    return out;
}

QList<Role> readRoles(JsonReader &r, const char *field, bool required)
{
    QList<Role> out;
    for (const QString &key : r.stringList(field, required)) {
        if (auto role = roleFromKey(key)) {
            if (!out.contains(*role))
                out.append(*role);
        } else {
            r.fail(field, QStringLiteral("json.bad_value"),
                   QStringLiteral("Vai trò \"%1\" không tồn tại.").arg(key));
        }
    }
    return out;
}

} // namespace

QJsonObject toJson(const Officer &o)
{
    QJsonObject out{{QStringLiteral("schemaVersion"), kSchemaVersion},
                    {QStringLiteral("id"), o.id},
                    {QStringLiteral("username"), o.username},
                    {QStringLiteral("fullName"), o.fullName},
                    {QStringLiteral("title"), o.title},
                    {QStringLiteral("agencyCode"), o.agencyCode},
                    {QStringLiteral("departmentId"), o.departmentId},
                    {QStringLiteral("roles"), rolesToJson(o.roles)},
                    {QStringLiteral("stepPermissions"), stringsToJson(o.stepPermissions)},
                    {QStringLiteral("active"), o.active}};
    // Written only when there is something to say: an account without groups keeps the JSON
    // it always had (stored rows, cached copies, their hashes).
    if (!o.groupIds.isEmpty())
        out.insert(QStringLiteral("groups"), stringsToJson(o.groupIds));
    if (!o.groupRoles.isEmpty())
        out.insert(QStringLiteral("groupRoles"), rolesToJson(o.groupRoles));
    return out;
}

Result<Officer> officerFromJson(const QJsonObject &json)
{
    return readTopLevel<Officer>(json, [](JsonReader &r) {
        Officer o;
        o.id = r.string("id", true, 64);
        o.username = r.string("username", true, 64);
        o.fullName = r.string("fullName", false, 200);
        o.title = r.string("title", false, 200);
        o.agencyCode = r.string("agencyCode", true, 20);
        o.departmentId = r.string("departmentId", false, 50);
        o.roles = readRoles(r, "roles", true);
        o.stepPermissions = r.stringList("stepPermissions");
        o.groupIds = r.stringList("groups");
        o.groupRoles = readRoles(r, "groupRoles", false);
        o.active = r.boolean("active", true);
        return o;
    });
}

QJsonObject toJson(const OfficerGroup &g)
{
    return {{QStringLiteral("schemaVersion"), kSchemaVersion},
            {QStringLiteral("id"), g.id},
            {QStringLiteral("agencyCode"), g.agencyCode},
            {QStringLiteral("name"), g.name},
            {QStringLiteral("description"), g.description},
            {QStringLiteral("roles"), rolesToJson(g.roles)},
            {QStringLiteral("members"), stringsToJson(g.memberIds)}};
}

Result<OfficerGroup> officerGroupFromJson(const QJsonObject &json)
{
    return readTopLevel<OfficerGroup>(json, [](JsonReader &r) {
        OfficerGroup g;
        g.id = r.string("id", true, 64);
        g.agencyCode = r.string("agencyCode", true, 20);
        g.name = r.string("name", true, 200);
        g.description = r.string("description", false, 1000);
        g.roles = readRoles(r, "roles", false);
        for (const QString &member : r.stringList("members")) {
            if (!g.memberIds.contains(member))
                g.memberIds.append(member);
        }
        if (g.id.trimmed() != g.id)
            r.fail("id", QStringLiteral("json.bad_value"),
                   QStringLiteral("Mã nhóm không được có khoảng trắng ở đầu hoặc cuối."));
        return g;
    });
}

QJsonObject toJson(const Procedure &p)
{
    QJsonArray types;
    for (const auto t : p.applicantTypes)
        types.append(applicantTypeKey(t));
    QJsonArray components;
    for (const auto &c : p.components) {
        QJsonObject component{{QStringLiteral("documentTypeCode"), c.documentTypeCode},
                              {QStringLiteral("name"), c.name},
                              {QStringLiteral("originals"), c.originals},
                              {QStringLiteral("copies"), c.copies},
                              {QStringLiteral("mandatory"), c.mandatory},
                              {QStringLiteral("formName"), c.formName}};
        if (!c.formUrl.isEmpty()) // absent before the import: documents stay byte-identical
            component.insert(QStringLiteral("formUrl"), c.formUrl);
        components.append(component);
    }
    QJsonArray fees;
    for (const auto &f : p.fees)
        fees.append(QJsonObject{{QStringLiteral("description"), f.description},
                                {QStringLiteral("amountVnd"), f.amountVnd}});
    QJsonArray basis;
    for (const auto &b : p.legalBasis)
        basis.append(
            QJsonObject{{QStringLiteral("number"), b.number}, {QStringLiteral("title"), b.title}});
    QJsonObject o{{QStringLiteral("schemaVersion"), kSchemaVersion},
                  {QStringLiteral("code"), p.code},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("fieldCode"), p.fieldCode},
                  {QStringLiteral("fieldName"), p.fieldName},
                  {QStringLiteral("level"), procedureLevelKey(p.level)},
                  {QStringLiteral("applicantTypes"), types},
                  {QStringLiteral("components"), components},
                  {QStringLiteral("fees"), fees},
                  {QStringLiteral("deadline"), toJson(p.deadline)},
                  {QStringLiteral("legalBasis"), basis},
                  {QStringLiteral("agencyCode"), p.agencyCode},
                  {QStringLiteral("workflowId"), p.workflowId}};
    if (p.cutoff)
        o.insert(QStringLiteral("cutoff"), p.cutoff->toString(QStringLiteral("HH:mm")));
    return o;
}

Result<Procedure> procedureFromJson(const QJsonObject &json)
{
    return readTopLevel<Procedure>(json, [](JsonReader &r) {
        Procedure p;
        p.code = r.string("code", true, 30);
        p.name = r.string("name", true, 1000);
        p.fieldCode = r.string("fieldCode", false, 50);
        p.fieldName = r.string("fieldName", false, 300);
        p.level = r.enumeration<ProcedureLevel>("level", procedureLevelFromKey,
                                                ProcedureLevel::PartialOnline);
        for (const QString &key : r.stringList("applicantTypes")) {
            if (auto t = applicantTypeFromKey(key))
                p.applicantTypes.append(*t);
            else
                r.fail("applicantTypes", QStringLiteral("json.bad_value"),
                       QStringLiteral("Đối tượng thực hiện \"%1\" không hợp lệ.").arg(key));
        }
        p.components = r.objects<RequiredComponent>("components", [](JsonReader &c) {
            RequiredComponent rc;
            rc.documentTypeCode = c.string("documentTypeCode", false, 50);
            rc.name = c.string("name", true, 1000);
            rc.originals = int(c.integer("originals", false, 0, 100));
            rc.copies = int(c.integer("copies", false, 0, 100));
            rc.mandatory = c.boolean("mandatory", true);
            rc.formName = c.string("formName", false, 300);
            rc.formUrl = c.string("formUrl", false, 2000);
            return rc;
        });
        p.fees = r.objects<Fee>("fees", [](JsonReader &f) {
            return Fee{f.string("description", true, 500),
                       f.integer("amountVnd", true, 0, 1000000000000LL)};
        });
        p.deadline = r.nested<Deadline>("deadline", readDeadline).value_or(Deadline{});
        if (r.has("cutoff"))
            p.cutoff = r.time("cutoff");
        else
            r.skip("cutoff");
        p.legalBasis = r.objects<LegalBasis>("legalBasis", [](JsonReader &b) {
            return LegalBasis{b.string("number", true, 100), b.string("title", false, 1000)};
        });
        p.agencyCode = r.string("agencyCode", false, 20);
        p.workflowId = r.string("workflowId", false, 64);
        return p;
    });
}

QJsonObject toJson(const Workflow &w)
{
    QJsonArray variants;
    for (const auto v : w.variants)
        variants.append(workflowVariantKey(v));
    QJsonArray steps;
    for (const auto &s : w.steps) {
        QJsonArray actions;
        for (const auto a : s.allowedActions)
            actions.append(actionTypeKey(a));
        steps.append(QJsonObject{{QStringLiteral("id"), s.id},
                                 {QStringLiteral("name"), s.name},
                                 {QStringLiteral("assigneeKind"), assigneeKindKey(s.assigneeKind)},
                                 {QStringLiteral("assignee"), s.assignee},
                                 {QStringLiteral("durationMinutes"), s.durationMinutes},
                                 {QStringLiteral("allowedActions"), actions},
                                 {QStringLiteral("supplement"), s.supplement}});
    }
    QJsonArray transitions;
    for (const auto &t : w.transitions) {
        transitions.append(QJsonObject{{QStringLiteral("from"), t.from},
                                       {QStringLiteral("to"), t.to},
                                       {QStringLiteral("on"), actionTypeKey(t.on)}});
    }
    return {{QStringLiteral("schemaVersion"), kSchemaVersion},
            {QStringLiteral("id"), w.id},
            {QStringLiteral("version"), w.version},
            {QStringLiteral("name"), w.name},
            {QStringLiteral("procedureCode"), w.procedureCode},
            {QStringLiteral("timed"), w.timed},
            {QStringLiteral("variants"), variants},
            {QStringLiteral("startStepId"), w.startStepId},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("transitions"), transitions}};
}

Result<Workflow> workflowFromJson(const QJsonObject &json)
{
    return readTopLevel<Workflow>(json, [](JsonReader &r) {
        Workflow w;
        w.id = r.string("id", true, 64);
        w.version = int(r.integer("version", true, 1, 100000));
        w.name = r.string("name", false, 300);
        w.procedureCode = r.string("procedureCode", false, 30);
        w.timed = r.boolean("timed", true);
        w.variants.clear();
        for (const QString &key : r.stringList("variants")) {
            if (auto v = workflowVariantFromKey(key))
                w.variants.append(*v);
            else
                r.fail("variants", QStringLiteral("json.bad_value"),
                       QStringLiteral("Loại quy trình \"%1\" không hợp lệ.").arg(key));
        }
        w.startStepId = r.string("startStepId", true, 64);
        w.steps = r.objects<WorkflowStep>(
            "steps",
            [](JsonReader &s) {
                WorkflowStep step;
                step.id = s.string("id", true, 64);
                step.name = s.string("name", true, 300);
                step.assigneeKind = s.enumeration<AssigneeKind>("assigneeKind", assigneeKindFromKey,
                                                                AssigneeKind::Role, true);
                step.assignee = s.string("assignee", true, 64);
                step.durationMinutes = s.integer("durationMinutes", false, 0, 10000000);
                for (const QString &key : s.stringList("allowedActions")) {
                    if (auto a = actionTypeFromKey(key))
                        step.allowedActions.append(*a);
                    else
                        s.fail("allowedActions", QStringLiteral("json.bad_value"),
                               QStringLiteral("Thao tác \"%1\" không tồn tại.").arg(key));
                }
                step.supplement = s.boolean("supplement", false);
                return step;
            },
            true);
        w.transitions = r.objects<WorkflowTransition>("transitions", [](JsonReader &t) {
            WorkflowTransition tr;
            tr.from = t.string("from", true, 64);
            tr.to = t.string("to", true, 64);
            tr.on = t.enumeration<ActionType>("on", actionTypeFromKey, ActionType::Transfer, true);
            return tr;
        });
        return w;
    });
}

} // namespace motcua::domain
