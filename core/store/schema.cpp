// Versioned, additive migrations of the cache (see schema.h). Instants are INTEGER milliseconds
// since the epoch (UTC); JSON columns hold the domain's JSON (domain/json.h), compact UTF-8.
#include "schema.h"

#include "cache_private.h"

#include <QList>

#include <functional>

namespace motcua::store::schema {
namespace {

using domain::makeError;

struct Step
{
    int version;
    QList<const char *> statements;
    std::function<Check(Database &)> backfill; // may be empty
};

// Version 1: the tables of ARCHITECTURE.md (Local cache).
const char *const kVersion1[] = {
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    // Materialised dossiers: the filter and list columns of the visible state (confirmed + this
    // device's unconfirmed actions), narrow so that filtered scans stay cheap; rowid orders
    // intake. The documents are in dossier_docs under the same rowid.
    R"sql(CREATE TABLE dossiers (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, code TEXT,
        agency_code TEXT NOT NULL, handling_agency_code TEXT NOT NULL,
        department_id TEXT NOT NULL, handler_id TEXT NOT NULL, procedure_code TEXT NOT NULL,
        procedure_name TEXT NOT NULL, applicant_name TEXT NOT NULL,
        organisation_name TEXT NOT NULL, stage TEXT NOT NULL, status TEXT NOT NULL,
        received_at INTEGER NOT NULL, due_at INTEGER NOT NULL, version INTEGER NOT NULL,
        has_pending INTEGER NOT NULL, confirmed_version INTEGER NOT NULL DEFAULT 0,
        confirmed_seq INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL))sql",
    // json: the visible dossier; confirmed_json: the server's, kept only while it differs (NULL
    // when json is the confirmed state, or when there is no confirmed state: confirmed_seq = 0).
    R"sql(CREATE TABLE dossier_docs (rowid INTEGER PRIMARY KEY, json TEXT NOT NULL,
        confirmed_json TEXT))sql",
    "CREATE INDEX dossiers_code ON dossiers (code)",
    "CREATE INDEX dossiers_status ON dossiers (status)",
    "CREATE INDEX dossiers_procedure ON dossiers (procedure_code, received_at)",
    "CREATE INDEX dossiers_handler ON dossiers (handler_id)",
    "CREATE INDEX dossiers_agency ON dossiers (agency_code, received_at)",
    "CREATE INDEX dossiers_handling ON dossiers (handling_agency_code, received_at)",
    "CREATE INDEX dossiers_received ON dossiers (received_at)",
    "CREATE INDEX dossiers_due ON dossiers (due_at)",
    "CREATE INDEX dossiers_pending ON dossiers (has_pending) WHERE has_pending = 1",
    // Actions: this device's (own = 1, device order in n) and everyone's confirmed ones.
    // state: pending | accepted | confirmed | rejected. seq: the server's, 0 until accepted.
    R"sql(CREATE TABLE actions (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        dossier_id TEXT NOT NULL, state TEXT NOT NULL, own INTEGER NOT NULL,
        device_seq INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0,
        server_version INTEGER NOT NULL DEFAULT 0, replay_error TEXT NOT NULL DEFAULT '',
        json TEXT NOT NULL, recorded_at INTEGER NOT NULL))sql",
    "CREATE INDEX actions_dossier ON actions (dossier_id, n)",
    "CREATE INDEX actions_state ON actions (state, n)",
    "CREATE INDEX actions_seq ON actions (seq)",
    // The push queue: one row per pending action; attempts and the last transport error.
    R"sql(CREATE TABLE outbox (action_id TEXT PRIMARY KEY, attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT NOT NULL DEFAULT '', last_attempt_at INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER NOT NULL))sql",
    R"sql(CREATE TABLE catalogues (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
        updated_at INTEGER NOT NULL, PRIMARY KEY (kind, key)))sql",
    // Leased blocks of daily sequence numbers; next_seq > last_seq when used up.
    R"sql(CREATE TABLE code_blocks (agency_code TEXT NOT NULL, day TEXT NOT NULL,
        first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, next_seq INTEGER NOT NULL,
        leased_at INTEGER NOT NULL, PRIMARY KEY (agency_code, day, first_seq)))sql",
    // Content-addressed blobs; the encrypted bytes are files under blobs/.
    R"sql(CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL,
        media_type TEXT NOT NULL, uploaded INTEGER NOT NULL, created_at INTEGER NOT NULL))sql",
    R"sql(CREATE TABLE conflicts (id INTEGER PRIMARY KEY, dossier_id TEXT NOT NULL,
        dossier_code TEXT NOT NULL, action_id TEXT NOT NULL, action_json TEXT NOT NULL,
        reason_code TEXT NOT NULL, message TEXT NOT NULL, field TEXT NOT NULL,
        at INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0))sql",
};

// Version 2: full-text search. Folded text (domain::foldForSearch) in FTS4, docid = dossier
// rowid; OCR text of scanned pages kept beside the dossier.
const char *const kVersion2[] = {
    "CREATE TABLE dossier_ocr (dossier_id TEXT PRIMARY KEY, text TEXT NOT NULL)",
    R"sql(CREATE VIRTUAL TABLE dossier_search USING fts4(code, applicant, business, procedure,
        address, ocr, tokenize=unicode61))sql",
};

