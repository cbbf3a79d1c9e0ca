#include "procedureimport.h"

#include "dossiercode.h"
#include "folding.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace motcua::domain {
namespace {

const QString kRequired = QStringLiteral("bắt buộc phải có.");

// Reads one record and collects every problem of it (not only the first).
class RecordReader
{
public:
    RecordReader(const QJsonObject &record, int row, bool csv, QList<ImportProblem> &problems)
        : m_record(record)
        , m_row(row)
        , m_csv(csv)
        , m_problems(problems)
    {}

    void fail(const QString &column, const QString &message)
    {
        m_problems.append({m_row, column, message});
        m_failed = true;
    }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] bool csv() const { return m_csv; }

    // A nested column's name: "ThanhPhanHoSo[1].GiayTo" in JSON, "GiayTo" in CSV.
    [[nodiscard]] QString nested(const QString &list, qsizetype index, const QString &key) const
    {
        return m_csv ? key : QStringLiteral("%1[%2].%3").arg(list).arg(index + 1).arg(key);
    }

    QString text(const QJsonObject &from, const QString &key, const QString &column, bool required,
                 int maxLength)
    {
        const QJsonValue v = from.value(key);
        if (v.isDouble()) // a spreadsheet may have turned a code into a number
            return standardiseText(QString::number(v.toDouble(), 'g', 15));
        if (!v.isUndefined() && !v.isNull() && !v.isString()) {
            fail(column, QStringLiteral("phải là chuỗi ký tự."));
            return {};
        }
        const QString t = standardiseText(v.toString());
        if (t.isEmpty() && required)
            fail(column, kRequired);
        if (t.size() > maxLength)
            fail(column, QStringLiteral("dài quá %1 ký tự.").arg(maxLength));
        return t;
    }
    QString text(const QString &key, bool required, int maxLength)
    {
        return text(m_record, key, key, required, maxLength);
    }

    // An object, or the first object of an array; `present` says whether the key was there.
    QJsonObject firstObject(const QString &key)
    {
        const QJsonValue v = m_record.value(key);
        if (v.isObject())
            return v.toObject();
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (a.isEmpty())
                return {};
            if (a.first().isObject())
                return a.first().toObject();
        } else if (v.isUndefined() || v.isNull()) {
            return {};
        }
        fail(key, QStringLiteral("phải là đối tượng hoặc mảng đối tượng."));
        return {};
    }

    QJsonArray objects(const QString &key)
    {
        const QJsonValue v = m_record.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("phải là một mảng."));
            return {};
        }
        return v.toArray();
    }

    // A whole number in [0, max] from a number or digits.
    std::optional<qint64> count(const QJsonValue &v, const QString &column, qint64 max)
    {
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return std::nullopt;
        bool ok = false;
        double number = 0;
        if (v.isDouble()) {
            number = v.toDouble();
            ok = true;
        } else if (v.isString()) {
            number = standardiseText(v.toString()).toDouble(&ok);
        }
        if (!ok || number < 0 || number > double(max) || number != double(qint64(number))) {
            fail(column,
                 QStringLiteral("\"%1\" phải là số nguyên từ 0 đến %2.")
                     .arg(v.isString() ? v.toString() : QString::number(v.toDouble()))
                     .arg(max));
            return std::nullopt;
        }
        return qint64(number);
    }

    [[nodiscard]] const QJsonObject &record() const { return m_record; }

private:
    QJsonObject m_record;
    int m_row;
    bool m_csv;
    QList<ImportProblem> &m_problems;
    bool m_failed = false;
};

std::optional<Deadline::Unit> unitFrom(const QString &text)
{
    const QString folded = foldForSearch(text);
    if (folded.isEmpty() || folded.contains(QLatin1String("khong quy dinh")))
        return Deadline::Unit::None;
    if (folded.contains(QLatin1String("gio")))
        return Deadline::Unit::WorkingHours;
    if (folded.contains(QLatin1String("phut")))
        return Deadline::Unit::WorkingMinutes;
    if (folded.contains(QLatin1String("ngay")))
        return Deadline::Unit::WorkingDays;
    return std::nullopt;
}

std::optional<ProcedureLevel> levelFrom(const QString &text)
{
    const QString folded = foldForSearch(text).replace(QLatin1Char(' '), QLatin1Char('-'));
    if (folded.isEmpty() || folded.contains(QLatin1String("mot-phan")))
        return ProcedureLevel::PartialOnline;
    if (folded.contains(QLatin1String("toan-trinh")))
        return ProcedureLevel::FullOnline;
    if (folded.contains(QLatin1String("thong-tin")))
        return ProcedureLevel::Information;
    return std::nullopt;
}

