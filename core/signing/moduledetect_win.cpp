// Windows locations of PKCS#11 token drivers (System32 and the vendors' Program Files folders).
#include "moduledetect.h"

#include <QDir>

namespace motcua::signing {
namespace {

struct Candidate
{
    const char *vendor;
    const char *file; // relative to %SystemRoot% or %ProgramFiles%, see below
    bool inSystem32;
};

constexpr Candidate kCandidates[] = {
    {"VNPT-CA", "vnpt-ca_v34.dll", true},
    {"VNPT-CA", "VNPT-CA Token Manager/vnpt-ca_v34.dll", false},
    {"Viettel-CA", "viettel-ca_v5.dll", true},
    {"FPT-CA", "fptca_pkcs11.dll", true},
    {"BKAV-CA", "BkavCA.dll", true},
    {"Nacencomm (CA2)", "ca2-v34.dll", true},
    {"SafeNet eToken", "eTPKCS11.dll", true},
    {"Thales/SafeNet", "IDPrimePKCS11.dll", true},
    {"ePass (Feitian)", "ShuttleCsp11_3003.dll", true},
    {"ePass (Feitian)", "castle.dll", true},
    {"OpenSC", "OpenSC Project/OpenSC/pkcs11/opensc-pkcs11.dll", false},
    {"SoftHSM2", "SoftHSM2/lib/softhsm2-x64.dll", false},
};

} // namespace

QList<KnownModule> knownModuleLocations()
{
    const QString system32 = qEnvironmentVariable("SystemRoot", QStringLiteral("C:/Windows"))
        + QStringLiteral("/System32/");
    const QString programFiles
        = qEnvironmentVariable("ProgramFiles", QStringLiteral("C:/Program Files"))
        + QLatin1Char('/');
    QList<KnownModule> modules;
    for (const auto &candidate : kCandidates) {
        const QString base = candidate.inSystem32 ? system32 : programFiles;
        modules.append({QString::fromLatin1(candidate.vendor),
                        QDir::cleanPath(base + QString::fromLatin1(candidate.file))});
    }
    return modules;
}

} // namespace motcua::signing
