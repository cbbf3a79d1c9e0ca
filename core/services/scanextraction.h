#pragma once

// Data read off a digitised document (R05.1b, R15.6), for the officer to confirm: a CCCD's QR code
// fills the applicant exactly (readCccdImage); for other documents, values for the component's
// fields are proposed from the OCR text: identification numbers, dd/MM/yyyy dates by what precedes
// them (birth, issue, validity), and the name after "Họ và tên". Nothing is applied unconfirmed.
#include <QImage>
#include <QList>
#include <QString>

#include <domain/cccd.h>
#include <domain/entities.h>

#include <optional>

namespace motcua::services {

struct ProposedValue
{
    QString field;   // the Component member: holderId, holderName, holderBirthYear, issueDate,
                     // validUntil; or "date" for a date whose meaning is not told
    QString label;   // Vietnamese, for the confirmation list
    QString value;   // as it will be stored: digits, a name, "dd/MM/yyyy", a year
    QString context; // the OCR line it was read from
    bool operator==(const ProposedValue &) const = default;
};

struct ScanExtraction
{
    std::optional<domain::CccdCard> card; // the page holds a CCCD QR code
    QList<ProposedValue> proposals;
};

QList<ProposedValue> proposeValues(const QString &ocrText);
// Both: the QR code of `page` (if any) and proposals from `ocrText`.
ScanExtraction extractFromPage(const QImage &page, const QString &ocrText);
// Writes the proposals the officer accepted into the component; returns how many were applied.
int applyProposals(domain::Component &component, const QList<ProposedValue> &accepted);

} // namespace motcua::services
