#include "json_log.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <atomic>
#include <cstdio>

namespace motcua::server::http {

Q_LOGGING_CATEGORY(lcHttp, "motcua.server.http")

namespace {

QMutex g_writeMutex;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// One line: the fields given plus time, level and category.
void writeLine(QJsonObject line, QtMsgType type, const char *category)
{
    line.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("level"), QLatin1String(levelName(type)));
    line.insert(QStringLiteral("category"), QLatin1String(category));
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&g_writeMutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

std::atomic<bool> g_installed{false};

void jsonMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject line;
    const char *category = context.category ? context.category : "default";
    // Access-log lines logged through Qt arrive as a compact JSON object: merge their fields.
    if (qstrcmp(category, "motcua.server.http") == 0 && message.startsWith(QLatin1Char('{'))) {
        line = QJsonDocument::fromJson(message.toUtf8()).object();
    }
    if (line.isEmpty())
        line.insert(QStringLiteral("message"), message);
    writeLine(std::move(line), type, category);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installJsonLogging(const QString &level)
{
    qInstallMessageHandler(jsonMessageHandler);
    g_installed = true;
    QString rules = QStringLiteral("qt.*.debug=false\n");
    if (level == QLatin1String("debug"))
        rules += QStringLiteral("motcua.*.debug=true\n");
    else
        rules += QStringLiteral("*.debug=false\n");
    if (level == QLatin1String("warning") || level == QLatin1String("error"))
        rules += QStringLiteral("*.info=false\n");
    if (level == QLatin1String("error"))
        rules += QStringLiteral("*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
}

void logAccess(const AccessLogEntry &entry)
{
    if (!lcHttp().isInfoEnabled())
        return;
    QJsonObject o{{QStringLiteral("method"), QString::fromLatin1(entry.method)},
                  {QStringLiteral("route"), entry.route},
                  {QStringLiteral("status"), entry.status},
                  {QStringLiteral("durationMs"), qRound(entry.durationMs * 1000) / 1000.0}};
    if (!entry.errorCode.isEmpty())
        o.insert(QStringLiteral("code"), entry.errorCode);
    // Written here when the JSON lines are ours: through Qt, the line would be serialised, parsed
    // and serialised again (a twentieth of the server's time on small feed pages).
    if (g_installed)
        writeLine(std::move(o), QtInfoMsg, lcHttp().categoryName());
    else
        qCInfo(lcHttp).noquote() << QString::fromUtf8(
            QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace motcua::server::http
