#pragma once

// What the counter officer has entered so far for a new dossier (R12.1), and its validation with
// one message per field (R12.1d). Field names: "procedure", "channel", "applicant.<field>" (the
// names of domain::Applicant), "components.<documentTypeCode>".
#include "scanextraction.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <domain/cccd.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>

namespace motcua::services {

struct AttachedFile
{
    QString fileName;
    QString mediaType;
    QByteArray bytes;
    QString ocrText = {}; // a scanned document's recognised text: stored beside it, searchable
    // Signed with the officer's token before it was attached (R05.1c): who signed (the
    // certificate's common name) and the certificate's serial; the dossier records it.
    QString signerName = {};
    QString certificateSerial = {};
};

// A required component as ticked at the counter.
struct ComponentEntry
{
    bool received = false;
    bool original = false;
    int copies = 1;
    QList<AttachedFile> files;
    // Values read off a scan that the officer confirmed for the component's fields (R05.1b).
    QList<ProposedValue> confirmedValues = {};
    // The component's data as typed in its form (R05.1b; the document type's fields), by key, as
    // shown (dates dd/MM/yyyy). Applied after the scan's values: what the officer typed wins.
    QMap<QString, QString> values = {};
};

// The value of `key` the form shows for the entry: typed, else confirmed from a scan, else empty.
QString entryValue(const ComponentEntry &entry, const QString &key);

struct IntakeDraft
{
    QString procedureCode;
    domain::Applicant applicant;
    std::optional<domain::Channel> channel;
    QHash<QString, ComponentEntry> components; // by documentTypeCode
};

struct FieldError
{
    QString field;
    QString message; // Vietnamese, shown next to the field
    bool operator==(const FieldError &) const = default;
};

// Every problem of the draft, field by field (empty: ready to save). `procedure` is the chosen
// procedure (nullptr: none chosen). `today` bounds dates of birth. A received component whose
// type is in `types` must carry the data its form requires, each value well-formed (R05.1b).
QList<FieldError> validateDraft(const IntakeDraft &draft, const domain::Procedure *procedure,
                                const QDate &today,
                                const QHash<QString, domain::DocumentType> &types = {});

// The problems of one component's data against its type's form (messages name the field).
QStringList checkComponentData(const ComponentEntry &entry, const domain::DocumentType &type,
                               const QDate &today);

// Writes what was confirmed from scans, then what was typed, into the component.
void applyEntryValues(domain::Component &component, const ComponentEntry &entry);

// The applicant-only checks (the applicant page of the wizard).
QList<FieldError> validateApplicantFields(const domain::Applicant &applicant, const QDate &today);

// Fills the applicant from a CCCD QR (keyboard wedge or photo): person, ID, name, birth date,
// gender, address. Keeps phone and e-mail.
void fillFromCccd(domain::Applicant &applicant, const domain::CccdCard &card);

} // namespace motcua::services
