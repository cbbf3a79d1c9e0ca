// The demo province, built on domain::demo (its agencies, officers and two procedures) and the
// procedures in resources/demo/procedures.json, with a workflow per procedure and the holiday
// calendar in resources/calendar/vn-holidays.json.
#include "demo_seed.h"

#include "auth.h"
#include "logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <domain/demo.h>
#include <domain/json.h>
#include <domain/workflow.h>

namespace motcua::server {
namespace {

using domain::ActionType;
using domain::makeError;
using domain::Role;
namespace demo = domain::demo;

struct DemoAgency
{
    QString code;
    QString shortName; // in generated usernames: "head.stp"
    QString name;
    domain::AgencyKind kind;
    QList<domain::Department> departments;
};

// The three agencies of domain::demo keep their codes and names; three more are added.
QList<DemoAgency> demoAgencies()
{
    using K = domain::AgencyKind;
    return {
        {demo::kCentreCode, QStringLiteral("ttpv"), {}, K::ServiceCentre, {}},
        {demo::kJusticeCode, QStringLiteral("stp"), {}, K::ProvincialDepartment, {}},
        {QStringLiteral("000.19.22.H56"),
         QStringLiteral("snnmt"),
         QStringLiteral("Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa"),
         K::ProvincialDepartment,
         {{QStringLiteral("QLDD"), QStringLiteral("Phòng Quản lý đất đai")},
          {QStringLiteral("MT"), QStringLiteral("Phòng Môi trường")},
          {QStringLiteral("VP"), QStringLiteral("Văn phòng Sở")}}},
        {QStringLiteral("000.20.22.H56"),
         QStringLiteral("sxd"),
         QStringLiteral("Sở Xây dựng tỉnh Khánh Hòa"),
         K::ProvincialDepartment,
         {{QStringLiteral("QLXD"), QStringLiteral("Phòng Quản lý xây dựng")},
          {QStringLiteral("VT"), QStringLiteral("Phòng Quản lý vận tải, phương tiện và người lái")},
          {QStringLiteral("VP"), QStringLiteral("Văn phòng Sở")}}},
        {demo::kCommuneCode, QStringLiteral("pnt"), {}, K::Commune, {}},
        {QStringLiteral("000.22.22.H56"),
         QStringLiteral("xdk"),
         QStringLiteral("UBND xã Diên Khánh"),
         K::Commune,
         {{QStringLiteral("VP"), QStringLiteral("Văn phòng HĐND và UBND")},
          {QStringLiteral("KT"), QStringLiteral("Phòng Kinh tế")},
          {QStringLiteral("VHXH"), QStringLiteral("Phòng Văn hóa – Xã hội")}}},
    };
}

// domain::demo's officers, by id (its directory can only be asked by id).
const QStringList kDemoOfficerIds{
    QStringLiteral("counter1"),   QStringLiteral("admin1"),     QStringLiteral("controller1"),
    QStringLiteral("appraiser1"), QStringLiteral("appraiser2"), QStringLiteral("head1"),
    QStringLiteral("leader1"),    QStringLiteral("archivist1"), QStringLiteral("counter9")};

// Names for the generated officers, in order.
QString personName(int n)
{
    static const QStringList family{
        QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),
        QStringLiteral("Phạm"),   QStringLiteral("Huỳnh"), QStringLiteral("Phan"),
        QStringLiteral("Vũ"),     QStringLiteral("Đặng"),  QStringLiteral("Bùi"),
        QStringLiteral("Đỗ"),     QStringLiteral("Hồ")};
    static const QStringList middle{QStringLiteral("Văn"),   QStringLiteral("Thị"),
                                    QStringLiteral("Minh"),  QStringLiteral("Ngọc"),
                                    QStringLiteral("Quang"), QStringLiteral("Thanh"),
                                    QStringLiteral("Hữu")};
    static const QStringList given{
        QStringLiteral("An"),    QStringLiteral("Bình"),  QStringLiteral("Cường"),
        QStringLiteral("Dung"),  QStringLiteral("Giang"), QStringLiteral("Hà"),
        QStringLiteral("Khoa"),  QStringLiteral("Linh"),  QStringLiteral("Mỹ"),
        QStringLiteral("Nhân"),  QStringLiteral("Oanh"),  QStringLiteral("Phúc"),
        QStringLiteral("Quyên"), QStringLiteral("Sơn"),   QStringLiteral("Thảo"),
        QStringLiteral("Uyên"),  QStringLiteral("Vinh"),  QStringLiteral("Xuân"),
        QStringLiteral("Yến"),   QStringLiteral("Toàn")};
    return QStringLiteral("%1 %2 %3")
        .arg(family.at(n % family.size()), middle.at((n / 3) % middle.size()),
             given.at(n % given.size()));
}

QString titleFor(Role role, domain::AgencyKind kind)
{
    const bool commune = kind == domain::AgencyKind::Commune;
    switch (role) {
    case Role::Admin:
        return QStringLiteral("Quản trị hệ thống");
    case Role::Counter:
        return commune ? QStringLiteral("Công chức Bộ phận Một cửa")
                       : QStringLiteral("Chuyên viên Bộ phận Một cửa");
    case Role::Appraiser:
        return commune ? QStringLiteral("Công chức") : QStringLiteral("Chuyên viên");
    case Role::Head:
        return QStringLiteral("Trưởng phòng");
    case Role::Leader:
        return commune
            ? QStringLiteral("Chủ tịch UBND")
            : (kind == domain::AgencyKind::ServiceCentre ? QStringLiteral("Giám đốc Trung tâm")
                                                         : QStringLiteral("Giám đốc Sở"));
    case Role::Controller:
        return QStringLiteral("Chuyên viên kiểm soát thủ tục hành chính");
    case Role::Archivist:
        return QStringLiteral("Văn thư");
    }
    return {};
}

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("demo.missing_resource"),
                         QStringLiteral("Thiếu dữ liệu mẫu %1 trong chương trình.").arg(path));
    return file.readAll();
}

