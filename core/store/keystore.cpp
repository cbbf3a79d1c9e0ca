// The keychain's error messages, and the in-memory test double.
#include "keystore.h"

namespace motcua::store {

using domain::makeError;

domain::Error keychainError(const QString &code, const QString &backendText)
{
    QString message;
    if (code == QLatin1String("keychain.not_found")) {
        message = QStringLiteral("Không tìm thấy khóa trong kho khóa của hệ điều hành.");
    } else if (code == QLatin1String("keychain.unavailable")) {
        message = QStringLiteral(
            "Không có kho khóa của hệ điều hành (Secret Service/GNOME Keyring, Windows Credential "
            "Manager). Hãy đăng nhập vào phiên làm việc có kho khóa (trên Linux: cài và mở khóa "
            "gnome-keyring), hoặc nhờ quản trị viên chuyển máy trạm sang khóa theo mật khẩu cán "
            "bộ.");
    } else if (code == QLatin1String("keychain.access_denied")) {
        message = QStringLiteral("Kho khóa của hệ điều hành đang khóa hoặc đã từ chối truy cập. "
                                 "Hãy mở khóa kho khóa (đăng nhập lại phiên làm việc) rồi thử "
                                 "lại.");
    } else if (code == QLatin1String("keychain.locked")) {
        message = QStringLiteral("Kho khóa của hệ điều hành chưa có chùm khóa đăng nhập hoặc chưa "
                                 "được mở khóa. Hãy đăng nhập vào phiên làm việc (để mở khóa "
                                 "chùm khóa “login”) rồi thử lại.");
    } else if (code == QLatin1String("keychain.delete_failed")) {
        message = QStringLiteral("Không xóa được mục trong kho khóa của hệ điều hành.");
    } else if (code == QLatin1String("keychain.not_supported")) {
        message = QStringLiteral("Kho khóa của hệ điều hành không hỗ trợ thao tác này.");
    } else {
        message = QStringLiteral("Lỗi kho khóa của hệ điều hành. Hãy thử lại; nếu vẫn lỗi, báo "
                                 "quản trị viên.");
    }
    auto e = makeError(code, message);
    if (!backendText.isEmpty())
        e.details.insert(QStringLiteral("backend"), backendText);
    return e;
}

domain::Result<QByteArray> MemorySecretStore::read(const QString &name)
{
    if (m_unavailable)
        return keychainError(QStringLiteral("keychain.unavailable"));
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        return keychainError(QStringLiteral("keychain.not_found"));
    return it->second;
}

domain::Check MemorySecretStore::write(const QString &name, const QByteArray &secret)
{
    if (m_unavailable)
        return keychainError(QStringLiteral("keychain.unavailable"));
    m_entries[name] = secret;
    return {};
}

domain::Check MemorySecretStore::remove(const QString &name)
{
    if (m_unavailable)
        return keychainError(QStringLiteral("keychain.unavailable"));
    m_entries.erase(name);
    return {};
}

} // namespace motcua::store
