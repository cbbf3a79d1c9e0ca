#include "auth.h"

#include "logging.h"
#include "pg_rows.h"
#include "session_cache.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>
#include <cmath>

namespace motcua::server {
namespace {

using domain::makeError;

constexpr int kFreeFailures = 5;                        // failures before delays start
constexpr qint64 kMaxDelaySeconds = 15 * 60;            // the longest delay
constexpr qint64 kFailureMemoryMs = 24LL * 3600 * 1000; // a failure older than this is forgotten
constexpr qint64 kAccessLifetimeMs = 8LL * 3600 * 1000;
constexpr qint64 kRefreshLifetimeMs = 30LL * 24 * 3600 * 1000;
const QString kAccess = QStringLiteral("access");
const QString kRefresh = QStringLiteral("refresh");

QString randomToken(int bytes)
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return QString::fromLatin1(
        raw.left(bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// A token we issued: 43 base64url characters (32 bytes).
bool looksLikeToken(const QString &token)
{
    if (token.size() != 43)
        return false;
    return std::all_of(token.cbegin(), token.cend(), [](QChar c) {
        return (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
            || c == QLatin1Char('_');
    });
}

Error invalidCredentials()
{
    return makeError(QStringLiteral("auth.invalid_credentials"),
                     QStringLiteral("Tên đăng nhập hoặc mật khẩu không đúng."));
}

Error invalidToken()
{
    return makeError(
        QStringLiteral("auth.invalid_token"),
        QStringLiteral("Phiên đăng nhập không hợp lệ hoặc đã bị thu hồi; hãy đăng nhập lại."));
}

Error expiredToken()
{
    return makeError(QStringLiteral("auth.expired_token"),
                     QStringLiteral("Phiên đăng nhập đã hết hạn; hãy đăng nhập lại."));
}

Error throttled(qint64 seconds)
{
    Error e = makeError(
        QStringLiteral("auth.throttled"),
        QStringLiteral("Đăng nhập sai quá nhiều lần. Hãy thử lại sau %1 giây.").arg(seconds));
    e.details.insert(QStringLiteral("retryAfter"), seconds);
    return e;
}

Error officerNotFound()
{
    return makeError(QStringLiteral("officer.not_found"),
                     QStringLiteral("Không tìm thấy tài khoản cán bộ."),
                     QStringLiteral("officerId"));
}

// The hash checked for unknown users, so that they take as long as known ones.
const QString &dummyHash()
{
    static const QString hash = [] {
        auto h = hashPassword(randomToken(16));
        return h ? h.value() : QString();
    }();
    return hash;
}

qint64 delaySeconds(qint64 failures)
{
    if (failures < kFreeFailures)
        return 0;
    const qint64 exponent = failures - kFreeFailures;
    return exponent >= 10 ? kMaxDelaySeconds
                          : std::min<qint64>(qint64(1) << exponent, kMaxDelaySeconds);
}

QString userKey(const QString &username)
{
    return QStringLiteral("user:") + username.trimmed().toLower().left(128);
}

Check revokeWhere(QSqlDatabase &c, const QString &statement, const QString &value)
{
    Sql q(c, statement);
    q.bind(value);
    return q.exec();
}

// The authorisation epoch (schema version 12), read at every authenticated request: on
// PostgreSQL through libpq, prepared once per connection.
Result<qint64> authEpoch(Database &db, QSqlDatabase &c)
{
    if (db.isPostgres()) {
        auto rows = pg::BinaryRows::exec(
            c, QByteArrayLiteral("SELECT n FROM auth_epoch WHERE id = 1"), {});
        if (!rows)
            return rows.error();
        return rows->size() > 0 ? rows->integer(0, 0) : qint64(0);
    }
    Sql q(c, QStringLiteral("SELECT n FROM auth_epoch WHERE id = 1"));
    if (auto st = q.exec(); !st)
        return st.error();
    return q.next() ? q.integer(0) : qint64(0);
}

} // namespace

AuthService::AuthService(Database &db, CatalogueStore &catalogue, Clock clock)
    : m_db(db)
    , m_catalogue(catalogue)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_sessions(std::make_unique<SessionCache>())
{}

AuthService::~AuthService() = default;

Result<Tokens> AuthService::login(const QString &username, const QString &password,
                                  const QString &sourceAddress)
{
    const qint64 now = toDbTime(m_clock());
    // Without a source address (a caller that cannot tell) only the account is counted: one
    // shared "addr:" key would let anybody lock everybody out.
    QStringList keys{userKey(username)};
    if (!sourceAddress.trimmed().isEmpty())
        keys << QStringLiteral("addr:") + sourceAddress.trimmed().left(64);

    // 1. Count the attempt as a failure before the password is looked at, in one transaction:
    //    concurrent attempts each see the others' counts (the upsert locks the row), so a burst
    //    of parallel guesses cannot all slip in before the first failure is recorded. A success
    //    takes its provisional failure back (step 3). A throttled attempt changes nothing.
    qint64 blockedUntil = 0;
    auto reserved = m_db.transaction([&](QSqlDatabase &c) -> Check {
        QList<qint64> failures;
        for (const QString &key : keys) {
            Sql bump(c,
                     QStringLiteral(
                         "INSERT INTO login_failures (key, failures, last_failure_at, "
                         "blocked_until) VALUES (?, 1, ?, 0) ON CONFLICT (key) DO UPDATE SET "
                         "failures = CASE WHEN login_failures.blocked_until > ? THEN "
                         "login_failures.failures WHEN login_failures.last_failure_at < ? THEN 1 "
                         "ELSE login_failures.failures + 1 END, "
                         "last_failure_at = excluded.last_failure_at"));
            bump.bind(key).bind(now).bind(now).bind(now - kFailureMemoryMs);
            if (auto st = bump.exec(); !st)
                return st;
            Sql read(
                c,
                QStringLiteral("SELECT failures, blocked_until FROM login_failures WHERE key = ?"));
            read.bind(key);
            if (auto st = read.exec(); !st)
                return st;
            if (!read.next())
                return makeError(QStringLiteral("db.error"), QStringLiteral("login_failures"));
            failures << read.integer(0);
            blockedUntil = std::max(blockedUntil, read.integer(1));
        }
        if (blockedUntil > now) // rolled back: the attempt is refused, not counted
            return throttled(qint64(std::ceil(double(blockedUntil - now) / 1000.0)));
        for (int i = 0; i < keys.size(); ++i) {
            if (const qint64 delay = delaySeconds(failures.at(i)); delay > 0) {
                Sql block(
                    c, QStringLiteral("UPDATE login_failures SET blocked_until = ? WHERE key = ?"));
                block.bind(now + delay * 1000).bind(keys.at(i));
                if (auto st = block.exec(); !st)
                    return st;
            }
        }
        return {};
    });
    if (!reserved)
        return reserved.error();

    // 2. The same work and the same answer for an unknown user, a wrong password, a locked account.
    auto officer = username.isEmpty() ? Result<std::optional<domain::Officer>>(std::nullopt)
                                      : m_catalogue.officerByUsername(username);
    if (!officer)
        return officer.error();
    QString hash;
    if (officer.value()) {
        auto stored = m_catalogue.passwordHash(officer.value()->id);
        if (!stored)
            return stored.error();
        hash = stored.value();
    }
    const bool passwordOk
        = verifyPassword(password, hash.isEmpty() ? dummyHash() : hash) && !hash.isEmpty();
    if (!passwordOk || !officer.value()->active) {
        qCInfo(lcAuth) << "login refused";
        return invalidCredentials();
    }

    // 3. Success: the account's counter starts again; a new session.
    const domain::Officer who = *officer.value();
    Tokens tokens;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        if (auto done = revokeWhere(c, QStringLiteral("DELETE FROM login_failures WHERE key = ?"),
                                    keys.at(0));
            !done)
            return done;
        if (keys.size() > 1) { // the address's provisional failure was not one
            Sql undo(
                c,
                QStringLiteral("UPDATE login_failures SET failures = failures - 1, blocked_until = "
                               "CASE WHEN failures - 1 < ? THEN 0 ELSE blocked_until END "
                               "WHERE key = ? AND failures > 0"));
            undo.bind(qint64(kFreeFailures)).bind(keys.at(1));
            if (auto done = undo.exec(); !done)
                return done;
        }
        Sql purge(c, QStringLiteral("DELETE FROM tokens WHERE expires_at < ?"));
        purge.bind(now - kAccessLifetimeMs);
        if (auto done = purge.exec(); !done)
            return done;
        auto issued = issueTokens(c, who, randomToken(16), now);
        if (!issued)
            return issued.error();
        tokens = std::move(issued).value();
        return {};
    });
    if (!st)
        return st.error();
    qCInfo(lcAuth) << "login ok for officer" << who.id;
    return tokens;
}

Result<Tokens> AuthService::issueTokens(QSqlDatabase &c, const domain::Officer &officer,
                                        const QString &sessionId, qint64 now)
{
    Tokens tokens;
    tokens.accessToken = randomToken(32);
    tokens.refreshToken = randomToken(32);
    tokens.expiresAt = fromDbTime(now + kAccessLifetimeMs);
    tokens.officer = officer;
    Sql insert(c,
               QStringLiteral("INSERT INTO tokens (token_hash, session_id, officer_id, kind, "
                              "created_at, expires_at, revoked) "
                              "VALUES (?, ?, ?, ?, ?, ?, 0)"));
    insert.bind(tokenHash(tokens.accessToken))
        .bind(sessionId)
        .bind(officer.id)
        .bind(kAccess)
        .bind(now)
        .bind(now + kAccessLifetimeMs);
    if (auto st = insert.exec(); !st)
        return st.error();
    insert.bind(tokenHash(tokens.refreshToken))
        .bind(sessionId)
        .bind(officer.id)
        .bind(kRefresh)
        .bind(now)
        .bind(now + kRefreshLifetimeMs);
    if (auto st = insert.exec(); !st)
        return st.error();
    return tokens;
}

Result<Tokens> AuthService::refresh(const QString &refreshToken)
{
    if (!looksLikeToken(refreshToken))
        return invalidToken();
    const qint64 now = toDbTime(m_clock());
    std::optional<Result<Tokens>> outcome;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql q(c,
              QStringLiteral("SELECT session_id, officer_id, kind, expires_at, revoked FROM tokens "
                             "WHERE token_hash = ?"));
        q.bind(tokenHash(refreshToken));
        if (auto done = q.exec(); !done)
            return done;
        if (!q.next() || q.text(2) != kRefresh) {
            outcome = invalidToken();
            return {};
        }
        const QString session = q.text(0);
        const QString officerId = q.text(1);
        const qint64 expiresAt = q.integer(3);
        const bool revoked = q.integer(4) != 0;
        const QString revokeSession
            = QStringLiteral("UPDATE tokens SET revoked = 1 WHERE session_id = ?");
        if (revoked) {
            // A revoked refresh token used again: stolen or replayed. End the whole session.
            qCWarning(lcAuth) << "revoked refresh token presented again; session ended for officer"
                              << officerId;
            outcome = invalidToken();
            return revokeWhere(c, revokeSession, session);
        }
        if (expiresAt <= now) {
            outcome = expiredToken();
            return {};
        }
        Sql claim(
            c,
            QStringLiteral("UPDATE tokens SET revoked = 1 WHERE token_hash = ? AND revoked = 0"));
        claim.bind(tokenHash(refreshToken));
        if (auto done = claim.exec(); !done)
            return done;
        if (claim.numRowsAffected() != 1) {
            outcome = invalidToken();
            return {};
        }
        auto officer = m_catalogue.officer(officerId);
        if (!officer)
            return officer.error();
        if (!officer.value() || !officer.value()->active) {
            outcome = invalidToken();
            return revokeWhere(c, revokeSession, session);
        }
        auto issued = issueTokens(c, *officer.value(), session, now);
        if (!issued)
            return issued.error();
        outcome = std::move(issued);
        return {};
    });
    if (!st)
        return st.error();
    return std::move(*outcome);
}

