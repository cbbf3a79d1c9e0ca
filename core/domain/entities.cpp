#include "entities.h"

#include "cccd.h"

#include <QRegularExpression>

#include <array>

namespace motcua::domain {
namespace {

template<typename E>
struct KeyName
{
    E value;
    const char *key;
    const char *name;
};

template<typename E, std::size_t N>
QString keyOf(const std::array<KeyName<E>, N> &table, E value)
{
    for (const auto &row : table) {
        if (row.value == value)
            return QString::fromLatin1(row.key);
    }
    return {};
}

template<typename E, std::size_t N>
QString nameOf(const std::array<KeyName<E>, N> &table, E value)
{
    for (const auto &row : table) {
        if (row.value == value)
            return QString::fromUtf8(row.name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> fromKey(const std::array<KeyName<E>, N> &table, const QString &key)
{
    for (const auto &row : table) {
        if (key == QLatin1String(row.key))
            return row.value;
    }
    return std::nullopt;
}

constexpr std::array kAgencyKinds{
    KeyName<AgencyKind>{AgencyKind::Ministry, "ministry", "Bộ, ngành"},
    KeyName<AgencyKind>{AgencyKind::Province, "province", "UBND cấp tỉnh"},
    KeyName<AgencyKind>{AgencyKind::ServiceCentre, "service-centre",
                        "Trung tâm Phục vụ hành chính công"},
    KeyName<AgencyKind>{AgencyKind::ProvincialDepartment, "provincial-department",
                        "Sở, ban, ngành"},
    KeyName<AgencyKind>{AgencyKind::Commune, "commune", "UBND cấp xã"},
    KeyName<AgencyKind>{AgencyKind::Board, "board", "Ban quản lý"},
};

constexpr std::array kLevels{
    KeyName<ProcedureLevel>{ProcedureLevel::FullOnline, "full-online",
                            "Dịch vụ công trực tuyến toàn trình"},
    KeyName<ProcedureLevel>{ProcedureLevel::PartialOnline, "partial-online",
                            "Dịch vụ công trực tuyến một phần"},
    KeyName<ProcedureLevel>{ProcedureLevel::Information, "information",
                            "Dịch vụ cung cấp thông tin trực tuyến"},
};

constexpr std::array kApplicantTypes{
    KeyName<ApplicantType>{ApplicantType::Person, "person", "Công dân"},
    KeyName<ApplicantType>{ApplicantType::Organisation, "organisation", "Tổ chức, doanh nghiệp"},
};

constexpr std::array kChannels{
    KeyName<Channel>{Channel::NationalPortal, "national-portal", "Cổng Dịch vụ công quốc gia"},
    KeyName<Channel>{Channel::Counter, "counter", "Trực tiếp tại Bộ phận Một cửa"},
    KeyName<Channel>{Channel::PublicPost, "public-post", "Dịch vụ bưu chính công ích"},
    KeyName<Channel>{Channel::HiredProvider, "hired-provider",
                     "Thuê dịch vụ của doanh nghiệp, cá nhân"},
    KeyName<Channel>{Channel::AuthorisedRepresentative, "authorised-representative",
                     "Qua ủy quyền"},
    KeyName<Channel>{Channel::Mobile, "mobile", "Tiếp nhận lưu động, tại chỗ"},
};

} // namespace

QString agencyKindKey(AgencyKind kind)
{
    return keyOf(kAgencyKinds, kind);
}
std::optional<AgencyKind> agencyKindFromKey(const QString &key)
{
    return fromKey(kAgencyKinds, key);
}
QString procedureLevelKey(ProcedureLevel level)
{
    return keyOf(kLevels, level);
}
std::optional<ProcedureLevel> procedureLevelFromKey(const QString &key)
{
    return fromKey(kLevels, key);
}
QString applicantTypeKey(ApplicantType type)
{
    return keyOf(kApplicantTypes, type);
}
std::optional<ApplicantType> applicantTypeFromKey(const QString &key)
{
    return fromKey(kApplicantTypes, key);
}
QString channelKey(Channel channel)
{
    return keyOf(kChannels, channel);
}
QString channelName(Channel channel)
{
    return nameOf(kChannels, channel);
}
std::optional<Channel> channelFromKey(const QString &key)
{
    return fromKey(kChannels, key);
}

const QList<Channel> &allChannels()
{
    static const QList<Channel> channels = [] {
        QList<Channel> list;
        for (const auto &row : kChannels)
            list.append(row.value);
        return list;
    }();
    return channels;
}

Check validateApplicant(const Applicant &a, const QString &field)
{
    const auto at = [&field](const char *name) -> QString {
        return field + QLatin1Char('.') + QLatin1String(name);
    };
    if (a.type == ApplicantType::Person) {
        if (auto st = validatePersonalId(a.personalId, at("personalId")); !st)
            return st;
        if (a.fullName.trimmed().isEmpty()) {
            return makeError(QStringLiteral("applicant.missing_name"),
                             QStringLiteral("Chưa nhập họ và tên người nộp."), at("fullName"));
        }
    } else {
        static const QRegularExpression taxRe(QStringLiteral("^[0-9]{10}(-[0-9]{3})?$"));
        if (!taxRe.match(a.taxCode).hasMatch()) {
            return makeError(
                QStringLiteral("applicant.invalid_tax_code"),
                QStringLiteral(
                    "Mã số thuế/mã số doanh nghiệp phải gồm 10 chữ số (hoặc 10 chữ số, dấu "
                    "gạch ngang và 3 chữ số với chi nhánh), nhận được \"%1\".")
                    .arg(a.taxCode),
                at("taxCode"));
        }
        if (a.organisationName.trimmed().isEmpty()) {
            return makeError(QStringLiteral("applicant.missing_organisation"),
                             QStringLiteral("Chưa nhập tên tổ chức, doanh nghiệp."),
                             at("organisationName"));
        }
    }
    if (a.birthDate.isValid()
        && (a.birthDate.year() < 1900 || a.birthDate > QDate::currentDate())) {
        return makeError(QStringLiteral("applicant.invalid_birth_date"),
                         QStringLiteral("Ngày sinh không hợp lệ."), at("birthDate"));
    }
    static const QRegularExpression phoneRe(QStringLiteral("^(0|\\+84)[0-9]{9,10}$"));
    if (!a.phone.isEmpty() && !phoneRe.match(a.phone).hasMatch()) {
        return makeError(
            QStringLiteral("applicant.invalid_phone"),
            QStringLiteral("Số điện thoại \"%1\" không hợp lệ (ví dụ 0912345678).").arg(a.phone),
            at("phone"));
    }
    static const QRegularExpression emailRe(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!a.email.isEmpty() && !emailRe.match(a.email).hasMatch()) {
        return makeError(QStringLiteral("applicant.invalid_email"),
                         QStringLiteral("Địa chỉ thư điện tử \"%1\" không hợp lệ.").arg(a.email),
                         at("email"));
    }
    return {};
}

bool Dossier::hasApplied(const QUuid &actionId) const
{
    return std::any_of(trail.cbegin(), trail.cend(),
                       [&](const TrailEntry &e) { return e.actionId == actionId; });
}

bool Dossier::isOverdue(const QDateTime &now) const
{
    if (!dueAt.isValid())
        return false;
    if (completedAt.isValid())
        return completedAt > dueAt;
    return isClockRunning(stage) && now > dueAt;
}

QList<Role> Officer::effectiveRoles() const
{
    QList<Role> out = roles;
    for (const Role role : groupRoles) {
        if (!out.contains(role))
            out.append(role);
    }
    return out;
}

} // namespace motcua::domain
