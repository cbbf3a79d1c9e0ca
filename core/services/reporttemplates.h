#pragma once

// Report templates (R24) for the reports section: the officer's own and the agency's shared ones,
// kept by the server. The last list read is kept in the encrypted cache, so the templates are
// there offline too (saving and deleting need the server). Answers arrive on the event loop,
// with the server's Vietnamese message on failure.
#include <QObject>

#include <domain/result.h>
#include <reports/reporttemplate.h>

#include <functional>

namespace motcua::sync {
class ApiClient;
}
namespace motcua::store {
class Cache;
}

namespace motcua::services {

struct ReportTemplateList
{
    QList<reports::ReportTemplate> templates; // personal first, then shared, each by name
    bool canShare = false;                    // the officer may write shared templates
    bool fromCache = false;                   // the server was out of reach: the last list read
};

class ReportTemplateService : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const domain::Result<T> &)>;

    // `api` may be null (no server configured): then only the cached list is there.
    ReportTemplateService(sync::ApiClient *api, store::Cache &cache, QObject *parent = nullptr);

    void list(Done<ReportTemplateList> done);
    // Creates (no id) or changes (with the version it edits) a template; answers it as stored.
    void save(const reports::ReportTemplate &t, Done<reports::ReportTemplate> done);
    void remove(const reports::ReportTemplate &t, Done<bool> done);

    static constexpr const char *kCacheKey = "reports/templates";

private:
    domain::Result<ReportTemplateList> cached() const;

    sync::ApiClient *m_api;
    store::Cache &m_cache;
};

} // namespace motcua::services
