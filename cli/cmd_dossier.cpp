// motcuactl dossier example|validate — dossiers in the API's JSON format.
#include "cliparser.h"

#include <QFile>
#include <QJsonDocument>

#include <domain/demo.h>
#include <domain/dossiercode.h>
#include <domain/engine.h>
#include <domain/json.h>

namespace motcua::cli {
namespace {

using namespace motcua::domain;

int example(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print a complete, valid example dossier in the API's JSON format: the fold "
                       "of a demo journey from intake "
                       "to the return of the result.\nWith --actions, print the actions of that "
                       "journey instead."));
    parser.addOption(
        {QStringLiteral("actions"), QStringLiteral("Print the journey's actions (a JSON array).")});
    parser.addOption({QStringLiteral("intake-only"), QStringLiteral("Stop after the intake.")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;

    QList<Action> journey = demo::exampleJourney();
    if (parser.isSet(QStringLiteral("intake-only")))
        journey = journey.mid(0, 1);
    if (parser.isSet(QStringLiteral("actions"))) {
        QJsonArray array;
        for (const auto &a : journey)
            array.append(toJson(a));
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return kOk;
    }
    const auto dossier = fold(journey, demo::directory());
    if (!dossier) // the demo journey is part of the product: it must always fold
        return badInput(io, QStringLiteral("dossier example"), dossier.error().toString());
    io.out << QString::fromUtf8(
        QJsonDocument(toJson(dossier.value())).toJson(QJsonDocument::Indented));
    return kOk;
}

Result<QByteArray> readInput(const QString &path)
{
    QFile file;
    const bool opened = path == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return makeError(QStringLiteral("io.open"),
                         QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    constexpr qint64 kMax = 16 * 1024 * 1024;
    // A pipe hands over what its writer has written so far: read until the end of input.
    QByteArray bytes;
    while (bytes.size() <= kMax) {
        const QByteArray chunk = file.read(kMax + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return makeError(QStringLiteral("io.read"),
                         QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (bytes.size() > kMax)
        return makeError(QStringLiteral("io.too_large"),
                         QStringLiteral("%1 is larger than 16 MiB.").arg(path));
    return bytes;
}

int validate(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a dossier document (JSON, as printed by 'dossier example'): every "
                       "field's type, no unknown field, a "
                       "valid applicant and code. Prints the dossier's status line."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The dossier JSON file, or - for standard input."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    const QString words = QStringLiteral("dossier validate");
    const auto bytes = readInput(parser.positionalArguments().constFirst());
    if (!bytes)
        return badInput(io, words, bytes.error().message);
    const auto json = parseJsonObject(bytes.value());
    if (!json)
        return badInput(io, words, json.error().message);
    const auto dossier = dossierFromJson(json.value());
    if (!dossier)
        return badInput(io, words, dossier.error().toString());
    if (auto st = validateApplicant(dossier->applicant); !st)
        return badInput(io, words, st.error().toString());
    if (!dossier->code.isEmpty()) {
        if (auto code = DossierCodePattern::standard().parse(dossier->code); !code)
            return badInput(io, words, code.error().message);
    }
    const auto directory = demo::directory();
    io.out << dossier->code << '\t'
           << statusLine(dossier.value(), QDateTime::currentDateTime(), directory) << '\n';
    return kOk;
}

} // namespace

int runDossier(const QStringList &args, Io &io)
{
    const QString usage
        = QStringLiteral("Usage: motcuactl dossier example|validate [options]\n"
                         "  example          print a complete, valid example dossier (JSON)\n"
                         "  validate FILE    check a dossier document\n");
    return dispatch(args, io, usage, {{"example", example}, {"validate", validate}});
}

} // namespace motcua::cli