// Version 3: offline login — an Argon2id verifier per officer who logged in online here.
const char *const kVersion3[] = {
    R"sql(CREATE TABLE offline_logins (officer_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE,
        verifier TEXT NOT NULL, officer_json TEXT NOT NULL, active INTEGER NOT NULL,
        last_online_at INTEGER NOT NULL))sql",
};

// Version 4: the work queues (R20) counted by one COUNT each. The columns a queue filters on that
// were only in the dossier's JSON, the participants, and indexes that answer a queue's filters
// without reading table rows (agency, stage, then the due instant).
const char *const kVersion4[] = {
    "ALTER TABLE dossiers ADD COLUMN supplement_state INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE dossiers ADD COLUMN supplement_requested_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dossiers ADD COLUMN submitted_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE dossiers ADD COLUMN sign_offs INTEGER NOT NULL DEFAULT 0",
    R"sql(CREATE TABLE dossier_participants (officer_id TEXT NOT NULL,
        dossier_rowid INTEGER NOT NULL, PRIMARY KEY (officer_id, dossier_rowid)) WITHOUT ROWID)sql",
    "CREATE INDEX dossier_participants_dossier ON dossier_participants (dossier_rowid)",
    R"sql(CREATE INDEX dossiers_agency_stage ON dossiers (agency_code, stage, due_at,
        supplement_state))sql",
    R"sql(CREATE INDEX dossiers_handling_stage ON dossiers (handling_agency_code, stage, due_at,
        agency_code, supplement_state))sql",
    "CREATE INDEX dossiers_handler_stage ON dossiers (handler_id, stage, due_at)",
    "CREATE INDEX dossiers_department_stage ON dossiers (department_id, stage, due_at)",
    "CREATE INDEX dossiers_supplement_by ON dossiers (supplement_requested_by, stage)",
    "CREATE INDEX dossiers_submitted_by ON dossiers (submitted_by, stage)",
    // How many dossiers per (agency, handling agency, stage), kept by writeVisible() and
    // rebuildVisible() (not by triggers: a statement that fires one writes every page it changes
    // to an encrypted statement journal, which made the initial sync 2-4 times slower): the queues
    // that filter on the stage alone ("all", "in progress"…) cover most of an agency's dossiers,
    // and counting them is reading a few rows here instead of a million index entries.
    R"sql(CREATE TABLE dossier_counts (agency_code TEXT NOT NULL,
        handling_agency_code TEXT NOT NULL, stage TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (agency_code, handling_agency_code, stage)) WITHOUT ROWID)sql",
    R"sql(INSERT INTO dossier_counts SELECT agency_code, handling_agency_code, stage, COUNT(*)
        FROM dossiers GROUP BY agency_code, handling_agency_code, stage)sql",
};

// Every dossier the cache already holds, with its rowid: what a backfill works through.
Check forEachStoredDossier(Database &db,
                           const std::function<Check(qint64, const domain::Dossier &)> &work)
{
    Statement rows(db, "SELECT rowid, json FROM dossier_docs");
    for (;;) {
        auto row = rows.step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
        auto dossier = detail::parseDossier(rows.bytes(1));
        if (!dossier)
            return dossier.error();
        if (auto st = work(rows.integer(0), dossier.value()); !st)
            return st;
    }
}

// Version 4's backfill: the work columns of the dossiers already there.
Check fillWorkColumns(Database &db)
{
    return forEachStoredDossier(db, [&db](qint64 rowid, const domain::Dossier &dossier) {
        return detail::writeWorkColumns(db, rowid, dossier, false);
    });
}

// Version 5: searches that answer newest-first without reading whole index lists. FTS4 reads a
// one-word list incrementally only in ascending docid order, so the docid is now the dossier's
// rowid negated (detail::searchDocid): the newest dossier comes first, and a page reads only the
// newest entries of a word. (order=desc would give the same order, but SQLite 3.15's FTS4
// integrity-check misreads such an index.) The procedure index also holds the status, so a
// filter-only list picks its page from the index and reads only the rows it shows.
const char *const kVersion5[] = {
    R"sql(CREATE VIRTUAL TABLE dossier_search_v5 USING fts4(code, applicant, business,
        procedure, address, ocr, tokenize=unicode61))sql",
    // Version 2's backfill, run by this version's code, already wrote negated docids.
    R"sql(INSERT INTO dossier_search_v5 (docid, code, applicant, business, procedure, address,
        ocr) SELECT CASE WHEN docid > 0 THEN -docid ELSE docid END, code, applicant, business,
        procedure, address, ocr FROM dossier_search)sql",
    "DROP TABLE dossier_search",
    "ALTER TABLE dossier_search_v5 RENAME TO dossier_search",
    "DROP INDEX dossiers_procedure",
    "CREATE INDEX dossiers_procedure ON dossiers (procedure_code, received_at, status)",
};

