// The server schema, version by version. Migrations only add (tables, columns, indexes,
// functions), or replace an index by a wider one or by a table that serves its reads; a version is
// never edited once released. Types are portable: TEXT, INTEGER, BIGINT; instants are BIGINT
// milliseconds since the epoch (UTC); flags are INTEGER 0/1.
#include "schema.h"

#include "admin_units.h"

namespace motcua::server::schema {
namespace {

// Version 1. "{PG}" marks a statement for PostgreSQL only.
// PostgreSQL: an accepted action's rows in one round trip, so that the part of a push that holds
// the feed counter's lock is one statement and the COMMIT. The canonical action JSON comes in two
// parts around its "seq" value; the hash is SHA-256(previous hash ‖ JSON), exactly as SyncStore
// computes it on SQLite and auditReport() checks it. Each statement of a VOLATILE function takes a
// new snapshot (READ COMMITTED), so the head read after the counter is the one the previous append
// committed. Version 1 made it; version 10 added the change's gzip piece (`changeGzip`); version
// 11 the change's rows in its agencies' feeds (`agencyFeed`).
QString appendFunction(bool changeGzip, bool agencyFeed)
{
    QString f
        = QStringLiteral(R"sql({PG}CREATE FUNCTION motcua_append(p_json_head TEXT, p_json_tail TEXT,
            p_action_id TEXT, p_dossier_id TEXT, p_agency TEXT, p_handling TEXT, p_actor TEXT,
            p_device TEXT, p_now BIGINT, p_dossier_json TEXT, p_version INTEGER,
            p_creating INTEGER, p_code TEXT, p_stage TEXT{GZIP_PARAM}) RETURNS BIGINT
        LANGUAGE plpgsql VOLATILE AS $fn$
        DECLARE
            v_seq BIGINT;
            v_prev TEXT;
            v_json TEXT;
            v_hash TEXT;
        BEGIN
            UPDATE feed_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq INTO v_seq;
            INSERT INTO audit_heads (agency_code, seq, hash, count)
                VALUES (p_agency, 0, repeat('0', 64), 0) ON CONFLICT (agency_code) DO NOTHING;
            SELECT hash INTO v_prev FROM audit_heads WHERE agency_code = p_agency FOR UPDATE;
            v_json := p_json_head || v_seq::text || p_json_tail;
            v_hash := encode(sha256(convert_to(v_prev || v_json, 'UTF8')), 'hex');
            INSERT INTO actions (seq, id, dossier_id, agency_code, handling_agency_code, actor_id,
                    device_id, accepted_at, json, dossier_json, audit_prev, audit_hash)
                VALUES (v_seq, p_action_id, p_dossier_id, p_agency, p_handling, p_actor, p_device,
                    p_now, v_json, p_dossier_json, v_prev, v_hash);
            UPDATE audit_heads SET seq = v_seq, hash = v_hash, count = count + 1
                WHERE agency_code = p_agency;{GZIP_INSERT}{FEED_INSERT}
            INSERT INTO push_outcomes (action_id, actor_id, status, seq, version, reason_code,
                    message, field, decided_at)
                VALUES (p_action_id, p_actor, 'accepted', v_seq, p_version, '', '', '', p_now);
            IF p_creating <> 0 THEN
                INSERT INTO dossiers (id, code, agency_code, handling_agency_code, stage, version,
                        json, updated_seq)
                    VALUES (p_dossier_id, p_code, p_agency, p_handling, p_stage, p_version,
                        p_dossier_json, v_seq);
            ELSE
                UPDATE dossiers SET code = p_code, agency_code = p_agency,
                        handling_agency_code = p_handling, stage = p_stage, version = p_version,
                        json = p_dossier_json, updated_seq = v_seq
                    WHERE id = p_dossier_id;
            END IF;
            RETURN v_seq;
        END
        $fn$)sql");
    f.replace(QStringLiteral("{GZIP_PARAM}"),
              changeGzip ? QStringLiteral(", p_change_gzip BYTEA") : QString());
    f.replace(QStringLiteral("{GZIP_INSERT}"),
              changeGzip ? QStringLiteral(R"sql(
            IF p_change_gzip IS NOT NULL THEN
                INSERT INTO change_pieces (seq, piece) VALUES (v_seq, p_change_gzip);
            END IF;)sql")
                         : QString());
    f.replace(QStringLiteral("{FEED_INSERT}"),
              agencyFeed ? QStringLiteral(R"sql(
            INSERT INTO agency_feed (agency_code, seq) VALUES (p_agency, v_seq);
            IF p_handling <> p_agency THEN
                INSERT INTO agency_feed (agency_code, seq) VALUES (p_handling, v_seq);
            END IF;)sql")
                         : QString());
    return f;
}

QStringList version1()
{
    return {
        // Catalogues: the domain's JSON next to the columns queries filter on.
        QStringLiteral(R"sql(CREATE TABLE agencies (code TEXT PRIMARY KEY, name TEXT NOT NULL,
            parent_code TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,
            updated_at BIGINT NOT NULL))sql"),
        QStringLiteral(
            R"sql(CREATE TABLE officers (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE,
            agency_code TEXT NOT NULL, active INTEGER NOT NULL, password_hash TEXT NOT NULL,
            json TEXT NOT NULL, updated_at BIGINT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX officers_agency ON officers (agency_code)"),
        QStringLiteral(
            R"sql(CREATE TABLE procedures (code TEXT PRIMARY KEY, agency_code TEXT NOT NULL,
            name TEXT NOT NULL, json TEXT NOT NULL, updated_at BIGINT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX procedures_agency ON procedures (agency_code)"),
        QStringLiteral(R"sql(CREATE TABLE workflows (id TEXT NOT NULL, version INTEGER NOT NULL,
            procedure_code TEXT NOT NULL, json TEXT NOT NULL, created_at BIGINT NOT NULL,
            PRIMARY KEY (id, version)))sql"),
        // The government's yearly holiday decisions, one row per year (the calendar file's entry).
        QStringLiteral(
            R"sql(CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, json TEXT NOT NULL,
            updated_at BIGINT NOT NULL))sql"),

        // Authentication: tokens are stored as SHA-256 hex, never in clear.
        QStringLiteral(
            R"sql(CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL,
            officer_id TEXT NOT NULL, kind TEXT NOT NULL, created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0))sql"),
        QStringLiteral("CREATE INDEX tokens_officer ON tokens (officer_id)"),
        QStringLiteral("CREATE INDEX tokens_session ON tokens (session_id)"),
        QStringLiteral("CREATE INDEX tokens_expiry ON tokens (expires_at)"),
        // key: "user:<username>" or "addr:<source address>"
        QStringLiteral(R"sql(CREATE TABLE login_failures (key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL, last_failure_at BIGINT NOT NULL,
            blocked_until BIGINT NOT NULL))sql"),

        // Dossiers: the fold of their accepted actions, materialised.
        QStringLiteral(R"sql(CREATE TABLE dossiers (id TEXT PRIMARY KEY, code TEXT UNIQUE,
            agency_code TEXT NOT NULL, handling_agency_code TEXT NOT NULL, stage TEXT NOT NULL,
            version INTEGER NOT NULL, json TEXT NOT NULL, updated_seq BIGINT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX dossiers_agency ON dossiers (agency_code)"),
        QStringLiteral("CREATE INDEX dossiers_handling ON dossiers (handling_agency_code)"),

        // The feed: accepted actions in server order, the dossier after each, the audit chain.
        QStringLiteral(
            R"sql(CREATE TABLE actions (seq {BIGKEY} PRIMARY KEY, id TEXT NOT NULL UNIQUE,
            dossier_id TEXT NOT NULL, agency_code TEXT NOT NULL,
            handling_agency_code TEXT NOT NULL, actor_id TEXT NOT NULL, device_id TEXT NOT NULL,
            accepted_at BIGINT NOT NULL, json TEXT NOT NULL, dossier_json TEXT NOT NULL,
            audit_prev TEXT NOT NULL, audit_hash TEXT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX actions_agency ON actions (agency_code, seq)"),
        QStringLiteral("CREATE INDEX actions_handling ON actions (handling_agency_code, seq)"),
        QStringLiteral("CREATE INDEX actions_dossier ON actions (dossier_id, seq)"),
        // The first answer to every pushed action id (accepted or rejected), repeated on resend.
        QStringLiteral(R"sql(CREATE TABLE push_outcomes (action_id TEXT PRIMARY KEY,
            actor_id TEXT NOT NULL, status TEXT NOT NULL, seq BIGINT NOT NULL,
            version INTEGER NOT NULL, reason_code TEXT NOT NULL, message TEXT NOT NULL,
            field TEXT NOT NULL, decided_at BIGINT NOT NULL))sql"),
        // One row: the last allocated seq. Its row lock, held to COMMIT, orders the feed.
        QStringLiteral("CREATE TABLE feed_counter (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO feed_counter (id, seq) VALUES (1, 0)"),
        QStringLiteral(R"sql(CREATE TABLE audit_heads (agency_code TEXT PRIMARY KEY,
            seq BIGINT NOT NULL, hash TEXT NOT NULL, count BIGINT NOT NULL))sql"),

        // Dossier codes: the last daily sequence number per agency and day, the blocks leased.
        QStringLiteral(
            R"sql(CREATE TABLE code_counters (agency_code TEXT NOT NULL, day TEXT NOT NULL,
            last_seq INTEGER NOT NULL, PRIMARY KEY (agency_code, day)))sql"),
        QStringLiteral(R"sql(CREATE TABLE code_blocks (agency_code TEXT NOT NULL, day TEXT NOT NULL,
            first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, leased_by TEXT NOT NULL,
            leased_at BIGINT NOT NULL, PRIMARY KEY (agency_code, day, first_seq)))sql"),

        // Content-addressed files (the bytes live outside the database).
        QStringLiteral(R"sql(CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL,
            media_type TEXT NOT NULL, received BIGINT NOT NULL DEFAULT 0,
            complete INTEGER NOT NULL DEFAULT 0, uploaded_by TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL, completed_at BIGINT NOT NULL DEFAULT 0))sql"),

        appendFunction(false, false),
    };
}

