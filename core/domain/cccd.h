#pragma once

#include "result.h"

#include <QDate>
#include <QString>

namespace motcua::domain {

// What the QR code of a chip citizen identity card (CCCD) carries:
//   ID|old ID|full name|ddMMyyyy birth|gender|address|ddMMyyyy issue      (7 fields, old ID may be
//   empty) ID|full name|ddMMyyyy birth|gender|address|ddMMyyyy issue             (6 fields, no old
//   ID)
struct CccdCard
{
    QString id;    // 12-digit personal identification number
    QString oldId; // 9-digit old ID card number, may be empty
    QString fullName;
    QDate birthDate;
    QString gender;  // as printed: "Nam" or "Nữ"
    QString address; // place of residence
    QDate issueDate;

    bool operator==(const CccdCard &) const = default;
};

// Parses the QR text. Tolerates what keyboard-wedge scanners add: surrounding white space, trailing
// CR/LF, a trailing '|'. Every other defect is an Error naming the field.
Result<CccdCard> parseCccdQr(const QString &text);

// True when `text` looks like a CCCD QR payload (a 12-digit ID, then '|' separated fields): lets
// the intake form recognise a wedge scanner typing into any field.
bool looksLikeCccdQr(const QString &text);

// A 12-digit personal identification number: digits only, province code 001..096, a century/gender
// digit 0..9.
Check validatePersonalId(const QString &id, const QString &field = QStringLiteral("id"));

} // namespace motcua::domain
