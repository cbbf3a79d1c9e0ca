#pragma once

// Procedures from the National Database on Administrative Procedures' exports (R03.1, R03.3), as
// JSON or as CSV (also Excel saved as CSV). Every malformed row is reported with its row and
// column; a caller applies nothing while any problem remains. Codes and names are standardised:
// Unicode NFC, runs of white space (non-breaking spaces too) folded to one space, trimmed.
//
// JSON: an array of records (row = record number from 1):
//   MaTTHC, TenTTHC (required); MaLinhVuc, TenLinhVuc; MucDo (toàn trình | một phần | thông tin);
//   CachThucThucHien: object or array of {ThoiGianGiaiQuyet, DonViTinh, PhiLePhi} (the first
//     counts; the same keys are also accepted at the top level);
//   ThanhPhanHoSo: array of {GiayTo (required), MaGiayTo, TenMauDon, URL, SoBanChinh, SoBanSao};
//   CanCuPhapLy: array of {SoVanBan (required), TenVanBan};
//   CoQuanThucHien: object or array of {MaDonVi, TenDonVi} (the first is the competent agency).
//   PhiLePhi: a number, a text with the amount ("20.000 đồng") or an array of {MoTa, SoTien}.
// CSV: a header row naming the columns MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, MucDo,
//   ThoiGianGiaiQuyet, DonViTinh, PhiLePhi, GiayTo, MaGiayTo, TenMauDon, URL, SoVanBan, TenVanBan,
//   MaDonVi, TenDonVi (comma or semicolon separated, optional UTF-8 BOM). Rows with the same MaTTHC
//   make one procedure: each adds its document and its legal basis. Row = line number in the
//   file, the header being row 1 (as a spreadsheet shows it).
#include "entities.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace motcua::domain {

struct ImportProblem
{
    int row = 0;    // record number (JSON) or line (CSV); 0: the whole file
    QString column; // "ThanhPhanHoSo[2].GiayTo", "DonViTinh"
    QString message;
    [[nodiscard]] QString toString() const; // "Dòng 3, cột DonViTinh: …"
    bool operator==(const ImportProblem &) const = default;
};

struct ProcedureImport
{
    QList<Procedure> procedures;
    QList<ImportProblem> problems; // empty: the import may be applied
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

enum class ImportFormat {
    Json,
    Csv,
    Guess // JSON when the first non-blank byte is '[' or '{', CSV otherwise
};

ProcedureImport parseProcedureImport(const QByteArray &data,
                                     ImportFormat format = ImportFormat::Guess);

// NFC, white space folded, trimmed.
QString standardiseText(const QString &text);

// RFC 4180 records of a CSV text, `delimiter` ',' or ';' (both national exports and the statistics
// office's unit list); `*unterminated` is set when a quoted field is left open.
QList<QStringList> csvRecords(const QString &text, QChar delimiter, bool *unterminated);
// The records of a CSV file as a spreadsheet saves it: UTF-8 (with or without a BOM; anything
// else is refused, naming the "CSV UTF-8" choice), ',' or ';' as the header line uses. A fault of
// the whole file is appended to `problems` (row 0) and no record is returned.
QList<QStringList> csvTable(const QByteArray &csv, QList<ImportProblem> *problems);

// What applying would do to the catalogue.
struct ImportChange
{
    enum class Kind {
        Added,
        Changed,
        Unchanged
    };
    Kind kind = Kind::Added;
    Procedure procedure; // as it would be stored (merged with the existing record)
    QStringList fields;  // Changed: the fields that differ ("name", "deadline", …)
};
QString importChangeKindKey(ImportChange::Kind kind); // "added", "changed", "unchanged"

// Imported records are merged into the existing ones: what an export does not carry (workflow,
// applicant types, cut-off time) is kept.
QList<ImportChange> previewProcedureImport(const QList<Procedure> &imported,
                                           const QList<Procedure> &existing);

} // namespace motcua::domain
