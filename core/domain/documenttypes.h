#pragma once

// The province's shared catalogues of document types and fields (R02; issue 10 item 2), kept on
// the server and read by every client.
//
// A document type (loại giấy tờ) says what electronic data a component of that type carries
// (R05.1b): the eight standard items every document has (holder's identification number, or name
// and birth year; issue date; issuer; summary; validity period and scope) and the type's own data
// fields (a land-use certificate's parcel number, a marriage certificate's register book…). The
// intake form is built from it: the standard items the type marks required and its own fields.
// A field (lĩnh vực) classifies procedures (R03.2).
#include "entities.h"
#include "procedureimport.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace motcua::domain {

enum class DataFieldKind {
    Text,
    Number, // digits only ("Số tờ bản đồ")
    Date,   // dd/MM/yyyy, as typed and as kept in Component::data
    Choice, // one of `choices`
};
QString dataFieldKindKey(DataFieldKind kind); // "text", "number", "date", "choice"
std::optional<DataFieldKind> dataFieldKindFromKey(const QString &key);
const QList<DataFieldKind> &allDataFieldKinds();

struct DataField
{
    QString key;   // letters, digits and '-' ("so-thua"); unique within the type
    QString label; // Vietnamese, as shown on the form
    DataFieldKind kind = DataFieldKind::Text;
    bool required = false;
    QStringList choices; // Choice only
    bool operator==(const DataField &) const = default;
};

// The R05.1b items every document carries: keys are the Component members (holderId, holderName,
// holderBirthYear, issueDate, issuer, summary, validUntil, validityScope).
const QList<DataField> &standardDataFields();
bool isStandardDataField(const QString &key);

struct DocumentType
{
    QString code; // mã loại giấy tờ, as procedures' components name it ("GT-CCCD")
    QString name;
    QString description;
    QStringList requiredStandard; // standard items that must be entered at intake
    QList<DataField> fields;      // the type's own data fields
    bool operator==(const DocumentType &) const = default;

    // Standard items (required as the type says) then the type's own fields: the intake form.
    [[nodiscard]] QList<DataField> form() const;
};

struct ProcedureField
{
    QString code; // MaLinhVuc
    QString name; // TenLinhVuc
    bool operator==(const ProcedureField &) const = default;
};

// Catalogue codes: 1–40 characters, letters (Vietnamese too), digits, '.', '-' and '_'.
Check validateCatalogueCode(const QString &code, const QString &field = QStringLiteral("code"));

QJsonObject toJson(const DocumentType &type);
Result<DocumentType> documentTypeFromJson(const QJsonObject &json);
QJsonObject toJson(const ProcedureField &field);
Result<ProcedureField> procedureFieldFromJson(const QJsonObject &json);

// The value of one data field as typed at the counter: empty when allowed, else the Vietnamese
// reason it is refused (a date not dd/MM/yyyy, a number with letters, a choice not listed, an
// identification number of the wrong shape, a birth year out of range).
QString checkDataValue(const DataField &field, const QString &value, const QDate &today);

// The value `key` of a component as the form shows it (dates dd/MM/yyyy, the birth year as digits,
// empty when not set); the type's own fields come from Component::data.
QString componentValue(const Component &component, const QString &key);
// What a received component lacks or has wrong for its type's form (R05.1b): the Vietnamese
// problems, none when its data is complete. The server judges pushed components by it; the
// counter's form judges the text as typed (services/intakedraft), both through checkDataValue.
QStringList componentDataProblems(const Component &component, const DocumentType &type,
                                  const QDate &today);
// Writes one value typed at the counter (already checked) into the component.
void setComponentValue(Component &component, const QString &key, const QString &value);

// A national catalogue list as saved from a spreadsheet (R02.1 import): a header row naming the
// code column (Ma, MaLinhVuc, MaGiayTo, Mã…, code), the name column (Ten, TenLinhVuc,
// TenGiayTo, Tên…, name) and optionally a description (MoTa, Mô tả, description), matched
// without accents or case; then one entry per row. Every faulty row is reported by its row and
// column (a bad code, an empty name, a code given twice); no entry is returned then.
struct CatalogueListRow
{
    QString code;
    QString name;
    QString description;
    bool operator==(const CatalogueListRow &) const = default;
};
struct CatalogueListImport
{
    QList<CatalogueListRow> rows;
    QList<ImportProblem> problems;
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};
CatalogueListImport parseCatalogueList(const QList<QStringList> &rows); // the header first
CatalogueListImport parseCatalogueListCsv(const QByteArray &csv);
// The list as CSV UTF-8 with a BOM, headers Ma;Ten;MoTa (what parseCatalogueListCsv reads).
QByteArray catalogueListCsv(const QList<CatalogueListRow> &rows);

// The component's data that is set, as (label, value) in form order: labels from `type` when
// known (nullptr: the standard labels, the own fields by key).
QList<std::pair<QString, QString>> filledValues(const Component &component,
                                                const DocumentType *type);

} // namespace motcua::domain
