// motcuactl cache check|stats — the client's encrypted local cache: integrity, counts, pending
// actions, last sync. Opens an existing profile only (never creates one); the key comes from the OS
// keychain, or — on a workstation in officer-password mode — from --user and a password on stdin.
// motcuactl cache keys|protect|unprotect|add-slot|remove-slot — where the cache key lives (issue 4
// item 2): an admin opts a workstation into keys wrapped by each officer's password (Argon2id key
// slots) and back; passwords are read from stdin, never from the command line.
#include "cliparser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <store/cachekey.h>
#include <store/crypto.h>
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

QString modeName(KeyMode mode)
{
    return mode == KeyMode::Keychain ? QStringLiteral("keychain")
                                     : QStringLiteral("officer-passwords");
}

// The profile directory of a key command, with its cache file there; empty (and `exitCode` set)
// when it is missing.
QString keyProfile(const QCommandLineParser &parser, const QStringList &args, Io &io,
                   const QString &words, int &exitCode)
{
    const QString dir = parser.value(QStringLiteral("profile"));
    if (dir.isEmpty()) {
        io.err << "motcuactl " << words << ": --profile is required.\n\n"
               << helpFor(parser, args.constFirst());
        exitCode = kUsage;
        return {};
    }
    if (!QFile::exists(QDir(dir).filePath(QString::fromLatin1(Cache::kFileName)))) {
        exitCode = badInput(io, words,
                            QStringLiteral("Không tìm thấy bộ đệm cục bộ trong %1.").arg(dir));
        return {};
    }
    return dir;
}

int keys(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Where the cache key lives: the OS keychain, or officers' password slots "
                       "(and whose)."));
    addProfileOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    int exitCode = kOk;
    const QString words = QStringLiteral("cache keys");
    const QString dir = keyProfile(parser, args, io, words, exitCode);
    if (dir.isEmpty())
        return exitCode;
    KeychainSecretStore keychain;
    CacheKeys keys(dir, keychain);
    auto mode = keys.mode();
    if (!mode)
        return badInput(io, words, mode.error().toString());
    QStringList owners;
    if (mode.value() == KeyMode::OfficerPasswords) {
        auto list = keys.slotOwners();
        if (!list)
            return badInput(io, words, list.error().toString());
        owners = list.value();
        owners.sort();
    }
    if (parser.isSet(QStringLiteral("json"))) {
        io.out << QJsonDocument(
                      QJsonObject{{QStringLiteral("mode"), modeName(mode.value())},
                                  {QStringLiteral("slots"), QJsonArray::fromStringList(owners)}})
                      .toJson(QJsonDocument::Indented);
        return kOk;
    }
    io.out << "mode   " << modeName(mode.value()) << '\n';
    if (mode.value() == KeyMode::OfficerPasswords)
        io.out << "slots  " << owners.join(QStringLiteral(", ")) << '\n';
    return kOk;
}