Result<QList<domain::Procedure>> demoProcedures(const domain::InMemoryDirectory &directory)
{
    QList<domain::Procedure> out;
    for (const QString &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")}) {
        if (auto p = directory.procedure(code)) {
            if (p->workflowId.isEmpty())
                p->workflowId = QStringLiteral("wf-") + p->code;
            if (p->legalBasis.isEmpty()) {
                p->legalBasis = {{QStringLiteral("23/2015/NĐ-CP"),
                                  QStringLiteral("Nghị định về cấp bản sao từ sổ gốc, chứng thực "
                                                 "bản sao từ bản chính, chứng thực "
                                                 "chữ ký và chứng thực hợp đồng, giao dịch")},
                                 {QStringLiteral("226/2016/TT-BTC"),
                                  QStringLiteral("Thông tư quy định mức thu, chế độ thu, nộp, quản "
                                                 "lý và sử dụng phí chứng thực")}};
            }
            out.append(*p);
        }
    }
    auto bytes = readResource(QStringLiteral(":/motcua/demo/procedures.json"));
    if (!bytes)
        return bytes.error();
    const QJsonArray items = QJsonDocument::fromJson(bytes.value()).array();
    for (const auto &item : items) {
        auto p = domain::procedureFromJson(item.toObject());
        if (!p) {
            return makeError(
                QStringLiteral("demo.bad_resource"),
                QStringLiteral("Dữ liệu thủ tục mẫu bị lỗi: %1").arg(p.error().toString()));
        }
        out.append(std::move(p).value());
    }
    return out;
}

// The shared catalogues the demo procedures use: the document types described in
// document-types.json (with their data fields), every other component's type by its name, and the
// procedures' fields.
struct DemoCatalogues
{
    QList<domain::DocumentType> documentTypes;
    QList<domain::ProcedureField> fields;
};

Result<DemoCatalogues> demoCatalogues(const QList<domain::Procedure> &procedures)
{
    auto bytes = readResource(QStringLiteral(":/motcua/demo/document-types.json"));
    if (!bytes)
        return bytes.error();
    DemoCatalogues out;
    QSet<QString> types;
    for (const auto &item : QJsonDocument::fromJson(bytes.value()).array()) {
        auto type = domain::documentTypeFromJson(item.toObject());
        if (!type) {
            return makeError(
                QStringLiteral("demo.bad_resource"),
                QStringLiteral("Dữ liệu loại giấy tờ mẫu bị lỗi: %1").arg(type.error().toString()));
        }
        types.insert(type->code);
        out.documentTypes.append(std::move(type).value());
    }
    QSet<QString> fields;
    for (const auto &p : procedures) {
        if (!p.fieldCode.isEmpty() && !fields.contains(p.fieldCode)) {
            fields.insert(p.fieldCode);
            out.fields.append({p.fieldCode, p.fieldName});
        }
        for (const auto &c : p.components) {
            if (types.contains(c.documentTypeCode))
                continue;
            types.insert(c.documentTypeCode);
            domain::DocumentType type;
            type.code = c.documentTypeCode;
            type.name = c.name;
            out.documentTypes.append(type);
        }
    }
    return out;
}

