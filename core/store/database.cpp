// The SQLCipher C API behind RAII: open with a raw key and verify, statements, transactions.
#include "database.h"

#include "logging.h"

#include <QFile>
#include <QHash>

#include <sqlcipher/sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "motcua.store.cache")

namespace motcua::store {
namespace {

using domain::makeError;

constexpr char kPlainHeader[] = "SQLite format 3"; // followed by a NUL in a plaintext file

domain::Error openError(const QString &code, const QString &message, const QString &detail = {})
{
    auto e = makeError(code, message);
    if (!detail.isEmpty())
        e.details.insert(QStringLiteral("sqlite"), detail);
    return e;
}

} // namespace

struct Database::StatementCache
{
    QHash<const char *, sqlite3_stmt *> byText;
};

// ---- Statement ------------------------------------------------------------------------------

Statement::Statement(Database &db, const char *sql)
    : m_db(db)
{
    m_stmt = db.prepareCached(sql, m_prepareError);
    m_failed = m_stmt == nullptr;
}

Statement::Statement(Database &db, const QByteArray &sql)
    : m_db(db)
    , m_owned(true)
{
    const int rc
        = sqlite3_prepare_v2(db.handle(), sql.constData(), int(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_prepareError = db.error(rc, QString::fromUtf8(sql).left(60));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_failed = m_stmt == nullptr;
}

Statement::~Statement()
{
    if (m_owned) {
        sqlite3_finalize(m_stmt);
    } else if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement &Statement::bind(qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, ++m_index, value);
    return *this;
}

Statement &Statement::bind(const QString &value)
{
    return bindText(value.toUtf8());
}

Statement &Statement::bindText(const QByteArray &utf8)
{
    if (m_stmt)
        sqlite3_bind_text(m_stmt, ++m_index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(const QByteArray &value)
{
    if (m_stmt)
        sqlite3_bind_blob(m_stmt, ++m_index, value.constData(), int(value.size()),
                          SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull()
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, ++m_index);
    return *this;
}

Result<bool> Statement::step()
{
    if (m_failed)
        return m_prepareError;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_failed = true;
    m_prepareError = m_db.error(rc, QString::fromUtf8(sqlite3_sql(m_stmt)).left(60));
    return m_prepareError;
}

Check Statement::exec()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
    }
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::bytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::view(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Database -------------------------------------------------------------------------------

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
    , m_statements(std::make_unique<StatementCache>())
{}

Database::~Database()
{
    for (sqlite3_stmt *stmt : std::as_const(m_statements->byText))
        sqlite3_finalize(stmt);
    sqlite3_close(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QByteArray &key,
                                                 bool create)
{
    if (key.size() != 32) {
        return makeError(QStringLiteral("cache.bad_key_length"),
                         QStringLiteral("Khóa bộ đệm phải dài 256 bit."));
    }
    QFile file(path);
    const bool exists = file.exists();
    if (!exists && !create) {
        return makeError(QStringLiteral("cache.missing"),
                         QStringLiteral("Không tìm thấy bộ đệm cục bộ tại %1.").arg(path));
    }
    if (exists) {
        if (!file.open(QIODevice::ReadOnly)) {
            return openError(
                QStringLiteral("cache.io"),
                QStringLiteral("Không đọc được tệp bộ đệm %1: %2.").arg(path, file.errorString()));
        }
        const QByteArray head = file.read(16);
        file.close();
        if (head.startsWith(QByteArray(kPlainHeader))) {
            return makeError(
                QStringLiteral("cache.plaintext"),
                QStringLiteral("Tệp bộ đệm %1 là cơ sở dữ liệu SQLite KHÔNG mã hóa; MotCua từ "
                               "chối mở. Hãy xóa tệp này và đồng bộ lại từ máy chủ.")
                    .arg(path));
        }
        if (head.size() < 16) {
            return makeError(QStringLiteral("cache.corrupt"),
                             QStringLiteral("Tệp bộ đệm %1 bị hỏng (quá ngắn). Hãy báo quản trị "
                                            "viên; tệp được giữ nguyên để kiểm tra.")
                                 .arg(path));
        }
    }

    sqlite3 *raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        return openError(QStringLiteral("cache.io"),
                         QStringLiteral("Không mở được tệp bộ đệm %1.").arg(path),
                         QString::fromUtf8(sqlite3_errmsg(raw)));
    }
    // Raw key syntax: x'<64 hex>' — SQLCipher uses the bytes as the key, no KDF.
    QByteArray rawKey = "x'" + key.toHex() + "'";
    rc = sqlite3_key(raw, rawKey.constData(), int(rawKey.size()));
    rawKey.fill('\0');
    if (rc != SQLITE_OK)
        return db->error(rc, QStringLiteral("sqlite3_key"));

    // SQLCipher must answer; a plain SQLite would ignore the key silently.
    auto version = db->text("PRAGMA cipher_version");
    if (!version || version.value().isEmpty()) {
        return makeError(QStringLiteral("cache.no_cipher"),
                         QStringLiteral("Thư viện SQLite đang dùng không có mã hóa (SQLCipher); "
                                        "MotCua từ chối mở bộ đệm không mã hóa."));
    }
    if (auto st = db->exec("PRAGMA cipher_page_size = 4096"); !st)
        return st.error();
    // The first read decrypts page 1: a wrong key or a damaged header fails here.
    auto tables = db->scalar("SELECT count(*) FROM sqlite_master");
    if (!tables) {
        if (tables.error().code == QLatin1String("cache.corrupt")
            || tables.error().code == QLatin1String("cache.not_a_cache")) {
            auto e = makeError(
                QStringLiteral("cache.wrong_key"),
                QStringLiteral("Không giải mã được bộ đệm %1: khóa không đúng, hoặc tệp không "
                               "phải bộ đệm MotCua / đã bị hỏng. Tệp được giữ nguyên; hãy báo "
                               "quản trị viên.")
                    .arg(path));
            e.details = tables.error().details;
            return e;
        }
        return tables.error();
    }
    if (auto st = db->exec("PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; "
                           "PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY");
        !st)
        return st.error();
    qCDebug(lcStore) << "opened cache" << path << "cipher" << version.value();
    return db;
}

sqlite3_stmt *Database::prepareCached(const char *sql, domain::Error &error)
{
    auto it = m_statements->byText.constFind(sql);
    if (it != m_statements->byText.constEnd())
        return *it;
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        error = this->error(rc, QString::fromUtf8(sql).left(60));
        sqlite3_finalize(stmt);
        return nullptr;
    }
    m_statements->byText.insert(sql, stmt);
    return stmt;
}

Check Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return error(rc, QString::fromUtf8(sql).left(60));
    return {};
}

Check Database::exec(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    return exec(utf8.constData());
}

Result<qint64> Database::scalar(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, QString::fromUtf8(sql).left(60));
    }
    rc = sqlite3_step(stmt);
    qint64 value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return error(rc, QString::fromUtf8(sql).left(60));
    return value;
}

Result<QString> Database::text(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, QString::fromUtf8(sql).left(60));
    }
    rc = sqlite3_step(stmt);
    QString value;
    if (rc == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return error(rc, QString::fromUtf8(sql).left(60));
    return value;
}