// "20.000 đồng", "20000", "Không" → an amount in VND (nullopt: no fee), or a problem.
void readFees(RecordReader &r, const QJsonValue &v, const QString &column, Procedure &p)
{
    if (v.isUndefined() || v.isNull())
        return;
    if (v.isArray()) {
        const QJsonArray items = v.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const QString at = QStringLiteral("%1[%2]").arg(column).arg(i + 1);
            if (!items.at(i).isObject()) {
                r.fail(at, QStringLiteral("mỗi khoản phí phải là đối tượng {MoTa, SoTien}."));
                continue;
            }
            Fee fee;
            fee.description
                = r.text(item, QStringLiteral("MoTa"), at + QStringLiteral(".MoTa"), false, 500);
            if (fee.description.isEmpty())
                fee.description = QStringLiteral("Phí, lệ phí");
            const auto amount = r.count(item.value(QStringLiteral("SoTien")),
                                        at + QStringLiteral(".SoTien"), 1000000000000LL);
            if (!item.contains(QStringLiteral("SoTien")))
                r.fail(at + QStringLiteral(".SoTien"), kRequired);
            fee.amountVnd = amount.value_or(0);
            p.fees.append(fee);
        }
        return;
    }
    if (v.isDouble()) {
        if (const auto amount = r.count(v, column, 1000000000000LL); amount && *amount > 0)
            p.fees.append({QStringLiteral("Phí, lệ phí"), *amount});
        return;
    }
    if (!v.isString()) {
        r.fail(column, QStringLiteral("phải là số tiền hoặc mảng các khoản phí."));
        return;
    }
    const QString text = standardiseText(v.toString());
    const QString folded = foldForSearch(text);
    if (folded.isEmpty() || folded.startsWith(QLatin1String("khong"))
        || folded.startsWith(QLatin1String("mien phi")))
        return; // "Không", "Không quy định", "Miễn phí"
    static const QRegularExpression amountRe(QStringLiteral(
        "^(?:(.*?)\\s*:\\s*)?([0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+)\\s*(?:d|dong|vnd)?$"));
    const auto m = amountRe.match(folded);
    if (!m.hasMatch()) {
        r.fail(column,
               QStringLiteral("\"%1\" không đọc được số tiền (ví dụ 20.000 đồng).").arg(text));
        return;
    }
    QString digits = m.captured(2);
    digits.remove(QLatin1Char('.')).remove(QLatin1Char(','));
    const qint64 amount = digits.toLongLong();
    if (amount > 1000000000000LL) {
        r.fail(column, QStringLiteral("số tiền quá lớn."));
        return;
    }
    // The description before the colon keeps its accents: take it from the original text.
    QString description = text.section(QLatin1Char(':'), 0, 0).trimmed();
    if (!text.contains(QLatin1Char(':')) || description.isEmpty())
        description = QStringLiteral("Phí, lệ phí");
    if (amount > 0)
        p.fees.append({description.left(500), amount});
}

