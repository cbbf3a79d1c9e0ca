// motcuactl import procedures — procedures from the National Database on Administrative
// Procedures' JSON export; all or nothing.
#include "server_db.h"

#include <QFile>

#include <catalogue_store.h>
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
    parser.addOption(dbOption());
    parser.addPositionalArgument(QStringLiteral("FILE.json"),
                                 QStringLiteral("The export to import."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    QFile file(parser.positionalArguments().constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return badInput(io, words, QStringLiteral("Không đọc được tệp %1.").arg(file.fileName()));
    const QByteArray json = file.readAll();
    auto db = openServerDatabase(parser, io, words);
    if (!db)
        return kBadInput;
    CatalogueStore catalogue(*db);
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
    const QString usage = QStringLiteral(
        "Usage: motcuactl import procedures --db URL FILE.json\n"
        "  procedures   import the National Database's procedure records (all or nothing)\n");
    return dispatch(args, io, usage, {{"procedures", procedures}});
}

} // namespace motcua::cli
