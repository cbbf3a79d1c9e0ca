#include "dossiersearch.h"

#include <domain/folding.h>

namespace motcua::services {

bool SearchCriteria::isEmpty() const
{
    return !receivedFrom.isValid() && !receivedTo.isValid() && fieldCode.isEmpty()
        && agencyCode.isEmpty() && departmentId.isEmpty() && deadline == DeadlineState::Any
        && !status && procedureCode.isEmpty() && citizenName.trimmed().isEmpty()
        && businessName.trimmed().isEmpty() && code.trimmed().isEmpty();
}

QueueDefinition searchDefinition(const SearchCriteria &c,
                                 const QList<domain::Procedure> &procedures, const QDateTime &now,
                                 const domain::WorkCalendar &calendar)
{
    QueueDefinition q{QueueId::CounterAll, domain::Role::Counter, {}, {}, {}};
    store::SearchQuery &s = q.query;
    s.receivedFrom = c.receivedFrom;
    s.receivedTo = c.receivedTo;
    s.agencyCode = c.agencyCode;
    s.departmentId = c.departmentId;
    if (c.status)
        s.statuses = {*c.status};
    if (!c.procedureCode.isEmpty())
        s.procedureCodes = {c.procedureCode};
    if (!c.fieldCode.isEmpty()) {
        QStringList inField;
        for (const auto &p : procedures) {
            if (p.fieldCode == c.fieldCode)
                inField << p.code;
        }
        if (!s.procedureCodes.isEmpty()) {
            // both criteria: the procedure must be in the field
            if (!inField.contains(c.procedureCode))
                inField.clear();
            else
                inField = s.procedureCodes;
        }
        // No procedure in the field: a code that matches nothing keeps the answer empty.
        s.procedureCodes = inField.isEmpty() ? QStringList{QStringLiteral("\x01none")} : inField;
    }
    QStringList text{c.code.trimmed(), c.citizenName.trimmed(), c.businessName.trimmed()};
    text.removeAll(QString());
    s.text = text.join(QLatin1Char(' '));

    QList<domain::Stage> running;
    for (auto st : domain::allStages()) {
        if (domain::isClockRunning(st))
            running.append(st);
    }
    using DS = SearchCriteria::DeadlineState;
    if (c.deadline == DS::Overdue || c.deadline == DS::NearlyDue) {
        if (s.stages.isEmpty())
            s.stages = running;
        s.dueBefore
            = c.deadline == DS::Overdue ? now : calendar.addWorkingDays(now, kNearlyDueWorkingDays);
    }
    const QString citizen = domain::foldForSearch(c.citizenName);
    const QString business = domain::foldForSearch(c.businessName);
    const auto deadline = c.deadline;
    q.summaryFilter = [citizen, business, deadline, now](const store::DossierSummary &d) {
        if (!citizen.isEmpty() && !domain::foldForSearch(d.applicantName).contains(citizen))
            return false;
        if (!business.isEmpty() && !domain::foldForSearch(d.organisationName).contains(business))
            return false;
        if ((deadline == DS::NearlyDue || deadline == DS::OnTime) && d.dueAt.isValid()
            && d.dueAt < now)
            return false;
        return true;
    };
    return q;
}

} // namespace motcua::services
