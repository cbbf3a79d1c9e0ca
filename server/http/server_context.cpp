#include "server_context.h"

namespace motcua::server::http {

std::unique_ptr<ServerContext> ServerContext::create(ServerConfig config,
                                                     std::unique_ptr<Database> db)
{
    auto ctx = std::make_unique<ServerContext>();
    ctx->config = std::move(config);
    ctx->db = std::move(db);
    ctx->catalogue = std::make_unique<CatalogueStore>(*ctx->db);
    ctx->directory = std::make_unique<DbDirectory>(*ctx->catalogue);
    ctx->auth = std::make_unique<AuthService>(*ctx->db, *ctx->catalogue);
    ctx->sync = std::make_unique<SyncStore>(*ctx->db, *ctx->directory);
    ctx->sync->pieceCache().setCapacity(ctx->config.feedCache);
    ctx->sync->feedRanges().setCapacity(ctx->config.feedCache / kFeedCacheBytesPerSeq);
    ctx->sync->setDocumentTypes([directory = ctx->directory.get()](const QString &code) {
        return directory->documentType(code);
    });
    ctx->blobs = std::make_unique<BlobStore>(*ctx->db);
    ctx->slipTemplates = std::make_unique<SlipTemplateStore>(*ctx->db);
    ctx->reportTemplates = std::make_unique<ReportTemplateStore>(*ctx->db);
    return ctx;
}

QDateTime ServerContext::now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace motcua::server::http
