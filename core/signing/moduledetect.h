#pragma once

#include <QString>
#include <QStringList>

namespace motcua::signing {

// A PKCS#11 library of a known token driver.
struct KnownModule
{
    QString vendor; // "VNPT-CA", "SafeNet eToken", "SoftHSM2"…
    QString path;   // absolute path on this platform
};

// Where the usual drivers install their PKCS#11 library on this platform (Vietnamese CAs:
// VNPT-CA, Viettel-CA, FPT-CA, BKAV-CA, Nacencomm/CA2, plus SafeNet eToken, ePass/Feitian,
// OpenSC and SoftHSM2), most specific first. Implemented per platform (moduledetect_*.cpp).
QList<KnownModule> knownModuleLocations();

// The known modules that exist on this machine, in the order of knownModuleLocations().
// MOTCUA_PKCS11_MODULE, when set, comes first.
QList<KnownModule> detectModules();

// `configured` when not empty, otherwise the first detected module; empty when there is none.
QString chooseModule(const QString &configured);

} // namespace motcua::signing
