#include "reporttemplates.h"

#include "servercall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <store/cache.h>
#include <sync/api_errors.h>

namespace motcua::services {

using domain::Error;
using domain::Result;
using reports::ReportTemplate;

namespace {

const QString kPath = QStringLiteral("/api/v1/report-templates");

Result<ReportTemplateList> listFrom(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (!o.value(QStringLiteral("templates")).isArray())
        return sync::badAnswer(QStringLiteral("danh sách mẫu báo cáo"));
    ReportTemplateList out;
    out.canShare = o.value(QStringLiteral("canShare")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("templates")).toArray()) {
        auto t = reports::templateFromJson(v.toObject());
        if (!t)
            return sync::badAnswer(QStringLiteral("mẫu báo cáo"));
        out.templates.append(t.value());
    }
    return out;
}

Error offlineWrite()
{
    return domain::makeError(QStringLiteral("reports.offline"),
                             QStringLiteral("Không kết nối được máy chủ: mẫu báo cáo chỉ lưu hoặc "
                                            "xóa được khi có mạng. Báo cáo vẫn tính được từ dữ "
                                            "liệu trên máy."));
}

} // namespace

ReportTemplateService::ReportTemplateService(sync::ApiClient *api, store::Cache &cache,
                                             QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
{}

Result<ReportTemplateList> ReportTemplateService::cached() const
{
    auto text = m_cache.setting(QString::fromLatin1(kCacheKey));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return ReportTemplateList{{}, false, true};
    auto list = listFrom(text->toUtf8());
    if (!list)
        return list.error();
    ReportTemplateList out = list.value();
    out.fromCache = true;
    return out;
}

void ReportTemplateService::list(Done<ReportTemplateList> done)
{
    if (!m_api)
        return done(cached());
    callServer(*m_api, this, "GET", kPath, {}, {},
               [this, done](int status, const QByteArray &body, const Error *e) {
                   if (e) {
                       if (sync::isUnreachable(*e) || sync::isTransient(*e))
                           return done(cached());
                       return done(*e);
                   }
                   if (status != 200)
                       return done(sync::httpError(status, body));
                   auto list = listFrom(body);
                   if (list)
                       (void)m_cache.setSetting(QString::fromLatin1(kCacheKey),
                                                QString::fromUtf8(body));
                   done(list);
               });
}

void ReportTemplateService::save(const ReportTemplate &t, Done<ReportTemplate> done)
{
    if (!m_api)
        return done(offlineWrite());
    if (auto st = reports::validateTemplate(t); !st)
        return done(st.error());
    const bool create = t.id.isNull();
    const QString path = create ? kPath : kPath + u'/' + t.id.toString(QUuid::WithoutBraces);
    callServer(*m_api, this, create ? "POST" : "PUT", path,
               QJsonDocument(reports::toJson(t)).toJson(QJsonDocument::Compact),
               QByteArrayLiteral("application/json"),
               [done, create](int status, const QByteArray &body, const Error *e) {
                   if (e)
                       return done(sync::isUnreachable(*e) ? offlineWrite() : *e);
                   if (status != (create ? 201 : 200))
                       return done(sync::httpError(status, body));
                   auto stored = reports::templateFromJson(QJsonDocument::fromJson(body).object());
                   if (!stored)
                       return done(sync::badAnswer(QStringLiteral("mẫu báo cáo")));
                   done(stored.value());
               });
}

void ReportTemplateService::remove(const ReportTemplate &t, Done<bool> done)
{
    if (!m_api)
        return done(offlineWrite());
    callServer(*m_api, this, "DELETE", kPath + u'/' + t.id.toString(QUuid::WithoutBraces), {}, {},
               [done](int status, const QByteArray &body, const Error *e) {
                   if (e)
                       return done(sync::isUnreachable(*e) ? offlineWrite() : *e);
                   if (status != 200)
                       return done(sync::httpError(status, body));
                   done(true);
               });
}

} // namespace motcua::services