// Version 2. Blob contents move into the database, so that several server processes can share
// one PostgreSQL: rows of at most 1 MiB ({BYTES}: BYTEA or BLOB) under a content id. The v1 table
// `blobs` stays the catalogue of complete blobs (one row per hash, pointing at its content);
// `blob_grants` says which agencies may read a hash (the uploader's, and every agency that later
// uploads the same bytes); `blob_uploads` holds resumable uploads in progress, one per hash and
// agency. Slip templates: every version is kept, per kind and agency ('' = the national default).
QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE blobs ADD COLUMN content_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(R"sql(CREATE TABLE blob_chunks (content_id TEXT NOT NULL,
            idx INTEGER NOT NULL, data {BYTES} NOT NULL, PRIMARY KEY (content_id, idx)))sql"),
        // Scans and PDFs are compressed already: PostgreSQL stores them out of line as they are.
        QStringLiteral("{PG}ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL"),
        QStringLiteral(
            R"sql(CREATE TABLE blob_grants (sha256 TEXT NOT NULL, agency_code TEXT NOT NULL,
            uploaded_by TEXT NOT NULL, granted_at BIGINT NOT NULL,
            PRIMARY KEY (sha256, agency_code)))sql"),
        QStringLiteral(
            R"sql(CREATE TABLE blob_uploads (sha256 TEXT NOT NULL, agency_code TEXT NOT NULL,
            content_id TEXT NOT NULL UNIQUE, size BIGINT NOT NULL, received BIGINT NOT NULL,
            uploaded_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            PRIMARY KEY (sha256, agency_code)))sql"),
        QStringLiteral("CREATE INDEX blob_uploads_updated ON blob_uploads (updated_at)"),
        QStringLiteral(
            R"sql(CREATE TABLE slip_templates (kind TEXT NOT NULL, agency_code TEXT NOT NULL,
            version INTEGER NOT NULL, title TEXT NOT NULL, legal_basis TEXT NOT NULL,
            format TEXT NOT NULL, content TEXT NOT NULL, updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL, PRIMARY KEY (kind, agency_code, version)))sql"),
    };
}