Check Database::transaction(const std::function<Check()> &work)
{
    const bool outer = m_depth == 0;
    if (auto st = exec(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT nested"); !st)
        return st;
    ++m_depth;
    Check result = work();
    --m_depth;
    if (result) {
        if (auto st = exec(outer ? "COMMIT" : "RELEASE nested"); !st) {
            if (outer)
                (void)exec("ROLLBACK");
            return st;
        }
        return {};
    }
    if (outer) {
        (void)exec("ROLLBACK");
    } else {
        (void)exec("ROLLBACK TO nested");
        (void)exec("RELEASE nested");
    }
    return result;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

domain::Error Database::error(int rc, const QString &context) const
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    QString code;
    QString message;
    int primary = rc & 0xff;
    // SQLCipher 3.4 reports a page that fails its HMAC (damaged, or another key) as a bare
    // SQLITE_ERROR with only the generic text; real SQL errors carry their own message.
    if (primary == SQLITE_ERROR && detail == QLatin1String(sqlite3_errstr(SQLITE_ERROR)))
        primary = SQLITE_CORRUPT;
    switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        code = QStringLiteral("cache.corrupt");
        message = QStringLiteral("Bộ đệm cục bộ bị hỏng hoặc không giải mã được. Dữ liệu được giữ "
                                 "nguyên; hãy báo quản trị viên (motcuactl cache check).");
        break;
    case SQLITE_FULL:
        code = QStringLiteral("cache.disk_full");
        message = QStringLiteral("Ổ đĩa đã đầy: không ghi được vào bộ đệm cục bộ.");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = QStringLiteral("cache.busy");
        message = QStringLiteral("Bộ đệm cục bộ đang được một chương trình khác sử dụng.");
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        code = QStringLiteral("cache.io");
        message = QStringLiteral("Lỗi đọc/ghi tệp bộ đệm cục bộ.");
        break;
    default:
        code = QStringLiteral("cache.sql_error");
        message = QStringLiteral("Lỗi nội bộ của bộ đệm cục bộ.");
        break;
    }
    auto e = makeError(code, message);
    e.details.insert(QStringLiteral("sqlite"), detail);
    e.details.insert(QStringLiteral("context"), context);
    return e;
}

} // namespace motcua::store
