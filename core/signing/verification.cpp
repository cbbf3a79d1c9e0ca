#include "verification.h"

namespace motcua::signing {

QString describe(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Valid:
        return QStringLiteral("Chữ ký hợp lệ");
    case SignatureStatus::DigestMismatch:
        return QStringLiteral("Tài liệu đã bị thay đổi sau khi ký");
    case SignatureStatus::Invalid:
        return QStringLiteral("Chữ ký không hợp lệ");
    case SignatureStatus::Unsupported:
        return QStringLiteral("Thuật toán ký không được chấp nhận");
    case SignatureStatus::Malformed:
        return QStringLiteral("Dữ liệu chữ ký bị hỏng");
    }
    return {};
}

QString describe(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Trusted:
        return QStringLiteral("Chứng thư số tin cậy");
    case CertificateStatus::UnknownIssuer:
        return QStringLiteral("Chứng thư số do tổ chức không có trong danh sách tin cậy cấp");
    case CertificateStatus::Expired:
        return QStringLiteral("Chứng thư số đã hết hạn tại thời điểm ký");
    case CertificateStatus::NotYetValid:
        return QStringLiteral("Chứng thư số chưa có hiệu lực tại thời điểm ký");
    case CertificateStatus::Revoked:
        return QStringLiteral("Chứng thư số đã bị thu hồi");
    case CertificateStatus::RevocationUnknown:
        return QStringLiteral("Chưa kiểm tra được tình trạng thu hồi của chứng thư số");
    case CertificateStatus::Invalid:
        return QStringLiteral("Chứng thư số không hợp lệ");
    case CertificateStatus::NotChecked:
        return QStringLiteral("Chưa kiểm tra chứng thư số");
    }
    return {};
}

QString keyword(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::Valid:
        return QStringLiteral("valid");
    case SignatureStatus::DigestMismatch:
        return QStringLiteral("digest-mismatch");
    case SignatureStatus::Invalid:
        return QStringLiteral("invalid");
    case SignatureStatus::Unsupported:
        return QStringLiteral("unsupported");
    case SignatureStatus::Malformed:
        return QStringLiteral("malformed");
    }
    return {};
}

QString keyword(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Trusted:
        return QStringLiteral("trusted");
    case CertificateStatus::UnknownIssuer:
        return QStringLiteral("unknown-issuer");
    case CertificateStatus::Expired:
        return QStringLiteral("expired");
    case CertificateStatus::NotYetValid:
        return QStringLiteral("not-yet-valid");
    case CertificateStatus::Revoked:
        return QStringLiteral("revoked");
    case CertificateStatus::RevocationUnknown:
        return QStringLiteral("revocation-unknown");
    case CertificateStatus::Invalid:
        return QStringLiteral("invalid");
    case CertificateStatus::NotChecked:
        return QStringLiteral("not-checked");
    }
    return {};
}

} // namespace motcua::signing
