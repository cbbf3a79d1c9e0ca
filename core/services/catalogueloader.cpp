#include "catalogueloader.h"

#include "logging.h"
#include "servercall.h"
#include "sliptemplatecache.h"
#include "workstation.h"

#include <QJsonDocument>

#include <domain/json.h>
#include <store/cache.h>
#include <sync/api_client.h>
#include <sync/api_errors.h>
#include <sync/sync_engine.h>

namespace motcua::services {

using domain::Check;
using domain::Result;

CatalogueLoader::CatalogueLoader(sync::ApiClient &api, store::Cache &cache, QString agencyCode,
                                 QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_agencyCode(std::move(agencyCode))
{}

using sync::catalogueEntries;

void CatalogueLoader::start()
{
    m_pending = 10;
    const auto store = [this](const auto &result, auto makeEntries) {
        if (!result)
            return callDone(result.error());
        callDone(m_cache.putCatalogueEntries(makeEntries(result.value())));
    };
    sync::whenDone(m_api.agencies(), this, [store](const auto &r) {
        store(r, [](const auto &v) {
            return catalogueEntries(QStringLiteral("agency"), v,
                                    [](const auto &a) { return a.code; });
        });
    });
    sync::whenDone(m_api.procedures(), this, [store](const auto &r) {
        store(r, [](const auto &v) {
            return catalogueEntries(QStringLiteral("procedure"), v,
                                    [](const auto &p) { return p.code; });
        });
    });
    sync::whenDone(m_api.officers(), this, [store](const auto &r) {
        store(r, [](const auto &v) {
            return catalogueEntries(QStringLiteral("officer"), v,
                                    [](const auto &o) { return o.id; });
        });
    });
    // Groups of officers (their names, for the workflow diagram), the province's document types
    // (the intake forms of components) and fields: one deleted on the server leaves the cache
    // too, so each kind is replaced whole.
    const auto replace = [this](const char *kind, const auto &result, auto key) {
        if (!result)
            return callDone(result.error());
        callDone(sync::replaceCatalogue(m_cache, QLatin1String(kind), result.value(), key));
    };
    sync::whenDone(m_api.groups(), this, [replace](const auto &r) {
        replace("group", r, [](const auto &g) { return g.id; });
    });
    sync::whenDone(m_api.documentTypes(), this, [replace](const auto &r) {
        replace(sync::kDocumentTypeKind, r, [](const auto &t) { return t.code; });
    });
    sync::whenDone(m_api.procedureFields(), this, [replace](const auto &r) {
        replace(sync::kFieldKind, r, [](const auto &f) { return f.code; });
    });
    sync::whenDone(m_api.workflows(), this, [store](const auto &r) {
        store(r, [](const auto &v) {
            return catalogueEntries(QStringLiteral("workflow"), v, [](const auto &w) {
                return QStringLiteral("%1@%2").arg(w.id).arg(w.version);
            });
        });
    });
    // The slip templates in force at the agency (its own versions, else the national defaults):
    // the receipt and every other slip print with what the agency's admin set (R05.2a-b).
    callServer(m_api, this, "GET", QStringLiteral("/api/v1/slip-templates"), {}, {},
               [this](int status, const QByteArray &body, const domain::Error *e) {
                   if (e)
                       return callDone(*e);
                   if (status != 200)
                       return callDone(sync::httpError(status, body));
                   auto entries = slipTemplateEntries(body);
                   if (!entries)
                       return callDone(entries.error());
                   callDone(m_cache.putCatalogueEntries(entries.value()));
               });
    sync::whenDone(m_api.transitionChart(), this, [this](const Result<domain::ChartSettings> &r) {
        if (!r)
            return callDone(r.error());
        callDone(m_cache.putCatalogueEntries({sync::chartEntry(r.value())}));
    });
    sync::whenDone(m_api.holidayCalendar(), this, [this](const Result<domain::HolidayCalendar> &r) {
        if (!r)
            return callDone(r.error());
        const auto json = QJsonDocument::fromJson(r.value().toJson()).object();
        callDone(m_cache.putCatalogueEntries(
            {{QLatin1String(sync::kCalendarKind), QLatin1String(sync::kCalendarKey), json}}));
    });
}

void CatalogueLoader::callDone(const Check &result)
{
    if (!result && m_firstError.ok()) {
        qCWarning(lcServicesSync) << "catalogue refresh failed:" << result.error().code;
        m_firstError = result;
    }
    if (--m_pending == 0) {
        if (!m_firstError.ok())
            return finish(m_firstError);
        leaseCodesIfNeeded();
    }
}

void CatalogueLoader::leaseCodesIfNeeded()
{
    const QDate today = Workstation::now().date();
    auto left = m_cache.codesLeft(m_agencyCode, today);
    if (!left)
        return finish(left.error());
    if (left.value() >= m_minCodes)
        return finish({});
    sync::whenDone(
        m_api.leaseCodes(today, m_leaseCount), this, [this](const Result<sync::CodeLease> &lease) {
            if (!lease)
                return finish(lease.error());
            finish(m_cache.addCodeBlock(lease->agencyCode, lease->date, lease->first, lease->last));
        });
}

void CatalogueLoader::finish(const Check &result)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(result);
}

} // namespace motcua::services