Check AuthService::logout(const QString &accessToken)
{
    if (!looksLikeToken(accessToken))
        return invalidToken();
    bool found = false;
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql q(c, QStringLiteral("SELECT session_id FROM tokens WHERE token_hash = ? AND kind = ?"));
        q.bind(tokenHash(accessToken)).bind(kAccess);
        if (auto done = q.exec(); !done)
            return done;
        if (!q.next())
            return {};
        found = true;
        return revokeWhere(c, QStringLiteral("UPDATE tokens SET revoked = 1 WHERE session_id = ?"),
                           q.text(0));
    });
    if (!st)
        return st;
    return found ? Check{} : Check{invalidToken()};
}

Result<Session> AuthService::authenticate(const QString &accessToken)
{
    if (!looksLikeToken(accessToken))
        return invalidToken();
    const QString hash = tokenHash(accessToken);
    // The epoch first: a session read after it is at least as recent as the epoch says.
    qint64 epoch = 0;
    auto read = m_db.readOne([&](QSqlDatabase &c) -> Check {
        auto n = authEpoch(m_db, c);
        if (!n)
            return n.error();
        epoch = n.value();
        return {};
    });
    if (!read)
        return read.error();
    const qint64 now = toDbTime(m_clock());
    if (auto kept = m_sessions->find(hash, epoch)) {
        if (kept->expiresAt <= now)
            return expiredToken();
        return kept->session;
    }
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    QString officerId;
    qint64 expiresAt = 0;
    {
        Sql q(conn.value(),
              QStringLiteral(
                  "SELECT officer_id, kind, expires_at, revoked FROM tokens WHERE token_hash = ?"));
        q.bind(hash);
        if (auto st = q.exec(); !st)
            return st.error();
        if (!q.next() || q.text(1) != kAccess || q.integer(3) != 0)
            return invalidToken();
        officerId = q.text(0);
        expiresAt = q.integer(2);
    }
    if (expiresAt <= now)
        return expiredToken();
    auto officer = m_catalogue.officer(officerId);
    if (!officer)
        return officer.error();
    if (!officer.value() || !officer.value()->active)
        return invalidToken();
    Session session{*officer.value(), fromDbTime(expiresAt)};
    m_sessions->insert(hash, epoch, SessionCache::Entry{session, expiresAt});
    return session;
}

