#include "demo.h"

#include <QJsonArray>
#include <QTimeZone>

namespace motcua::domain::demo {
namespace {

Officer officer(const QString &id, const QString &name, const QString &title, const QString &agency,
                const QString &department, QList<Role> roles)
{
    Officer o;
    o.id = id;
    o.username = id;
    o.fullName = name;
    o.title = title;
    o.agencyCode = agency;
    o.departmentId = department;
    o.roles = std::move(roles);
    return o;
}

QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), QTimeZone(7 * 3600));
}

const QUuid kDossierId = QUuid(QStringLiteral("{6f1c2a9e-3b1d-4c8e-9a57-1d2e3f405162}"));

Action action(int n, ActionType type, const QString &actor, const QDateTime &time, int baseVersion,
              QJsonObject payload)
{
    Action a;
    a.id = QUuid(QStringLiteral("{00000000-0000-4000-8000-%1}").arg(n, 12, 10, QLatin1Char('0')));
    a.dossierId = kDossierId;
    a.type = type;
    a.actorId = actor;
    a.deviceId = QStringLiteral("counter-pc-01");
    a.deviceSeq = n;
    a.deviceTime = time;
    a.baseVersion = baseVersion;
    a.payload = std::move(payload);
    return a;
}

} // namespace

InMemoryDirectory directory()
{
    InMemoryDirectory dir;
    Agency centre;
    centre.code = kCentreCode;
    centre.name = QStringLiteral("Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa");
    centre.kind = AgencyKind::ServiceCentre;
    centre.departments = {{QStringLiteral("MC"), QStringLiteral("Bộ phận Một cửa")}};
    dir.add(centre);

    Agency justice;
    justice.code = kJusticeCode;
    justice.name = QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa");
    justice.kind = AgencyKind::ProvincialDepartment;
    justice.departments = {{QStringLiteral("HCTP"), QStringLiteral("Phòng Hành chính tư pháp")},
                           {QStringLiteral("VP"), QStringLiteral("Văn phòng Sở")}};
    dir.add(justice);

    Agency commune;
    commune.code = kCommuneCode;
    commune.name = QStringLiteral("UBND phường Nha Trang");
    commune.kind = AgencyKind::Commune;
    commune.departments = {{QStringLiteral("VHXH"), QStringLiteral("Phòng Văn hóa – Xã hội")}};
    dir.add(commune);

    dir.add(officer(QStringLiteral("counter1"), QStringLiteral("Nguyễn Thị Lan"),
                    QStringLiteral("Chuyên viên"), kCentreCode, QStringLiteral("MC"),
                    {Role::Counter}));
    dir.add(officer(QStringLiteral("admin1"), QStringLiteral("Trần Quốc Bảo"),
                    QStringLiteral("Quản trị viên"), kCentreCode, QStringLiteral("MC"),
                    {Role::Admin}));
    dir.add(officer(QStringLiteral("controller1"), QStringLiteral("Lê Minh Châu"),
                    QStringLiteral("Chuyên viên"), kCentreCode, QStringLiteral("MC"),
                    {Role::Controller}));
    dir.add(officer(QStringLiteral("appraiser1"), QStringLiteral("Phạm Văn Đức"),
                    QStringLiteral("Chuyên viên"), kJusticeCode, QStringLiteral("HCTP"),
                    {Role::Appraiser}));
    dir.add(officer(QStringLiteral("appraiser2"), QStringLiteral("Võ Thị Hạnh"),
                    QStringLiteral("Chuyên viên"), kJusticeCode, QStringLiteral("HCTP"),
                    {Role::Appraiser}));
    dir.add(officer(QStringLiteral("head1"), QStringLiteral("Đặng Thanh Hải"),
                    QStringLiteral("Trưởng phòng"), kJusticeCode, QStringLiteral("HCTP"),
                    {Role::Head}));
    dir.add(officer(QStringLiteral("leader1"), QStringLiteral("Hoàng Văn Nam"),
                    QStringLiteral("Giám đốc Sở"), kJusticeCode, QStringLiteral("VP"),
                    {Role::Leader}));
    dir.add(officer(QStringLiteral("archivist1"), QStringLiteral("Bùi Thị Mai"),
                    QStringLiteral("Văn thư"), kJusticeCode, QStringLiteral("VP"),
                    {Role::Archivist}));
    dir.add(officer(QStringLiteral("counter9"), QStringLiteral("Ngô Văn Tùng"),
                    QStringLiteral("Công chức"), kCommuneCode, QStringLiteral("VHXH"),
                    {Role::Counter}));

    Procedure criminal;
    criminal.code = QStringLiteral("2.001417");
    criminal.name = QStringLiteral("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước "
                                   "ngoài đang cư trú tại Việt Nam");
    criminal.fieldCode = QStringLiteral("LLTP");
    criminal.fieldName = QStringLiteral("Lý lịch tư pháp");
    criminal.level = ProcedureLevel::FullOnline;
    criminal.applicantTypes = {ApplicantType::Person};
    criminal.components = {
        {QStringLiteral("TK-LLTP"),
         QStringLiteral("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"),
         1,
         0,
         true,
         QStringLiteral("Mẫu số 03/2013/TT-LLTP"),
         {}},
        {QStringLiteral("CCCD"),
         QStringLiteral("Bản chụp Thẻ căn cước công dân"),
         0,
         1,
         true,
         {},
         {}},
        {QStringLiteral("GUQ"),
         QStringLiteral("Văn bản ủy quyền (nếu ủy quyền)"),
         1,
         0,
         false,
         {},
         {}},
    };
    criminal.fees = {{QStringLiteral("Phí cấp Phiếu lý lịch tư pháp"), 200000}};
    criminal.deadline = {Deadline::Unit::WorkingDays, 10};
    criminal.cutoff = QTime(16, 0);
    criminal.legalBasis = {
        {QStringLiteral("28/2009/QH12"), QStringLiteral("Luật Lý lịch tư pháp")},
        {QStringLiteral("244/2016/TT-BTC"),
         QStringLiteral(
             "Thông tư quy định mức thu, chế độ thu, nộp phí cung cấp thông tin lý lịch tư pháp")}};
    criminal.agencyCode = kJusticeCode;
    criminal.workflowId = QStringLiteral("wf-lltp");
    dir.add(criminal);

    Procedure copy;
    copy.code = QStringLiteral("2.000815");
    copy.name = QStringLiteral("Chứng thực bản sao từ bản chính giấy tờ, văn bản");
    copy.fieldCode = QStringLiteral("CT");
    copy.fieldName = QStringLiteral("Chứng thực");
    copy.level = ProcedureLevel::PartialOnline;
    copy.applicantTypes = {ApplicantType::Person, ApplicantType::Organisation};
    copy.components = {{QStringLiteral("BC"),
                        QStringLiteral("Bản chính giấy tờ, văn bản cần chứng thực"),
                        1,
                        0,
                        true,
                        {},
                        {}}};
    copy.fees = {{QStringLiteral("Lệ phí chứng thực bản sao (mỗi trang)"), 2000}};
    copy.deadline = {Deadline::Unit::WorkingHours, 4};
    copy.cutoff = QTime(15, 0);
    copy.agencyCode = kCommuneCode;
    dir.add(copy);
    return dir;
}

