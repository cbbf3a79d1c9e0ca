#pragma once

// Authentication: Argon2id password hashes, opaque random tokens stored hashed, expiry, revocation,
// and throttling of failed logins per account and per source address.
#include "catalogue_store.h"
#include "database.h"

#include <QDateTime>

#include <functional>
#include <memory>

namespace motcua::server {

class SessionCache;

// Argon2id with at least m = 19 MiB, t = 2, p = 1 (OWASP); PHC string format.
Result<QString> hashPassword(const QString &password);
bool verifyPassword(const QString &password, const QString &phcHash);
// A password an officer may choose: at least 10 characters, not all of one kind.
Check checkPasswordPolicy(const QString &password);

struct Session
{
    domain::Officer officer;
    QDateTime expiresAt;
};

struct Tokens
{
    QString accessToken;  // 256-bit random, base64url; expires after 8 h
    QString refreshToken; // 256-bit random, base64url; expires after 30 d
    QDateTime expiresAt;  // of the access token
    domain::Officer officer;
};

class AuthService
{
public:
    using Clock = std::function<QDateTime()>;
    AuthService(Database &db, CatalogueStore &catalogue, Clock clock = {});
    ~AuthService();
    AuthService(const AuthService &) = delete;
    AuthService &operator=(const AuthService &) = delete;

    // Errors: auth.invalid_credentials (same answer for a wrong password, an unknown user and a
    // deactivated account), auth.throttled (details.retryAfter in seconds: after 5 failures, an
    // exponential delay per account and per source address).
    Result<Tokens> login(const QString &username, const QString &password,
                         const QString &sourceAddress);
    Result<Tokens>
    refresh(const QString &refreshToken);     // rotates: the old refresh token is revoked
    Check logout(const QString &accessToken); // revokes the session's tokens
    // auth.invalid_token, auth.expired_token. A session once authenticated is kept in memory
    // and trusted while the database's authorisation epoch has not moved (session_cache.h):
    // one small read a request instead of the token, the officer and the groups.
    Result<Session> authenticate(const QString &accessToken);
    struct SessionStats
    {
        qint64 kept = 0;   // sessions in memory
        qint64 hits = 0;   // requests answered from memory
        qint64 misses = 0; // requests that read the token, the officer and the groups
    };
    SessionStats sessionStats() const;

    // Both revoke every token of the officer.
    Check changePassword(const QString &officerId, const QString &newPassword);
    Check setActive(const QString &officerId, bool active);

private:
    Result<Tokens> issueTokens(QSqlDatabase &c, const domain::Officer &officer,
                               const QString &sessionId, qint64 now);
    Database &m_db;
    CatalogueStore &m_catalogue;
    Clock m_clock;
    std::unique_ptr<SessionCache> m_sessions;
};

} // namespace motcua::server
