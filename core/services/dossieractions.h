#pragma once

// What an officer may do to a dossier now, and doing it: one action, one cache transaction, judged
// by the domain engine on the visible state; the sync engine pushes it later. Accepting a portal
// dossier (receive from "awaiting intake") draws its official code from the leased block in the
// same transaction.
#include "intakedraft.h"

#include <QJsonObject>

#include <domain/action.h>
#include <domain/entities.h>
#include <domain/result.h>

namespace motcua::services {

class Workstation;

class DossierActions
{
public:
    explicit DossierActions(Workstation &workstation);

    // The action types this officer may make on `dossier` now: allowed from its stage by the
    // transition chart, allowed to one of the officer's roles, in the officer's agency, and — for
    // the actions of the holder — held by this officer or nobody. Sign is left to the signing UI.
    [[nodiscard]] QList<domain::ActionType> allowedNow(const domain::Dossier &dossier) const;

    // Makes the action; the dossier as it now stands, or the engine's Error (nothing is stored).
    domain::Result<domain::Dossier> perform(const domain::Dossier &dossier, domain::ActionType type,
                                            QJsonObject payload = {});

    // Convenience for the counter's queues (R12.2, R13).
    domain::Result<domain::Dossier> acceptPortalDossier(const domain::Dossier &dossier);
    domain::Result<domain::Dossier> refuse(const domain::Dossier &dossier, const QString &reason);
    domain::Result<domain::Dossier> requestSupplement(const domain::Dossier &dossier,
                                                      const QString &reason,
                                                      const QString &content);
    // Records the supplement received (R12.2d, R15.8): the note, and what arrived per component
    // (keyed by document type code): its files go into the blob store and are added to the
    // dossier's component — one the dossier lacked is added with `original`/`copies` as entered
    // — with the values the officer confirmed from a scan (R05.1b). The recognised text of the
    // dossier's scans is indexed again (R21). One cache transaction: all of it or nothing.
    domain::Result<domain::Dossier>
    recordSupplement(const domain::Dossier &dossier, const QString &note,
                     const QMap<QString, ComponentEntry> &arrived = {});
    // Records that slip `form` (a domain::slipKinds() key) was printed or saved as PDF, `copies`
    // copies, on the dossier as it now stands in the cache: a reprint when the dossier already
    // lists a print of that form (R19, issue 5 item 8). Queued like every action (offline too).
    domain::Result<domain::Dossier> recordPrint(const QUuid &dossierId, const QString &form,
                                                int copies);
    domain::Result<domain::Dossier> passOn(const domain::Dossier &dossier,
                                           const QString &agencyCode, const QString &departmentId,
                                           const QString &note);

private:
    Workstation &m_ws;
};

} // namespace motcua::services