AuthService::SessionStats AuthService::sessionStats() const
{
    const SessionCache::Stats s = m_sessions->stats();
    return SessionStats{s.entries, s.hits, s.misses};
}

Check AuthService::changePassword(const QString &officerId, const QString &newPassword)
{
    if (auto st = checkPasswordPolicy(newPassword); !st)
        return st;
    auto hash = hashPassword(newPassword);
    if (!hash)
        return hash.error();
    const qint64 now = toDbTime(m_clock());
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql who(c, QStringLiteral("SELECT username FROM officers WHERE id = ?"));
        who.bind(officerId);
        if (auto done = who.exec(); !done)
            return done;
        if (!who.next())
            return officerNotFound();
        const QString username = who.text(0);
        Sql update(
            c,
            QStringLiteral("UPDATE officers SET password_hash = ?, updated_at = ? WHERE id = ?"));
        update.bind(hash.value()).bind(now).bind(officerId);
        if (auto done = update.exec(); !done)
            return done;
        if (auto done = revokeWhere(c, QStringLiteral("DELETE FROM login_failures WHERE key = ?"),
                                    userKey(username));
            !done)
            return done;
        return revokeWhere(c, QStringLiteral("UPDATE tokens SET revoked = 1 WHERE officer_id = ?"),
                           officerId);
    });
    if (st)
        qCInfo(lcAuth) << "password changed for officer" << officerId << "; its tokens are revoked";
    return st;
}

Check AuthService::setActive(const QString &officerId, bool active)
{
    const qint64 now = toDbTime(m_clock());
    auto st = m_db.transaction([&](QSqlDatabase &c) -> Check {
        Sql update(c,
                   QStringLiteral("UPDATE officers SET active = ?, updated_at = ? WHERE id = ?"));
        update.bind(active ? 1 : 0).bind(now).bind(officerId);
        if (auto done = update.exec(); !done)
            return done;
        if (update.numRowsAffected() == 0)
            return officerNotFound();
        return revokeWhere(c, QStringLiteral("UPDATE tokens SET revoked = 1 WHERE officer_id = ?"),
                           officerId);
    });
    if (st)
        qCInfo(lcAuth) << "officer" << officerId << (active ? "activated" : "deactivated")
                       << "; its tokens are revoked";
    return st;
}

} // namespace motcua::server
