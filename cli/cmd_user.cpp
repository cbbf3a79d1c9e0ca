// motcuactl user add|passwd|disable|list — officers' accounts in the server's database. Passwords
// are read from an environment variable named on the command line, never from the arguments.
#include "server_db.h"

#include <auth.h>
#include <catalogue_store.h>
#include <domain/roles.h>

namespace motcua::cli {
namespace {

using namespace motcua::server;

QCommandLineOption usernameOption()
{
    return {QStringLiteral("username"), QStringLiteral("The officer's login name."),
            QStringLiteral("U")};
}

QCommandLineOption passwordEnvOption()
{
    return {QStringLiteral("password-env"),
            QStringLiteral("Name of the environment variable holding the password."),
            QStringLiteral("VAR")};
}

// The password from the variable named by --password-env.
std::optional<QString> passwordFrom(const QCommandLineParser &parser, Io &io, const QString &words)
{
    const QString variable = parser.value(QStringLiteral("password-env"));
    const QString password = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (password.isEmpty()) {
        badInput(io, words, QStringLiteral("Biến môi trường %1 không có mật khẩu.").arg(variable));
        return std::nullopt;
    }
    return password;
}

// The database and the officer named by --username.
struct Target
{
    std::unique_ptr<Database> db;
    std::unique_ptr<CatalogueStore> catalogue;
    domain::Officer officer;
};

std::optional<Target> openTarget(const QCommandLineParser &parser, Io &io, const QString &words,
                                 bool needOfficer)
{
    auto db = openServerDatabase(parser, io, words);
    if (!db)
        return std::nullopt;
    Target target{std::move(db), nullptr, {}};
    target.catalogue = std::make_unique<CatalogueStore>(*target.db);
    if (!needOfficer)
        return target;
    auto officer = target.catalogue->officerByUsername(parser.value(QStringLiteral("username")));
    if (!officer) {
        badInput(io, words, officer.error().toString());
        return std::nullopt;
    }
    if (!officer.value()) {
        badInput(io, words,
                 QStringLiteral("Không có tài khoản \"%1\".")
                     .arg(parser.value(QStringLiteral("username"))));
        return std::nullopt;
    }
    target.officer = *officer.value();
    return target;
}

int add(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("user add");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Add an officer's account (the account id is the username)."));
    parser.addOptions({dbOption(), usernameOption(), passwordEnvOption()});
    parser.addOption({QStringLiteral("role"),
                      QStringLiteral("A role: admin, counter, appraiser, head, leader, controller, "
                                     "archivist (repeatable)."),
                      QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("agency"),
                      QStringLiteral("The officer's agency code, e.g. 000.17.22.H56."),
                      QStringLiteral("CODE")});
    parser.addOption(
        {QStringLiteral("full-name"), QStringLiteral("Full name."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("department"),
                      QStringLiteral("Department id within the agency."), QStringLiteral("D")});
    parser.addOption({QStringLiteral("title"), QStringLiteral("Job title."), QStringLiteral("T")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db", "username", "password-env", "role", "agency"}))
        return kUsage;
    domain::Officer officer;
    officer.username = parser.value(QStringLiteral("username")).trimmed();
    officer.id = officer.username;
    officer.agencyCode = parser.value(QStringLiteral("agency"));
    officer.fullName = parser.value(QStringLiteral("full-name"));
    officer.departmentId = parser.value(QStringLiteral("department"));
    officer.title = parser.value(QStringLiteral("title"));
    for (const QString &key : parser.values(QStringLiteral("role"))) {
        const auto role = domain::roleFromKey(key);
        if (!role) {
            return badInput(
                io, words,
                QStringLiteral(
                    "Vai trò \"%1\" không tồn tại (admin, counter, appraiser, head, leader, "
                    "controller, archivist).")
                    .arg(key));
        }
        if (!officer.roles.contains(*role))
            officer.roles.append(*role);
    }
    const auto password = passwordFrom(parser, io, words);
    if (!password)
        return kBadInput;
    if (auto st = checkPasswordPolicy(*password); !st)
        return badInput(io, words, st.error().message);
    auto target = openTarget(parser, io, words, false);
    if (!target)
        return kBadInput;
    auto agency = target->catalogue->agency(officer.agencyCode);
    if (!agency || !agency.value())
        return badInput(
            io, words, QStringLiteral("Không tìm thấy cơ quan mã \"%1\".").arg(officer.agencyCode));
    const auto &departments = agency.value()->departments;
    if (!officer.departmentId.isEmpty()
        && std::none_of(departments.cbegin(), departments.cend(),
                        [&](const auto &d) { return d.id == officer.departmentId; })) {
        return badInput(io, words,
                        QStringLiteral("Cơ quan %1 không có phòng ban mã \"%2\".")
                            .arg(officer.agencyCode, officer.departmentId));
    }
    auto existing = target->catalogue->officer(officer.id);
    auto sameName = target->catalogue->officerByUsername(officer.username);
    if (!existing || !sameName)
        return badInput(io, words, (!existing ? existing.error() : sameName.error()).toString());
    if (existing.value() || sameName.value())
        return badInput(io, words,
                        QStringLiteral("Tài khoản \"%1\" đã tồn tại.").arg(officer.username));
    auto hash = hashPassword(*password);
    if (!hash)
        return badInput(io, words, hash.error().message);
    if (auto st = target->catalogue->putOfficer(officer, hash.value()); !st)
        return badInput(io, words, st.error().toString());
    QStringList roles;
    for (const auto role : officer.roles)
        roles << domain::roleKey(role);
    recordCliChange(*target->db, io, words, officer.id, roles.join(QLatin1Char(',')));
    io.out << "added " << officer.username << " (" << officer.agencyCode << ", "
           << roles.join(QLatin1Char(',')) << ")\n";
    return kOk;
}

int passwd(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("user passwd");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set an officer's password; every session of the officer ends."));
    parser.addOptions({dbOption(), usernameOption(), passwordEnvOption()});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db", "username", "password-env"}))
        return kUsage;
    const auto password = passwordFrom(parser, io, words);
    if (!password)
        return kBadInput;
    auto target = openTarget(parser, io, words, true);
    if (!target)
        return kBadInput;
    AuthService auth(*target->db, *target->catalogue);
    if (auto st = auth.changePassword(target->officer.id, *password); !st)
        return badInput(io, words, st.error().message);
    recordCliChange(*target->db, io, words, target->officer.id, {});
    io.out << "password changed for " << target->officer.username
           << "; its sessions are signed out\n";
    return kOk;
}

int disable(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("user disable");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Disable an officer's account; every session of the officer ends."));
    parser.addOptions({dbOption(), usernameOption()});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db", "username"}))
        return kUsage;
    auto target = openTarget(parser, io, words, true);
    if (!target)
        return kBadInput;
    AuthService auth(*target->db, *target->catalogue);
    if (auto st = auth.setActive(target->officer.id, false); !st)
        return badInput(io, words, st.error().toString());
    recordCliChange(*target->db, io, words, target->officer.id, {});
    io.out << "disabled " << target->officer.username << '\n';
    return kOk;
}

int list(const QStringList &args, Io &io)
{
    const QString words = QStringLiteral("user list");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print username, full name, agency, roles (comma-separated) and "
                       "active/disabled, tab-separated."));
    parser.addOption(dbOption());
    parser.addOption({QStringLiteral("agency"), QStringLiteral("Only this agency's officers."),
                      QStringLiteral("CODE")});
    if (auto p = parseOrExplain(parser, args, io); !p.proceed)
        return p.exitCode;
    if (!requireOptions(parser, args, io, {"db"}))
        return kUsage;
    auto target = openTarget(parser, io, words, false);
    if (!target)
        return kBadInput;
    auto officers = target->catalogue->officers(parser.value(QStringLiteral("agency")));
    if (!officers)
        return badInput(io, words, officers.error().toString());
    for (const auto &o : officers.value()) {
        QStringList roles;
        for (const auto role : o.roles)
            roles << domain::roleKey(role);
        io.out << o.username << '\t' << o.fullName << '\t' << o.agencyCode << '\t'
               << roles.join(QLatin1Char(',')) << '\t' << (o.active ? "active" : "disabled")
               << '\n';
    }
    return kOk;
}

} // namespace

int runUser(const QStringList &args, Io &io)
{
    const QString usage = QStringLiteral(
        "Usage: motcuactl user add|passwd|disable|list --db URL [options]\n"
        "  add      --username U --password-env VAR --role ROLE [--role ROLE…] --agency CODE\n"
        "           [--full-name N] [--department D] [--title T]\n"
        "  passwd   --username U --password-env VAR   set the password (signs the officer out "
        "everywhere)\n"
        "  disable  --username U                      disable the account (signs the officer out "
        "everywhere)\n"
        "  list     [--agency CODE]                   username, full name, agency, roles, "
        "active/disabled\n");
    return dispatch(args, io, usage,
                    {{"add", add}, {"passwd", passwd}, {"disable", disable}, {"list", list}});
}

} // namespace motcua::cli
