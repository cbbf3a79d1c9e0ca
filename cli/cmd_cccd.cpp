// motcuactl cccd parse — the QR text of a chip citizen identity card.
#include "cliparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/cccd.h>

namespace motcua::cli {

namespace {

int parse(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Parse the QR text of a CCCD card: ID|old ID|full name|ddMMyyyy|gender|address|ddMMyyyy.\n"
        "Prints JSON {id, oldId, fullName, birthDate, gender, address, issueDate} with ISO 8601 "
        "dates."));
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QStringLiteral("The QR text, or - for standard input."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;

    QString text = parser.positionalArguments().constFirst();
    if (text == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return badInput(io, QStringLiteral("cccd parse"),
                            QStringLiteral("cannot read standard input."));
        text = QString::fromUtf8(in.read(64 * 1024));
    }
    const auto card = domain::parseCccdQr(text);
    if (!card)
        return badInput(io, QStringLiteral("cccd parse"), card.error().toString());
    const QJsonObject json{{QStringLiteral("id"), card->id},
                           {QStringLiteral("oldId"), card->oldId},
                           {QStringLiteral("fullName"), card->fullName},
                           {QStringLiteral("birthDate"), card->birthDate.toString(Qt::ISODate)},
                           {QStringLiteral("gender"), card->gender},
                           {QStringLiteral("address"), card->address},
                           {QStringLiteral("issueDate"), card->issueDate.toString(Qt::ISODate)}};
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    return kOk;
}

} // namespace

int runCccd(const QStringList &args, Io &io)
{
    const QString usage
        = QStringLiteral("Usage: motcuactl cccd parse 'TEXT'   (TEXT '-' reads standard input)\n");
    return dispatch(args, io, usage, {{"parse", parse}});
}

} // namespace motcua::cli
