#pragma once

// Logging categories of the server library. Never log passwords, tokens or personal data.
#include <QLoggingCategory>

namespace motcua::server {

Q_DECLARE_LOGGING_CATEGORY(lcStorage) // motcua.server.storage: connections, migrations, SQL errors
Q_DECLARE_LOGGING_CATEGORY(lcAuth)    // motcua.server.auth: logins (officer ids only), throttling
Q_DECLARE_LOGGING_CATEGORY(lcSync)    // motcua.server.sync: pushes, the feed
Q_DECLARE_LOGGING_CATEGORY(lcAudit)   // motcua.server.audit: the audit chain

} // namespace motcua::server
