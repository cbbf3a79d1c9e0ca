// Import of the National Database on Administrative Procedures' JSON exports.
//
// A record (fields other than these are ignored; records are numbered from 1 in messages):
//   MaTTHC            string, required: the national code, "1.001193"
//   TenTTHC           string, required
//   MaLinhVuc, TenLinhVuc   strings
//   ThanhPhanHoSo     array of {TenGiayTo (required), MaGiayTo, SoBanChinh, SoBanSao, MauDon,
//   BatBuoc} ThoiGianGiaiQuyet number ≥ 0 (or a string of digits): the deadline's amount; 0 = none
//   DonViTinh         "Ngày làm việc" | "Giờ làm việc" | "Phút" (any case, with or without accents)
//   PhiLePhi          array of {MoTa, SoTien (VND, whole number ≥ 0)}
//   CanCuPhapLy       array of {SoKyHieu (required), TrichYeu} or of strings "SoKyHieu TrichYeu"
//   CoQuanThucHien    string: the competent agency's national code, "000.18.22.H56"
//   MucDo             "toan-trinh" | "mot-phan" | "thong-tin" (or the Vietnamese words)
#include "procedure_import.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <domain/dossiercode.h>
#include <domain/folding.h>

namespace motcua::server {
namespace {

using domain::makeError;

// Collects the first problem of a record: "Bản ghi 3, trường ThoiGianGiaiQuyet: …".
class RecordReader
{
public:
    RecordReader(const QJsonObject &record, int number)
        : m_record(record)
        , m_number(number)
    {}

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

    void fail(const QString &field, const QString &reason)
    {
        if (m_error)
            return;
        Error e = makeError(
            QStringLiteral("import.bad_record"),
            QStringLiteral("Bản ghi %1, trường %2: %3").arg(m_number).arg(field, reason),
            QStringLiteral("[%1].%2").arg(m_number).arg(field));
        e.details.insert(QStringLiteral("record"), m_number);
        e.details.insert(QStringLiteral("recordField"), field);
        e.details.insert(QStringLiteral("reason"), reason);
        m_error = e;
    }

    QString string(const QString &field, bool required, int maxLength = 2000)
    {
        const QJsonValue v = m_record.value(field);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
            if (required)
                fail(field, QStringLiteral("bắt buộc phải có."));
            return {};
        }
        if (!v.isString()) {
            fail(field, QStringLiteral("phải là chuỗi ký tự."));
            return {};
        }
        const QString text = v.toString().trimmed();
        if (text.size() > maxLength)
            fail(field, QStringLiteral("dài quá %1 ký tự.").arg(maxLength));
        return text;
    }

