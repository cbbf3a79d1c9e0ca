#include "sliptemplatecache.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <domain/slipcatalogue.h>
#include <sync/api_errors.h>

namespace motcua::services {

domain::Result<QList<store::CatalogueEntry>> slipTemplateEntries(const QByteArray &answer)
{
    const QJsonValue list
        = QJsonDocument::fromJson(answer).object().value(QStringLiteral("templates"));
    if (!list.isArray())
        return sync::badAnswer(QStringLiteral("danh sách mẫu phiếu"));
    QList<store::CatalogueEntry> out;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject t = v.toObject();
        const QString kind = t.value(QStringLiteral("kind")).toString();
        if (!domain::findSlipKind(kind) || !t.value(QStringLiteral("content")).isString())
            return sync::badAnswer(QStringLiteral("mẫu phiếu"));
        out.append({QString::fromLatin1(kSlipTemplateKind), kind, t});
    }
    return out;
}

print::SlipTemplates slipTemplatesFromCache(store::Cache &cache)
{
    print::SlipTemplates templates = print::SlipTemplates::builtIn();
    auto entries = cache.catalogueEntries(QString::fromLatin1(kSlipTemplateKind));
    if (!entries) {
        qCWarning(lcServicesSync) << "slip templates not read from the cache:"
                                  << entries.error().code;
        return templates;
    }
    for (const store::CatalogueEntry &e : entries.value()) {
        const QString html = e.json.value(QStringLiteral("content")).toString();
        if (!html.isEmpty())
            templates.set(e.key, html);
    }
    return templates;
}

} // namespace motcua::services
