#include "migrations.h"

#include "logging.h"
#include "schema.h"
#include "slip_templates.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>

namespace motcua::server {
namespace {

using domain::makeError;

// DDL cannot be prepared on PostgreSQL; migration statements are constants, run as they are.
Check execDdl(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (q.exec(statement))
        return {};
    const QSqlError error = q.lastError();
    qCWarning(lcStorage).noquote() << "migration statement failed:" << statement.left(80)
                                   << error.databaseText().section(QLatin1Char('\n'), 0, 0);
    Error e = makeError(QStringLiteral("db.migration_failed"),
                        QStringLiteral("Không nâng cấp được lược đồ cơ sở dữ liệu."), error.text());
    e.details.insert(QStringLiteral("sqlState"), error.nativeErrorCode());
    return e;
}

Error tooNew(int current)
{
    return makeError(QStringLiteral("db.schema_too_new"),
                     QStringLiteral("Cơ sở dữ liệu có phiên bản lược đồ %1, mới hơn phiên bản "
                                    "chương trình này hỗ trợ (%2): "
                                    "hãy cập nhật MotCua.")
                         .arg(current)
                         .arg(latestSchemaVersion()));
}

Result<int> versionIn(QSqlDatabase &db)
{
    // The table is asked for only when the query fails: listing the tables is a catalogue scan
    // on PostgreSQL, and the health check asks for the version at every probe.
    Sql q(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (auto st = q.exec(); !st) {
        if (!db.tables().contains(QStringLiteral("schema_migrations")))
            return 0;
        return st.error();
    }
    return q.next() ? int(q.integer(0)) : 0;
}

} // namespace

int latestSchemaVersion()
{
    return schema::migrations().constLast().version;
}

Result<int> currentSchemaVersion(Database &db)
{
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    return versionIn(conn.value());
}

Result<int> migrate(Database &db)
{
    auto version = migrateTo(db, latestSchemaVersion());
    if (!version)
        return version.error();
    if (auto installed = installDefaultSlipTemplates(db); !installed)
        return installed.error();
    return version;
}

Result<int> migrateTo(Database &db, int target)
{
    const bool pg = db.isPostgres();
    auto st = db.transaction([&](QSqlDatabase &c) {
        return execDdl(
            c,
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "description TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
    });
    if (!st)
        return st.error();
    auto start = currentSchemaVersion(db);
    if (!start)
        return start.error();
    if (start.value() > latestSchemaVersion())
        return tooNew(start.value());

    for (const auto &migration : schema::migrations()) {
        if (migration.version <= start.value() || migration.version > target)
            continue;
        st = db.transaction([&](QSqlDatabase &c) -> Check {
            // Another process may be migrating at the same time: take the lock, then look again.
            if (pg) {
                if (auto locked
                    = execDdl(c, QStringLiteral("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
                    !locked)
                    return locked;
            }
            auto now = versionIn(c);
            if (!now)
                return now.error();
            if (now.value() >= migration.version)
                return {};
            for (const QString &statement : migration.statements) {
                const QString sql = schema::forDialect(statement, pg);
                if (sql.isEmpty())
                    continue;
                if (auto done = execDdl(c, sql); !done)
                    return done;
            }
            Sql record(c,
                       QStringLiteral("INSERT INTO schema_migrations (version, description, "
                                      "applied_at) VALUES (?, ?, ?)"));
            record.bind(migration.version)
                .bind(migration.description)
                .bind(toDbTime(QDateTime::currentDateTimeUtc()));
            return record.exec();
        });
        if (!st)
            return st.error();
        qCInfo(lcStorage).noquote() << "schema migrated to version" << migration.version << "on"
                                    << db.url().toDisplayString();
    }
    return qMax(start.value(), qMin(target, latestSchemaVersion()));
}

Check requireCurrentSchema(Database &db)
{
    auto version = currentSchemaVersion(db);
    if (!version)
        return version.error();
    if (version.value() == 0) {
        return makeError(
            QStringLiteral("db.not_initialised"),
            QStringLiteral(
                "Cơ sở dữ liệu %1 chưa được khởi tạo: chạy \"motcuactl server init --db …\".")
                .arg(db.url().toDisplayString()));
    }
    if (version.value() < latestSchemaVersion()) {
        return makeError(
            QStringLiteral("db.needs_migration"),
            QStringLiteral("Cơ sở dữ liệu đang ở phiên bản lược đồ %1, cần nâng cấp lên %2: chạy "
                           "\"motcuactl server migrate --db …\".")
                .arg(version.value())
                .arg(latestSchemaVersion()));
    }
    if (version.value() > latestSchemaVersion())
        return tooNew(version.value());
    return {};
}

Result<std::unique_ptr<Database>> openCurrentDatabase(const QString &text)
{
    auto url = DbUrl::parse(text);
    if (!url)
        return url.error();
    if (url.value().kind == DbUrl::Kind::Sqlite && !QFileInfo::exists(url.value().path)) {
        return makeError(
            QStringLiteral("db.not_found"),
            QStringLiteral(
                "Không tìm thấy cơ sở dữ liệu %1: tạo bằng \"motcuactl server init --db …\".")
                .arg(url.value().toDisplayString()));
    }
    auto db = std::make_unique<Database>(url.value());
    if (auto st = db->open(); !st)
        return st.error();
    if (auto st = requireCurrentSchema(*db); !st)
        return st.error();
    return db;
}

} // namespace motcua::server
