// Pull side of a round: the catalogues the engine judges actions with (catalogues.cpp), and the
// change feed from the stored cursor, page by page (the next page is fetched while the previous
// one is applied). A first sync reads the agency's dossiers as they stand first (the snapshot:
// one row per dossier instead of every change since the start), then the feed from its seq.
#include "api_errors.h"
#include "logging.h"
#include "sync_engine.h"

#include <QJsonDocument>

#include <domain/json.h>

namespace motcua::sync {

using domain::Check;
using domain::Result;

Check SyncEngine::loadDirectory()
{
    auto dir = directoryFromCache(*m_cache);
    if (!dir)
        return dir.error();
    m_directory = std::move(dir).value();
    return {};
}

void SyncEngine::stepCatalogues()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_directory && m_cataloguesAt.isValid()
        && m_cataloguesAt.msecsTo(now) < m_options.catalogueMaxAgeMs) {
        stepBlobs();
        return;
    }
    setPhase(Phase::Catalogues);
    const quint64 generation = m_generation;
    fetchCatalogues(*m_api, this, [this, generation, now](const Result<Catalogues> &fetched) {
        if (!current(generation))
            return;
        if (!fetched) {
            fail(QStringLiteral("catalogues"), fetched.error());
            return;
        }
        const Catalogues &c = fetched.value();
        if (auto st = storeCatalogues(*m_cache, c); !st) {
            fail(QStringLiteral("catalogues"), st.error());
            return;
        }
        if (auto st = loadDirectory(); !st) {
            fail(QStringLiteral("catalogues"), st.error());
            return;
        }
        m_cataloguesAt = now;
        qCInfo(lcEngine) << "catalogues refreshed:" << c.agencies.size() << "agencies,"
                         << c.procedures.size() << "procedures," << c.officers.size() << "officers";
        stepBlobs();
    });
}

void SyncEngine::stepPull()
{
    setPhase(Phase::Pulling);
    auto cursor = m_cache->cursor();
    if (!cursor) {
        fail(QStringLiteral("pull"), cursor.error());
        return;
    }
    m_initialPull = cursor.value() == 0;
    if (m_initialPull && m_options.snapshot) {
        auto progress = m_cache->snapshotProgress();
        if (!progress) {
            fail(QStringLiteral("pull"), progress.error());
            return;
        }
        const auto p = progress.value().value_or(store::SnapshotProgress{});
        startSnapshot(p.after, p.seq);
        return;
    }
    requestPage(cursor.value());
}

void SyncEngine::startSnapshot(const QString &after, qint64 seq)
{
    ApiClient::Options api = m_options.api;
    api.session = m_api->sessionHolder(); // one session, one refresh at a time
    const quint64 generation = m_generation;
    const quint64 run = ++m_snapshotRun; // a page still queued from an earlier reader is ignored
    m_snapshot = std::make_unique<SnapshotReader>(
        api, m_options.snapshotPage, 3, this,
        [this, generation, run](const QString &from, qint64 firstSeq,
                                const Result<SnapshotPage> &page) {
            if (current(generation) && m_snapshot && run == m_snapshotRun)
                snapshotAnswered(from, firstSeq, page);
        });
    m_snapshot->start(after, seq);
}

void SyncEngine::snapshotAnswered(const QString &after, qint64 seq,
                                  const Result<SnapshotPage> &answer)
{
    const QString item = QStringLiteral("snapshot@%1").arg(after);
    if (!answer) {
        // A server without the snapshot (an older version): the whole feed, as before.
        m_snapshot.reset();
        if (httpStatusOf(answer.error()) == 404 && after.isEmpty()) {
            qCInfo(lcEngine) << "no snapshot on this server: pulling the whole feed";
            requestPage(0);
            return;
        }
        fail(item, answer.error());
        return;
    }
    const SnapshotPage &page = answer.value();
    const store::SnapshotProgress progress{seq > 0 ? seq : page.seq, page.next};
    QList<store::PulledDossier> dossiers;
    dossiers.reserve(page.dossiers.size());
    QList<QUuid> ids;
    ids.reserve(page.dossiers.size());
    for (const SnapshotDossier &d : page.dossiers) {
        dossiers.append({d.seq, d.dossier, d.json});
        ids.append(d.dossier.id);
    }
    if (auto st = m_cache->applySnapshot(dossiers, progress, !page.more, *m_directory); !st) {
        qCWarning(lcEngine) << "cannot store the snapshot page:" << st.error().code;
        fail(item, st.error());
        return;
    }
    if (page.more)
        m_snapshot->pageStored();
    else
        m_snapshot.reset();
    if (m_stuck.succeeded(item))
        Q_EMIT unstuck();
    if (!ids.isEmpty()) {
        m_pulledThisRound += ids.size();
        Q_EMIT pullProgress(m_pulledThisRound, progress.seq);
        Q_EMIT dossiersChanged(ids);
    }
    if (!page.more) {
        qCInfo(lcEngine) << "snapshot stored:" << m_pulledThisRound
                         << "dossiers; the feed continues after" << progress.seq;
        requestPage(progress.seq);
    }
}

void SyncEngine::requestPage(qint64 after)
{
    const quint64 generation = m_generation;
    // The next page is asked for as soon as this answer's envelope is read: it travels and the
    // server prepares it while this one is decoded and written.
    auto *call
        = m_api->changes(after, m_options.pullPage, [this, generation](qint64 next, bool more) {
              if (more && current(generation))
                  requestPage(next);
          });
    track(call);
    whenDone(call, this, [this, generation, after](const Result<ChangesPage> &page) {
        if (current(generation))
            pullAnswered(after, page);
    });
    m_prefetch = call;
}

void SyncEngine::pullAnswered(qint64 after, const Result<ChangesPage> &answer)
{
    const QString item = QStringLiteral("pull@%1").arg(after);
    if (!answer) {
        fail(item, answer.error());
        return;
    }
    const ChangesPage &page = answer.value(); // the next one is on its way (requestPage)

    QList<store::PulledChange> changes;
    changes.reserve(page.changes.size());
    QList<QUuid> dossiers;
    QSet<QUuid> seen;
    for (const Change &c : page.changes) {
        changes.append({c.seq, c.action, c.dossier, c.actionObject, c.dossierJson});
        if (!seen.contains(c.dossier.id)) {
            seen.insert(c.dossier.id);
            dossiers.append(c.dossier.id);
        }
    }
    if (auto st = m_cache->applyChanges(changes, page.nextAfter, *m_directory); !st) {
        qCWarning(lcEngine) << "cannot apply pulled changes:" << st.error().code;
        fail(item, st.error());
        return;
    }
    if (m_stuck.succeeded(item))
        Q_EMIT unstuck();
    if (!changes.isEmpty()) {
        m_pulledThisRound += changes.size();
        Q_EMIT pullProgress(m_pulledThisRound, page.nextAfter);
        Q_EMIT dossiersChanged(dossiers);
    }
    if (!page.more) {
        // After the first pull of a workstation (the whole agency at once), the planner's
        // statistics and the search index's segments are those of an empty cache: refresh them.
        if (m_initialPull && m_pulledThisRound > 0) {
            m_initialPull = false;
            if (auto st = m_cache->optimize(); !st)
                qCWarning(lcEngine) << "cannot optimise the cache:" << st.error().code;
        }
        stepLease();
    }
}

} // namespace motcua::sync