void readComponents(RecordReader &r, Procedure &p)
{
    const QJsonArray items = r.objects(QStringLiteral("ThanhPhanHoSo"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString list = QStringLiteral("ThanhPhanHoSo");
        if (!items.at(i).isObject()) {
            r.fail(QStringLiteral("%1[%2]").arg(list).arg(i + 1),
                   QStringLiteral("mỗi giấy tờ phải là đối tượng có GiayTo."));
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        RequiredComponent c;
        const bool legacy = !item.contains(QStringLiteral("GiayTo"))
            && item.contains(QStringLiteral("TenGiayTo"));
        const QString nameKey = legacy ? QStringLiteral("TenGiayTo") : QStringLiteral("GiayTo");
        c.name = r.text(item, nameKey, r.nested(list, i, nameKey), true, 1000);
        c.documentTypeCode = r.text(item, QStringLiteral("MaGiayTo"),
                                    r.nested(list, i, QStringLiteral("MaGiayTo")), false, 50)
                                 .toUpper();
        c.formName = r.text(item, QStringLiteral("TenMauDon"),
                            r.nested(list, i, QStringLiteral("TenMauDon")), false, 300);
        c.formUrl = r.text(item, QStringLiteral("URL"), r.nested(list, i, QStringLiteral("URL")),
                           false, 2000);
        if (!c.formUrl.isEmpty()) {
            const QUrl url(c.formUrl, QUrl::StrictMode);
            if (!url.isValid()
                || (url.scheme() != QLatin1String("https")
                    && url.scheme() != QLatin1String("http")))
                r.fail(r.nested(list, i, QStringLiteral("URL")),
                       QStringLiteral("\"%1\" không phải địa chỉ http(s) hợp lệ.").arg(c.formUrl));
        }
        c.originals = int(r.count(item.value(QStringLiteral("SoBanChinh")),
                                  r.nested(list, i, QStringLiteral("SoBanChinh")), 100)
                              .value_or(1));
        c.copies = int(r.count(item.value(QStringLiteral("SoBanSao")),
                               r.nested(list, i, QStringLiteral("SoBanSao")), 100)
                           .value_or(0));
        p.components.append(c);
    }
}

void readLegalBasis(RecordReader &r, Procedure &p)
{
    const QJsonArray items = r.objects(QStringLiteral("CanCuPhapLy"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString list = QStringLiteral("CanCuPhapLy");
        if (!items.at(i).isObject()) {
            r.fail(QStringLiteral("%1[%2]").arg(list).arg(i + 1),
                   QStringLiteral("mỗi căn cứ phải là đối tượng {SoVanBan, TenVanBan}."));
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        LegalBasis b;
        b.number = r.text(item, QStringLiteral("SoVanBan"),
                          r.nested(list, i, QStringLiteral("SoVanBan")), true, 100);
        b.title = r.text(item, QStringLiteral("TenVanBan"),
                         r.nested(list, i, QStringLiteral("TenVanBan")), false, 1000);
        p.legalBasis.append(b);
    }
}

Procedure readRecord(RecordReader &r)
{
    static const QRegularExpression codeRe(QStringLiteral("^[0-9]{1,2}\\.[0-9]{6}$"));
    Procedure p;
    p.code = r.text(QStringLiteral("MaTTHC"), true, 30).remove(QLatin1Char(' '));
    if (!p.code.isEmpty() && !codeRe.match(p.code).hasMatch())
        r.fail(QStringLiteral("MaTTHC"),
               QStringLiteral("\"%1\" không đúng dạng mã thủ tục (ví dụ 1.001193).").arg(p.code));
    p.name = r.text(QStringLiteral("TenTTHC"), true, 1000);
    p.fieldCode = r.text(QStringLiteral("MaLinhVuc"), false, 50).toUpper();
    p.fieldName = r.text(QStringLiteral("TenLinhVuc"), false, 300);

    const QString level = r.text(QStringLiteral("MucDo"), false, 100);
    if (const auto parsed = levelFrom(level))
        p.level = *parsed;
    else
        r.fail(QStringLiteral("MucDo"),
               QStringLiteral("\"%1\" không phải mức độ (toàn trình, một phần, thông tin).")
                   .arg(level));

    // The way of carrying it out: nested in CachThucThucHien, or at the top level.
    QJsonObject way = r.firstObject(QStringLiteral("CachThucThucHien"));
    QString prefix = r.csv() ? QString() : QStringLiteral("CachThucThucHien.");
    if (way.isEmpty()) {
        way = r.record();
        prefix.clear();
    }
    const QString amountColumn = prefix + QStringLiteral("ThoiGianGiaiQuyet");
    const auto amount
        = r.count(way.value(QStringLiteral("ThoiGianGiaiQuyet")), amountColumn, 100000);
    const QString unitColumn = prefix + QStringLiteral("DonViTinh");
    const QString unitText
        = r.text(way, QStringLiteral("DonViTinh"), unitColumn, amount.value_or(0) > 0, 100);
    if (const auto unit = unitFrom(unitText); !unit)
        r.fail(unitColumn,
               QStringLiteral("\"%1\" không phải đơn vị thời gian (ngày làm việc, giờ làm việc, "
                              "phút).")
                   .arg(unitText));
    else if (amount.value_or(0) > 0 && *unit != Deadline::Unit::None)
        p.deadline = {*unit, int(*amount)};
    readFees(r, way.value(QStringLiteral("PhiLePhi")), prefix + QStringLiteral("PhiLePhi"), p);

    readComponents(r, p);
    readLegalBasis(r, p);

    const QJsonValue agency = r.record().value(QStringLiteral("CoQuanThucHien"));
    if (agency.isString()) { // the older export: the code alone
        p.agencyCode = standardiseText(agency.toString()).toUpper();
    } else {
        const QJsonObject first = r.firstObject(QStringLiteral("CoQuanThucHien"));
        const QString column
            = r.csv() ? QStringLiteral("MaDonVi") : QStringLiteral("CoQuanThucHien.MaDonVi");
        p.agencyCode = r.text(first, QStringLiteral("MaDonVi"), column, false, 20).toUpper();
    }
    if (!p.agencyCode.isEmpty()) {
        if (auto st = validateAgencyCode(p.agencyCode); !st)
            r.fail(r.csv() ? QStringLiteral("MaDonVi") : QStringLiteral("CoQuanThucHien.MaDonVi"),
                   st.error().message);
    }
    return p;
}

// ---- CSV ---------------------------------------------------------------------------------------

const QStringList &csvColumns()
{
    static const QStringList columns{
        QStringLiteral("MaTTHC"),    QStringLiteral("TenTTHC"),
        QStringLiteral("MaLinhVuc"), QStringLiteral("TenLinhVuc"),
        QStringLiteral("MucDo"),     QStringLiteral("ThoiGianGiaiQuyet"),
        QStringLiteral("DonViTinh"), QStringLiteral("PhiLePhi"),
        QStringLiteral("GiayTo"),    QStringLiteral("MaGiayTo"),
        QStringLiteral("TenMauDon"), QStringLiteral("URL"),
        QStringLiteral("SoVanBan"),  QStringLiteral("TenVanBan"),
        QStringLiteral("MaDonVi"),   QStringLiteral("TenDonVi")};
    return columns;
}

// One CSV row as the JSON record it stands for.
QJsonObject csvRecord(const QHash<QString, QString> &cells)
{
    QJsonObject o;
    for (const char *key : {"MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "MucDo",
                            "ThoiGianGiaiQuyet", "DonViTinh", "PhiLePhi"}) {
        const QString k = QString::fromLatin1(key);
        if (!cells.value(k).trimmed().isEmpty())
            o.insert(k, cells.value(k));
    }
    const auto has = [&](const char *key) {
        return !cells.value(QString::fromLatin1(key)).trimmed().isEmpty();
    };
    if (has("GiayTo") || has("MaGiayTo") || has("TenMauDon") || has("URL")) {
        QJsonObject c;
        for (const char *key : {"GiayTo", "MaGiayTo", "TenMauDon", "URL"})
            c.insert(QString::fromLatin1(key), cells.value(QString::fromLatin1(key)));
        o.insert(QStringLiteral("ThanhPhanHoSo"), QJsonArray{c});
    }
    if (has("SoVanBan") || has("TenVanBan")) {
        o.insert(QStringLiteral("CanCuPhapLy"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("SoVanBan"), cells.value(QStringLiteral("SoVanBan"))},
                     {QStringLiteral("TenVanBan"), cells.value(QStringLiteral("TenVanBan"))}}});
    }
    if (has("MaDonVi") || has("TenDonVi")) {
        o.insert(
            QStringLiteral("CoQuanThucHien"),
            QJsonObject{{QStringLiteral("MaDonVi"), cells.value(QStringLiteral("MaDonVi"))},
                        {QStringLiteral("TenDonVi"), cells.value(QStringLiteral("TenDonVi"))}});
    }
    return o;
}

void parseCsv(const QByteArray &data, ProcedureImport &out)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.contains(QChar::ReplacementCharacter)) {
        out.problems.append({0,
                             {},
                             QStringLiteral("Tệp CSV phải mã hóa UTF-8 (khi lưu từ Excel, "
                                            "chọn \"CSV UTF-8\").")});
        return;
    }
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar delimiter = firstLine.count(QLatin1Char(';')) > firstLine.count(QLatin1Char(','))
        ? QLatin1Char(';')
        : QLatin1Char(',');
    bool unterminated = false;
    const QList<QStringList> records = csvRecords(text, delimiter, &unterminated);
    if (records.isEmpty()) {
        out.problems.append({0, {}, QStringLiteral("Tệp CSV không có dòng tiêu đề.")});
        return;
    }
    QStringList header;
    for (const QString &h : records.first())
        header.append(standardiseText(h));
    for (const char *required : {"MaTTHC", "TenTTHC"}) {
        if (!header.contains(QString::fromLatin1(required)))
            out.problems.append(
                {1, QString::fromLatin1(required), QStringLiteral("dòng tiêu đề thiếu cột này.")});
    }
    for (const QString &h : header) {
        if (!h.isEmpty() && !csvColumns().contains(h))
            out.problems.append({1, h,
                                 QStringLiteral("cột không được hỗ trợ (các cột: %1).")
                                     .arg(csvColumns().join(QStringLiteral(", ")))});
    }
    if (unterminated)
        out.problems.append({int(records.size()), {}, QStringLiteral("dấu ngoặc kép chưa đóng.")});
    if (!out.problems.isEmpty())
        return;

    QHash<QString, qsizetype> byCode; // code → index in out.procedures
    for (qsizetype i = 1; i < records.size(); ++i) {
        const int row = int(i) + 1;
        const QStringList &cells = records.at(i);
        if (std::all_of(cells.cbegin(), cells.cend(),
                        [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue; // blank line
        if (cells.size() > header.size()) {
            out.problems.append({row,
                                 {},
                                 QStringLiteral("có %1 cột, nhiều hơn dòng tiêu đề (%2 cột).")
                                     .arg(cells.size())
                                     .arg(header.size())});
            continue;
        }
        QHash<QString, QString> byColumn;
        for (qsizetype c = 0; c < cells.size(); ++c)
            byColumn.insert(header.at(c), cells.at(c));
        const QString code
            = standardiseText(byColumn.value(QStringLiteral("MaTTHC"))).remove(QLatin1Char(' '));
        if (byCode.contains(code) && !code.isEmpty()) {
            // A continuation row: its document and legal basis join the procedure.
            QJsonObject partial = csvRecord(byColumn);
            for (const char *drop : {"TenTTHC", "MucDo", "ThoiGianGiaiQuyet", "DonViTinh",
                                     "PhiLePhi", "CoQuanThucHien", "MaLinhVuc", "TenLinhVuc"})
                partial.remove(QString::fromLatin1(drop));
            partial.insert(QStringLiteral("TenTTHC"), QStringLiteral("-"));
            RecordReader r(partial, row, true, out.problems);
            const Procedure extra = readRecord(r);
            Procedure &p = out.procedures[byCode.value(code)];
            p.components.append(extra.components);
            for (const LegalBasis &b : extra.legalBasis) {
                if (!p.legalBasis.contains(b))
                    p.legalBasis.append(b);
            }
            continue;
        }
        RecordReader r(csvRecord(byColumn), row, true, out.problems);
        Procedure p = readRecord(r);
        if (!code.isEmpty())
            byCode.insert(code, out.procedures.size());
        out.procedures.append(std::move(p));
    }
}

void parseJson(const QByteArray &data, ProcedureImport &out)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.problems.append({0,
                             {},
                             QStringLiteral("Tệp không phải JSON hợp lệ (lỗi tại vị trí %1: %2).")
                                 .arg(parseError.offset)
                                 .arg(parseError.errorString())});
        return;
    }
    QJsonArray records;
    if (doc.isArray())
        records = doc.array();
    else if (doc.object().value(QStringLiteral("data")).isArray()) // { "data": [...] }
        records = doc.object().value(QStringLiteral("data")).toArray();
    else {
        out.problems.append(
            {0, {}, QStringLiteral("Tệp phải chứa một mảng JSON các thủ tục hành chính.")});
        return;
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const int row = int(i) + 1;
        if (!records.at(i).isObject()) {
            out.problems.append({row, {}, QStringLiteral("bản ghi phải là một đối tượng JSON.")});
            continue;
        }
        RecordReader r(records.at(i).toObject(), row, false, out.problems);
        Procedure p = readRecord(r);
        if (!p.code.isEmpty() && seen.contains(p.code))
            r.fail(QStringLiteral("MaTTHC"),
                   QStringLiteral("mã %1 đã xuất hiện ở bản ghi trước.").arg(p.code));
        seen.insert(p.code);
        out.procedures.append(std::move(p));
    }
}

QStringList differingFields(const Procedure &a, const Procedure &b)
{
    QStringList fields;
    const auto check = [&](bool same, const char *name) {
        if (!same)
            fields.append(QString::fromLatin1(name));
    };
    check(a.name == b.name, "name");
    check(a.fieldCode == b.fieldCode && a.fieldName == b.fieldName, "field");
    check(a.level == b.level, "level");
    check(a.components == b.components, "components");
    check(a.fees == b.fees, "fees");
    check(a.deadline == b.deadline, "deadline");
    check(a.legalBasis == b.legalBasis, "legalBasis");
    check(a.agencyCode == b.agencyCode, "agencyCode");
    return fields;
}

} // namespace