// Administration trail (issue 10): every successful admin write — who, when, which route and
// resource, what was sent (passwords removed) — in write order.
QStringList version3()
{
    return {
        QStringLiteral(R"sql({SQLITE}CREATE TABLE admin_audit (seq INTEGER PRIMARY KEY,
            at BIGINT NOT NULL, actor_id TEXT NOT NULL, agency_code TEXT NOT NULL,
            method TEXT NOT NULL, route TEXT NOT NULL, target TEXT NOT NULL,
            status INTEGER NOT NULL, detail TEXT NOT NULL))sql"),
        QStringLiteral(R"sql({PG}CREATE TABLE admin_audit (seq BIGSERIAL PRIMARY KEY,
            at BIGINT NOT NULL, actor_id TEXT NOT NULL, agency_code TEXT NOT NULL,
            method TEXT NOT NULL, route TEXT NOT NULL, target TEXT NOT NULL,
            status INTEGER NOT NULL, detail TEXT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX admin_audit_agency ON admin_audit (agency_code, seq)"),
        // Administrative units (R02.1): the 34 provincial units ship with the schema; communes are
        // imported from the National Statistics Office's list.
        QStringLiteral(R"sql(CREATE TABLE admin_units (level TEXT NOT NULL, code TEXT NOT NULL,
            name TEXT NOT NULL, division_type TEXT NOT NULL, parent_code TEXT NOT NULL,
            search TEXT NOT NULL, PRIMARY KEY (level, code)))sql"),
        QStringLiteral("CREATE INDEX admin_units_parent ON admin_units (parent_code)"),
    };
}

