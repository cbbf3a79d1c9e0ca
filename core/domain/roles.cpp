#include "roles.h"

namespace motcua::domain {

const QList<Role> &allRoles()
{
    static const QList<Role> roles{Role::Admin,  Role::Counter,    Role::Appraiser, Role::Head,
                                   Role::Leader, Role::Controller, Role::Archivist};
    return roles;
}

QString roleKey(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Counter:
        return QStringLiteral("counter");
    case Role::Appraiser:
        return QStringLiteral("appraiser");
    case Role::Head:
        return QStringLiteral("head");
    case Role::Leader:
        return QStringLiteral("leader");
    case Role::Controller:
        return QStringLiteral("controller");
    case Role::Archivist:
        return QStringLiteral("archivist");
    }
    return {};
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (const Role r : allRoles()) {
        if (roleKey(r) == key)
            return r;
    }
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("Quản trị hệ thống");
    case Role::Counter:
        return QStringLiteral("Cán bộ một cửa");
    case Role::Appraiser:
        return QStringLiteral("Cán bộ thẩm định");
    case Role::Head:
        return QStringLiteral("Lãnh đạo phòng, ban");
    case Role::Leader:
        return QStringLiteral("Lãnh đạo đơn vị");
    case Role::Controller:
        return QStringLiteral("Cán bộ kiểm soát thủ tục");
    case Role::Archivist:
        return QStringLiteral("Văn thư lưu trữ");
    }
    return {};
}

} // namespace motcua::domain
