#pragma once

#include <QStringList>
#include <QTextStream>

namespace motcua::cli {

// Exit codes of every motcuactl command.
enum ExitCode : int {
    kOk = 0,
    kBadInput = 1,
    kUsage = 2
};

// What a command gets: its own arguments (after the command word), and the streams to write to.
struct Io
{
    QTextStream &out;
    QTextStream &err;
};

// One top-level command word: `motcuactl <name> …`.
struct Command
{
    const char *name;
    const char *summary; // one line for `motcuactl --help`
    int (*run)(const QStringList &args, Io &io);
};

// The commands, one file each (cmd_<name>.cpp).
int runCalendar(const QStringList &args, Io &io);
int runCode(const QStringList &args, Io &io);
int runCccd(const QStringList &args, Io &io);
int runDossier(const QStringList &args, Io &io);
int runServer(const QStringList &args, Io &io);
int runAgency(const QStringList &args, Io &io);
int runUser(const QStringList &args, Io &io);
int runAudit(const QStringList &args, Io &io);
int runImport(const QStringList &args, Io &io);
int runCache(const QStringList &args, Io &io);
int runSign(const QStringList &args, Io &io);
int runVerify(const QStringList &args, Io &io);
int runPrint(const QStringList &args, Io &io);
int runReport(const QStringList &args, Io &io);

} // namespace motcua::cli
