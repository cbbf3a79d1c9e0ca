#pragma once

// Administrative units after the 2025 reorganisation (R02.1): 34 provincial units and their
// communes (phường, xã, đặc khu), with the National Statistics Office's codes. Read from its
// published list saved as CSV (also from Excel): either our columns
//   level, code, name, division_type, parent_code
// or the office's own Vietnamese headers
//   Mã TP | Tỉnh / Thành phố | Mã | Tên | Cấp      (one commune per row, its province alongside)
// Every faulty row is reported with its row and column (ImportProblem); nothing is returned then.
#include "procedureimport.h"

namespace motcua::domain {

struct AdministrativeUnit
{
    enum class Level {
        Province,
        Commune
    };
    QString code; // "01" (province), "00004" (commune)
    QString name; // "Thành phố Hà Nội", "Phường Ba Đình"
    Level level = Level::Province;
    QString divisionType; // "tỉnh", "thành phố trung ương", "phường", "xã", "đặc khu"
    QString parentCode;   // the province of a commune
    bool operator==(const AdministrativeUnit &) const = default;
};
QString unitLevelKey(AdministrativeUnit::Level level); // "province", "commune"

struct UnitImport
{
    QList<AdministrativeUnit> units;
    QList<ImportProblem> problems;
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

// `knownProvinces`: province codes already in the catalogue (a commune's parent must be one of
// them or a province of the same file).
UnitImport parseAdministrativeUnits(const QByteArray &csv, const QStringList &knownProvinces = {});
// The same list already split into rows (a spreadsheet's first sheet), the header first.
UnitImport parseAdministrativeUnitRows(const QList<QStringList> &rows,
                                       const QStringList &knownProvinces = {});

} // namespace motcua::domain
