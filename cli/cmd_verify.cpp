// motcuactl verify — check every signature of a signed file: signature status and certificate
// status, each on its own line (R10.2, R11.4).
#include "cliparser.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <signing/cmsverifier.h>
#include <signing/jws.h>
#include <signing/padesverifier.h>
#include <signing/truststore.h>
#include <signing/xmlsigner.h>

namespace motcua::cli {
namespace {

using namespace motcua::signing;

const QString kWords = QStringLiteral("verify");

QString defaultDir(QStandardPaths::StandardLocation location, const QString &leaf)
{
    return QStandardPaths::writableLocation(location) + QLatin1Char('/') + leaf;
}

void printReport(Io &io, int number, const SignatureReport &report)
{
    io.out << "signature " << number << ": "
           << (report.signerName.isEmpty() ? QStringLiteral("(unknown signer)") : report.signerName)
           << '\n'
           << "  signature status: " << keyword(report.signature) << " ("
           << describe(report.signature) << ")\n"
           << "  certificate status: " << keyword(report.certificate) << " ("
           << describe(report.certificate) << ")\n";
    if (report.signingTime.isValid())
        io.out << "  signing time: " << report.signingTime.toString(Qt::ISODate) << '\n';
    if (report.timestamped) {
        io.out << "  timestamp: " << (report.timestampValid ? "valid" : "NOT valid");
        if (report.timestampTime.isValid())
            io.out << ' ' << report.timestampTime.toString(Qt::ISODate);
        if (!report.timestampAuthority.isEmpty())
            io.out << " by " << report.timestampAuthority;
        io.out << '\n';
        if (!report.timestampDetail.isEmpty())
            io.out << "  timestamp detail: " << report.timestampDetail << '\n';
    }
    if (!report.algorithm.isEmpty())
        io.out << "  algorithm: " << report.algorithm << '\n';
    if (!report.signerSubject.isEmpty())
        io.out << "  subject: " << report.signerSubject << '\n';
    if (!report.detail.isEmpty())
        io.out << "  detail: " << report.detail << '\n';
}

// A compact JWS; its payload is inside, or (detached) in --content, else FILE without .jws.
int verifyJwsFile(Io &io, const QString &path, const QByteArray &data, QString contentPath,
                  const CertificateValidator &validator)
{
    QByteArray detached;
    const bool hasPayload = data.trimmed().split('.').value(1).size() > 0;
    if (contentPath.isEmpty() && !hasPayload && path.endsWith(QLatin1String(".jws")))
        contentPath = path.chopped(4);
    if (!contentPath.isEmpty()) {
        QFile contentFile(contentPath);
        if (!contentFile.open(QIODevice::ReadOnly))
            return badInput(io, kWords,
                            signingError(SigningError::InputUnreadable, contentPath).message);
        detached = contentFile.readAll();
    } else if (!hasPayload) {
        return badInput(io, kWords,
                        QStringLiteral("a JWS with a detached payload needs it: --content FILE."));
    }
    auto report = verifyJws(data, validator, detached);
    if (!report)
        return badInput(io, kWords, report.error().message);
    printReport(io, 1, report.value());
    const bool good = report.value().ok();
    io.out << (good ? "result: every signature is valid and trusted\n"
                    : "result: NOT every signature is valid and trusted\n");
    return good ? kOk : kBadInput;
}

} // namespace

int runVerify(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Verify the signatures of FILE (a PDF, an XML document, a .jws, or a detached .p7s with "
        "--content). "
        "Prints, per signature, "
        "its signature status and its certificate status. Exit status 0 only when every "
        "signature is valid and trusted."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The signed file."));
    parser.addOptions({
        {QStringLiteral("content"),
         QStringLiteral("The signed content of a detached signature (default: FILE without "
                        ".p7s)."),
         QStringLiteral("FILE")},
        {QStringLiteral("trust"),
         QStringLiteral("Trusted CA certificates: a PEM file or a directory (default: the "
                        "managed trust store)."),
         QStringLiteral("PEM|DIR")},
        {QStringLiteral("offline"),
         QStringLiteral("Do not ask OCSP responders nor fetch CRLs; use the cache only.")},
        {QStringLiteral("cache"), QStringLiteral("Directory of cached OCSP answers and CRLs."),
         QStringLiteral("DIR")},
    });
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(io, kWords, signingError(SigningError::InputUnreadable, path).message);
    const QByteArray data = file.readAll();
    const QString trust = parser.isSet(QStringLiteral("trust"))
        ? parser.value(QStringLiteral("trust"))
        : defaultDir(QStandardPaths::AppDataLocation, QStringLiteral("trust"));
    RevocationOptions revocation;
    revocation.offline = parser.isSet(QStringLiteral("offline"));
    revocation.cacheDir = parser.isSet(QStringLiteral("cache"))
        ? parser.value(QStringLiteral("cache"))
        : defaultDir(QStandardPaths::CacheLocation, QStringLiteral("revocation"));
    CertificateValidator validator(TrustStore::load(trust), revocation);

    if (data.startsWith("%PDF")) {
        auto reports = verifyPdf(data, validator);
        if (!reports)
            return badInput(io, kWords, reports.error().message);
        int number = 0;
        for (const auto &report : reports.value()) {
            printReport(io, ++number, report);
            io.out << "  covers whole document: " << (report.coversWholeDocument ? "yes" : "no")
                   << '\n';
        }
        const bool intact = pdfIsIntact(reports.value());
        if (!reports.value().constLast().coversWholeDocument)
            io.out << "document changed since the last signature (Tài liệu đã bị thay đổi sau "
                      "khi ký)\n";
        io.out << (intact ? "result: every signature is valid and trusted\n"
                          : "result: NOT every signature is valid and trusted\n");
        return intact ? kOk : kBadInput;
    }

    if (!path.endsWith(QLatin1String(".p7s")) && looksLikeXml(data)) {
        auto reports = verifyXml(data, validator);
        if (!reports)
            return badInput(io, kWords, reports.error().message);
        bool allGood = true;
        int number = 0;
        for (const auto &report : reports.value()) {
            printReport(io, ++number, report);
            io.out << "  covers whole document: " << (report.coversWholeDocument ? "yes" : "no")
                   << '\n';
            allGood = allGood && report.ok();
        }
        io.out << (allGood ? "result: every signature is valid and trusted\n"
                           : "result: NOT every signature is valid and trusted\n");
        return allGood ? kOk : kBadInput;
    }

    if (path.endsWith(QLatin1String(".jws")) || looksLikeJws(data))
        return verifyJwsFile(io, path, data, parser.value(QStringLiteral("content")), validator);

    QString contentPath = parser.value(QStringLiteral("content"));
    if (contentPath.isEmpty() && path.endsWith(QLatin1String(".p7s")))
        contentPath = path.chopped(4);
    QFile contentFile(contentPath);
    if (contentPath.isEmpty() || !contentFile.open(QIODevice::ReadOnly))
        return badInput(io, kWords,
                        QStringLiteral("a detached signature needs its content: --content FILE."));
    const QByteArray content = contentFile.readAll();
    auto reports = verifyDetachedCms(data, {QByteArrayView(content)}, validator);
    if (!reports)
        return badInput(io, kWords, reports.error().message);
    bool allGood = true;
    int number = 0;
    for (const auto &report : reports.value()) {
        printReport(io, ++number, report);
        allGood = allGood && report.ok();
    }
    io.out << (allGood ? "result: every signature is valid and trusted\n"
                       : "result: NOT every signature is valid and trusted\n");
    return allGood ? kOk : kBadInput;
}

} // namespace motcua::cli
