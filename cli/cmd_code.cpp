// motcuactl code make|parse — official dossier codes (R12.3a).
#include "cliparser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <domain/dossiercode.h>

namespace motcua::cli {
namespace {

using namespace motcua::domain;

QCommandLineOption patternOption()
{
    return {QStringLiteral("pattern"),
            QStringLiteral("Code pattern (default \"%1\").")
                .arg(QString::fromLatin1(DossierCodePattern::kDefault)),
            QStringLiteral("PATTERN")};
}

Result<DossierCodePattern> patternFrom(const QCommandLineParser &parser)
{
    const QString text = parser.value(QStringLiteral("pattern"));
    return text.isEmpty() ? DossierCodePattern::standard() : DossierCodePattern::compile(text);
}

int make(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Make the official code of a dossier."));
    parser.addOption({QStringLiteral("agency"),
                      QStringLiteral("National agency code, e.g. 000.17.22.H56."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("date"), QStringLiteral("Intake date, YYYY-MM-DD."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("seq"), QStringLiteral("Daily sequence number, from 1."),
                      QStringLiteral("N")});
    parser.addOption(patternOption());
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    for (const char *required : {"agency", "date", "seq"}) {
        if (!parser.isSet(QLatin1String(required))) {
            io.err << "motcuactl code make: --" << required << " is required.\n\n"
                   << helpFor(parser, args.constFirst());
            return kUsage;
        }
    }
    auto pattern = patternFrom(parser);
    if (!pattern)
        return badInput(io, QStringLiteral("code make"), pattern.error().message);
    DossierCode code;
    code.agencyCode = parser.value(QStringLiteral("agency"));
    code.date = QDate::fromString(parser.value(QStringLiteral("date")), Qt::ISODate);
    if (!code.date.isValid())
        return badInput(io, QStringLiteral("code make"),
                        QStringLiteral("--date must be a real date YYYY-MM-DD."));
    bool ok = false;
    code.sequence = parser.value(QStringLiteral("seq")).toInt(&ok);
    if (!ok)
        return badInput(io, QStringLiteral("code make"),
                        QStringLiteral("--seq must be a whole number."));
    const auto text = pattern->make(code);
    if (!text)
        return badInput(io, QStringLiteral("code make"), text.error().message);
    io.out << text.value() << '\n';
    return kOk;
}

int parse(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Parse an official dossier code into JSON {agency, date, seq}."));
    parser.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("The dossier code."));
    parser.addOption(patternOption());
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    auto pattern = patternFrom(parser);
    if (!pattern)
        return badInput(io, QStringLiteral("code parse"), pattern.error().message);
    const auto code = pattern->parse(parser.positionalArguments().constFirst());
    if (!code)
        return badInput(io, QStringLiteral("code parse"), code.error().message);
    const QJsonObject json{{QStringLiteral("agency"), code->agencyCode},
                           {QStringLiteral("date"), code->date.toString(Qt::ISODate)},
                           {QStringLiteral("seq"), code->sequence}};
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    return kOk;
}

} // namespace

int runCode(const QStringList &args, Io &io)
{
    const QString usage = QStringLiteral(
        "Usage: motcuactl code make|parse [options]\n"
        "  make   --agency CODE --date YYYY-MM-DD --seq N   print the dossier code\n"
        "  parse  CODE                                      print {agency, date, seq} as JSON\n");
    return dispatch(args, io, usage, {{"make", make}, {"parse", parse}});
}

} // namespace motcua::cli