    QJsonArray array(const QString &field)
    {
        const QJsonValue v = m_record.value(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(field, QStringLiteral("phải là một mảng."));
        return v.toArray();
    }

    // A whole number in [0, max] given as a number or a string of digits.
    qint64 count(const QJsonValue &v, const QString &field, qint64 max, qint64 fallback = 0)
    {
        if (v.isUndefined() || v.isNull())
            return fallback;
        bool ok = false;
        double number = 0;
        if (v.isDouble()) {
            number = v.toDouble();
            ok = true;
        } else if (v.isString()) {
            number = v.toString().trimmed().toDouble(&ok);
        }
        if (!ok || number < 0 || number > double(max) || number != qint64(number)) {
            fail(field, QStringLiteral("phải là số nguyên từ 0 đến %1.").arg(max));
            return fallback;
        }
        return qint64(number);
    }

    [[nodiscard]] QJsonValue value(const QString &field) const { return m_record.value(field); }

private:
    QJsonObject m_record;
    int m_number;
    std::optional<Error> m_error;
};

std::optional<domain::Deadline::Unit> unitFrom(const QString &text)
{
    const QString folded = domain::foldForSearch(text);
    if (folded.isEmpty() || folded.contains(QLatin1String("khong quy dinh")))
        return domain::Deadline::Unit::None;
    if (folded.contains(QLatin1String("gio")))
        return domain::Deadline::Unit::WorkingHours;
    if (folded.contains(QLatin1String("phut")))
        return domain::Deadline::Unit::WorkingMinutes;
    if (folded.contains(QLatin1String("ngay")))
        return domain::Deadline::Unit::WorkingDays;
    return std::nullopt;
}

std::optional<domain::ProcedureLevel> levelFrom(const QString &text)
{
    const QString folded = domain::foldForSearch(text).replace(QLatin1Char(' '), QLatin1Char('-'));
    if (folded.isEmpty() || folded.contains(QLatin1String("mot-phan")))
        return domain::ProcedureLevel::PartialOnline;
    if (folded.contains(QLatin1String("toan-trinh")))
        return domain::ProcedureLevel::FullOnline;
    if (folded.contains(QLatin1String("thong-tin")))
        return domain::ProcedureLevel::Information;
    return std::nullopt;
}

void readComponents(RecordReader &r, domain::Procedure &p)
{
    const QJsonArray items = r.array(QStringLiteral("ThanhPhanHoSo"));
    for (qsizetype i = 0; i < items.size() && !r.failed(); ++i) {
        const QString field = QStringLiteral("ThanhPhanHoSo[%1]").arg(i);
        const QJsonObject item = items.at(i).toObject();
        const QString name = item.value(QStringLiteral("TenGiayTo")).toString().trimmed();
        if (!items.at(i).isObject() || name.isEmpty()) {
            r.fail(field, QStringLiteral("mỗi thành phần phải là đối tượng có TenGiayTo."));
            return;
        }
        domain::RequiredComponent c;
        c.name = name.left(1000);
        c.documentTypeCode = item.value(QStringLiteral("MaGiayTo")).toString().trimmed().left(50);
        c.originals = int(r.count(item.value(QStringLiteral("SoBanChinh")),
                                  field + QStringLiteral(".SoBanChinh"), 100));
        c.copies = int(r.count(item.value(QStringLiteral("SoBanSao")),
                               field + QStringLiteral(".SoBanSao"), 100));
        c.formName = item.value(QStringLiteral("MauDon")).toString().trimmed().left(300);
        const QJsonValue mandatory = item.value(QStringLiteral("BatBuoc"));
        if (!mandatory.isUndefined() && !mandatory.isBool())
            r.fail(field + QStringLiteral(".BatBuoc"), QStringLiteral("phải là true hoặc false."));
        c.mandatory = mandatory.toBool(true);
        p.components.append(c);
    }
}

void readFees(RecordReader &r, domain::Procedure &p)
{
    const QJsonArray items = r.array(QStringLiteral("PhiLePhi"));
    for (qsizetype i = 0; i < items.size() && !r.failed(); ++i) {
        const QString field = QStringLiteral("PhiLePhi[%1]").arg(i);
        if (!items.at(i).isObject()) {
            r.fail(field, QStringLiteral("mỗi khoản phí phải là đối tượng {MoTa, SoTien}."));
            return;
        }
        const QJsonObject item = items.at(i).toObject();
        domain::Fee fee;
        fee.description = item.value(QStringLiteral("MoTa")).toString().trimmed().left(500);
        if (fee.description.isEmpty())
            fee.description = QStringLiteral("Phí, lệ phí");
        if (!item.contains(QStringLiteral("SoTien")))
            r.fail(field + QStringLiteral(".SoTien"), QStringLiteral("bắt buộc phải có."));
        fee.amountVnd = r.count(item.value(QStringLiteral("SoTien")),
                                field + QStringLiteral(".SoTien"), 1000000000000LL);
        p.fees.append(fee);
    }
}

void readLegalBasis(RecordReader &r, domain::Procedure &p)
{
    const QJsonArray items = r.array(QStringLiteral("CanCuPhapLy"));
    for (qsizetype i = 0; i < items.size() && !r.failed(); ++i) {
        const QString field = QStringLiteral("CanCuPhapLy[%1]").arg(i);
        domain::LegalBasis basis;
        if (items.at(i).isString()) {
            const QString text = items.at(i).toString().trimmed();
            basis.number = text.section(QLatin1Char(' '), 0, 0);
            basis.title = text.section(QLatin1Char(' '), 1).trimmed();
        } else if (items.at(i).isObject()) {
            basis.number
                = items.at(i).toObject().value(QStringLiteral("SoKyHieu")).toString().trimmed();
            basis.title
                = items.at(i).toObject().value(QStringLiteral("TrichYeu")).toString().trimmed();
        }
        if (basis.number.isEmpty() || basis.number.size() > 100) {
            r.fail(field, QStringLiteral("phải có số, ký hiệu văn bản (SoKyHieu)."));
            return;
        }
        basis.title = basis.title.left(1000);
        p.legalBasis.append(basis);
    }
}

domain::Procedure readRecord(RecordReader &r)
{
    static const QRegularExpression codeRe(QStringLiteral("^[0-9]{1,2}\\.[0-9]{6}$"));
    domain::Procedure p;
    p.code = r.string(QStringLiteral("MaTTHC"), true, 30);
    if (!r.failed() && !codeRe.match(p.code).hasMatch())
        r.fail(QStringLiteral("MaTTHC"),
               QStringLiteral("\"%1\" không đúng dạng mã thủ tục (ví dụ 1.001193).").arg(p.code));
    p.name = r.string(QStringLiteral("TenTTHC"), true, 1000);
    p.fieldCode = r.string(QStringLiteral("MaLinhVuc"), false, 50);
    p.fieldName = r.string(QStringLiteral("TenLinhVuc"), false, 300);
    readComponents(r, p);
    const qint64 amount = r.count(r.value(QStringLiteral("ThoiGianGiaiQuyet")),
                                  QStringLiteral("ThoiGianGiaiQuyet"), 100000);
    const QString unitText = r.string(QStringLiteral("DonViTinh"), amount > 0, 100);
    if (!r.failed()) {
        const auto unit = unitFrom(unitText);
        if (!unit)
            r.fail(QStringLiteral("DonViTinh"),
                   QStringLiteral(
                       "\"%1\" không phải đơn vị thời gian (ngày làm việc, giờ làm việc, phút).")
                       .arg(unitText));
        else if (amount > 0 && *unit != domain::Deadline::Unit::None)
            p.deadline = {*unit, int(amount)};
    }
    readFees(r, p);
    readLegalBasis(r, p);
    p.agencyCode = r.string(QStringLiteral("CoQuanThucHien"), false, 20);
    if (!r.failed() && !p.agencyCode.isEmpty()) {
        if (auto st = domain::validateAgencyCode(p.agencyCode); !st)
            r.fail(QStringLiteral("CoQuanThucHien"), st.error().message);
    }
    const QString level = r.string(QStringLiteral("MucDo"), false, 100);
    if (!r.failed()) {
        if (const auto parsed = levelFrom(level))
            p.level = *parsed;
        else
            r.fail(QStringLiteral("MucDo"),
                   QStringLiteral(
                       "\"%1\" không phải mức độ dịch vụ công (toàn trình, một phần, thông tin).")
                       .arg(level));
    }
    return p;
}

} // namespace

Result<QList<domain::Procedure>> parseNationalProcedures(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(QStringLiteral("import.malformed"),
                         QStringLiteral("Tệp không phải JSON hợp lệ (lỗi tại vị trí %1: %2).")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    }
    if (!doc.isArray())
        return makeError(QStringLiteral("import.malformed"),
                         QStringLiteral("Tệp phải chứa một mảng JSON các thủ tục hành chính."));
    QList<domain::Procedure> out;
    QSet<QString> seen;
    const QJsonArray records = doc.array();
    for (qsizetype i = 0; i < records.size(); ++i) {
        const int number = int(i) + 1;
        if (!records.at(i).isObject()) {
            RecordReader r({}, number);
            r.fail(QStringLiteral("(bản ghi)"), QStringLiteral("phải là một đối tượng JSON."));
            return r.error();
        }
        RecordReader r(records.at(i).toObject(), number);
        domain::Procedure p = readRecord(r);
        if (!r.failed() && seen.contains(p.code))
            r.fail(QStringLiteral("MaTTHC"),
                   QStringLiteral("mã %1 đã xuất hiện ở bản ghi trước.").arg(p.code));
        if (r.failed())
            return r.error();
        seen.insert(p.code);
        out.append(std::move(p));
    }
    return out;
}

Result<int> importProcedures(CatalogueStore &catalogue, const QByteArray &json)
{
    auto procedures = parseNationalProcedures(json);
    if (!procedures)
        return procedures.error();
    if (auto st = catalogue.putProcedures(procedures.value()); !st)
        return st.error();
    qCInfo(lcStorage) << "imported" << procedures.value().size() << "procedures";
    return int(procedures.value().size());
}

} // namespace motcua::server
