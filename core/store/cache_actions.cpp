// This device's actions through push and pull: pending → accepted → confirmed, or rejected → a
// conflict; applying the pulled change feed and advancing the cursor in one transaction.
#include "cache_private.h"

#include <QJsonDocument>
#include <QSet>

namespace motcua::store {

using domain::makeError;

QString actionStateKey(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        return QStringLiteral("pending");
    case ActionState::Accepted:
        return QStringLiteral("accepted");
    case ActionState::Confirmed:
        return QStringLiteral("confirmed");
    case ActionState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

namespace {

ActionState stateFromKey(const QString &key)
{
    if (key == QLatin1String("accepted"))
        return ActionState::Accepted;
    if (key == QLatin1String("confirmed"))
        return ActionState::Confirmed;
    if (key == QLatin1String("rejected"))
        return ActionState::Rejected;
    return ActionState::Pending;
}

// Columns: json, state, seq, server_version, attempts, last_error, replay_error, recorded_at.
Result<QList<LocalAction>> readActions(Statement &q)
{
    QList<LocalAction> out;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        auto action = detail::parseAction(q.bytes(0));
        if (!action)
            return action.error();
        LocalAction a;
        a.action = action.value();
        a.state = stateFromKey(q.text(1));
        a.seq = q.integer(2);
        a.serverVersion = int(q.integer(3));
        a.attempts = int(q.integer(4));
        a.lastError = q.text(5);
        a.replayError = q.text(6);
        a.recordedAt = detail::fromMs(q.integer(7));
        out.append(a);
    }
}

domain::Error unknownAction(const QUuid &id)
{
    auto e = makeError(QStringLiteral("cache.unknown_action"),
                       QStringLiteral("Không tìm thấy thao tác này trong bộ đệm cục bộ."));
    e.details.insert(QStringLiteral("actionId"), id.toString(QUuid::WithoutBraces));
    return e;
}

} // namespace

Result<QList<LocalAction>> Cache::unconfirmedActions(const QUuid &dossierId)
{
    Statement q(*d->db, R"sql(SELECT a.json, a.state, a.seq, a.server_version,
        coalesce(o.attempts, 0), coalesce(o.last_error, ''), a.replay_error, a.recorded_at
        FROM actions a LEFT JOIN outbox o ON o.action_id = a.id
        WHERE a.dossier_id = ? AND a.own = 1 AND a.state IN ('pending', 'accepted')
        ORDER BY a.n)sql");
    q.bind(dossierId.toString(QUuid::WithoutBraces));
    return readActions(q);
}

Result<QList<LocalAction>> Cache::pendingActions(int limit)
{
    Statement q(*d->db, R"sql(SELECT a.json, a.state, a.seq, a.server_version, o.attempts,
        o.last_error, a.replay_error, a.recorded_at
        FROM actions a JOIN outbox o ON o.action_id = a.id
        WHERE a.state = 'pending' ORDER BY a.n LIMIT ?)sql");
    q.bind(qMax(1, limit));
    return readActions(q);
}

Result<qint64> Cache::pendingCount()
{
    return d->db->scalar("SELECT count(*) FROM actions WHERE state = 'pending'");
}

Check Cache::markAccepted(const QUuid &actionId, qint64 seq, int version)
{
    const QString id = actionId.toString(QUuid::WithoutBraces);
    return transaction([&]() -> Check {
        Statement find(*d->db, "SELECT state FROM actions WHERE id = ? AND own = 1");
        find.bind(id);
        auto row = find.step();
        if (!row)
            return row.error();
        if (!row.value())
            return unknownAction(actionId);
        const QString state = find.text(0);
        if (state == QLatin1String("pending")) {
            Statement up(*d->db,
                         "UPDATE OR FAIL actions SET state = 'accepted', seq = ?, "
                         "server_version = ? WHERE id = ?");
            up.bind(seq).bind(version).bind(id);
            if (auto st = up.exec(); !st)
                return st;
        }
        Statement del(*d->db, "DELETE FROM outbox WHERE action_id = ?");
        del.bind(id);
        return del.exec();
    });
}

Check Cache::markRejected(const QUuid &actionId, const QString &reasonCode, const QString &message,
                          const QString &field, const domain::Directory &directory)
{
    const QString id = actionId.toString(QUuid::WithoutBraces);
    return transaction([&]() -> Check {
        QString dossierId;
        QByteArray json;
        {
            Statement find(*d->db,
                           "SELECT dossier_id, json, state FROM actions WHERE id = ? AND "
                           "own = 1");
            find.bind(id);
            auto row = find.step();
            if (!row)
                return row.error();
            if (!row.value())
                return unknownAction(actionId);
            if (find.text(2) != QLatin1String("pending")
                && find.text(2) != QLatin1String("accepted"))
                return {}; // already decided
            dossierId = find.text(0);
            json = find.bytes(1);
        }
        Statement up(*d->db, "UPDATE OR FAIL actions SET state = 'rejected' WHERE id = ?");
        up.bind(id);
        if (auto st = up.exec(); !st)
            return st;
        Statement del(*d->db, "DELETE FROM outbox WHERE action_id = ?");
        del.bind(id);
        if (auto st = del.exec(); !st)
            return st;
        QString code;
        {
            Statement c(*d->db, "SELECT coalesce(code, '') FROM dossiers WHERE id = ?");
            c.bind(dossierId);
            auto row = c.step();
            if (!row)
                return row.error();
            if (row.value())
                code = c.text(0);
        }
        Statement ins(*d->db, R"sql(INSERT INTO conflicts (dossier_id, dossier_code, action_id,
            action_json, reason_code, message, field, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql");
        ins.bind(dossierId).bind(code).bind(id).bindText(json).bind(reasonCode).bind(message);
        ins.bind(field).bind(detail::nowMs());
        if (auto st = ins.exec(); !st)
            return st;
        return detail::rebuildVisible(*d->db, QUuid(dossierId), directory);
    });
}

Check Cache::recordPushFailure(const QUuid &actionId, const QString &error)
{
    Statement up(*d->db,
                 "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                 "last_attempt_at = ? WHERE action_id = ?");
    up.bind(error).bind(detail::nowMs()).bind(actionId.toString(QUuid::WithoutBraces));
    if (auto st = up.exec(); !st)
        return st;
    if (d->db->changes() == 0)
        return unknownAction(actionId);
    return {};
}

namespace {

// The JSON to store for a pulled action: the server's, as it came, else encoded here.
QByteArray pulledActionJson(const PulledChange &c)
{
    return c.actionObject.isEmpty() ? detail::actionJson(c.action)
                                    : QJsonDocument(c.actionObject).toJson(QJsonDocument::Compact);
}

// The text to store for a pulled dossier: the server's, as it came, else encoded here.
QByteArray pulledDossierJson(const QByteArray &sent, const domain::Dossier &dossier)
{
    return sent.isEmpty() ? detail::dossierJson(dossier) : sent;
}

// Stores the confirmed state of a dossier at `seq` (newer than what is held). Returns whether the
// visible state needs a replay (the dossier has unconfirmed actions of this device).
// `sent`: the server's text of the dossier (empty: encoded here, and only if it is written).
Result<bool> writeConfirmed(Database &db, qint64 seq, const domain::Dossier &dossier,
                            const QByteArray &sent)
{
    const QString id = dossier.id.toString(QUuid::WithoutBraces);
    qint64 heldSeq = -1;
    bool pending = false;
    {
        Statement find(db, "SELECT confirmed_seq, has_pending FROM dossiers WHERE id = ?");
        find.bind(id);
        auto row = find.step();
        if (!row)
            return row.error();
        if (row.value()) {
            heldSeq = find.integer(0);
            pending = find.integer(1) != 0;
        }
    }
    if (heldSeq >= seq)
        return pending;
    if (!pending) {
        const detail::ConfirmedAt at{seq, dossier.version};
        if (auto st
            = detail::writeVisible(db, dossier, false, pulledDossierJson(sent, dossier), &at);
            !st)
            return st.error();
        return false; // writeVisible(…, false) left confirmed_json NULL: json is the confirmed
    }
    Statement up(
        db, "UPDATE OR FAIL dossiers SET confirmed_seq = ?, confirmed_version = ? WHERE id = ?");
    up.bind(seq).bind(dossier.version).bind(id);
    if (auto st = up.exec(); !st)
        return st.error();
    Statement doc(db,
                  "UPDATE OR FAIL dossier_docs SET confirmed_json = ? WHERE rowid = (SELECT rowid "
                  "FROM dossiers WHERE id = ?)");
    doc.bindText(pulledDossierJson(sent, dossier)).bind(id);
    if (auto st = doc.exec(); !st)
        return st.error();
    return true;
}

// The pull cursor moves forward only.
Check advanceCursor(Database &db, qint64 to)
{
    auto current = detail::setting(db, detail::kCursorKey, QStringLiteral("0"));
    if (!current)
        return current.error();
    if (to > current.value().toLongLong())
        return detail::setSetting(db, detail::kCursorKey, QString::number(to));
    return {};
}

Check confirmApplied(Database &db, const domain::Dossier &dossier)
{
    QStringList applied;
    {
        Statement q(db,
                    "SELECT id FROM actions WHERE dossier_id = ? AND own = 1 AND state IN "
                    "('pending', 'accepted')");
        q.bind(dossier.id.toString(QUuid::WithoutBraces));
        for (;;) {
            auto row = q.step();
            if (!row)
                return row.error();
            if (!row.value())
                break;
            if (dossier.hasApplied(QUuid(q.text(0))))
                applied.append(q.text(0));
        }
    }
    for (const QString &id : std::as_const(applied)) {
        Statement up(db,
                     "UPDATE OR FAIL actions SET state = 'confirmed', replay_error = '' WHERE "
                     "id = ?");
        up.bind(id);
        if (auto st = up.exec(); !st)
            return st;
        Statement del(db, "DELETE FROM outbox WHERE action_id = ?");
        del.bind(id);
        if (auto st = del.exec(); !st)
            return st;
    }
    return {};
}

} // namespace

Check Cache::applyChanges(const QList<PulledChange> &changes, qint64 nextCursor,
                          const domain::Directory &directory)
{
    return transaction([&]() -> Check {
        QSet<QUuid> replay;
        QHash<QUuid, qsizetype> latest; // dossier → index of its newest change in this batch
        const qint64 now = detail::nowMs();
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const PulledChange &c = changes.at(i);
            const QString id = c.action.id.toString(QUuid::WithoutBraces);
            Statement find(*d->db, "SELECT own, state FROM actions WHERE id = ?");
            find.bind(id);
            auto row = find.step();
            if (!row)
                return row.error();
            if (!row.value()) {
                Statement ins(*d->db, R"sql(INSERT INTO actions (id, dossier_id, state, own,
                    device_seq, seq, server_version, json, recorded_at)
                    VALUES (?, ?, 'confirmed', 0, ?, ?, ?, ?, ?))sql");
                ins.bind(id).bind(c.action.dossierId.toString(QUuid::WithoutBraces));
                ins.bind(c.action.deviceSeq).bind(c.seq).bind(c.dossier.version);
                ins.bindText(pulledActionJson(c)).bind(now);
                if (auto st = ins.exec(); !st)
                    return st;
            } else if (find.integer(0) == 1 && find.text(1) != QLatin1String("confirmed")) {
                Statement up(*d->db,
                             "UPDATE OR FAIL actions SET state = 'confirmed', seq = ?, "
                             "server_version = ?, replay_error = '' WHERE id = ?");
                up.bind(c.seq).bind(c.dossier.version).bind(id);
                if (auto st = up.exec(); !st)
                    return st;
                Statement del(*d->db, "DELETE FROM outbox WHERE action_id = ?");
                del.bind(id);
                if (auto st = del.exec(); !st)
                    return st;
                replay.insert(c.dossier.id);
            }
            const auto it = latest.constFind(c.dossier.id);
            if (it == latest.constEnd() || changes.at(*it).seq < c.seq)
                latest.insert(c.dossier.id, i);
        }
        // Each dossier once, at its newest state in the batch, in feed order (rowid follows it).
        QList<qsizetype> order = latest.values();
        std::sort(order.begin(), order.end());
        for (const qsizetype i : order) {
            const PulledChange &c = changes.at(i);
            auto needsReplay = writeConfirmed(*d->db, c.seq, c.dossier, c.dossierJson);
            if (!needsReplay)
                return needsReplay.error();
            if (needsReplay.value())
                replay.insert(changes.at(i).dossier.id);
        }
        for (const QUuid &id : std::as_const(replay)) {
            if (auto st = detail::rebuildVisible(*d->db, id, directory); !st)
                return st;
        }
        return advanceCursor(*d->db, nextCursor);
    });
}

Check Cache::applySnapshot(const QList<PulledDossier> &dossiers, const SnapshotProgress &progress,
                           bool last, const domain::Directory &directory)
{
    return transaction([&]() -> Check {
        for (const PulledDossier &p : dossiers) {
            // This device's actions the server has applied: confirmed here (the feed that would
            // have confirmed them lies before the snapshot's seq).
            if (auto st = confirmApplied(*d->db, p.dossier); !st)
                return st;
            auto needsReplay = writeConfirmed(*d->db, p.seq, p.dossier, p.json);
            if (!needsReplay)
                return needsReplay.error();
            if (needsReplay.value()) {
                if (auto st = detail::rebuildVisible(*d->db, p.dossier.id, directory); !st)
                    return st;
            }
        }
        if (!last) {
            if (auto st = detail::setSetting(*d->db, detail::kSnapshotSeqKey,
                                             QString::number(progress.seq));
                !st)
                return st;
            return detail::setSetting(*d->db, detail::kSnapshotAfterKey, progress.after);
        }
        Statement clear(*d->db, "DELETE FROM settings WHERE key IN (?, ?)");
        clear.bind(QString::fromLatin1(detail::kSnapshotSeqKey))
            .bind(QString::fromLatin1(detail::kSnapshotAfterKey));
        if (auto st = clear.exec(); !st)
            return st;
        return advanceCursor(*d->db, progress.seq);
    });
}

Result<std::optional<SnapshotProgress>> Cache::snapshotProgress()
{
    auto seq = detail::setting(*d->db, detail::kSnapshotSeqKey, QString());
    if (!seq)
        return seq.error();
    if (seq.value().isEmpty())
        return std::optional<SnapshotProgress>();
    auto after = detail::setting(*d->db, detail::kSnapshotAfterKey, QString());
    if (!after)
        return after.error();
    return std::optional<SnapshotProgress>(
        SnapshotProgress{seq.value().toLongLong(), after.value()});
}

Result<QList<Conflict>> Cache::conflicts(bool includeResolved)
{
    Statement q(*d->db, R"sql(SELECT id, dossier_id, dossier_code, action_json, reason_code,
        message, field, at, resolved FROM conflicts WHERE resolved = 0 OR ? = 1 ORDER BY id)sql");
    q.bind(int(includeResolved));
    QList<Conflict> out;
    for (;;) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        auto action = detail::parseAction(q.bytes(3));
        if (!action)
            return action.error();
        out.append({q.integer(0), QUuid(q.text(1)), q.text(2), action.value(), q.text(4), q.text(5),
                    q.text(6), detail::fromMs(q.integer(7)), q.integer(8) != 0});
    }
}

Check Cache::resolveConflict(qint64 id)
{
    Statement up(*d->db, "UPDATE conflicts SET resolved = 1 WHERE id = ?");
    up.bind(id);
    if (auto st = up.exec(); !st)
        return st;
    if (d->db->changes() == 0) {
        return makeError(QStringLiteral("cache.unknown_conflict"),
                         QStringLiteral("Không tìm thấy xung đột này."));
    }
    return {};
}

} // namespace motcua::store
