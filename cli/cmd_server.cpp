// motcuactl server init|migrate — create or upgrade the server's database, optionally with the
// demo province.
#include "server_db.h"

#include <QFileInfo>

#include <catalogue_store.h>
#include <demo_seed.h>
#include <migrations.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

int initOrMigrate(const QStringList &args, Io &io, bool create)
{
    const QString words = create ? QStringLiteral("server init") : QStringLiteral("server migrate");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        create ? QStringLiteral(
            "Create the database (SQLite: the file) and bring it to the current schema.")
               : QStringLiteral("Bring an existing database to the current schema."));
    parser.addOption(dbOption());
    parser.addOption(
        {QStringLiteral("demo"),
         QStringLiteral("Also seed the demo province; every demo account gets the password in "
                        "the environment variable MOTCUA_DEMO_PASSWORD.")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!parser.isSet(QStringLiteral("db"))) {
        io.err << "motcuactl " << words << ": --db is required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    const QString demoPassword = qEnvironmentVariable("MOTCUA_DEMO_PASSWORD");
    if (parser.isSet(QStringLiteral("demo")) && demoPassword.isEmpty()) {
        io.err << "motcuactl " << words
               << ": --demo needs the demo accounts' password in MOTCUA_DEMO_PASSWORD.\n";
        return kUsage;
    }
    auto url = DbUrl::parse(parser.value(QStringLiteral("db")));
    if (!url)
        return badInput(io, words, url.error().message);
    if (!create && url.value().kind == DbUrl::Kind::Sqlite
        && !QFileInfo::exists(url.value().path)) {
        return badInput(
            io, words,
            QStringLiteral("Không tìm thấy cơ sở dữ liệu %1: tạo bằng \"motcuactl server init\".")
                .arg(url.value().toDisplayString()));
    }
    Database db(url.value());
    if (auto st = db.open(); !st)
        return badInput(io, words, st.error().toString());
    auto before = currentSchemaVersion(db);
    if (!before)
        return badInput(io, words, before.error().toString());
    auto version = migrate(db);
    if (!version)
        return badInput(io, words, version.error().toString());
    if (version.value() == before.value())
        io.out << "schema version " << version.value()
               << " (already current): " << url.value().toDisplayString() << '\n';
    else
        io.out << "schema version " << before.value() << " -> " << version.value() << ": "
               << url.value().toDisplayString() << '\n';
    if (parser.isSet(QStringLiteral("demo"))) {
        CatalogueStore catalogue(db);
        if (auto st = seedDemo(catalogue, demoPassword); !st)
            return badInput(io, words, st.error().toString());
        io.out << "demo province: " << catalogue.agencies()->size() << " agencies, "
               << catalogue.officers()->size() << " officers, " << catalogue.procedures()->size()
               << " procedures\n";
    }
    return kOk;
}

int init(const QStringList &args, Io &io)
{
    return initOrMigrate(args, io, true);
}

int migrate(const QStringList &args, Io &io)
{
    return initOrMigrate(args, io, false);
}

} // namespace

int runServer(const QStringList &args, Io &io)
{
    const QString usage = QStringLiteral(
        "Usage: motcuactl server init|migrate --db URL [--demo]\n"
        "  init     create the database and bring it to the current schema\n"
        "  migrate  bring an existing database to the current schema\n"
        "  --demo   also seed the demo province (password from MOTCUA_DEMO_PASSWORD)\n");
    return dispatch(args, io, usage, {{"init", init}, {"migrate", migrate}});
}

} // namespace motcua::cli