// Version 6: the report facts of each visible dossier as columns (detail::writeFacts), so that
// the Reports section reads a narrow table instead of decrypting and parsing every dossier's JSON
// (112 s for a million dossiers), and the applicants served, for the R23.5 list. The codes a fact
// holds (channel, procedure, agencies, department, officer) are few and repeat on every row: they
// are numbered once in fact_codes, so a fact row is integers only and is read without a string.
const char *const kVersion6[] = {
    "CREATE TABLE fact_codes (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)",
    R"sql(CREATE TABLE dossier_facts (rowid INTEGER PRIMARY KEY, id BLOB NOT NULL,
        received_ms INTEGER NOT NULL, due_ms INTEGER NOT NULL, completed_ms INTEGER NOT NULL,
        closed_ms INTEGER NOT NULL, flags INTEGER NOT NULL, channel INTEGER NOT NULL,
        procedure_code INTEGER NOT NULL, agency_code INTEGER NOT NULL,
        receiving_agency_code INTEGER NOT NULL, department_id INTEGER NOT NULL,
        officer_id INTEGER NOT NULL, pauses BLOB))sql",
    R"sql(CREATE TABLE dossier_applicants (rowid INTEGER PRIMARY KEY,
        received_ms INTEGER NOT NULL, type TEXT NOT NULL, full_name TEXT NOT NULL,
        organisation_name TEXT NOT NULL, personal_id TEXT NOT NULL, tax_code TEXT NOT NULL,
        address TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL))sql",
};

// Version 6's backfill: the facts of the dossiers already there (the visible state).
Check fillFacts(Database &db)
{
    Statement rows(db,
                   "SELECT x.rowid, x.json FROM dossiers d JOIN dossier_docs x ON "
                   "x.rowid = d.rowid");
    for (;;) {
        auto row = rows.step();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
        auto dossier = detail::parseDossier(rows.bytes(1));
        if (!dossier)
            return dossier.error();
        if (auto st = detail::writeFacts(db, rows.integer(0), dossier.value()); !st)
            return st;
    }
}

// A cache that has planner statistics (Cache::optimize()) gets them for new indexes too, or the
// old ones would be preferred for lack of figures.
Check refreshStatistics(Database &db)
{
    auto analysed = db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'");
    if (!analysed)
        return analysed.error();
    return analysed.value() > 0 ? db.exec("ANALYZE dossiers") : Check{};
}

Check fillWorkColumnsAndStatistics(Database &db)
{
    if (auto st = fillWorkColumns(db); !st)
        return st;
    return refreshStatistics(db);
}

// Version 2's backfill: index the dossiers a version-1 cache already holds.
Check indexExistingDossiers(Database &db)
{
    return forEachStoredDossier(db, [&db](qint64 rowid, const domain::Dossier &dossier) {
        return detail::indexDossier(db, rowid, dossier, {});
    });
}

QList<Step> steps()
{
    return {
        {1, QList<const char *>(std::begin(kVersion1), std::end(kVersion1)), {}},
        {2, QList<const char *>(std::begin(kVersion2), std::end(kVersion2)), indexExistingDossiers},
        {3, QList<const char *>(std::begin(kVersion3), std::end(kVersion3)), {}},
        {4, QList<const char *>(std::begin(kVersion4), std::end(kVersion4)),
         fillWorkColumnsAndStatistics},
        {5, QList<const char *>(std::begin(kVersion5), std::end(kVersion5)), refreshStatistics},
        {6, QList<const char *>(std::begin(kVersion6), std::end(kVersion6)), fillFacts},
    };
}

} // namespace

Result<int> version(Database &db)
{
    auto v = db.scalar("PRAGMA user_version");
    if (!v)
        return v.error();
    return int(v.value());
}

Check migrate(Database &db, int target)
{
    auto current = version(db);
    if (!current)
        return current.error();
    if (current.value() > kLatest) {
        return makeError(QStringLiteral("cache.too_new"),
                         QStringLiteral("Bộ đệm cục bộ được tạo bởi phiên bản MotCua mới hơn "
                                        "(lược đồ %1, phiên bản này hỗ trợ đến %2). Hãy cập nhật "
                                        "MotCua.")
                             .arg(current.value())
                             .arg(kLatest));
    }
    if (current.value() == 0) {
        // A new file: mark it as ours and choose WAL before the first table.
        if (auto st = db.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
            !st)
            return st;
        if (auto mode = db.text("PRAGMA journal_mode = WAL"); !mode)
            return mode.error();
    } else {
        auto id = db.scalar("PRAGMA application_id");
        if (!id)
            return id.error();
        if (id.value() != kApplicationId) {
            return makeError(QStringLiteral("cache.not_a_cache"),
                             QStringLiteral("Tệp %1 không phải bộ đệm MotCua.").arg(db.path()));
        }
    }
    for (const Step &step : steps()) {
        if (step.version <= current.value() || step.version > target)
            continue;
        auto st = db.transaction([&]() -> Check {
            for (const char *sql : step.statements) {
                if (auto done = db.exec(sql); !done)
                    return done;
            }
            if (step.backfill) {
                if (auto done = step.backfill(db); !done)
                    return done;
            }
            return db.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        });
        if (!st)
            return st;
    }
    return {};
}

} // namespace motcua::store::schema