QList<QStringList> csvTable(const QByteArray &csv, QList<ImportProblem> *problems)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty()) {
        problems->append({0, {}, QStringLiteral("Tệp rỗng.")});
        return {};
    }
    if (text.contains(QChar::ReplacementCharacter)) {
        problems->append({0,
                          {},
                          QStringLiteral("Tệp CSV phải mã hóa UTF-8 (khi lưu từ Excel, "
                                         "chọn \"CSV UTF-8\").")});
        return {};
    }
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar delimiter = firstLine.count(QLatin1Char(';')) > firstLine.count(QLatin1Char(','))
        ? QLatin1Char(';')
        : QLatin1Char(',');
    bool unterminated = false;
    QList<QStringList> rows = csvRecords(text, delimiter, &unterminated);
    if (unterminated) {
        problems->append({int(rows.size()), {}, QStringLiteral("dấu ngoặc kép chưa đóng.")});
        return {};
    }
    return rows;
}

QList<QStringList> csvRecords(const QString &text, QChar delimiter, bool *unterminated)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (c == delimiter) {
            fields.append(field);
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            fields.append(field);
            records.append(fields);
            fields.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        fields.append(field);
        records.append(fields);
    }
    *unterminated = quoted;
    return records;
}

QString ImportProblem::toString() const
{
    if (row == 0)
        return message;
    if (column.isEmpty())
        return QStringLiteral("Dòng %1: %2").arg(row).arg(message);
    return QStringLiteral("Dòng %1, cột %2: %3").arg(row).arg(column, message);
}

