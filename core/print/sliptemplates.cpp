#include "sliptemplates.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace motcua::print {
namespace {

using domain::makeError;

domain::Error unreadable(const QString &what)
{
    return makeError(QStringLiteral("print.templates_unreadable"),
                     QStringLiteral("Không đọc được mẫu phiếu: %1.").arg(what));
}

// Reads index.json and every file it names from `dir` (a directory or a resource path).
domain::Result<QHash<QString, QString>> readIndex(const QString &dir)
{
    QFile index(dir + QStringLiteral("/index.json"));
    if (!index.open(QIODevice::ReadOnly))
        return unreadable(index.fileName() + QStringLiteral(" (") + index.errorString()
                          + QLatin1Char(')'));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(index.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(index.fileName() + QStringLiteral(": ") + error.errorString());
    QHash<QString, QString> html;
    for (const QJsonValue &value : doc.object().value(QStringLiteral("templates")).toArray()) {
        const QString kind = value.toObject().value(QStringLiteral("kind")).toString();
        const QString file = value.toObject().value(QStringLiteral("file")).toString();
        if (kind.isEmpty() || file.isEmpty() || file.contains(QLatin1Char('/')))
            return unreadable(index.fileName()
                              + QStringLiteral(": a template without kind or file"));
        QFile content(dir + QLatin1Char('/') + file);
        if (!content.open(QIODevice::ReadOnly))
            return unreadable(content.fileName() + QStringLiteral(" (") + content.errorString()
                              + QLatin1Char(')'));
        html.insert(kind, QString::fromUtf8(content.readAll()));
    }
    return html;
}

} // namespace

SlipTemplates SlipTemplates::builtIn()
{
    static const QHash<QString, QString> shipped = [] {
        auto read = readIndex(QStringLiteral(":/motcua/print/slips"));
        Q_ASSERT_X(read, "SlipTemplates::builtIn", "the shipped slips are compiled in");
        return read ? read.value() : QHash<QString, QString>();
    }();
    SlipTemplates t;
    t.m_html = shipped;
    return t;
}

domain::Result<SlipTemplates> SlipTemplates::fromDirectory(const QString &dir)
{
    if (!QDir(dir).exists())
        return unreadable(QStringLiteral("thư mục %1 không tồn tại").arg(dir));
    auto read = readIndex(dir);
    if (!read)
        return read.error();
    SlipTemplates t = builtIn();
    for (auto it = read->cbegin(); it != read->cend(); ++it)
        t.set(it.key(), it.value());
    return t;
}

namespace {
const QList<std::pair<QString, QString>> &forms()
{
    static const QList<std::pair<QString, QString>> all{
        {QStringLiteral("receipt"), QStringLiteral("receipt")},
        {QStringLiteral("supplement"), QStringLiteral("supplement-request")},
        {QStringLiteral("refusal"), QStringLiteral("refusal")},
        {QStringLiteral("extension"), QStringLiteral("extension-request")},
        {QStringLiteral("stop"), QStringLiteral("stop-notice")},
        {QStringLiteral("control"), QStringLiteral("process-control")},
        {QStringLiteral("logbook"), QStringLiteral("logbook")},
        {QStringLiteral("evaluation"), QStringLiteral("evaluation")},
    };
    return all;
}
} // namespace

QString kindForForm(const QString &form)
{
    for (const auto &[word, kind] : forms()) {
        if (word == form)
            return kind;
    }
    return {};
}

QStringList formWords()
{
    QStringList words;
    for (const auto &entry : forms())
        words.append(entry.first);
    return words;
}

} // namespace motcua::print
