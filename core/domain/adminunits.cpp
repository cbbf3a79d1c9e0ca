#include "adminunits.h"

#include "folding.h"
#include "procedureimport.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace motcua::domain {
namespace {

// Header → our column name; the office's Vietnamese headers folded ("Mã TP" → "ma tp").
QString columnOf(const QString &header)
{
    const QString f = foldForSearch(header);
    static const QHash<QString, QString> names{
        {QStringLiteral("level"), QStringLiteral("level")},
        {QStringLiteral("code"), QStringLiteral("code")},
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("division_type"), QStringLiteral("division_type")},
        {QStringLiteral("parent_code"), QStringLiteral("parent_code")},
        {QStringLiteral("ma tp"), QStringLiteral("province_code")},
        {QStringLiteral("ma tinh"), QStringLiteral("province_code")},
        {QStringLiteral("tinh / thanh pho"), QStringLiteral("province_name")},
        {QStringLiteral("tinh/thanh pho"), QStringLiteral("province_name")},
        {QStringLiteral("tinh, thanh pho"), QStringLiteral("province_name")},
        {QStringLiteral("ma"), QStringLiteral("code")},
        {QStringLiteral("ma px"), QStringLiteral("code")},
        {QStringLiteral("ma xa"), QStringLiteral("code")},
        {QStringLiteral("ten"), QStringLiteral("name")},
        {QStringLiteral("ten px"), QStringLiteral("name")},
        {QStringLiteral("phuong xa"), QStringLiteral("name")},
        {QStringLiteral("cap"), QStringLiteral("division_type")},
    };
    return names.value(f);
}

QString divisionFromName(const QString &name)
{
    const QString f = foldForSearch(name);
    for (const auto &[prefix, type] : {std::pair{"thanh pho ", "thành phố"},
                                       std::pair{"tinh ", "tỉnh"}, std::pair{"phuong ", "phường"},
                                       std::pair{"xa ", "xã"}, std::pair{"dac khu ", "đặc khu"}}) {
        if (f.startsWith(QLatin1String(prefix)))
            return QString::fromUtf8(type);
    }
    return {};
}

} // namespace

QString unitLevelKey(AdministrativeUnit::Level level)
{
    return level == AdministrativeUnit::Level::Province ? QStringLiteral("province")
                                                        : QStringLiteral("commune");
}

UnitImport parseAdministrativeUnits(const QByteArray &csv, const QStringList &knownProvinces)
{
    UnitImport out;
    const QList<QStringList> rows = csvTable(csv, &out.problems);
    if (!out.ok())
        return out;
    return parseAdministrativeUnitRows(rows, knownProvinces);
}

