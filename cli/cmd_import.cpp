// motcuactl import procedures — procedures from the National Database on Administrative
// Procedures' JSON export; all or nothing.
#include "cliparser.h"

#include <QFile>
#include <QLoggingCategory>

#include <catalogue_store.h>
#include <migrations.h>
#include <procedure_import.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

int procedures(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("import procedures");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a JSON array of records (MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, ThanhPhanHoSo, "
        "ThoiGianGiaiQuyet, DonViTinh, PhiLePhi, CanCuPhapLy, CoQuanThucHien). A malformed record "
        "is "
        "reported by its number (from 1) and field, and nothing is imported."));
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB."),
                      QStringLiteral("URL")});
    parser.addPositionalArgument(QStringLiteral("FILE.json"),
                                 QStringLiteral("The export to import."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    if (!parser.isSet(QStringLiteral("db"))) {
        io.err << "motcuactl import procedures: --db is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    QFile file(parser.positionalArguments().constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return badInput(io, words, QStringLiteral("Không đọc được tệp %1.").arg(file.fileName()));
    const QByteArray json = file.readAll();
    auto db = openCurrentDatabase(parser.value(QStringLiteral("db")));
    if (!db)
        return badInput(io, words, db.error().toString());
    CatalogueStore catalogue(*db.value());
    auto imported = importProcedures(catalogue, json);
    if (!imported) {
        const Error &e = imported.error();
        if (e.details.contains(QStringLiteral("record"))) {
            io.err << "motcuactl import procedures: record "
                   << e.details.value(QStringLiteral("record")).toInt() << ", field "
                   << e.details.value(QStringLiteral("recordField")).toString() << ": "
                   << e.details.value(QStringLiteral("reason")).toString() << '\n';
            return kBadInput;
        }
        return badInput(io, words, e.toString());
    }
    io.out << "imported " << imported.value() << " procedures\n";
    return kOk;
}

} // namespace

int runImport(const QStringList &args, Io &io)
{
    // The command prints its own summary; the library's info lines would repeat it.
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.server.*.info=false"));
    const QString usage = QStringLiteral(
        "Usage: motcuactl import procedures --db URL FILE.json\n"
        "  procedures   import the National Database's procedure records (all or nothing)\n");
    if (args.size() < 2 || args.at(1) == QLatin1String("--help")
        || args.at(1) == QLatin1String("-h")) {
        (args.size() < 2 ? io.err : io.out) << usage;
        return args.size() < 2 ? kUsage : kOk;
    }
    const QString sub = args.at(1);
    QStringList rest = args.mid(1);
    rest[0] = args.at(0) + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("procedures"))
        return procedures(rest, io);
    io.err << "motcuactl import: unknown subcommand '" << sub << "'\n" << usage;
    return kUsage;
}

} // namespace motcua::cli
