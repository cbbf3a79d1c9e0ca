// motcuactl print FORM --dossier FILE.json --out FILE.pdf — the official slips (R19) rendered to
// PDF from a dossier in the API's JSON format, with the demo catalogue for the agency, procedure
// and officers. main() gives this command a QGuiApplication on the offscreen platform.
#include "cliparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/demo.h>
#include <domain/json.h>
#include <print/slipcontext.h>
#include <print/sliprenderer.h>
#include <print/sliptemplates.h>

namespace motcua::cli {
namespace {

using namespace motcua::domain;

const QString kWords = QStringLiteral("print");

// One dossier (a JSON object) or several (a JSON array of objects), each complete enough to print.
Result<QList<Dossier>> readDossiers(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("io.open"),
                         QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    constexpr qint64 kMax = 16 * 1024 * 1024;
    const QByteArray bytes = file.read(kMax + 1);
    if (bytes.size() > kMax)
        return makeError(QStringLiteral("io.too_large"),
                         QStringLiteral("%1 is larger than 16 MiB.").arg(path));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("json.malformed"),
                         QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                             .arg(path, error.errorString())
                             .arg(error.offset));
    QJsonArray items;
    if (doc.isObject())
        items.append(doc.object());
    else
        items = doc.array();
    if (items.isEmpty())
        return makeError(QStringLiteral("json.empty"),
                         QStringLiteral("%1 holds no dossier.").arg(path));
    QList<Dossier> dossiers;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = items.size() > 1 ? QStringLiteral("%1[%2]").arg(path).arg(i) : path;
        if (!items.at(i).isObject())
            return makeError(QStringLiteral("json.not_object"),
                             QStringLiteral("%1 is not a dossier (a JSON object).").arg(where));
        auto dossier = dossierFromJson(items.at(i).toObject());
        if (!dossier)
            return makeError(dossier.error().code,
                             where + QStringLiteral(": ") + dossier.error().toString());
        for (const auto &[value, field] :
             {std::pair{dossier->code, "code"}, std::pair{dossier->procedureCode, "procedureCode"},
              std::pair{dossier->applicant.fullName, "applicant.fullName"}}) {
            if (value.trimmed().isEmpty())
                return makeError(
                    QStringLiteral("dossier.missing_field"),
                    QStringLiteral("%1: the dossier has no %2, which every slip shows.")
                        .arg(where, QLatin1String(field)));
        }
        if (!dossier->receivedAt.isValid())
            return makeError(QStringLiteral("dossier.missing_field"),
                             QStringLiteral("%1: the dossier has no receivedAt, which every slip "
                                            "shows.")
                                 .arg(where));
        dossiers.append(dossier.value());
    }
    return dossiers;
}

// The officer who received the dossier: the first in its trail.
QString receivingOfficer(const Dossier &dossier)
{
    return dossier.trail.isEmpty() ? QString() : dossier.trail.constFirst().actorId;
}

} // namespace

int runPrint(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render an official slip to PDF from a dossier in the API's JSON format (as "
                       "printed by 'dossier example'), with the demo catalogue for the agency, "
                       "procedure and officers.\nFORM is one of: %1.\nThe log book takes one "
                       "dossier or a JSON array of dossiers.")
            .arg(print::formWords().join(QStringLiteral(", "))));
    parser.addPositionalArgument(QStringLiteral("FORM"), QStringLiteral("The slip to print."));
    parser.addOption({QStringLiteral("dossier"), QStringLiteral("The dossier JSON file."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The PDF file to write."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("templates"),
                      QStringLiteral("A directory with index.json and templates that replace the "
                                     "national defaults (resources/slips/ layout)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("server"),
                      QStringLiteral("The server's public address, for the receipt's lookup QR "
                                     "code (default %1).")
                          .arg(QStringLiteral("https://motcua.invalid")),
                      QStringLiteral("URL"), QStringLiteral("https://motcua.invalid")});
    parser.addOption({QStringLiteral("officer"),
                      QStringLiteral("The officer who prints (default: who received the dossier)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("number"),
                      QStringLiteral("The slip's number (…/HDHS, …/PXL)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("logbook-volume"),
                      QStringLiteral("The log book's volume (Quyển số)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("logbook-entry"),
                      QStringLiteral("The dossier's entry number in the log book."),
                      QStringLiteral("N")});
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"dossier", "out"}))
        return kUsage;

    const QString form = parser.positionalArguments().constFirst();
    const QString kind = print::kindForForm(form);
    if (kind.isEmpty())
        return badInput(io, kWords,
                        QStringLiteral("unknown form '%1' (one of: %2)")
                            .arg(form, print::formWords().join(QStringLiteral(", "))));
    const auto dossiers = readDossiers(parser.value(QStringLiteral("dossier")));
    if (!dossiers)
        return badInput(io, kWords, dossiers.error().message);

    print::SlipTemplates templates = print::SlipTemplates::builtIn();
    if (parser.isSet(QStringLiteral("templates"))) {
        auto fromDir
            = print::SlipTemplates::fromDirectory(parser.value(QStringLiteral("templates")));
        if (!fromDir)
            return badInput(io, kWords, fromDir.error().message);
        templates = fromDir.value();
    }

    const Dossier &first = dossiers->constFirst();
    const QString officer = parser.isSet(QStringLiteral("officer"))
        ? parser.value(QStringLiteral("officer"))
        : receivingOfficer(first);
    const auto directory = demo::directory();
    print::SlipContext context
        = print::contextFor(first, directory, officer, parser.value(QStringLiteral("server")));
    context.slipNumber = parser.value(QStringLiteral("number"));
    context.logbookVolume = parser.value(QStringLiteral("logbook-volume"));
    context.logbookNumber = parser.value(QStringLiteral("logbook-entry"));

    const auto rendered = print::renderSlip(kind, templates.html(kind), dossiers.value(), context);
    if (!rendered)
        return badInput(io, kWords, rendered.error().message);
    const QString out = parser.value(QStringLiteral("out"));
    if (auto written = print::writePdf(rendered->pdf, out); !written)
        return badInput(io, kWords, written.error().message);
    io.out << out << '\t' << kind << '\t' << rendered->pages << " page(s)\n";
    return kOk;
}

} // namespace motcua::cli
