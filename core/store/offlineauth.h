#pragma once

// Offline login (ARCHITECTURE: Local cache). After one online login on this workstation an officer
// can log in offline: an Argon2id verifier of the password (never the password) is kept in the
// encrypted cache with the officer's record. Tokens live in the keychain
// ("tokens/<profileId>/<officerId>"); logout removes them. When the server says the officer is
// deactivated (at the next online contact), lockOut() removes the verifier and the tokens.
#include "cache.h"
#include "keystore.h"

namespace motcua::store {

struct StoredTokens
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // of the access token
};

class OfflineAuth
{
public:
    OfflineAuth(Cache &cache, SecretStore &secrets);

    // After a successful online login: remembers the officer and a verifier of `password`, and
    // stores the tokens in the keychain.
    Check rememberOnlineLogin(const domain::Officer &officer, const QString &password,
                              const StoredTokens &tokens);
    // Errors: auth.no_offline_login (never logged in online here), auth.invalid_credentials,
    // auth.deactivated.
    Result<domain::Officer> loginOffline(const QString &username, const QString &password);

    Result<StoredTokens> tokens(const QString &officerId); // keychain.not_found after logout
    Check saveTokens(const QString &officerId, const StoredTokens &tokens); // after a refresh
    Check logout(const QString &officerId);                                 // clears the tokens
    // The server says the officer is deactivated (or the account is gone): no more offline login.
    Check lockOut(const QString &officerId);

private:
    Result<QString> tokenEntry(const QString &officerId);
    Cache &m_cache;
    SecretStore &m_secrets;
};

} // namespace motcua::store
