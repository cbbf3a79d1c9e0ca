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

void writeBytes(const QByteArray &bytes)
{
    QMutexLocker lock(&g_writeMutex);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// One line: the fields given plus time, level and category.
void writeLine(QJsonObject line, QtMsgType type, const char *category)
{
    line.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("level"), QLatin1String(levelName(type)));
    line.insert(QStringLiteral("category"), QLatin1String(category));
    writeBytes(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
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

namespace {

// `text` as a JSON string, quoted (UTF-8; quotes, backslashes and control characters escaped).
void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out += '\\';
            out += char(u);
        } else if (u < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[u >> 4];
            out += "0123456789abcdef"[u & 15];
        } else if (u < 0x80) {
            out += char(u);
        } else {
            out += QStringView(&c, 1).toUtf8();
        }
    }
    out += '"';
}

} // namespace

void logAccess(const AccessLogEntry &entry)
{
    if (!lcHttp().isInfoEnabled())
        return;
    const double durationMs = qRound(entry.durationMs * 1000) / 1000.0;
    if (!g_installed) {
        QJsonObject o{{QStringLiteral("method"), QString::fromLatin1(entry.method)},
                      {QStringLiteral("route"), entry.route},
                      {QStringLiteral("status"), entry.status},
                      {QStringLiteral("durationMs"), durationMs}};
        if (!entry.errorCode.isEmpty())
            o.insert(QStringLiteral("code"), entry.errorCode);
        qCInfo(lcHttp).noquote() << QString::fromUtf8(
            QJsonDocument(o).toJson(QJsonDocument::Compact));
        return;
    }
    // Our JSON lines: the line written here, its keys in the order QJsonDocument writes them
    // (built as a QJsonObject and passed through Qt's logger, it was serialised, parsed and
    // serialised again: a twentieth of the server's time on small feed pages).
    QByteArray line;
    line.reserve(192);
    line += "{\"category\":";
    appendJsonString(line, QString::fromLatin1(lcHttp().categoryName()));
    if (!entry.errorCode.isEmpty()) {
        line += ",\"code\":";
        appendJsonString(line, entry.errorCode);
    }
    line += ",\"durationMs\":";
    line += QByteArray::number(durationMs, 'g', QLocale::FloatingPointShortest);
    line += ",\"level\":\"info\",\"method\":";
    appendJsonString(line, QString::fromLatin1(entry.method));
    line += ",\"route\":";
    appendJsonString(line, entry.route);
    line += ",\"status\":";
    line += QByteArray::number(entry.status);
    line += ",\"time\":";
    appendJsonString(line, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line += "}\n";
    writeBytes(line);
}

} // namespace motcua::server::http
