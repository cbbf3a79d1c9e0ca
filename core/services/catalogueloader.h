#pragma once

// Brings the catalogues (sync::fetchCatalogues: agencies, procedures, officers and their groups,
// workflows, document types, fields, the transition chart, the work calendar — all or none) and
// the slip templates in force at the agency from the server into the cache after an online login,
// and leases a block of dossier codes for today when fewer than `minCodes` are left, so that
// intake keeps working offline with official codes. Asynchronous: finished() once, with an Error
// when a call failed.
#include <QObject>

#include <domain/result.h>

namespace motcua::sync {
class ApiClient;
}
namespace motcua::store {
class Cache;
}

namespace motcua::services {

class CatalogueLoader : public QObject
{
    Q_OBJECT
public:
    CatalogueLoader(sync::ApiClient &api, store::Cache &cache, QString agencyCode,
                    QObject *parent = nullptr);

    void setCodeLease(int minCodes, int leaseCount)
    {
        m_minCodes = minCodes;
        m_leaseCount = leaseCount;
    }
    void start();

Q_SIGNALS:
    void finished(const motcua::domain::Check &result);

private:
    void callDone(const domain::Check &result);
    void leaseCodesIfNeeded();
    void finish(const domain::Check &result);

    sync::ApiClient &m_api;
    store::Cache &m_cache;
    QString m_agencyCode;
    int m_pending = 0;
    domain::Check m_firstError;
    int m_minCodes = 20;
    int m_leaseCount = 50;
    bool m_done = false;
};

} // namespace motcua::services
