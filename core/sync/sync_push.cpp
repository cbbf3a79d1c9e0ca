// Push side of a round: blobs first (an action never reaches the server before the files it
// references), then the outbox in batches, in device order; each answer rebases the cache.
#include "api_errors.h"
#include "logging.h"
#include "sync_engine.h"

#include <QJsonArray>
#include <QJsonObject>

namespace motcua::sync {

using domain::Result;

namespace {

// Every content address an action's payload mentions ("sha256", "fileSha256", at any depth).
void collectBlobs(const QJsonValue &value, QSet<QString> &out)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectBlobs(v, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if ((it.key() == QLatin1String("sha256") || it.key() == QLatin1String("fileSha256"))
            && it.value().isString()) {
            out.insert(it.value().toString());
        } else {
            collectBlobs(it.value(), out);
        }
    }
}

constexpr int kScanLimit = 2000; // pending actions looked at to fill one batch

} // namespace

void SyncEngine::stepBlobs()
{
    auto queue = m_cache->blobsToUpload();
    if (!queue) {
        fail(QStringLiteral("blobs"), queue.error());
        return;
    }
    if (!queue->isEmpty())
        setPhase(Phase::Blobs);
    uploadNextBlob(std::move(queue).value());
}

void SyncEngine::uploadNextBlob(QList<store::BlobInfo> queue)
{
    if (queue.isEmpty()) {
        stepPush();
        return;
    }
    const store::BlobInfo info = queue.takeFirst();
    auto bytes = m_cache->blob(info.sha256);
    if (!bytes) {
        // Damaged locally: its actions wait (stuck), the other blobs go on.
        qCWarning(lcBlobs).noquote()
            << "cannot read blob" << info.sha256.left(12) << ":" << bytes.error().code;
        m_blobsFailed.insert(info.sha256);
        if (m_stuck.failed(QStringLiteral("blob:") + info.sha256, bytes.error()))
            Q_EMIT stuck(*m_stuck.stuck());
        uploadNextBlob(std::move(queue));
        return;
    }
    auto *call = uploadBlob(*m_api, info.sha256, bytes.value(), m_options.blobs);
    track(call);
    const quint64 generation = m_generation;
    whenDone(call, this, [this, generation, info, queue](const Result<BlobState> &r) mutable {
        if (!current(generation))
            return;
        const QString item = QStringLiteral("blob:") + info.sha256;
        if (!r) {
            if (isTransient(r.error()) || isSessionError(r.error())) {
                fail(item, r.error());
                return;
            }
            // Refused for good (too large, hash mismatch): its actions wait, exposed as stuck.
            m_blobsFailed.insert(info.sha256);
            if (m_stuck.failed(item, r.error()))
                Q_EMIT stuck(*m_stuck.stuck());
        } else if (auto st = m_cache->markBlobUploaded(info.sha256); !st) {
            fail(item, st.error());
            return;
        } else if (m_stuck.succeeded(item)) {
            Q_EMIT unstuck();
        }
        uploadNextBlob(std::move(queue));
    });
}

Result<QList<store::LocalAction>> SyncEngine::nextBatch()
{
    auto pending = m_cache->pendingActions(kScanLimit);
    if (!pending)
        return pending.error();
    const QString me = m_api->session().officer.id;
    QSet<QString> notUploaded = m_blobsFailed;
    if (auto queue = m_cache->blobsToUpload(); queue) {
        for (const auto &b : queue.value())
            notUploaded.insert(b.sha256);
    }
    QSet<QUuid> blocked; // dossiers whose next action must wait
    QList<store::LocalAction> batch;
    for (const store::LocalAction &a : pending.value()) {
        if (batch.size() >= m_options.pushBatch)
            break;
        const QUuid dossier = a.action.dossierId;
        if (blocked.contains(dossier))
            continue;
        bool ready = a.action.actorId == me && !m_heldBack.contains(a.action.id);
        if (ready && !notUploaded.isEmpty()) {
            QSet<QString> blobs;
            collectBlobs(a.action.payload, blobs);
            ready = !blobs.intersects(notUploaded);
        }
        if (!ready) {
            blocked.insert(dossier);
            continue;
        }
        batch.append(a);
    }
    return batch;
}

