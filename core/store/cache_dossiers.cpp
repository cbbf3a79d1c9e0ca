// Materialised dossiers: the visible state, its filter columns and search index, the replay of
// this device's unconfirmed actions on the confirmed state, and recording a user's action.
#include "cache_private.h"

#include <domain/engine.h>
#include <domain/folding.h>

#include <algorithm>

namespace motcua::store {

using domain::makeError;

namespace detail {
namespace {

struct SearchText
{
    QString code, applicant, business, procedure, address;
    bool operator==(const SearchText &) const = default;
};

SearchText searchTextOf(const domain::Dossier &d)
{
    const auto &a = d.applicant;
    const auto join = [](const QStringList &parts) {
        QStringList kept;
        for (const QString &p : parts) {
            if (!p.isEmpty())
                kept.append(p);
        }
        return domain::foldForSearch(kept.join(QLatin1Char(' ')));
    };
    return {join({d.code}), join({a.fullName, a.personalId, a.taxCode, a.phone}),
            join({a.organisationName}), join({d.procedureName, d.procedureCode}),
            join({a.address})};
}

} // namespace

Check unindexDossier(Database &db, qint64 rowid)
{
    Statement del(db, "DELETE FROM dossier_search WHERE docid = ?");
    del.bind(searchDocid(rowid));
    return del.exec();
}

Check indexDossier(Database &db, qint64 rowid, const domain::Dossier &dossier, const QString &ocr,
                   bool knownNew)
{
    const SearchText text = searchTextOf(dossier);
    const QString foldedOcr = domain::foldForSearch(ocr);
    bool indexed = false;
    if (!knownNew) {
        Statement old(db,
                      "SELECT code, applicant, business, procedure, address, ocr FROM "
                      "dossier_search WHERE docid = ?");
        old.bind(searchDocid(rowid));
        auto row = old.step();
        if (!row)
            return row.error();
        if (row.value()) {
            const SearchText was{old.text(0), old.text(1), old.text(2), old.text(3), old.text(4)};
            if (was == text && old.text(5) == foldedOcr)
                return {}; // unchanged: FTS4 updates are costly
            indexed = true;
        }
    }
    if (indexed) {
        if (auto st = unindexDossier(db, rowid); !st)
            return st;
    }
    Statement ins(db,
                  "INSERT INTO dossier_search (docid, code, applicant, business, procedure, "
                  "address, ocr) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(searchDocid(rowid)).bind(text.code).bind(text.applicant).bind(text.business);
    ins.bind(text.procedure).bind(text.address).bind(foldedOcr);
    return ins.exec();
}

namespace {

Result<QString> ocrOf(Database &db, const QUuid &id)
{
    Statement q(db, "SELECT text FROM dossier_ocr WHERE dossier_id = ?");
    q.bind(id.toString(QUuid::WithoutBraces));
    auto row = q.step();
    if (!row)
        return row.error();
    return row.value() ? q.text(0) : QString();
}

// Binds the visible columns, in the order of kVisibleColumns.
void bindVisible(Statement &q, const domain::Dossier &d, bool hasPending)
{
    q.bind(d.code.isEmpty() ? QString() : d.code);
    q.bind(d.agencyCode).bind(d.handlingAgencyCode).bind(d.departmentId).bind(d.handlerId);
    q.bind(d.procedureCode).bind(d.procedureName).bind(d.applicant.fullName);
    q.bind(d.applicant.organisationName).bind(domain::stageKey(d.stage));
    q.bind(domain::statusKey(d.status())).bind(toMs(d.receivedAt)).bind(toMs(d.dueAt));
    q.bind(d.version).bind(int(hasPending)).bind(nowMs());
}

} // namespace

// dossier_counts: `delta` dossiers more (or fewer) under (agency, handling agency, stage).
Check adjustCount(Database &db, const QString &agency, const QString &handling,
                  const QString &stage, int delta)
{
    Statement up(db,
                 "UPDATE OR FAIL dossier_counts SET n = n + ? WHERE agency_code = ? AND "
                 "handling_agency_code = ? AND stage = ?");
    up.bind(delta).bind(agency).bind(handling).bind(stage);
    if (auto st = up.exec(); !st)
        return st;
    if (db.changes() > 0)
        return {};
    Statement ins(db,
                  "INSERT INTO dossier_counts (agency_code, handling_agency_code, stage, n) "
                  "VALUES (?, ?, ?, ?)");
    ins.bind(agency).bind(handling).bind(stage).bind(delta);
    return ins.exec();
}

Check deleteParticipants(Database &db, qint64 rowid)
{
    Statement del(db, "DELETE FROM dossier_participants WHERE dossier_rowid = ?");
    del.bind(rowid);
    return del.exec();
}

namespace {

struct WorkColumns
{
    int supplementState = 0; // 0: never asked; 1: the last request awaits the applicant; 2: done
    QString requestedBy;
    QString submittedBy;
    int signOffs = 0;
};

WorkColumns workColumnsOf(const domain::Dossier &d)
{
    WorkColumns w;
    if (!d.supplements.isEmpty()) {
        w.supplementState = d.supplements.constLast().receivedAt.isValid() ? 2 : 1;
        w.requestedBy = d.supplements.constLast().requestedBy;
    }
    w.submittedBy = d.submittedBy;
    w.signOffs = int(d.signOffs.size());
    return w;
}

Check insertParticipants(Database &db, qint64 rowid, const domain::Dossier &d)
{
    for (const QString &officer : d.participants) {
        Statement ins(db,
                      "INSERT OR IGNORE INTO dossier_participants (officer_id, dossier_rowid) "
                      "VALUES (?, ?)");
        ins.bind(officer).bind(rowid);
        if (auto st = ins.exec(); !st)
            return st;
    }
    return {};
}

} // namespace

Check writeWorkColumns(Database &db, qint64 rowid, const domain::Dossier &d,
                       bool replaceParticipants)
{
    const WorkColumns w = workColumnsOf(d);
    Statement up(
        db, R"sql(UPDATE OR FAIL dossiers SET supplement_state = ?1, supplement_requested_by = ?2,
        submitted_by = ?3, sign_offs = ?4 WHERE rowid = ?5 AND (supplement_state <> ?1
        OR supplement_requested_by <> ?2 OR submitted_by <> ?3 OR sign_offs <> ?4))sql");
    up.bind(w.supplementState).bind(w.requestedBy).bind(w.submittedBy).bind(w.signOffs);
    up.bind(rowid);
    if (auto st = up.exec(); !st)
        return st;
    if (replaceParticipants) {
        if (auto st = deleteParticipants(db, rowid); !st)
            return st;
    }
    return insertParticipants(db, rowid, d);
}

// The UPDATEs of the write path say OR FAIL: SQLite gives a plain UPDATE that may abort on a
// constraint a statement journal, and SQLCipher encrypts every page copied into it — 40 % of an
// initial sync's time. Every caller runs in a transaction that is rolled back whole on an error,
// so the statement-level undo bought nothing.
Check writeVisible(Database &db, const domain::Dossier &visible, bool hasPending,
                   const QByteArray &givenJson, const ConfirmedAt *confirmed)
{
    const QString id = visible.id.toString(QUuid::WithoutBraces);
    qint64 rowid = 0;
    qint64 confirmedSeq = 0;
    QString wasAgency, wasHandling, wasStage;
    {
        Statement find(db,
                       "SELECT rowid, confirmed_seq, agency_code, handling_agency_code, stage "
                       "FROM dossiers WHERE id = ?");
        find.bind(id);
        auto found = find.step();
        if (!found)
            return found.error();
        if (found.value()) {
            rowid = find.integer(0);
            confirmedSeq = find.integer(1);
            wasAgency = find.text(2);
            wasHandling = find.text(3);
            wasStage = find.text(4);
        }
    }
    const QString stage = domain::stageKey(visible.stage);
    if (rowid == 0 || wasAgency != visible.agencyCode || wasHandling != visible.handlingAgencyCode
        || wasStage != stage) {
        if (rowid > 0) {
            if (auto st = adjustCount(db, wasAgency, wasHandling, wasStage, -1); !st)
                return st;
        }
        if (auto st = adjustCount(db, visible.agencyCode, visible.handlingAgencyCode, stage, 1);
            !st)
            return st;
    }
    const QByteArray json = givenJson.isEmpty() ? dossierJson(visible) : givenJson;
    const bool inserted = rowid == 0;
    if (rowid > 0) {
        Statement up(db, R"sql(UPDATE OR FAIL dossiers SET code = ?, agency_code = ?,
            handling_agency_code = ?, department_id = ?, handler_id = ?, procedure_code = ?,
            procedure_name = ?, applicant_name = ?, organisation_name = ?, stage = ?, status = ?,
            received_at = ?, due_at = ?, version = ?, has_pending = ?, updated_at = ?
            WHERE rowid = ?)sql");
        bindVisible(up, visible, hasPending);
        up.bind(rowid);
        if (auto st = up.exec(); !st)
            return st;
        if (confirmed) {
            Statement at(db,
                         "UPDATE OR FAIL dossiers SET confirmed_seq = ?, confirmed_version = ? "
                         "WHERE rowid = ?");
            at.bind(confirmed->seq).bind(confirmed->version).bind(rowid);
            if (auto st = at.exec(); !st)
                return st;
        }
        // Without pending actions json IS the confirmed state: keep it aside before replacing it.
        Statement doc(db,
                      R"sql(UPDATE OR FAIL dossier_docs SET confirmed_json = CASE WHEN ?1 = 0 THEN
            NULL WHEN ?2 > 0 AND confirmed_json IS NULL THEN json ELSE confirmed_json END,
            json = ?3 WHERE rowid = ?4)sql");
        doc.bind(int(hasPending)).bind(confirmedSeq).bindText(json).bind(rowid);
        if (auto st = doc.exec(); !st)
            return st;
    } else {
        // The work columns and the confirmed seq in the row itself: an UPDATE right after
        // would rewrite the row and the indexes they are in.
        Statement ins(db, R"sql(INSERT INTO dossiers (id, code, agency_code, handling_agency_code,
            department_id, handler_id, procedure_code, procedure_name, applicant_name,
            organisation_name, stage, status, received_at, due_at, version, has_pending,
            updated_at, supplement_state, supplement_requested_by, submitted_by, sign_offs,
            confirmed_seq, confirmed_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
        ins.bind(id);
        bindVisible(ins, visible, hasPending);
        const WorkColumns w = workColumnsOf(visible);
        ins.bind(w.supplementState).bind(w.requestedBy).bind(w.submittedBy).bind(w.signOffs);
        ins.bind(confirmed ? confirmed->seq : 0).bind(confirmed ? confirmed->version : 0);
        if (auto st = ins.exec(); !st)
            return st;
        rowid = db.lastInsertRowId();
        Statement doc(db, "INSERT INTO dossier_docs (rowid, json) VALUES (?, ?)");
        doc.bind(rowid).bindText(json);
        if (auto st = doc.exec(); !st)
            return st;
    }
    if (auto st = inserted ? insertParticipants(db, rowid, visible)
                           : writeWorkColumns(db, rowid, visible, true);
        !st)
        return st;
    if (auto st = writeFacts(db, rowid, visible); !st)
        return st;
    auto ocr = ocrOf(db, visible.id);
    if (!ocr)
        return ocr.error();
    return indexDossier(db, rowid, visible, ocr.value(), inserted);
}

Check rebuildVisible(Database &db, const QUuid &dossierId, const domain::Directory &directory)
{
    const QString id = dossierId.toString(QUuid::WithoutBraces);
    qint64 rowid = 0;
    bool confirmedExists = false;
    bool hadPending = false;
    QByteArray confirmedJson;
    {
        Statement row(db,
                      "SELECT d.rowid, x.json, x.confirmed_json, d.confirmed_seq, "
                      "d.has_pending FROM dossiers d JOIN dossier_docs x ON x.rowid = d.rowid "
                      "WHERE d.id = ?");
        row.bind(id);
        auto found = row.step();
        if (!found)
            return found.error();
        if (!found.value())
            return {};
        rowid = row.integer(0);
        confirmedExists = row.integer(3) > 0;
        confirmedJson = row.isNull(2) ? row.bytes(1) : row.bytes(2);
        hadPending = row.integer(4) != 0;
    }

    struct Own
    {
        qint64 n;
        domain::Action action;
    };
    QList<Own> own;
    Statement q(db,
                "SELECT n, json FROM actions WHERE dossier_id = ? AND own = 1 AND state IN "
                "('pending', 'accepted') ORDER BY n");
    q.bind(id);
    for (;;) {
        auto next = q.step();
        if (!next)
            return next.error();
        if (!next.value())
            break;
        auto action = parseAction(q.bytes(1));
        if (!action)
            return action.error();
        own.append({q.integer(0), action.value()});
    }

    domain::Dossier visible;
    if (confirmedExists) {
        auto confirmed = parseDossier(confirmedJson);
        if (!confirmed)
            return confirmed.error();
        visible = confirmed.value();
    }
    if (own.isEmpty() && confirmedExists && !hadPending)
        return {}; // already the confirmed state
    for (const Own &o : own) {
        QString problem;
        if (!(visible.version > 0 && visible.hasApplied(o.action.id))) {
            auto next = domain::apply(visible, o.action, directory);
            if (next)
                visible = next.value();
            else
                problem = next.error().message;
        }
        Statement mark(
            db, "UPDATE OR FAIL actions SET replay_error = ? WHERE n = ? AND replay_error <> ?");
        mark.bind(problem).bind(o.n).bind(problem);
        if (auto st = mark.exec(); !st)
            return st;
    }
    if (visible.version == 0) { // only local, and nothing of it applies any more
        {
            Statement was(db,
                          "SELECT agency_code, handling_agency_code, stage FROM dossiers WHERE "
                          "rowid = ?");
            was.bind(rowid);
            auto row = was.step();
            if (!row)
                return row.error();
            if (row.value()) {
                if (auto st = adjustCount(db, was.text(0), was.text(1), was.text(2), -1); !st)
                    return st;
            }
        }
        Statement del(db, "DELETE FROM dossiers WHERE rowid = ?");
        del.bind(rowid);
        if (auto st = del.exec(); !st)
            return st;
        Statement delDoc(db, "DELETE FROM dossier_docs WHERE rowid = ?");
        delDoc.bind(rowid);
        if (auto st = delDoc.exec(); !st)
            return st;
        if (auto st = deleteParticipants(db, rowid); !st)
            return st;
        if (auto st = deleteFacts(db, rowid); !st)
            return st;
        return unindexDossier(db, rowid);
    }
    return writeVisible(db, visible, !own.isEmpty());
}

} // namespace detail

namespace {

Result<std::optional<domain::Dossier>> readDossier(Statement &q)
{
    auto row = q.step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<domain::Dossier>();
    auto dossier = detail::parseDossier(q.bytes(0));
    if (!dossier)
        return dossier.error();
    return std::optional<domain::Dossier>(dossier.value());
}

} // namespace

Result<std::optional<domain::Dossier>> Cache::dossier(const QUuid &id)
{
    Statement q(*d->db,
                "SELECT x.json FROM dossiers d JOIN dossier_docs x ON x.rowid = d.rowid "
                "WHERE d.id = ?");
    q.bind(id.toString(QUuid::WithoutBraces));
    return readDossier(q);
}

Result<std::optional<domain::Dossier>> Cache::dossierByCode(const QString &code)
{
    Statement q(*d->db,
                "SELECT x.json FROM dossiers d JOIN dossier_docs x ON x.rowid = d.rowid "
                "WHERE d.code = ? ORDER BY d.rowid DESC LIMIT 1");
    q.bind(code);
    return readDossier(q);
}

Result<std::optional<domain::Dossier>> Cache::confirmedDossier(const QUuid &id)
{
    Statement q(*d->db,
                "SELECT coalesce(x.confirmed_json, x.json) FROM dossiers d JOIN dossier_docs x ON "
                "x.rowid = d.rowid WHERE d.id = ? AND d.confirmed_seq > 0");
    q.bind(id.toString(QUuid::WithoutBraces));
    return readDossier(q);
}

Check Cache::setOcrText(const QUuid &dossierId, const QString &text)
{
    return transaction([&]() -> Check {
        Statement put(*d->db,
                      "INSERT OR REPLACE INTO dossier_ocr (dossier_id, text) VALUES (?, ?)");
        put.bind(dossierId.toString(QUuid::WithoutBraces)).bind(text);
        if (auto st = put.exec(); !st)
            return st;
        Statement q(*d->db,
                    "SELECT d.rowid, x.json FROM dossiers d JOIN dossier_docs x ON "
                    "x.rowid = d.rowid WHERE d.id = ?");
        q.bind(dossierId.toString(QUuid::WithoutBraces));
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return {}; // indexed when the dossier arrives
        auto dossier = detail::parseDossier(q.bytes(1));
        if (!dossier)
            return dossier.error();
        return detail::indexDossier(*d->db, q.integer(0), dossier.value(), text);
    });
}

Result<domain::Dossier> Cache::recordAction(domain::Action action,
                                            const domain::Directory &directory)
{
    domain::Dossier result;
    auto st = transaction([&]() -> Check {
        auto next = detail::setting(*d->db, detail::kNextDeviceSeqKey, QStringLiteral("1"));
        if (!next)
            return next.error();
        action.deviceId = d->deviceId;
        action.deviceSeq = next.value().toLongLong();
        if (!action.deviceTime.isValid())
            action.deviceTime = QDateTime::currentDateTimeUtc();
        auto current = dossier(action.dossierId);
        if (!current)
            return current.error();
        auto applied
            = domain::apply(current.value().value_or(domain::Dossier{}), action, directory);
        if (!applied)
            return applied.error();
        result = applied.value();
        if (auto done = detail::setSetting(*d->db, detail::kNextDeviceSeqKey,
                                           QString::number(action.deviceSeq + 1));
            !done)
            return done;
        const qint64 now = detail::nowMs();
        Statement ins(*d->db,
                      "INSERT INTO actions (id, dossier_id, state, own, device_seq, json, "
                      "recorded_at) VALUES (?, ?, 'pending', 1, ?, ?, ?)");
        ins.bind(action.id.toString(QUuid::WithoutBraces))
            .bind(action.dossierId.toString(QUuid::WithoutBraces))
            .bind(action.deviceSeq)
            .bindText(detail::actionJson(action))
            .bind(now);
        if (auto done = ins.exec(); !done)
            return done;
        Statement queue(*d->db, "INSERT INTO outbox (action_id, queued_at) VALUES (?, ?)");
        queue.bind(action.id.toString(QUuid::WithoutBraces)).bind(now);
        if (auto done = queue.exec(); !done)
            return done;
        return detail::writeVisible(*d->db, result, true);
    });
    if (!st)
        return st.error();
    return result;
}

} // namespace motcua::store
