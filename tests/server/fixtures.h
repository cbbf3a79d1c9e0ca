#pragma once

// Catalogue and action fixtures for the storage tests, built on domain::demo.
#include "testdb.h"

#include <QList>

#include <catalogue_store.h>
#include <domain/action.h>
#include <domain/entities.h>
#include <sync_store.h>

#include <memory>

namespace motcua::test {

// A procedure whose competent agency is the service centre itself (a dossier stays there until
// it is transferred): code "9.000001", one mandatory component "TK".
inline const QString kCentreProcedure = QStringLiteral("9.000001");

// Puts domain::demo's agencies, officers and procedures (plus kCentreProcedure) into the store.
// Officers get `passwordHash` (a placeholder by default: nobody can log in).
server::Check seedCatalogue(server::CatalogueStore &store,
                            const QString &passwordHash = QStringLiteral("!"));

// domain::demo's officer `id` ("counter1", "head1", …).
domain::Officer demoOfficer(const QString &id);

// domain::demo's journey (intake at the centre → result returned) for a new dossier number `n`:
// fresh action UUIDs, a new dossier id, and the code 000.17.22.H56-<date>-<seq> unique for n.
QList<domain::Action> journey(int n);

// An intake at the centre of a kCentreProcedure dossier numbered `n`, and its transfer to the
// Department of Justice (baseVersion 1).
domain::Action centreReceive(int n);
domain::Action transferToJustice(const domain::Action &receive);

// A migrated database with the demo catalogue, its directory and the sync store.
struct SyncFixture
{
    std::unique_ptr<server::Database> db;
    std::unique_ptr<server::CatalogueStore> catalogue;
    std::unique_ptr<server::DbDirectory> directory;
    std::unique_ptr<server::SyncStore> sync;
    bool ok = false;

    explicit SyncFixture(const TestDb &t);
};

} // namespace motcua::test
