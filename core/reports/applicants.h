#pragma once

// The organisations and people served (R23.5), for reports and surveys: one row per applicant with
// how many dossiers they brought in the period and when the last came. An applicant is the same
// one across dossiers by the tax code of an organisation, else the personal identification number,
// else the folded name and address. QtCore and the domain only.
#include "reporttable.h"

#include <domain/entities.h>

#include <optional>

namespace motcua::reports {

// What the list reads of a dossier (received ones only: see of()).
struct ApplicantFacts
{
    qint64 receivedMs = 0;
    domain::Applicant applicant;
    static std::optional<ApplicantFacts> of(const domain::Dossier &dossier);
};

struct ApplicantQuery
{
    QDate from; // received on or after this day (Vietnam time)
    QDate to;   // … and on or before
    QString
        text; // any of name, organisation, identifier, address, phone, email; no diacritics needed
    std::optional<domain::ApplicantType> type;
};

struct ApplicantRow
{
    domain::ApplicantType type = domain::ApplicantType::Person;
    QString name;         // the person, or the organisation's representative
    QString organisation; // organisation
    QString identifier;   // tax code (organisation) or personal identification number
    QString address;
    QString phone;
    QString email;
    qint64 dossiers = 0;
    qint64 lastReceivedMs = 0;
};

// Sorted by organisation or name (Vietnamese collation of the folded text), then identifier.
QList<ApplicantRow> applicantsServed(const QList<ApplicantFacts> &facts,
                                     const ApplicantQuery &query);

// The list as a report table (for .xlsx and .csv): type, name, organisation, identifier, address,
// phone, email, dossiers, last received (dd/MM/yyyy).
ReportTable applicantTable(const QList<ApplicantRow> &rows, const ApplicantQuery &query,
                           const QString &agencyName);

} // namespace motcua::reports