void SyncEngine::stepPush()
{
    auto batch = nextBatch();
    if (!batch) {
        fail(QStringLiteral("push"), batch.error());
        return;
    }
    if (batch->isEmpty()) {
        stepPull();
        return;
    }
    setPhase(Phase::Pushing);
    QList<domain::Action> actions;
    actions.reserve(batch->size());
    for (const auto &a : batch.value())
        actions.append(a.action);
    qCDebug(lcEngine) << "pushing" << actions.size() << "actions";
    auto *call = m_api->push(actions);
    track(call);
    const quint64 generation = m_generation;
    whenDone(call, this,
             [this, generation, batch = batch.value()](const Result<QList<PushOutcome>> &r) {
                 if (current(generation))
                     pushAnswered(batch, r);
             });
}

void SyncEngine::pushAnswered(const QList<store::LocalAction> &batch,
                              const Result<QList<PushOutcome>> &answer)
{
    if (!answer) {
        // No verdict: the batch stays pending. The first action carries the attempt (and the
        // "stuck" count); a 400 naming another action of the batch charges that one.
        qsizetype at = 0;
        const QString &field = answer.error().field;
        if (field.startsWith(QLatin1String("actions["))) {
            const qsizetype end = field.indexOf(QLatin1Char(']'));
            at = qBound<qsizetype>(0, field.mid(8, end - 8).toLongLong(), batch.size() - 1);
        }
        const QUuid id = batch.at(at).action.id;
        if (auto st = m_cache->recordPushFailure(id, answer.error().message); !st)
            qCWarning(lcEngine) << "cannot record the push failure:" << st.error().code;
        fail(QStringLiteral("action:") + id.toString(QUuid::WithoutBraces), answer.error());
        return;
    }
    QSet<QUuid> rejected;
    QList<QUuid> dossiers;
    for (const PushOutcome &o : answer.value()) {
        domain::Check st;
        if (o.status == PushOutcome::Status::Rejected
            && o.code == QLatin1String("server.unavailable")) {
            // Not a verdict: the server could not write it. It stays pending and the round
            // retries later; the server stopped there, so nothing after it was judged.
            st = m_cache->recordPushFailure(o.actionId, o.message);
            if (st) {
                refreshPendingCount();
                fail(QStringLiteral("action:") + o.actionId.toString(QUuid::WithoutBraces),
                     domain::makeError(o.code, o.message));
                if (!rejected.isEmpty())
                    reportConflicts(rejected);
                return;
            }
        } else if (o.status != PushOutcome::Status::Rejected) {
            st = m_cache->markAccepted(o.actionId, o.seq, o.version);
        } else if (o.code == QLatin1String("action.actor_mismatch")) {
            // Not a verdict on the action: it waits for its own officer's session.
            st = m_cache->recordPushFailure(o.actionId, o.message);
            m_heldBack.insert(o.actionId);
        } else {
            qCInfo(lcEngine).noquote()
                << "action" << o.actionId.toString(QUuid::WithoutBraces) << "rejected:" << o.code;
            st = m_cache->markRejected(o.actionId, o.code, o.message, o.field, *m_directory);
            rejected.insert(o.actionId);
        }
        if (!st) {
            fail(QStringLiteral("action:") + o.actionId.toString(QUuid::WithoutBraces), st.error());
            return;
        }
    }
    for (const auto &a : batch) {
        if (!dossiers.contains(a.action.dossierId))
            dossiers.append(a.action.dossierId);
    }
    if (m_stuck.succeeded(QStringLiteral("action:")
                          + batch.first().action.id.toString(QUuid::WithoutBraces)))
        Q_EMIT unstuck();
    refreshPendingCount();
    if (!rejected.isEmpty()) {
        reportConflicts(rejected);
        Q_EMIT dossiersChanged(dossiers);
    }
    stepPush(); // the next batch, or the pull when none is left
}

} // namespace motcua::sync
