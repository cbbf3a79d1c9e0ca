#pragma once

// A small, hand-checked set of dossiers for the statistics tests, each made by the domain engine
// from real actions (so due instants come from the work calendar with Tết, pauses and extensions).
#include <QHash>
#include <QString>

#include <domain/demo.h>
#include <domain/engine.h>

namespace motcua::reports::testdata {

QDateTime vn(int y, int m, int d, int h, int min);

// Letter → dossier. See statsdata.cpp for what each one goes through and the expected figures.
// The demo province on the shipped work calendar (resources/calendar/vn-holidays.json: 02/01/2026
// off, Saturday 10/01/2026 worked), as the server's demo seed has it.
struct Dataset
{
    domain::InMemoryDirectory directory = domain::demo::directory();
    QHash<QString, domain::Dossier> dossiers;
    QList<domain::Action> actions; // every accepted action, in order (to push to a server)
    QString error;                 // the first action the engine refused, if any
};
Dataset build();

} // namespace motcua::reports::testdata
