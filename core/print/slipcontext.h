#pragma once

// What a slip says besides the dossier itself: the agency that prints it (name, parent, place
// name, contact, where results are collected), the procedure as the catalogue describes it, the
// officer who prints, the public lookup address, and the numbers an officer gives a slip (slip
// number, log book volume and entry). contextFor() fills what the catalogue knows.
#include <QDateTime>
#include <QHash>
#include <QString>

#include <domain/directory.h>
#include <domain/entities.h>

#include <optional>

namespace motcua::print {

struct SlipContext
{
    domain::Agency agency;    // the receiving agency
    QString agencyParentName; // "UBND tỉnh Khánh Hòa"
    QString locality;         // the place name before the date: "Khánh Hòa"
    QString contact;          // address and phone of the counter
    QString returnPlace;      // where the result is collected
    QString leadAgencyName;   // the competent agency (log book)
    std::optional<domain::Procedure> procedure;
    std::optional<domain::Officer> officer; // who prints (signs as the receiving officer)
    QHash<QString, QString> officerNames;   // id -> full name, for the process control slip
    QString lookupBaseUrl; // "https://motcua.example.gov.vn": the server's public address
    QString slipNumber;    // "…/HDHS", "…/PXL" — empty: left to fill by hand
    QString logbookVolume;
    QString logbookNumber;
    QDateTime printedAt; // invalid: now
};

// The context the catalogue gives for a dossier: agencies (and the parent's name), procedure,
// officers named in the trail; `officerId` is who prints. The place name is taken from the
// parent agency's or the agency's name after "tỉnh"/"thành phố" when the catalogue has none.
SlipContext contextFor(const domain::Dossier &dossier, const domain::Directory &directory,
                       const QString &officerId, const QString &lookupBaseUrl);

// The public lookup address of a dossier (R26): "<base>/api/v1/public/dossiers/<code>?t=<token>".
// It is what the receipt's QR code holds: the dossier code and its lookup token.
QString lookupUrl(const QString &baseUrl, const domain::Dossier &dossier);

} // namespace motcua::print