Action exampleReceive()
{
    const QJsonObject applicant{
        {QStringLiteral("type"), QStringLiteral("person")},
        {QStringLiteral("personalId"), QStringLiteral("056090001234")},
        {QStringLiteral("fullName"), QStringLiteral("Nguyễn Văn Đức")},
        {QStringLiteral("birthDate"), QStringLiteral("1990-05-12")},
        {QStringLiteral("gender"), QStringLiteral("Nam")},
        {QStringLiteral("address"),
         QStringLiteral("12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa")},
        {QStringLiteral("phone"), QStringLiteral("0905123456")},
        {QStringLiteral("email"), QStringLiteral("nguyenvanduc@example.vn")}};
    const QJsonArray components{
        QJsonObject{
            {QStringLiteral("id"), QStringLiteral("c1")},
            {QStringLiteral("documentTypeCode"), QStringLiteral("TK-LLTP")},
            {QStringLiteral("name"), QStringLiteral("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp")},
            {QStringLiteral("original"), true},
            {QStringLiteral("copies"), 1},
            {QStringLiteral("holderId"), QStringLiteral("056090001234")},
            {QStringLiteral("summary"), QStringLiteral("Yêu cầu cấp Phiếu lý lịch tư pháp số 1")}},
        QJsonObject{
            {QStringLiteral("id"), QStringLiteral("c2")},
            {QStringLiteral("documentTypeCode"), QStringLiteral("CCCD")},
            {QStringLiteral("name"), QStringLiteral("Bản chụp Thẻ căn cước công dân")},
            {QStringLiteral("original"), false},
            {QStringLiteral("copies"), 1},
            {QStringLiteral("holderId"), QStringLiteral("056090001234")},
            {QStringLiteral("issueDate"), QStringLiteral("2021-04-20")},
            {QStringLiteral("issuer"),
             QStringLiteral("Cục Cảnh sát quản lý hành chính về trật tự xã hội")},
            {QStringLiteral("summary"), QStringLiteral("Căn cước công dân của người yêu cầu")},
            {QStringLiteral("validUntil"), QStringLiteral("2030-05-12")},
            {QStringLiteral("digitised"), true},
            {QStringLiteral("files"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("sha256"),
                  QStringLiteral(
                      "9f2c1d4e5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718")},
                 {QStringLiteral("fileName"), QStringLiteral("cccd.pdf")},
                 {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                 {QStringLiteral("size"), 184320}}}}},
    };
    return action(1, ActionType::Receive, QStringLiteral("counter1"), at(28, 9, 15), 0,
                  {{QStringLiteral("code"), QStringLiteral("000.17.22.H56-261128-0007")},
                   {QStringLiteral("procedureCode"), QStringLiteral("2.001417")},
                   {QStringLiteral("applicant"), applicant},
                   {QStringLiteral("channel"), QStringLiteral("counter")},
                   {QStringLiteral("components"), components},
                   {QStringLiteral("publicToken"), QStringLiteral("q7Hc2LrT9xWm")}});
}