QString standardiseText(const QString &text)
{
    static const QRegularExpression spaces(
        QStringLiteral("[\\s\\x{00A0}\\x{2007}\\x{202F}\\x{200B}]+"));
    QString out = text.normalized(QString::NormalizationForm_C);
    out.replace(spaces, QStringLiteral(" "));
    return out.trimmed();
}

ProcedureImport parseProcedureImport(const QByteArray &data, ImportFormat format)
{
    ProcedureImport out;
    if (format == ImportFormat::Guess) {
        const QByteArray head = data.left(64).trimmed();
        const bool bom = head.startsWith("\xEF\xBB\xBF");
        const QByteArray rest = bom ? head.mid(3).trimmed() : head;
        format = (rest.startsWith('[') || rest.startsWith('{')) ? ImportFormat::Json
                                                                : ImportFormat::Csv;
    }
    if (data.trimmed().isEmpty()) {
        out.problems.append({0, {}, QStringLiteral("Tệp rỗng.")});
        return out;
    }
    if (format == ImportFormat::Json)
        parseJson(data, out);
    else
        parseCsv(data, out);
    if (!out.problems.isEmpty())
        out.procedures.clear();
    return out;
}

QString importChangeKindKey(ImportChange::Kind kind)
{
    switch (kind) {
    case ImportChange::Kind::Added:
        return QStringLiteral("added");
    case ImportChange::Kind::Changed:
        return QStringLiteral("changed");
    case ImportChange::Kind::Unchanged:
        return QStringLiteral("unchanged");
    }
    return {};
}

