#include "signingerror.h"

#include <array>

namespace motcua::signing {
namespace {

struct Entry
{
    SigningError kind;
    const char *code;
    const char *message; // UTF-8, Vietnamese
};

constexpr std::array kEntries{
    Entry{
        SigningError::ModuleNotFound, "signing.module_not_found",
        "Không tìm thấy thư viện PKCS#11 của thiết bị ký số (USB token). Hãy cài trình điều khiển "
        "của nhà cung cấp chứng thư số hoặc chỉ đường dẫn thư viện."},
    Entry{SigningError::ModuleLoadFailed, "signing.module_load_failed",
          "Không nạp được thư viện PKCS#11 của thiết bị ký số."},
    Entry{SigningError::NoToken, "signing.no_token",
          "Chưa cắm thiết bị ký số (USB token). Hãy cắm token rồi thử lại."},
    Entry{SigningError::WrongToken, "signing.wrong_token",
          "Thiết bị ký số đang cắm không phải token đã chọn. Hãy cắm đúng token của người ký."},
    Entry{SigningError::TokenRemoved, "signing.token_removed",
          "Thiết bị ký số đã bị rút ra trong khi làm việc. Hãy cắm lại token và đăng nhập lại."},
    Entry{SigningError::WrongPin, "signing.wrong_pin", "Mã PIN không đúng."},
    Entry{SigningError::PinLocked, "signing.pin_locked",
          "Mã PIN của thiết bị ký số đã bị khoá do nhập sai quá số lần cho phép. Hãy liên hệ "
          "nhà cung cấp chứng thư số để mở khoá."},
    Entry{SigningError::PinEmpty, "signing.pin_empty", "Chưa nhập mã PIN."},
    Entry{SigningError::NotLoggedIn, "signing.not_logged_in",
          "Chưa đăng nhập thiết bị ký số (chưa nhập mã PIN)."},
    Entry{SigningError::KeyNotFound, "signing.key_not_found",
          "Không tìm thấy khoá ký và chứng thư số đã chọn trên thiết bị ký số."},
    Entry{SigningError::UnsupportedKey, "signing.unsupported_key",
          "Khoá ký không đạt yêu cầu của Thông tư 15/2025/TT-BKHCN (RSA từ 2048 bit hoặc ECDSA "
          "P-256)."},
    Entry{SigningError::UnsupportedAlgorithm, "signing.unsupported_algorithm",
          "Thuật toán ký hoặc hàm băm không được hỗ trợ (yêu cầu SHA-256 trở lên)."},
    Entry{SigningError::SigningFailed, "signing.failed", "Ký số không thành công."},
    Entry{SigningError::InputUnreadable, "signing.input_unreadable",
          "Không đọc được tệp cần ký hoặc cần kiểm tra."},
    Entry{SigningError::OutputUnwritable, "signing.output_unwritable", "Không ghi được tệp đã ký."},
    Entry{SigningError::BadSignatureData, "signing.bad_signature_data",
          "Dữ liệu chữ ký số không đúng định dạng."},
    Entry{SigningError::TrustStoreError, "signing.trust_store", "Lỗi kho chứng thư số tin cậy."},
    Entry{SigningError::Cancelled, "signing.cancelled", "Đã huỷ ký số."},
    Entry{SigningError::RemoteUnavailable, "signing.remote_unavailable",
          "Không kết nối được dịch vụ ký số từ xa. Hãy kiểm tra đường truyền rồi thử lại."},
    Entry{SigningError::RemoteRefused, "signing.remote_refused",
          "Dịch vụ ký số từ xa từ chối tài khoản hoặc chứng thư số đã chọn."},
    Entry{SigningError::RemoteDenied, "signing.remote_denied",
          "Người ký đã từ chối yêu cầu ký số trên thiết bị xác nhận."},
    Entry{SigningError::RemoteTimeout, "signing.remote_timeout",
          "Hết thời gian chờ người ký xác nhận trên thiết bị; chưa ký gì."},
};

const Entry &entryOf(SigningError kind)
{
    for (const auto &entry : kEntries) {
        if (entry.kind == kind)
            return entry;
    }
    return entryOf(SigningError::SigningFailed);
}

} // namespace

QString codeOf(SigningError kind)
{
    return QString::fromLatin1(entryOf(kind).code);
}

Error signingError(SigningError kind, const QString &detail)
{
    const auto &entry = entryOf(kind);
    QString message = QString::fromUtf8(entry.message);
    if (!detail.isEmpty())
        message += QStringLiteral(" (") + detail + QLatin1Char(')');
    return domain::makeError(QString::fromLatin1(entry.code), message);
}

SigningError kindOf(const Error &error)
{
    for (const auto &entry : kEntries) {
        if (error.code == QLatin1String(entry.code))
            return entry.kind;
    }
    return SigningError::SigningFailed;
}

} // namespace motcua::signing