// Report templates (R24): an officer's own, or shared with the agency (scope ''), one JSON
// definition each (core/reports/reporttemplate.h), names unique per scope.
QStringList version4()
{
    return {
        QStringLiteral(R"sql(CREATE TABLE report_templates (id TEXT PRIMARY KEY,
            agency_code TEXT NOT NULL, scope TEXT NOT NULL, owner_id TEXT NOT NULL,
            name TEXT NOT NULL, definition TEXT NOT NULL, version INTEGER NOT NULL,
            updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
            UNIQUE (agency_code, scope, name)))sql"),
        // The statistics index reads the dossiers written since it last looked.
        QStringLiteral("CREATE INDEX dossiers_updated_seq ON dossiers (updated_seq)"),
    };
}

// The work calendar's settings beside its years (issue 10 item 4): the office hours every office
// keeps, as the calendar file's "officeHours" object. No row: the standard hours.
QStringList version5()
{
    return {
        QStringLiteral(R"sql(CREATE TABLE calendar_settings (name TEXT PRIMARY KEY,
            json TEXT NOT NULL, updated_at BIGINT NOT NULL))sql"),
    };
}

// Groups of officers (R01.2b): the group's JSON (name, description, the roles it grants) and its
// members, looked up by officer whenever an account is read.
QStringList version6()
{
    return {
        QStringLiteral(R"sql(CREATE TABLE officer_groups (id TEXT PRIMARY KEY,
            agency_code TEXT NOT NULL, json TEXT NOT NULL, updated_at BIGINT NOT NULL))sql"),
        QStringLiteral("CREATE INDEX officer_groups_agency ON officer_groups (agency_code)"),
        QStringLiteral(R"sql(CREATE TABLE group_members (group_id TEXT NOT NULL,
            officer_id TEXT NOT NULL, PRIMARY KEY (group_id, officer_id)))sql"),
        QStringLiteral("CREATE INDEX group_members_officer ON group_members (officer_id)"),
    };
}

// The province's shared catalogues (R02): document types with their data fields, and fields, one
// JSON row per entry under its kind ("document-type", "field") and code.
QStringList version7()
{
    return {
        QStringLiteral(R"sql(CREATE TABLE shared_catalogue (kind TEXT NOT NULL, code TEXT NOT NULL,
            json TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (kind, code)))sql"),
    };
}

