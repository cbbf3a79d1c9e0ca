// motcuactl cache check|stats — the client's encrypted local cache: integrity, counts, pending
// actions, last sync. Opens an existing profile only (never creates one); the key comes from the OS
// keychain, or — on a workstation in officer-password mode — from --user and a password on stdin.
#include "cliparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <store/cachekey.h>
#include <store/keystore.h>

namespace motcua::cli {
namespace {

using namespace motcua::store;

void addProfileOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("The client's profile directory (holds cache.db)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("user"),
                      QStringLiteral("Officer-password mode: the officer whose key slot opens "
                                     "the cache; the password is read from stdin."),
                      QStringLiteral("NAME")});
}

// Opens the profile's cache, or prints why not and returns nullptr with `exitCode` set.
std::unique_ptr<Cache> openFromOptions(const QCommandLineParser &parser, const QStringList &args,
                                       Io &io, const QString &words, int &exitCode)
{
    if (!parser.isSet(QStringLiteral("profile"))) {
        io.err << "motcuactl " << words << ": --profile is required.\n\n"
               << helpFor(parser, args.constFirst());
        exitCode = kUsage;
        return nullptr;
    }
    const QString dir = parser.value(QStringLiteral("profile"));
    KeychainSecretStore keychain;
    QString password;
    const QString user = parser.value(QStringLiteral("user"));
    if (!user.isEmpty()) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    auto cache = openProfile(dir, keychain, user, password, Cache::OpenMode::OpenExisting);
    if (!cache) {
        exitCode = badInput(io, words, cache.error().toString());
        return nullptr;
    }
    return std::move(cache.value());
}

QString when(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QStringLiteral("never");
}

int check(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check the cache: every page decrypts and verifies, SQLite's integrity "
                       "check, the search index, the push queue, and every blob decrypts to its "
                       "hash. Exit status 0 when intact, 1 otherwise."));
    addProfileOptions(parser);
    parser.addOption({QStringLiteral("no-blobs"), QStringLiteral("Skip the blob files.")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    int exitCode = kOk;
    auto cache = openFromOptions(parser, args, io, QStringLiteral("cache check"), exitCode);
    if (!cache)
        return exitCode;
    auto problems = cache->integrityCheck(!parser.isSet(QStringLiteral("no-blobs")));
    if (!problems)
        return badInput(io, QStringLiteral("cache check"), problems.error().toString());
    if (!problems.value().isEmpty()) {
        io.out << "cache damaged: " << cache->filePath() << '\n';
        for (const QString &p : problems.value())
            io.out << "  " << p << '\n';
        return kBadInput;
    }
    io.out << "cache intact: " << cache->filePath() << " (schema " << cache->schemaVersion()
           << ")\n";
    return kOk;
}

int stats(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Counts of the cache: dossiers, actions (confirmed, accepted, pending), "
                       "open conflicts, blobs, codes left, the sync cursor and the last sync."));
    addProfileOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    int exitCode = kOk;
    auto cache = openFromOptions(parser, args, io, QStringLiteral("cache stats"), exitCode);
    if (!cache)
        return exitCode;
    auto s = cache->stats();
    if (!s)
        return badInput(io, QStringLiteral("cache stats"), s.error().toString());
    const CacheStats &v = s.value();
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject json{
            {QStringLiteral("file"), cache->filePath()},
            {QStringLiteral("schemaVersion"), v.schemaVersion},
            {QStringLiteral("deviceId"), cache->deviceId()},
            {QStringLiteral("dossiers"), v.dossiers},
            {QStringLiteral("actionsConfirmed"), v.actionsConfirmed},
            {QStringLiteral("actionsAccepted"), v.actionsAccepted},
            {QStringLiteral("actionsPending"), v.actionsPending},
            {QStringLiteral("conflictsOpen"), v.conflictsOpen},
            {QStringLiteral("blobs"), v.blobs},
            {QStringLiteral("blobsToUpload"), v.blobsToUpload},
            {QStringLiteral("codesLeft"), v.codesLeft},
            {QStringLiteral("cursor"), v.cursor},
            {QStringLiteral("lastSync"),
             v.lastSync.isValid() ? QJsonValue(when(v.lastSync)) : QJsonValue()},
            {QStringLiteral("fileBytes"), v.fileBytes},
        };
        io.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return kOk;
    }
    io.out << "file               " << cache->filePath() << '\n'
           << "schema             " << v.schemaVersion << '\n'
           << "device             " << cache->deviceId() << '\n'
           << "dossiers           " << v.dossiers << '\n'
           << "actions confirmed  " << v.actionsConfirmed << '\n'
           << "actions accepted   " << v.actionsAccepted << " (waiting for the pull)\n"
           << "pending actions    " << v.actionsPending << '\n'
           << "open conflicts     " << v.conflictsOpen << '\n'
           << "blobs              " << v.blobs << " (" << v.blobsToUpload << " to upload)\n"
           << "codes left         " << v.codesLeft << " (today and later)\n"
           << "sync cursor        " << v.cursor << '\n'
           << "last sync          " << when(v.lastSync) << '\n'
           << "size               " << v.fileBytes << " bytes\n";
    return kOk;
}

} // namespace

int runCache(const QStringList &args, Io &io)
{
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.store.*.debug=false"));
    const QString usage = QStringLiteral(
        "Usage: motcuactl cache check|stats --profile DIR [--user NAME]\n"
        "  check   integrity of the encrypted cache and its blobs (exit 1 when damaged)\n"
        "  stats   counts, pending actions, conflicts, sync cursor and last sync\n");
    return dispatch(args, io, usage, {{"check", check}, {"stats", stats}});
}

} // namespace motcua::cli
