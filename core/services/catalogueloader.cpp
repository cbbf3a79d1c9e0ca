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
#include <sync/catalogues.h>

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

void CatalogueLoader::start()
{
    // The catalogues every workstation keeps (as the sync engine's catalogue step), then the slip
    // templates in force at the agency (its own versions, else the national defaults): the
    // receipt and every other slip print with what the agency's admin set (R05.2a-b).
    m_pending = 2;
    sync::fetchCatalogues(m_api, this, [this](const Result<sync::Catalogues> &fetched) {
        if (!fetched)
            return callDone(fetched.error());
        callDone(sync::storeCatalogues(m_cache, fetched.value()));
    });
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
