// Offline login: Argon2id verifiers in the encrypted cache, tokens in the keychain.
#include "offlineauth.h"

#include "argon2id.h"
#include "cache_private.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::store {

using domain::makeError;

namespace {

domain::Error invalidCredentials()
{
    return makeError(QStringLiteral("auth.invalid_credentials"),
                     QStringLiteral("Sai tên đăng nhập hoặc mật khẩu."));
}

} // namespace

OfflineAuth::OfflineAuth(Cache &cache, SecretStore &secrets)
    : m_cache(cache)
    , m_secrets(secrets)
{}

Result<QString> OfflineAuth::tokenEntry(const QString &officerId)
{
    if (officerId.isEmpty()) {
        return makeError(QStringLiteral("auth.unknown_officer"),
                         QStringLiteral("Thiếu mã cán bộ."));
    }
    return QStringLiteral("tokens/%1/%2").arg(m_cache.deviceId(), officerId);
}

Check OfflineAuth::rememberOnlineLogin(const domain::Officer &officer, const QString &password,
                                       const StoredTokens &tokens)
{
    if (!officer.active)
        return lockOut(officer.id);
    auto verifier = argon2id::hash(password);
    if (!verifier)
        return verifier.error();
    Database &db = m_cache.database();
    auto st = db.transaction([&]() -> Check {
        // A username moved to another account: the old row goes.
        Statement drop(db, "DELETE FROM offline_logins WHERE username = ? AND officer_id <> ?");
        drop.bind(officer.username).bind(officer.id);
        if (auto done = drop.exec(); !done)
            return done;
        Statement put(db, R"sql(INSERT OR REPLACE INTO offline_logins (officer_id, username,
            verifier, officer_json, active, last_online_at) VALUES (?, ?, ?, ?, 1, ?))sql");
        put.bind(officer.id).bind(officer.username).bind(verifier.value());
        put.bindText(QJsonDocument(domain::toJson(officer)).toJson(QJsonDocument::Compact));
        put.bind(detail::nowMs());
        return put.exec();
    });
    if (!st)
        return st;
    return saveTokens(officer.id, tokens);
}

Result<domain::Officer> OfflineAuth::loginOffline(const QString &username, const QString &password)
{
    Database &db = m_cache.database();
    Statement q(db, "SELECT verifier, officer_json, active FROM offline_logins WHERE username = ?");
    q.bind(username);
    auto row = q.step();
    if (!row)
        return row.error();
    if (!row.value()) {
        return makeError(QStringLiteral("auth.no_offline_login"),
                         QStringLiteral("Tài khoản “%1” chưa từng đăng nhập trực tuyến trên máy "
                                        "này nên chưa thể đăng nhập khi mất mạng. Hãy kết nối "
                                        "mạng và đăng nhập một lần.")
                             .arg(username),
                         QStringLiteral("username"));
    }
    const QString verifier = q.text(0);
    const QByteArray json = q.bytes(1);
    const bool active = q.integer(2) != 0;
    if (!argon2id::verify(password, verifier))
        return invalidCredentials();
    if (!active) {
        return makeError(QStringLiteral("auth.deactivated"),
                         QStringLiteral("Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên."));
    }
    auto officer = domain::officerFromJson(QJsonDocument::fromJson(json).object());
    if (!officer)
        return officer.error();
    return officer.value();
}

Result<StoredTokens> OfflineAuth::tokens(const QString &officerId)
{
    auto entry = tokenEntry(officerId);
    if (!entry)
        return entry.error();
    auto bytes = m_secrets.read(entry.value());
    if (!bytes)
        return bytes.error();
    const QJsonObject json = QJsonDocument::fromJson(bytes.value()).object();
    return StoredTokens{json.value(QStringLiteral("access")).toString(),
                        json.value(QStringLiteral("refresh")).toString(),
                        QDateTime::fromString(json.value(QStringLiteral("expiresAt")).toString(),
                                              Qt::ISODateWithMs)};
}

Check OfflineAuth::saveTokens(const QString &officerId, const StoredTokens &tokens)
{
    auto entry = tokenEntry(officerId);
    if (!entry)
        return entry.error();
    const QJsonObject json{
        {QStringLiteral("access"), tokens.accessToken},
        {QStringLiteral("refresh"), tokens.refreshToken},
        {QStringLiteral("expiresAt"), tokens.expiresAt.toUTC().toString(Qt::ISODateWithMs)},
    };
    return m_secrets.write(entry.value(), QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Check OfflineAuth::logout(const QString &officerId)
{
    auto entry = tokenEntry(officerId);
    if (!entry)
        return entry.error();
    return m_secrets.remove(entry.value());
}

Check OfflineAuth::lockOut(const QString &officerId)
{
    Database &db = m_cache.database();
    // The row stays (marked inactive) so that the answer is "deactivated", not "unknown".
    Statement up(db, "UPDATE offline_logins SET active = 0 WHERE officer_id = ?");
    up.bind(officerId);
    if (auto st = up.exec(); !st)
        return st;
    return logout(officerId);
}

} // namespace motcua::store
