#pragma once

// Dossier search for every officer (R21): intake period, field, handling unit, deadline, status,
// procedure, citizen name, business name — each alone or combined, without diacritics. Built on the
// store's FTS4 search; the criteria the index lacks (field, names per column, deadline state) are
// applied as filters on its rows.
#include "queues.h"

namespace motcua::services {

struct SearchCriteria
{
    enum class DeadlineState {
        Any,
        Overdue,   // due before now, still running
        NearlyDue, // due within kNearlyDueWorkingDays working days, not yet overdue
        OnTime,    // not overdue (or untimed)
    };
    QDate receivedFrom; // inclusive
    QDate receivedTo;   // inclusive
    QString fieldCode;  // the procedure's field
    QString agencyCode; // handling unit: receiving or handling agency; empty = any
    QString departmentId;
    DeadlineState deadline = DeadlineState::Any;
    std::optional<domain::Status> status;
    QString procedureCode;
    QString citizenName;  // the applicant (person, or the organisation's representative)
    QString businessName; // the organisation
    QString code;         // the dossier code (R26: look up by code)

    [[nodiscard]] bool isEmpty() const;
};

// The search as a queue (paged with queuePage(), counted with countQueue()). `procedures` lists the
// catalogue, for the field criterion.
QueueDefinition searchDefinition(const SearchCriteria &criteria,
                                 const QList<domain::Procedure> &procedures, const QDateTime &now,
                                 const domain::WorkCalendar &calendar);

} // namespace motcua::services
