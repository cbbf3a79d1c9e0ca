#pragma once

#include <QLoggingCategory>

// Logging categories of the store. Never log keys, passwords, tokens or citizens' data.
Q_DECLARE_LOGGING_CATEGORY(lcStore)    // motcua.store.cache
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // motcua.store.keychain