// A five-step workflow whose timed steps share the procedure's deadline: intake 5 %, assignment
// 5 %, appraisal 60 %, approval 20 %, return 10 % (rounded down, so the sum never exceeds it).
domain::Workflow demoWorkflow(const domain::Procedure &p)
{
    using domain::AssigneeKind;
    domain::Workflow w;
    w.id = p.workflowId;
    w.version = 1;
    w.name = QStringLiteral("Quy trình nội bộ: ") + p.name.left(200);
    w.procedureCode = p.code;
    w.timed = p.deadline.isTimed();
    w.variants = {domain::WorkflowVariant::Counter, domain::WorkflowVariant::NationalPortal};
    const qint64 total = domain::deadlineMinutes(p.deadline);
    const auto share = [&](int percent) { return w.timed ? total * percent / 100 : 0; };
    w.startStepId = QStringLiteral("tiep-nhan");
    w.steps = {
        {QStringLiteral("tiep-nhan"),
         QStringLiteral("Tiếp nhận và chuyển hồ sơ"),
         AssigneeKind::Role,
         domain::roleKey(Role::Counter),
         share(5),
         {ActionType::Receive, ActionType::RequestSupplement, ActionType::Refuse,
          ActionType::Transfer},
         true},
        {QStringLiteral("phan-cong"),
         QStringLiteral("Phân công xử lý"),
         AssigneeKind::Role,
         domain::roleKey(Role::Head),
         share(5),
         {ActionType::Assign, ActionType::Reassign},
         false},
        {QStringLiteral("tham-dinh"),
         QStringLiteral("Thẩm định hồ sơ"),
         AssigneeKind::Role,
         domain::roleKey(Role::Appraiser),
         share(60),
         {ActionType::Consult, ActionType::RecordOpinion, ActionType::RequestSupplement,
          ActionType::SubmitForApproval, ActionType::Reject, ActionType::Extend},
         false},
        {QStringLiteral("phe-duyet"),
         QStringLiteral("Phê duyệt kết quả"),
         AssigneeKind::Role,
         domain::roleKey(Role::Leader),
         share(20),
         {ActionType::Approve, ActionType::SendBack, ActionType::Sign, ActionType::Reject},
         false},
        {QStringLiteral("tra-ket-qua"),
         QStringLiteral("Trả kết quả"),
         AssigneeKind::Role,
         domain::roleKey(Role::Counter),
         share(10),
         {ActionType::Complete, ActionType::ReturnResult},
         false},
    };
    w.transitions = {
        {QStringLiteral("tiep-nhan"), QStringLiteral("phan-cong"), ActionType::Transfer},
        {QStringLiteral("phan-cong"), QStringLiteral("tham-dinh"), ActionType::Assign},
        {QStringLiteral("tham-dinh"), QStringLiteral("tiep-nhan"), ActionType::RequestSupplement},
        {QStringLiteral("tham-dinh"), QStringLiteral("phe-duyet"), ActionType::SubmitForApproval},
        {QStringLiteral("phe-duyet"), QStringLiteral("tham-dinh"), ActionType::SendBack},
        {QStringLiteral("phe-duyet"), QStringLiteral("tra-ket-qua"), ActionType::Approve},
    };
    return w;
}

// Every agency's officers: domain::demo's, plus one per role the agency still lacks.
QList<domain::Officer> demoOfficers(const QList<domain::Agency> &agencies,
                                    const QList<DemoAgency> &plan,
                                    const domain::InMemoryDirectory &directory)
{
    QList<domain::Officer> out;
    for (const QString &id : kDemoOfficerIds) {
        if (auto o = directory.officer(id))
            out.append(*o);
    }
    int n = 0;
    for (qsizetype i = 0; i < agencies.size(); ++i) {
        const domain::Agency &agency = agencies.at(i);
        for (const Role role : domain::allRoles()) {
            const bool covered
                = std::any_of(out.cbegin(), out.cend(), [&](const domain::Officer &o) {
                      return o.agencyCode == agency.code && o.hasRole(role);
                  });
            if (covered)
                continue;
            domain::Officer o;
            o.id = domain::roleKey(role) + QLatin1Char('.') + plan.at(i).shortName;
            o.username = o.id;
            o.fullName = personName(n++);
            o.title = titleFor(role, agency.kind);
            o.agencyCode = agency.code;
            o.departmentId
                = agency.departments.isEmpty() ? QString() : agency.departments.constFirst().id;
            o.roles = {role};
            out.append(o);
        }
    }
    return out;
}

} // namespace

