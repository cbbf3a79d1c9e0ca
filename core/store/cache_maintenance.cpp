// Counts and integrity checks for `motcuactl cache check|stats`.
#include "cache_private.h"

#include <QFileInfo>

namespace motcua::store {

Result<CacheStats> Cache::stats()
{
    CacheStats s;
    s.schemaVersion = d->schemaVersion;
    const auto count = [&](const char *sql, qint64 &into) -> Check {
        auto v = d->db->scalar(sql);
        if (!v)
            return v.error();
        into = v.value();
        return {};
    };
    for (const auto &[sql, into] : std::initializer_list<std::pair<const char *, qint64 *>>{
             {"SELECT count(*) FROM dossiers", &s.dossiers},
             {"SELECT count(*) FROM actions WHERE state = 'confirmed'", &s.actionsConfirmed},
             {"SELECT count(*) FROM actions WHERE state = 'pending'", &s.actionsPending},
             {"SELECT count(*) FROM actions WHERE state = 'accepted'", &s.actionsAccepted},
             {"SELECT count(*) FROM conflicts WHERE resolved = 0", &s.conflictsOpen},
             {"SELECT count(*) FROM blobs", &s.blobs},
             {"SELECT count(*) FROM blobs WHERE uploaded = 0", &s.blobsToUpload},
         }) {
        if (auto st = count(sql, *into); !st)
            return st.error();
    }
    Statement left(*d->db,
                   "SELECT coalesce(sum(last_seq - next_seq + 1), 0) FROM code_blocks "
                   "WHERE day >= ? AND next_seq <= last_seq");
    left.bind(QDate::currentDate().toString(Qt::ISODate));
    if (auto row = left.step(); !row)
        return row.error();
    s.codesLeft = left.integer(0);
    auto c = cursor();
    if (!c)
        return c.error();
    s.cursor = c.value();
    auto last = lastSync();
    if (!last)
        return last.error();
    s.lastSync = last.value();
    s.fileBytes
        = QFileInfo(filePath()).size() + QFileInfo(filePath() + QStringLiteral("-wal")).size();
    return s;
}

Check Cache::optimize()
{
    if (auto st = d->db->exec("INSERT INTO dossier_search (dossier_search) VALUES ('optimize')");
        !st)
        return st;
    return d->db->exec("ANALYZE");
}

Result<QStringList> Cache::integrityCheck(bool withBlobs)
{
    QStringList problems;
    {
        // Reads every page: each page's HMAC is verified as it is decrypted.
        Statement q(*d->db, "PRAGMA integrity_check");
        for (;;) {
            auto row = q.step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            if (q.text(0) != QLatin1String("ok"))
                problems.append(QStringLiteral("SQLite: %1").arg(q.text(0)));
        }
    }
    if (auto st
        = d->db->exec("INSERT INTO dossier_search (dossier_search) VALUES ('integrity-check')");
        !st) {
        problems.append(QStringLiteral("Chỉ mục tìm kiếm hỏng: %1")
                            .arg(st.error().details.value(QStringLiteral("sqlite")).toString()));
    }
    auto orphans = d->db->scalar("SELECT count(*) FROM actions a WHERE a.state = 'pending' AND "
                                 "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.action_id = a.id)");
    if (!orphans)
        return orphans.error();
    if (orphans.value() > 0) {
        problems.append(
            QStringLiteral("%1 thao tác chờ gửi không có trong hàng đợi gửi").arg(orphans.value()));
    }
    auto unindexed = d->db->scalar("SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 "
                                   "FROM dossier_search s WHERE s.docid = -d.rowid)");
    if (!unindexed)
        return unindexed.error();
    if (unindexed.value() > 0)
        problems.append(
            QStringLiteral("%1 hồ sơ chưa có trong chỉ mục tìm kiếm").arg(unindexed.value()));
    auto withoutFacts = d->db->scalar(
        "SELECT (SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_facts f "
        "WHERE f.rowid = d.rowid)) + (SELECT count(*) FROM dossier_facts f WHERE NOT EXISTS "
        "(SELECT 1 FROM dossiers d WHERE d.rowid = f.rowid))");
    if (!withoutFacts)
        return withoutFacts.error();
    if (withoutFacts.value() > 0)
        problems.append(
            QStringLiteral("%1 hồ sơ có số liệu báo cáo không khớp").arg(withoutFacts.value()));
    if (withBlobs) {
        QStringList addresses;
        {
            Statement q(*d->db, "SELECT sha256 FROM blobs ORDER BY sha256");
            for (;;) {
                auto row = q.step();
                if (!row)
                    return row.error();
                if (!row.value())
                    break;
                addresses.append(q.text(0));
            }
        }
        for (const QString &sha : std::as_const(addresses)) {
            if (auto bytes = blob(sha); !bytes)
                problems.append(bytes.error().message);
        }
    }
    return problems;
}

} // namespace motcua::store
