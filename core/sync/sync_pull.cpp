// Pull side of a round: the catalogues the engine judges actions with (catalogues.cpp), and the
// change feed from the stored cursor, page by page (the next page is fetched while the previous
// one is applied).
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
    requestPage(cursor.value());
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
        changes.append({c.seq, c.action, c.dossier, c.actionObject, c.dossierObject});
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