// A workstation's first sync reads its agency's dossiers as they stand, page by page in id order
// (GET /api/v1/sync/snapshot): the agency indexes gain the id, so a page reads only its rows. The
// one-column indexes they replace are their prefixes.
QStringList version8()
{
    return {
        QStringLiteral("CREATE INDEX dossiers_agency_id ON dossiers (agency_code, id)"),
        QStringLiteral("CREATE INDEX dossiers_handling_id ON dossiers (handling_agency_code, id)"),
        QStringLiteral("DROP INDEX dossiers_agency"),
        QStringLiteral("DROP INDEX dossiers_handling"),
    };
}

// A transfer that takes a dossier from its handling agency is in that agency's feed too, so its
// workstations learn that the dossier left (before, they kept it as it was). Only such transfers
// carry the code, so the index holds only them.
QStringList version9()
{
    return {
        QStringLiteral("ALTER TABLE actions ADD COLUMN departed_agency_code TEXT"),
        QStringLiteral("CREATE INDEX actions_departed ON actions (departed_agency_code, seq) WHERE "
                       "departed_agency_code IS NOT NULL"),
    };
}

// The sync feed is served gzip-compressed: each change keeps its part of a page compressed at
// push time (server/lib/gzip_splice.h), so a page is spliced rather than compressed. A table of
// its own keeps these ≈ 1.2 KB rows together in seq order, out of the wide rows of `actions`.
// Changes accepted before have none and are compressed while served.
QStringList version10()
{
    return {
        QStringLiteral(
            "CREATE TABLE change_pieces (seq {BIGKEY} PRIMARY KEY, piece {BYTES} NOT NULL)"),
        QStringLiteral("{PG}DROP FUNCTION motcua_append(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, "
                       "TEXT, BIGINT, TEXT, INTEGER, INTEGER, TEXT, TEXT)"),
        appendFunction(true, false),
    };
}

// Each agency's feed in one index: a change once for every agency whose feed holds it (the
// receiving agency, the handling one, and the one a transfer takes the dossier from), so a page
// is one range of (agency, seq) in order rather than three ranges of `actions` merged and
// sorted. It replaces the handling and departed indexes of `actions` (only the feed read them);
// the receiving agency's stays for the audit chain.
QStringList version11()
{
    return {
        QStringLiteral("CREATE TABLE agency_feed (agency_code TEXT NOT NULL, seq BIGINT NOT NULL, "
                       "PRIMARY KEY (agency_code, seq)){SQLITE_WITHOUT_ROWID}"),
        QStringLiteral("INSERT INTO agency_feed (agency_code, seq) SELECT agency_code, seq FROM "
                       "actions UNION SELECT handling_agency_code, seq FROM actions UNION SELECT "
                       "departed_agency_code, seq FROM actions WHERE departed_agency_code IS NOT "
                       "NULL"),
        QStringLiteral("DROP INDEX actions_handling"),
        QStringLiteral("DROP INDEX actions_departed"),
        QStringLiteral("{PG}DROP FUNCTION motcua_append(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, "
                       "TEXT, BIGINT, TEXT, INTEGER, INTEGER, TEXT, TEXT, BYTEA)"),
        appendFunction(true, true),
    };
}