QList<Action> exampleJourney()
{
    const QString result
        = QStringLiteral("4b8e2f1a0c9d7e6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a291807");
    return {
        exampleReceive(),
        action(2, ActionType::Transfer, QStringLiteral("counter1"), at(28, 9, 40), 1,
               {{QStringLiteral("agencyCode"), kJusticeCode},
                {QStringLiteral("departmentId"), QStringLiteral("HCTP")}}),
        action(3, ActionType::Assign, QStringLiteral("head1"), at(30, 8, 5), 2,
               {{QStringLiteral("handlerId"), QStringLiteral("appraiser1")}}),
        action(4, ActionType::SubmitForApproval, QStringLiteral("appraiser1"), at(30, 15, 20), 3,
               {{QStringLiteral("note"),
                 QStringLiteral("Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1")},
                {QStringLiteral("results"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("sha256"), result},
                     {QStringLiteral("fileName"), QStringLiteral("phieu-lltp-so-1.pdf")},
                     {QStringLiteral("mediaType"), QStringLiteral("application/pdf")},
                     {QStringLiteral("size"), 96256}}}}}),
        action(5, ActionType::Approve, QStringLiteral("leader1"), at(30, 16, 45), 4,
               {{QStringLiteral("final"), true}}),
        action(6, ActionType::Sign, QStringLiteral("leader1"), at(30, 16, 46), 5,
               {{QStringLiteral("fileSha256"), result},
                {QStringLiteral("signerName"), QStringLiteral("Hoàng Văn Nam")},
                {QStringLiteral("certificateSerial"), QStringLiteral("540101010a2b3c4d")}}),
        action(7, ActionType::Complete, QStringLiteral("archivist1"), at(30, 17, 0), 6, {}),
        action(8, ActionType::ReturnResult, QStringLiteral("counter1"),
               at(30, 17, 0).addDays(2).addSecs(-6 * 3600), 7,
               {{QStringLiteral("recipientName"), QStringLiteral("Nguyễn Văn Đức")},
                {QStringLiteral("recipientRelation"), QStringLiteral("self")},
                {QStringLiteral("feeReceipt"), QStringLiteral("BL-2026-004512")}}),
    };
}

} // namespace motcua::domain::demo
