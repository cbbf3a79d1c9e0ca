#include "intakedraft.h"

#include <QRegularExpression>

#include <domain/cccd.h>

namespace motcua::services {

using domain::ApplicantType;

namespace {

QString msg(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

QList<FieldError> validateApplicantFields(const domain::Applicant &a, const QDate &today)
{
    QList<FieldError> out;
    const auto add = [&](const char *field, const QString &message) {
        out.append({QStringLiteral("applicant.") + QLatin1String(field), message});
    };
    if (a.type == ApplicantType::Person) {
        if (a.personalId.isEmpty())
            add("personalId", msg("Chưa nhập số định danh cá nhân (CCCD, 12 chữ số)."));
        else if (auto st = domain::validatePersonalId(a.personalId); !st)
            add("personalId", st.error().message);
        if (a.fullName.trimmed().isEmpty())
            add("fullName", msg("Chưa nhập họ và tên người nộp."));
        if (!a.birthDate.isValid())
            add("birthDate", msg("Chưa nhập ngày sinh (dd/MM/yyyy)."));
    } else {
        static const QRegularExpression taxRe(QStringLiteral("^[0-9]{10}(-[0-9]{3})?$"));
        if (a.taxCode.isEmpty())
            add("taxCode", msg("Chưa nhập mã số thuế/mã số doanh nghiệp."));
        else if (!taxRe.match(a.taxCode).hasMatch())
            add("taxCode", msg("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số-3 chữ số với chi nhánh."));
        if (a.organisationName.trimmed().isEmpty())
            add("organisationName", msg("Chưa nhập tên tổ chức, doanh nghiệp."));
        if (a.fullName.trimmed().isEmpty())
            add("fullName", msg("Chưa nhập họ và tên người đại diện nộp hồ sơ."));
    }
    if (a.birthDate.isValid() && (a.birthDate.year() < 1900 || a.birthDate > today))
        add("birthDate", msg("Ngày sinh không hợp lệ (sau năm 1900, không sau hôm nay)."));
    if (a.address.trimmed().isEmpty())
        add("address", msg("Chưa nhập địa chỉ."));
    static const QRegularExpression phoneRe(QStringLiteral("^(0|\\+84)[0-9]{9,10}$"));
    if (!a.phone.isEmpty() && !phoneRe.match(a.phone).hasMatch())
        add("phone", msg("Số điện thoại không hợp lệ (ví dụ 0912345678)."));
    static const QRegularExpression emailRe(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!a.email.isEmpty() && !emailRe.match(a.email).hasMatch())
        add("email", msg("Địa chỉ thư điện tử không hợp lệ (ví dụ ten@example.vn)."));
    // The domain's own rules, so the engine never refuses what the form accepted.
    if (out.isEmpty()) {
        if (auto st = domain::validateApplicant(a, QStringLiteral("applicant")); !st)
            out.append({st.error().field, st.error().message});
    }
    return out;
}

QString entryValue(const ComponentEntry &entry, const QString &key)
{
    if (entry.values.contains(key))
        return entry.values.value(key);
    for (auto it = entry.confirmedValues.crbegin(); it != entry.confirmedValues.crend(); ++it) {
        if (it->field == key)
            return it->value;
    }
    return {};
}

QStringList checkComponentData(const ComponentEntry &entry, const domain::DocumentType &type,
                               const QDate &today)
{
    QStringList out;
    for (const domain::DataField &f : type.form()) {
        const QString problem = domain::checkDataValue(f, entryValue(entry, f.key), today);
        if (!problem.isEmpty())
            out.append(problem);
    }
    return out;
}

void applyEntryValues(domain::Component &component, const ComponentEntry &entry)
{
    applyProposals(component, entry.confirmedValues);
    for (auto it = entry.values.cbegin(); it != entry.values.cend(); ++it)
        domain::setComponentValue(component, it.key(), it.value());
}

QList<FieldError> validateDraft(const IntakeDraft &draft, const domain::Procedure *procedure,
                                const QDate &today,
                                const QHash<QString, domain::DocumentType> &types)
{
    QList<FieldError> out;
    if (!procedure) {
        out.append({QStringLiteral("procedure"), msg("Chưa chọn thủ tục hành chính.")});
        return out;
    }
    if (!procedure->applicantTypes.isEmpty()
        && !procedure->applicantTypes.contains(draft.applicant.type)) {
        out.append({QStringLiteral("applicant.type"),
                    msg("Thủ tục này không áp dụng cho loại người nộp đã chọn.")});
    }
    out.append(validateApplicantFields(draft.applicant, today));
    for (const auto &rc : procedure->components) {
        const auto entry = draft.components.value(rc.documentTypeCode);
        if (rc.mandatory && !entry.received) {
            out.append({QStringLiteral("components.") + rc.documentTypeCode,
                        msg("Thiếu thành phần bắt buộc: %1.").arg(rc.name)});
        } else if (entry.received && entry.copies < 1) {
            out.append({QStringLiteral("components.") + rc.documentTypeCode,
                        msg("Số bản của \"%1\" phải từ 1 trở lên.").arg(rc.name)});
        } else if (entry.received && types.contains(rc.documentTypeCode)) {
            const QStringList problems
                = checkComponentData(entry, types.value(rc.documentTypeCode), today);
            if (!problems.isEmpty()) {
                out.append({QStringLiteral("components.") + rc.documentTypeCode,
                            msg("%1: %2 (F4 để nhập thông tin giấy tờ)")
                                .arg(rc.name, problems.join(QLatin1Char(' ')))});
            }
        }
    }
    if (!draft.channel)
        out.append({QStringLiteral("channel"), msg("Chưa chọn hình thức tiếp nhận.")});
    return out;
}

void fillFromCccd(domain::Applicant &a, const domain::CccdCard &card)
{
    a.type = ApplicantType::Person;
    a.personalId = card.id;
    a.fullName = card.fullName;
    a.birthDate = card.birthDate;
    a.gender = card.gender;
    a.address = card.address;
}

} // namespace motcua::services