Result<int> seedDemo(CatalogueStore &catalogue, const QString &password)
{
    const domain::InMemoryDirectory directory = demo::directory();
    const QList<DemoAgency> plan = demoAgencies();
    QList<domain::Agency> agencies;
    for (const DemoAgency &a : plan) {
        if (auto known = directory.agency(a.code)) {
            agencies.append(*known);
            continue;
        }
        agencies.append(domain::Agency{a.code, a.name, {}, a.kind, a.departments, {}});
    }
    auto procedures = demoProcedures(directory);
    if (!procedures)
        return procedures.error();
    QList<domain::Workflow> workflows;
    for (const auto &p : procedures.value()) {
        workflows.append(demoWorkflow(p));
        if (auto st = domain::validateWorkflow(workflows.constLast(), p.deadline); !st) {
            return makeError(QStringLiteral("demo.bad_workflow"),
                             QStringLiteral("Quy trình mẫu của thủ tục %1 không hợp lệ: %2")
                                 .arg(p.code, st.error().message));
        }
    }
    const QList<domain::Officer> officers = demoOfficers(agencies, plan, directory);
    auto shared = demoCatalogues(procedures.value());
    if (!shared)
        return shared.error();
    auto holidays = readResource(QStringLiteral(":/motcua/calendar/vn-holidays.json"));
    if (!holidays)
        return holidays.error();
    auto calendar = domain::HolidayCalendar::fromJson(holidays.value());
    if (!calendar)
        return calendar.error();

    // Only what is missing is written: seeding twice changes nothing, and an admin's later edits
    // (a disabled account, a changed procedure) are kept. One transaction: all or nothing.
    QString passwordHash; // made once, only when an officer is new
    int added = 0;
    int officersAdded = 0;
    auto st = catalogue.database().transaction([&](QSqlDatabase &) -> Check {
        for (const auto &a : agencies) {
            auto existing = catalogue.agency(a.code);
            if (!existing)
                return existing.error();
            if (!existing.value()) {
                if (auto done = catalogue.putAgency(a); !done)
                    return done;
                ++added;
            }
        }
        for (const auto &o : officers) {
            auto existing = catalogue.officer(o.id);
            if (!existing)
                return existing.error();
            if (existing.value())
                continue;
            if (passwordHash.isEmpty()) {
                if (password.isEmpty()) {
                    return makeError(QStringLiteral("demo.password_required"),
                                     QStringLiteral("Cần mật khẩu cho các tài khoản mẫu (biến môi "
                                                    "trường MOTCUA_DEMO_PASSWORD)."));
                }
                auto hash = hashPassword(password);
                if (!hash)
                    return hash.error();
                passwordHash = hash.value();
            }
            if (auto done = catalogue.putOfficer(o, passwordHash); !done)
                return done;
            ++added;
            ++officersAdded;
        }
        QList<domain::Procedure> missing;
        for (const auto &p : procedures.value()) {
            auto existing = catalogue.procedure(p.code);
            if (!existing)
                return existing.error();
            if (!existing.value())
                missing.append(p);
        }
        if (!missing.isEmpty()) {
            if (auto done = catalogue.putProcedures(missing); !done)
                return done;
            added += int(missing.size());
        }
        for (const auto &w : workflows) {
            auto existing = catalogue.workflow(w.id);
            if (!existing)
                return existing.error();
            if (!existing.value()) {
                if (auto done = catalogue.addWorkflowVersion(w); !done)
                    return done;
                ++added;
            }
        }
        auto storedTypes = catalogue.documentTypes();
        auto storedFields = catalogue.procedureFields();
        if (!storedTypes)
            return storedTypes.error();
        if (!storedFields)
            return storedFields.error();
        QList<domain::DocumentType> newTypes;
        for (const auto &t : shared->documentTypes) {
            if (std::none_of(storedTypes->cbegin(), storedTypes->cend(),
                             [&t](const auto &s) { return s.code == t.code; }))
                newTypes.append(t);
        }
        QList<domain::ProcedureField> newFields;
        for (const auto &f : shared->fields) {
            if (std::none_of(storedFields->cbegin(), storedFields->cend(),
                             [&f](const auto &s) { return s.code == f.code; }))
                newFields.append(f);
        }
        if (auto done = catalogue.putDocumentTypes(newTypes); !done)
            return done;
        if (auto done = catalogue.putProcedureFields(newFields); !done)
            return done;
        added += int(newTypes.size() + newFields.size());
        auto stored = catalogue.holidayCalendar();
        if (!stored)
            return stored.error();
        if (stored.value().decisions().isEmpty()) {
            if (auto done = catalogue.putHolidayCalendar(calendar.value()); !done)
                return done;
            ++added;
        }
        return {};
    });
    if (!st)
        return st.error();
    qCInfo(lcStorage) << "demo province seeded:" << added << "records added";
    return officersAdded;
}

} // namespace motcua::server
