// Linux (and other Unix) locations of PKCS#11 token drivers.
#include "moduledetect.h"

namespace motcua::signing {
namespace {

struct Candidate
{
    const char *vendor;
    const char *file; // absolute, or a bare name looked up in the library directories
};

// Library names shipped by the drivers of the CAs licensed in Vietnam and the token makers
// they use. Bare names are searched in kLibraryDirs.
constexpr Candidate kCandidates[] = {
    {"VNPT-CA", "/usr/lib/vnpt-ca/libvnpt-ca_v34.so"},
    {"VNPT-CA", "/usr/lib/libvnpt-ca_v34.so"},
    {"VNPT-CA", "libvnptca_p11.so"},
    {"Viettel-CA", "/usr/lib/viettel-ca/libviettel-ca_v5.so"},
    {"Viettel-CA", "libviettel-ca_v5.so"},
    {"Viettel-CA", "libviettelca_p11.so"},
    {"FPT-CA", "/usr/lib/fpt-ca/libfptca_pkcs11.so"},
    {"FPT-CA", "libfptca_pkcs11.so"},
    {"BKAV-CA", "/usr/lib/bkavca/libbkavca.so"},
    {"BKAV-CA", "libbkavca.so"},
    {"Nacencomm (CA2)", "/usr/lib/ca2/libca2-v34.so"},
    {"Nacencomm (CA2)", "libca2-v34.so"},
    {"SafeNet eToken", "libeTPkcs11.so"},
    {"SafeNet eToken", "/usr/lib/libeToken.so"},
    {"Thales/SafeNet", "libIDPrimePKCS11.so"},
    {"ePass (Feitian)", "libcastle.so"},
    {"ePass (Feitian)", "libshuttle_p11v220.so"},
    {"ePass (Feitian)", "libes_3003_pkcs11.so"},
    {"OpenSC", "opensc-pkcs11.so"},
    {"SoftHSM2", "softhsm/libsofthsm2.so"},
    {"SoftHSM2", "libsofthsm2.so"},
};

constexpr const char *kLibraryDirs[] = {
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/lib64",
    "/usr/lib",
    "/usr/local/lib",
    "/usr/lib/pkcs11",
    "/usr/local/lib/pkcs11",
};

} // namespace

QList<KnownModule> knownModuleLocations()
{
    QList<KnownModule> modules;
    for (const auto &candidate : kCandidates) {
        const QString file = QString::fromLatin1(candidate.file);
        const QString vendor = QString::fromLatin1(candidate.vendor);
        if (file.startsWith(QLatin1Char('/'))) {
            modules.append({vendor, file});
            continue;
        }
        for (const char *dir : kLibraryDirs)
            modules.append({vendor, QString::fromLatin1(dir) + QLatin1Char('/') + file});
    }
    return modules;
}

} // namespace motcua::signing
