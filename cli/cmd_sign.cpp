// motcuactl sign — sign a file with a key on a PKCS#11 token, or with a remote signing service
// (Cloud Signature Consortium API v2) (R10.1, R11).
#include "cliparser.h"

#include <QFile>
#include <QSaveFile>

#include <signing/cmssigner.h>
#include <signing/csc.h>
#include <signing/jws.h>
#include <signing/moduledetect.h>
#include <signing/pades.h>
#include <signing/token.h>
#include <signing/truststore.h>
#include <signing/xmlsigner.h>

namespace motcua::cli {
namespace {

using namespace motcua::signing;

const QString kWords = QStringLiteral("sign");

QByteArray readFile(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    return *ok ? file.readAll() : QByteArray();
}

// Writes `data` to `path` atomically: a failed run leaves no partial file behind.
bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

// The configured module, or the first detected one that holds the token `label`.
Result<std::unique_ptr<TokenBackend>> openBackend(const QString &configured, const QString &label)
{
    if (!configured.isEmpty())
        return openPkcs11Backend(configured);
    const auto modules = detectModules();
    for (const auto &module : modules) {
        auto backend = openPkcs11Backend(module.path);
        if (!backend)
            continue;
        auto tokens = backend.value()->tokens();
        for (const auto &token : tokens.ok() ? tokens.value() : QList<TokenInfo>{}) {
            if (token.label == label)
                return backend;
        }
    }
    if (modules.isEmpty())
        return signingError(SigningError::ModuleNotFound);
    return openPkcs11Backend(modules.constFirst().path);
}

} // namespace

int runSign(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign a file with the key on a USB token (PKCS#11), or with a remote signing service "
        "(--csc: Cloud Signature Consortium API v2; --token is then the credential ID). The PIN "
        "and the service password are read from environment variables, never from the command "
        "line. Nothing is written unless signing succeeded."));
    parser.addOptions({
        {QStringLiteral("module"),
         QStringLiteral("PKCS#11 library of the token driver (default: the first one detected)."),
         QStringLiteral("PATH")},
        {QStringLiteral("token"),
         QStringLiteral("Label of the token (with --csc: the credential ID)."),
         QStringLiteral("LABEL")},
        {QStringLiteral("csc"),
         QStringLiteral("Remote signing service: its CSC API root, e.g. https://host/csc/v2."),
         QStringLiteral("URL")},
        {QStringLiteral("csc-user"), QStringLiteral("Account at the remote signing service."),
         QStringLiteral("NAME")},
        {QStringLiteral("csc-password-env"),
         QStringLiteral("Environment variable holding that account's password."),
         QStringLiteral("VAR")},
        {QStringLiteral("pin-env"), QStringLiteral("Environment variable holding the user PIN."),
         QStringLiteral("VAR")},
        {QStringLiteral("key-id"),
         QStringLiteral("CKA_ID of the key, hex (default: the first key with a certificate)."),
         QStringLiteral("HEX")},
        {QStringLiteral("in"), QStringLiteral("File to sign."), QStringLiteral("FILE")},
        {QStringLiteral("out"),
         QStringLiteral("Signed output (.p7s for cms, .jws for jws, .xml for xades)."),
         QStringLiteral("FILE")},
        {QStringLiteral("format"),
         QStringLiteral("pades, cms, xades or jws (default cms). xades signs an XML document, or "
                        "a JSON form object turned into XML first."),
         QStringLiteral("FORMAT"), QStringLiteral("cms")},
        {QStringLiteral("reason"), QStringLiteral("Reason shown in a PDF signature."),
         QStringLiteral("TEXT")},
        {QStringLiteral("pss"), QStringLiteral("RSA keys: sign with RSASSA-PSS.")},
        {QStringLiteral("digest"), QStringLiteral("SHA256 (default), SHA384 or SHA512."),
         QStringLiteral("NAME"), QStringLiteral("SHA256")},
        {QStringLiteral("detached"),
         QStringLiteral("jws: leave the payload out of the JWS (verify it with --content).")},
        {QStringLiteral("tsa"),
         QStringLiteral("cms and pades: add an RFC 3161 timestamp from the TSA at this URL."),
         QStringLiteral("URL")},
        {QStringLiteral("chain"),
         QStringLiteral("PEM file of intermediate CA certificates to embed."),
         QStringLiteral("PEM")},
    });
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"token", "pin-env", "in", "out"}))
        return kUsage;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("cms") && format != QLatin1String("pades")
        && format != QLatin1String("jws") && format != QLatin1String("xades"))
        return badInput(io, kWords, QStringLiteral("unknown --format '%1'.").arg(format));
    if (parser.isSet(QStringLiteral("tsa")) && format != QLatin1String("cms")
        && format != QLatin1String("pades"))
        return badInput(io, kWords,
                        QStringLiteral("--tsa works with --format cms and pades only."));
    const QString pinVariable = parser.value(QStringLiteral("pin-env"));
    const QByteArray pin = qgetenv(pinVariable.toLocal8Bit().constData());
    if (pin.isEmpty())
        return badInput(
            io, kWords,
            QStringLiteral("the environment variable %1 holds no PIN.").arg(pinVariable));
    bool readable = false;
    const QByteArray content = readFile(parser.value(QStringLiteral("in")), &readable);
    if (!readable)
        return badInput(
            io, kWords,
            signingError(SigningError::InputUnreadable, parser.value(QStringLiteral("in")))
                .message);

    const QString token = parser.value(QStringLiteral("token"));
    Result<std::unique_ptr<TokenBackend>> backend = signingError(SigningError::ModuleNotFound);
    if (parser.isSet(QStringLiteral("csc"))) {
        if (parser.isSet(QStringLiteral("module")))
            return badInput(io, kWords, QStringLiteral("give --module or --csc, not both."));
        CscOptions csc;
        csc.baseUrl = parser.value(QStringLiteral("csc"));
        csc.username = parser.value(QStringLiteral("csc-user"));
        const QString passwordVariable = parser.value(QStringLiteral("csc-password-env"));
        if (!passwordVariable.isEmpty())
            csc.password = qgetenv(passwordVariable.toLocal8Bit().constData());
        if (!csc.username.isEmpty() && csc.password.isEmpty())
            return badInput(io, kWords,
                            QStringLiteral("--csc-user needs --csc-password-env naming a variable "
                                           "that holds the password."));
        backend = openCscBackend(csc);
    } else {
        backend = openBackend(parser.value(QStringLiteral("module")), token);
    }
    if (!backend)
        return badInput(io, kWords, backend.error().message);
    if (auto login = backend.value()->login(token, pin); !login)
        return badInput(io, kWords, login.error().message);
    auto signer
        = backend.value()->credentials(token, parser.value(QStringLiteral("key-id")).toLatin1());
    if (!signer)
        return badInput(io, kWords, signer.error().message);
    if (parser.isSet(QStringLiteral("chain")))
        signer.value().chain = TrustStore::load(parser.value(QStringLiteral("chain")));

    SignOptions options;
    options.digest = parser.value(QStringLiteral("digest")).toUpper().toLatin1();
    options.padding = parser.isSet(QStringLiteral("pss")) ? RsaPadding::Pss : RsaPadding::Pkcs1v15;
    options.tsaUrl = parser.value(QStringLiteral("tsa"));
    const QString out = parser.value(QStringLiteral("out"));
    if (format == QLatin1String("pades")) {
        PadesOptions pades;
        pades.reason = parser.value(QStringLiteral("reason"));
        pades.sign = options;
        if (auto signedPdf
            = signPdf(signer.value(), parser.value(QStringLiteral("in")), out, pades);
            !signedPdf)
            return badInput(io, kWords, signedPdf.error().message);
        io.out << "signed: " << out << " (pades, " << options.digest
               << (options.tsaUrl.isEmpty() ? "" : ", timestamped") << ")\n";
        return kOk;
    }
    if (format == QLatin1String("jws")) {
        if (options.digest != "SHA256")
            return badInput(io, kWords, QStringLiteral("jws signs with SHA256 only."));
        JwsOptions jws;
        jws.padding = options.padding;
        jws.detachedPayload = parser.isSet(QStringLiteral("detached"));
        auto compact = signJws(signer.value(), content, jws);
        if (!compact)
            return badInput(io, kWords, compact.error().message);
        if (!writeFile(out, compact.value()))
            return badInput(io, kWords, signingError(SigningError::OutputUnwritable, out).message);
        io.out << "signed: " << out << " (jws" << (jws.detachedPayload ? ", detached payload" : "")
               << ")\n";
        return kOk;
    }
    if (format == QLatin1String("xades")) {
        // A form kept as JSON is turned into XML first (R11.3); XML is signed as it is.
        QByteArray xml = content;
        const bool json = !looksLikeXml(content);
        if (json) {
            auto converted = jsonFormToXml(content);
            if (!converted)
                return badInput(io, kWords, converted.error().message);
            xml = converted.value();
        }
        XmlSignOptions xades;
        xades.sign = options;
        auto signedXml = signXml(signer.value(), xml, xades);
        if (!signedXml)
            return badInput(io, kWords, signedXml.error().message);
        if (!writeFile(out, signedXml.value()))
            return badInput(io, kWords, signingError(SigningError::OutputUnwritable, out).message);
        io.out << "signed: " << out << " (xades, " << options.digest
               << (json ? ", JSON form converted to XML" : "") << ")\n";
        return kOk;
    }
    auto signature = signDetachedCms(signer.value(), content, options);
    if (!signature)
        return badInput(io, kWords, signature.error().message);
    if (!writeFile(out, signature.value()))
        return badInput(io, kWords, signingError(SigningError::OutputUnwritable, out).message);
    io.out << "signed: " << out << " (cms, " << options.digest
           << (options.tsaUrl.isEmpty() ? "" : ", timestamped") << ")\n";
    return kOk;
}

} // namespace motcua::cli
