#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace motcua::domain {

// The roles of R01 and ARCHITECTURE.md. An officer may hold several.
enum class Role {
    Admin,      // người quản trị
    Counter,    // cán bộ một cửa (tiếp nhận và trả kết quả)
    Appraiser,  // cán bộ thẩm định
    Head,       // lãnh đạo phòng, ban
    Leader,     // lãnh đạo đơn vị
    Controller, // cán bộ kiểm soát thủ tục
    Archivist,  // văn thư lưu trữ
};

const QList<Role> &allRoles();
QString roleKey(Role role); // "admin", "counter", …
std::optional<Role> roleFromKey(const QString &key);
QString roleName(Role role); // Vietnamese: "Cán bộ một cửa"

} // namespace motcua::domain