QList<ImportChange> previewProcedureImport(const QList<Procedure> &imported,
                                           const QList<Procedure> &existing)
{
    QHash<QString, const Procedure *> byCode;
    for (const Procedure &p : existing)
        byCode.insert(p.code, &p);
    QList<ImportChange> out;
    for (const Procedure &p : imported) {
        ImportChange change;
        const Procedure *old = byCode.value(p.code);
        if (!old) {
            change.kind = ImportChange::Kind::Added;
            change.procedure = p;
            if (change.procedure.applicantTypes.isEmpty())
                change.procedure.applicantTypes
                    = {ApplicantType::Person, ApplicantType::Organisation};
        } else {
            Procedure merged = *old;
            merged.name = p.name;
            merged.fieldCode = p.fieldCode;
            merged.fieldName = p.fieldName;
            merged.level = p.level;
            merged.components = p.components;
            merged.fees = p.fees;
            merged.deadline = p.deadline;
            merged.legalBasis = p.legalBasis;
            if (!p.agencyCode.isEmpty())
                merged.agencyCode = p.agencyCode;
            change.fields = differingFields(*old, merged);
            change.kind = change.fields.isEmpty() ? ImportChange::Kind::Unchanged
                                                  : ImportChange::Kind::Changed;
            change.procedure = merged;
        }
        out.append(change);
    }
    return out;
}

} // namespace motcua::domain
