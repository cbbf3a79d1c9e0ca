// Linux and other D-Bus desktops: the Secret Service (gnome-keyring, KeePassXC…) or KWallet must
// be registered on the session bus, or activatable there.
#include "keychainprobe.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QStringList>

namespace motcua::store {

bool keychainServicePresent()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusConnectionInterface *iface = bus.interface();
    if (!iface)
        return false;
    const QStringList services{QStringLiteral("org.freedesktop.secrets"),
                               QStringLiteral("org.kde.kwalletd6"),
                               QStringLiteral("org.kde.kwalletd5")};
    const auto activatable = iface->activatableServiceNames();
    for (const QString &service : services) {
        if (iface->isServiceRegistered(service).value())
            return true;
        if (activatable.isValid() && activatable.value().contains(service))
            return true;
    }
    return false;
}

} // namespace motcua::store