// protect, unprotect, add-slot, remove-slot: --profile and --user (whose password, on the first
// line of stdin, proves the right to change the keys), and --for where another officer is named.
int changeKeys(const QStringList &args, Io &io, const QString &command)
{
    const bool names
        = command == QLatin1String("add-slot") || command == QLatin1String("remove-slot");
    QCommandLineParser parser;
    if (command == QLatin1String("protect")) {
        parser.setApplicationDescription(QStringLiteral(
            "Opt this workstation into officer-password keys: the cache key leaves the keychain "
            "and is wrapped by --user's password (Argon2id), read from stdin; the password must be "
            "the one the officer logs in with. Add the other officers with add-slot."));
    } else if (command == QLatin1String("unprotect")) {
        parser.setApplicationDescription(QStringLiteral(
            "Back to the keychain: the key unlocked by --user's password (stdin) goes into the OS "
            "keychain and the password slots are removed."));
    } else if (command == QLatin1String("add-slot")) {
        parser.setApplicationDescription(QStringLiteral(
            "Lets --for open the cache with their own password: --user's password on the first "
            "line of stdin unlocks the key, --for's on the second wraps it (adds or replaces the "
            "slot, e.g. after a password change)."));
    } else {
        parser.setApplicationDescription(QStringLiteral(
            "Removes --for's slot; --user's password (stdin) proves the right. The last slot is "
            "never removed."));
    }
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("The client's profile directory (holds cache.db)."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("user"),
         QStringLiteral("The officer whose password (stdin) unlocks or wraps the key."),
         QStringLiteral("NAME")});
    if (names) {
        parser.addOption({QStringLiteral("for"), QStringLiteral("The officer whose slot changes."),
                          QStringLiteral("NAME")});
    }
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    const QString words = QStringLiteral("cache ") + command;
    int exitCode = kOk;
    const QString dir = keyProfile(parser, args, io, words, exitCode);
    if (dir.isEmpty())
        return exitCode;
    const QString user = parser.value(QStringLiteral("user")).trimmed();
    const QString other = parser.value(QStringLiteral("for")).trimmed();
    if (user.isEmpty() || (names && other.isEmpty())) {
        io.err << "motcuactl " << words << ": --user" << (names ? " and --for are" : " is")
               << " required.\n\n"
               << helpFor(parser, args.constFirst());
        return kUsage;
    }
    QTextStream in(stdin);
    QString password = in.readLine();
    QString otherPassword = command == QLatin1String("add-slot") ? in.readLine() : QString();
    if (password.isEmpty() || (command == QLatin1String("add-slot") && otherPassword.isEmpty())) {
        return badInput(
            io, words,
            command == QLatin1String("add-slot")
                ? QStringLiteral("Cần hai mật khẩu trên stdin: của --user, rồi của --for.")
                : QStringLiteral("Cần mật khẩu của --user trên stdin."));
    }

    KeychainSecretStore keychain;
    CacheKeys keys(dir, keychain);
    auto mode = keys.mode();
    if (!mode)
        return badInput(io, words, mode.error().toString());
    const bool wantKeychainMode = command == QLatin1String("protect");
    if ((mode.value() == KeyMode::Keychain) != wantKeychainMode) {
        return badInput(io, words,
                        wantKeychainMode
                            ? QStringLiteral("Máy trạm đã dùng khóa theo mật khẩu cán bộ.")
                            : QStringLiteral("Máy trạm đang giữ khóa bộ đệm trong kho khóa của hệ "
                                             "điều hành; dùng \"cache protect\" trước."));
    }
    // Checked by opening the cache: a key that does not open it is never wrapped into a slot or
    // written to the keychain.
    auto key = verifiedKey(dir, keychain, user, password);
    if (!key)
        return badInput(io, words, key.error().toString());
    Check done;
    if (command == QLatin1String("protect"))
        done = keys.switchToOfficerPasswords(key.value(), user, password);
    else if (command == QLatin1String("unprotect"))
        done = keys.switchToKeychain(key.value());
    else if (command == QLatin1String("add-slot"))
        done = keys.addSlot(key.value(), other, otherPassword);
    else if (auto owners = keys.slotOwners(); !owners)
        done = owners.error();
    else if (!owners->contains(other))
        done = domain::makeError(
            QStringLiteral("cache.no_key_slot"),
            QStringLiteral("Cán bộ %1 không có khe khóa trên máy trạm này.").arg(other));
    else
        done = keys.removeSlot(other);
    crypto::wipe(key.value());
    password.fill(QChar(0));
    otherPassword.fill(QChar(0));
    if (!done)
        return badInput(io, words, done.error().toString());
    if (command == QLatin1String("protect"))
        io.out << "officer-password keys: slot for " << user << "; the keychain entry is removed\n";
    else if (command == QLatin1String("unprotect"))
        io.out << "keychain key: stored; the password slots are removed\n";
    else if (command == QLatin1String("add-slot"))
        io.out << "slot for " << other << ": written\n";
    else
        io.out << "slot for " << other << ": removed\n";
    return kOk;
}

} // namespace

int runCache(const QStringList &args, Io &io)
{
    QLoggingCategory::setFilterRules(QStringLiteral("motcua.store.*.debug=false"));
    const QString usage = QStringLiteral(
        "Usage: motcuactl cache COMMAND --profile DIR [--user NAME] [--for NAME]\n"
        "  check        integrity of the encrypted cache and its blobs (exit 1 when damaged)\n"
        "  stats        counts, pending actions, conflicts, sync cursor and last sync\n"
        "  keys         where the cache key lives: keychain, or officers' password slots\n"
        "  protect      move the key from the keychain into --user's password slot\n"
        "  unprotect    move the key back into the keychain, removing the slots\n"
        "  add-slot     let --for open the cache with their password\n"
        "  remove-slot  take --for's slot away\n"
        "Passwords are read from stdin, one per line.\n");
    return dispatch(
        args, io, usage,
        {{"check", check},
         {"stats", stats},
         {"keys", keys},
         {"protect",
          [](const QStringList &a, Io &o) { return changeKeys(a, o, QStringLiteral("protect")); }},
         {"unprotect",
          [](const QStringList &a, Io &o) {
              return changeKeys(a, o, QStringLiteral("unprotect"));
          }},
         {"add-slot",
          [](const QStringList &a, Io &o) { return changeKeys(a, o, QStringLiteral("add-slot")); }},
         {"remove-slot", [](const QStringList &a, Io &o) {
              return changeKeys(a, o, QStringLiteral("remove-slot"));
          }}});
}

} // namespace motcua::cli