UnitImport parseAdministrativeUnitRows(const QList<QStringList> &rows,
                                       const QStringList &knownProvinces)
{
    UnitImport out;
    if (rows.isEmpty()) {
        out.problems.append({0, {}, QStringLiteral("Tệp rỗng.")});
        return out;
    }
    QHash<QString, int> column;
    for (qsizetype i = 0; i < rows.first().size(); ++i) {
        const QString header = standardiseText(rows.first().at(i));
        const QString name = columnOf(header);
        if (name.isEmpty()) {
            if (!header.isEmpty())
                out.problems.append({1, header, QStringLiteral("cột không được hỗ trợ.")});
            continue;
        }
        column.insert(name, int(i));
    }
    for (const char *required : {"code", "name"}) {
        if (!column.contains(QString::fromLatin1(required)))
            out.problems.append({1, QString::fromLatin1(required),
                                 QStringLiteral("dòng tiêu đề thiếu cột mã hoặc tên.")});
    }
    const bool official = !column.contains(QStringLiteral("level"));
    if (official && !column.contains(QStringLiteral("province_code")))
        out.problems.append({1, QStringLiteral("Mã TP"),
                             QStringLiteral("dòng tiêu đề thiếu cột mã tỉnh, thành phố.")});
    if (!out.problems.isEmpty())
        return out;

    static const QRegularExpression provinceCode(QStringLiteral("^[0-9]{2}$"));
    static const QRegularExpression communeCode(QStringLiteral("^[0-9]{5}$"));
    QSet<QString> provinces(knownProvinces.cbegin(), knownProvinces.cend());
    QSet<QString> seen;
    QList<std::pair<int, AdministrativeUnit>> communes; // checked once every province is known
    const auto cell = [&](const QStringList &r, const char *name) {
        const int i = column.value(QString::fromLatin1(name), -1);
        return i >= 0 && i < r.size() ? standardiseText(r.at(i)) : QString();
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int row = int(i) + 1;
        const QStringList &r = rows.at(i);
        if (std::all_of(r.cbegin(), r.cend(),
                        [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue;
        AdministrativeUnit u;
        u.code = cell(r, "code");
        u.name = cell(r, "name");
        u.divisionType = cell(r, "division_type").toLower();
        if (official) {
            // One commune per row; its province comes along (added once).
            const QString pCode = cell(r, "province_code");
            const QString pName = cell(r, "province_name");
            if (!provinceCode.match(pCode).hasMatch()) {
                out.problems.append(
                    {row, QStringLiteral("Mã TP"),
                     QStringLiteral("\"%1\" không phải mã tỉnh (2 chữ số).").arg(pCode)});
            } else if (!provinces.contains(pCode) && !pName.isEmpty()) {
                provinces.insert(pCode);
                out.units.append({pCode,
                                  pName,
                                  AdministrativeUnit::Level::Province,
                                  divisionFromName(pName),
                                  {}});
            }
            u.level = AdministrativeUnit::Level::Commune;
            u.parentCode = pCode;
        } else {
            const QString level = cell(r, "level").toLower();
            if (level == QLatin1String("province")) {
                u.level = AdministrativeUnit::Level::Province;
            } else if (level == QLatin1String("commune")) {
                u.level = AdministrativeUnit::Level::Commune;
                u.parentCode = cell(r, "parent_code");
            } else {
                out.problems.append(
                    {row, QStringLiteral("level"),
                     QStringLiteral("\"%1\" phải là province hoặc commune.").arg(level)});
                continue;
            }
        }
        if (u.divisionType.isEmpty())
            u.divisionType = divisionFromName(u.name);
        const bool province = u.level == AdministrativeUnit::Level::Province;
        const QString codeColumn = official ? QStringLiteral("Mã") : QStringLiteral("code");
        if (!(province ? provinceCode : communeCode).match(u.code).hasMatch())
            out.problems.append(
                {row, codeColumn,
                 QStringLiteral("\"%1\" không phải mã %2 (%3 chữ số).")
                     .arg(u.code, province ? QStringLiteral("tỉnh") : QStringLiteral("xã"),
                          province ? QStringLiteral("2") : QStringLiteral("5"))});
        else if (seen.contains(unitLevelKey(u.level) + u.code))
            out.problems.append(
                {row, codeColumn, QStringLiteral("mã %1 đã xuất hiện ở dòng trước.").arg(u.code)});
        if (u.name.isEmpty())
            out.problems.append({row, official ? QStringLiteral("Tên") : QStringLiteral("name"),
                                 QStringLiteral("bắt buộc phải có.")});
        else if (u.name.size() > 200)
            out.problems.append({row, official ? QStringLiteral("Tên") : QStringLiteral("name"),
                                 QStringLiteral("dài quá 200 ký tự.")});
        seen.insert(unitLevelKey(u.level) + u.code);
        if (province) {
            provinces.insert(u.code);
            out.units.append(u);
        } else {
            communes.append({row, u});
        }
    }
    for (const auto &[row, u] : communes) {
        if (!provinces.contains(u.parentCode))
            out.problems.append(
                {row, official ? QStringLiteral("Mã TP") : QStringLiteral("parent_code"),
                 QStringLiteral("không có tỉnh, thành phố mã \"%1\".").arg(u.parentCode)});
        out.units.append(u);
    }
    if (!out.problems.isEmpty())
        out.units.clear();
    std::stable_sort(out.problems.begin(), out.problems.end(),
                     [](const ImportProblem &a, const ImportProblem &b) { return a.row < b.row; });
    return out;
}

} // namespace motcua::domain
