#include "moduledetect.h"

#include <QFileInfo>

namespace motcua::signing {

QList<KnownModule> detectModules()
{
    QList<KnownModule> found;
    const QString fromEnv = qEnvironmentVariable("MOTCUA_PKCS11_MODULE");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isFile())
        found.append({QStringLiteral("MOTCUA_PKCS11_MODULE"), fromEnv});
    for (const auto &module : knownModuleLocations()) {
        if (QFileInfo(module.path).isFile() && module.path != fromEnv)
            found.append(module);
    }
    return found;
}

QString chooseModule(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    const auto found = detectModules();
    return found.isEmpty() ? QString() : found.constFirst().path;
}

} // namespace motcua::signing