// A number that moves whenever something an authenticated session depends on changes: a token
// revoked or deleted, an officer changed or removed (active, roles, agency), a group's roles or
// members. The server keeps the sessions it authenticated (auth.cpp) and trusts one only while
// this number is the one it was read under, so a revocation counts at the next request whoever
// made it (the server, motcuactl, an administrator's SQL). Triggers, one per row, so that a
// statement that changes nothing does not move it.
QStringList version12()
{
    QStringList statements{
        QStringLiteral("CREATE TABLE auth_epoch (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO auth_epoch (id, n) VALUES (1, 0)"),
        QStringLiteral(R"sql({PG}CREATE FUNCTION motcua_auth_changed() RETURNS trigger
        LANGUAGE plpgsql AS $fn$
        BEGIN
            UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
            RETURN NULL;
        END
        $fn$)sql"),
    };
    const QList<std::pair<QString, QStringList>> watched{
        {QStringLiteral("tokens"), {QStringLiteral("UPDATE"), QStringLiteral("DELETE")}},
        {QStringLiteral("officers"), {QStringLiteral("UPDATE"), QStringLiteral("DELETE")}},
        {QStringLiteral("officer_groups"), {QStringLiteral("UPDATE"), QStringLiteral("DELETE")}},
        {QStringLiteral("group_members"),
         {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}},
    };
    for (const auto &[table, events] : watched) {
        statements.append(QStringLiteral("{PG}CREATE TRIGGER auth_epoch_%1 AFTER %2 ON %1 FOR "
                                         "EACH ROW EXECUTE FUNCTION motcua_auth_changed()")
                              .arg(table, events.join(QStringLiteral(" OR "))));
        for (const QString &event : events) {
            statements.append(
                QStringLiteral("{SQLITE}CREATE TRIGGER auth_epoch_%1_%2 AFTER %3 ON %1 BEGIN "
                               "UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END")
                    .arg(table, event.toLower(), event));
        }
    }
    return statements;
}

// PostgreSQL compresses a row's long texts (TOAST) with pglz unless told otherwise: a fifth of its
// CPU while devices push, for each action's dossier JSON is compressed twice (in `actions` and in
// `dossiers`). lz4 is several times faster for a slightly larger result. A PostgreSQL built
// without lz4 refuses the method, one before 14 the statement: it keeps pglz (a notice in its
// log). Rows written before keep theirs; both are read alike.
QStringList version13()
{
    return {QStringLiteral(R"sql({PG}DO $do$
        BEGIN
            EXECUTE 'ALTER TABLE actions ALTER COLUMN json SET COMPRESSION lz4, ' ||
                'ALTER COLUMN dossier_json SET COMPRESSION lz4';
            EXECUTE 'ALTER TABLE dossiers ALTER COLUMN json SET COMPRESSION lz4';
        EXCEPTION WHEN feature_not_supported OR syntax_error THEN
            RAISE NOTICE 'lz4 is not available: long texts stay compressed with pglz';
        END
        $do$)sql")};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1,
         QStringLiteral("catalogues, authentication, dossiers, the sync feed, the audit chain, "
                        "codes, blobs"),
         version1()},
        {2,
         QStringLiteral("blob contents in the database, resumable uploads, per-agency blob "
                        "access, slip templates"),
         version2()},
        {3, QStringLiteral("the administration trail, administrative units"),
         version3() + provinceSeedStatements()},
        {4, QStringLiteral("report templates, dossiers by update"), version4()},
        {5, QStringLiteral("office hours in the work calendar"), version5()},
        {6, QStringLiteral("groups of officers"), version6()},
        {7, QStringLiteral("document types and fields"), version7()},
        {8, QStringLiteral("dossiers by agency in id order"), version8()},
        {9, QStringLiteral("transfers in the feed of the agency they leave"), version9()},
        {10, QStringLiteral("the sync feed's changes compressed"), version10()},
        {11, QStringLiteral("each agency's feed in one index"), version11()},
        {12, QStringLiteral("authenticated sessions kept until an authorisation changes"),
         version12()},
        {13, QStringLiteral("long texts compressed with lz4 (PostgreSQL)"), version13()},
    };
    return all;
}

QString forDialect(const QString &statement, bool postgres)
{
    QString out = statement;
    if (out.startsWith(QLatin1String("{PG}"))) {
        if (!postgres)
            return {};
        out.remove(0, 4);
    }
    if (out.startsWith(QLatin1String("{SQLITE}"))) {
        if (postgres)
            return {};
        out.remove(0, 8);
    }
    out.replace(QStringLiteral("{BIGKEY}"),
                postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER"));
    out.replace(QStringLiteral("{BYTES}"),
                postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"));
    out.replace(QStringLiteral("{SQLITE_WITHOUT_ROWID}"),
                postgres ? QString() : QStringLiteral(" WITHOUT ROWID"));
    return out;
}

} // namespace motcua::server::schema
