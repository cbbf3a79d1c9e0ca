// motcuactl import procedures — procedures from the National Database on Administrative
// Procedures' JSON export; all or nothing.
#include "server_db.h"

#include <QFile>
#include <QFileInfo>

#include <admin_units.h>
#include <catalogue_store.h>
#include <domain/adminunits.h>
#include <domain/procedureimport.h>
#include <procedure_import.h>
#include <reports/xlsxreader.h>

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

// The national export format (JSON or CSV): every faulty row is listed, nothing is applied; a
// dry run lists what would be added, changed and left unchanged.
int national(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("import national");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import procedures from the National Database on Administrative Procedures' export (JSON "
        "or CSV: MaTTHC, TenTTHC, MaLinhVuc/TenLinhVuc, CachThucThucHien, ThanhPhanHoSo, "
        "CanCuPhapLy, CoQuanThucHien). Every faulty row is reported by row and column and "
        "nothing is imported. --dry-run shows what would change."));
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Preview only; write nothing.")});
    parser.addOption({QStringLiteral("agency"),
                      QStringLiteral("Agency of records without CoQuanThucHien."),
                      QStringLiteral("CODE")});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The export (.json or .csv)."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(io, words, QStringLiteral("Không đọc được tệp %1.").arg(path));
    const auto format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        ? domain::ImportFormat::Csv
        : path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? domain::ImportFormat::Json
                                                                     : domain::ImportFormat::Guess;
    domain::ProcedureImport parsed = domain::parseProcedureImport(file.readAll(), format);
    if (!parsed.ok()) {
        for (const auto &problem : parsed.problems)
            io.err << "motcuactl " << words << ": " << problem.toString() << '\n';
        io.err << "motcuactl " << words << ": " << parsed.problems.size()
               << " lỗi; chưa nhập thủ tục nào.\n";
        return kBadInput;
    }
    const QString agency = parser.value(QStringLiteral("agency"));
    for (auto &p : parsed.procedures) {
        if (p.agencyCode.isEmpty())
            p.agencyCode = agency;
        if (p.agencyCode.isEmpty())
            return badInput(io, words,
                            QStringLiteral("Thủ tục %1 không có CoQuanThucHien: hãy chỉ định "
                                           "--agency.")
                                .arg(p.code));
    }
    auto db = openServerDatabase(parser, io, words);
    if (!db)
        return kBadInput;
    CatalogueStore catalogue(*db);
    auto existing = catalogue.procedures();
    if (!existing)
        return badInput(io, words, existing.error().toString());
    const auto changes = domain::previewProcedureImport(parsed.procedures, existing.value());
    QList<domain::Procedure> toWrite;
    int counts[3] = {0, 0, 0};
    for (const auto &c : changes) {
        ++counts[int(c.kind)];
        io.out << domain::importChangeKindKey(c.kind) << '\t' << c.procedure.code << '\t'
               << c.procedure.name;
        if (!c.fields.isEmpty())
            io.out << '\t' << c.fields.join(QLatin1Char(','));
        io.out << '\n';
        if (c.kind != domain::ImportChange::Kind::Unchanged)
            toWrite.append(c.procedure);
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (!dryRun && !toWrite.isEmpty()) {
        if (auto st = catalogue.putProcedures(toWrite); !st)
            return badInput(io, words, st.error().toString());
        recordCliChange(*db, io, words, QFileInfo(path).fileName(),
                        QStringLiteral("%1 added, %2 changed").arg(counts[0]).arg(counts[1]));
    }
    io.out << (dryRun ? "would add " : "added ") << counts[0] << ", "
           << (dryRun ? "would change " : "changed ") << counts[1] << ", unchanged " << counts[2]
           << '\n';
    return kOk;
}

// The National Statistics Office's list of administrative units (CSV or Excel): all or nothing.
int units(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("import units");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import administrative units (provinces and communes) from the National Statistics "
        "Office's list as CSV or Excel (.xlsx, its first sheet): columns level, code, name, "
        "division_type, parent_code, or the office's Mã TP, Tỉnh / Thành phố, Mã, Tên, Cấp. "
        "Every faulty row is reported and nothing is imported."));
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Preview only; write nothing.")});
    parser.addPositionalArgument(QStringLiteral("FILE.csv|FILE.xlsx"), QStringLiteral("The list."));
    if (auto p = parseOrExplain(parser, args, io, 1, 1); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    const QString path = parser.positionalArguments().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badInput(io, words, QStringLiteral("Không đọc được tệp %1.").arg(path));
    auto db = openServerDatabase(parser, io, words);
    if (!db)
        return kBadInput;
    UnitQuery provincesOnly;
    provincesOnly.level = QStringLiteral("province");
    auto provinces = administrativeUnits(*db, provincesOnly);
    if (!provinces)
        return badInput(io, words, provinces.error().toString());
    QStringList known;
    for (const auto &p : provinces.value())
        known.append(p.code);
    domain::UnitImport parsed;
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        auto rows = reports::readXlsxRows(file.readAll());
        if (!rows)
            return badInput(io, words, rows.error().message);
        parsed = domain::parseAdministrativeUnitRows(rows.value(), known);
    } else {
        parsed = domain::parseAdministrativeUnits(file.readAll(), known);
    }
    if (!parsed.ok()) {
        for (const auto &problem : parsed.problems)
            io.err << "motcuactl " << words << ": " << problem.toString() << '\n';
        io.err << "motcuactl " << words << ": " << parsed.problems.size()
               << " lỗi; chưa nhập đơn vị nào.\n";
        return kBadInput;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    auto changes = importAdministrativeUnits(*db, parsed.units, dryRun);
    if (!changes)
        return badInput(io, words, changes.error().toString());
    if (!dryRun && changes->added + changes->changed > 0)
        recordCliChange(
            *db, io, words, QFileInfo(path).fileName(),
            QStringLiteral("%1 added, %2 changed").arg(changes->added).arg(changes->changed));
    io.out << (dryRun ? "would add " : "added ") << changes->added << ", "
           << (dryRun ? "would change " : "changed ") << changes->changed << ", unchanged "
           << changes->unchanged << '\n';
    return kOk;
}

} // namespace

int runImport(const QStringList &args, Io &io)
{
    const QString usage = QStringLiteral(
        "Usage: motcuactl import procedures|national --db URL FILE\n"
        "  procedures   import the National Database's procedure records (all or nothing)\n"
        "  national     the national export as JSON or CSV, every faulty row listed; --dry-run\n"
        "  units        the statistics office's administrative units (CSV or .xlsx); --dry-run\n");
    return dispatch(args, io, usage,
                    {{"procedures", procedures}, {"national", national}, {"units", units}});
}

} // namespace motcua::cli
