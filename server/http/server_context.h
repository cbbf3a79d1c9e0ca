#pragma once

// Everything a route handler may use: the configuration, the storage layer's services and the
// in-memory counters. Owned by ApiServer; handlers capture a reference and run on worker threads
// (each store uses the calling thread's own database connection).
#include "auth.h"
#include "blob_store.h"
#include "catalogue_store.h"
#include "database.h"
#include "metrics.h"
#include "rate_limiter.h"
#include "report_facts.h"
#include "report_templates.h"
#include "server_config.h"
#include "slip_templates.h"
#include "sync_store.h"

#include <QDateTime>

#include <memory>

namespace motcua::server::http {

struct ServerContext
{
    ServerConfig config;
    std::unique_ptr<Database> db;
    std::unique_ptr<CatalogueStore> catalogue;
    std::unique_ptr<DbDirectory> directory;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<SyncStore> sync;
    std::unique_ptr<BlobStore> blobs;
    std::unique_ptr<SlipTemplateStore> slipTemplates;
    std::unique_ptr<ReportTemplateStore> reportTemplates;
    ReportFactsIndex reportFacts; // the statistics' dossiers, kept in memory
    Metrics metrics;
    RateLimiter publicLookupLimiter{20, 30}; // per address: 20 at once, then 30 per minute

    // Builds the stores over `db` (not opened yet).
    static std::unique_ptr<ServerContext> create(ServerConfig config, std::unique_ptr<Database> db);

    [[nodiscard]] static QDateTime now(); // UTC
};

} // namespace motcua::server::http
