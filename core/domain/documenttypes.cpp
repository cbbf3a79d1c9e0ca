#include "documenttypes.h"

#include "cccd.h"
#include "folding.h"
#include "json.h"
#include "jsonreader.h"

#include <QRegularExpression>
#include <QSet>

namespace motcua::domain {

namespace {

const QString kDateFormat = QStringLiteral("dd/MM/yyyy");

// National codes may carry Vietnamese letters ("QĐ-TL"); never spaces or path characters.
bool isCodeCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_';
}

bool isKeyCharacter(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || c == u'-'
        || (c >= u'A' && c <= u'Z');
}

DataField readDataField(JsonReader &r)
{
    DataField f;
    f.key = r.string("key", true, 40);
    f.label = r.string("label", true, 200);
    f.kind = r.enumeration<DataFieldKind>("kind", dataFieldKindFromKey, DataFieldKind::Text);
    f.required = r.boolean("required", false);
    f.choices = r.stringList("choices");
    if (r.failed())
        return f;
    if (!std::all_of(f.key.cbegin(), f.key.cend(), isKeyCharacter)) {
        r.fail("key", QStringLiteral("json.bad_value"),
               QStringLiteral("Tên trường \"%1\" chỉ được gồm chữ không dấu, chữ số và dấu "
                              "gạch ngang.")
                   .arg(f.key));
    } else if (isStandardDataField(f.key)) {
        r.fail("key", QStringLiteral("json.bad_value"),
               QStringLiteral("\"%1\" là thông tin chung của mọi giấy tờ; hãy đánh dấu nó là bắt "
                              "buộc thay vì thêm lại.")
                   .arg(f.key));
    } else if (f.kind == DataFieldKind::Choice && f.choices.isEmpty()) {
        r.fail("choices", QStringLiteral("json.bad_value"),
               QStringLiteral("Trường \"%1\" là danh sách chọn nhưng chưa có lựa chọn nào.")
                   .arg(f.label));
    } else if (f.kind != DataFieldKind::Choice && !f.choices.isEmpty()) {
        r.fail("choices", QStringLiteral("json.bad_value"),
               QStringLiteral("Chỉ trường kiểu danh sách chọn mới có các lựa chọn."));
    }
    return f;
}

// Identification numbers: a personal ID (12 digits, or an old 9-digit CMND) or a tax code
// (10 digits, or 10-3 for a branch).
QString checkIdNumber(const QString &value)
{
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{9}|\\d{10}|\\d{12}|\\d{10}-\\d{3})$"));
    if (!shape.match(value).hasMatch()) {
        return QStringLiteral("Số định danh phải là số định danh cá nhân 12 chữ số (hoặc CMND 9 "
                              "chữ số) hoặc mã số thuế 10 chữ số (chi nhánh: 10-3).");
    }
    if (value.size() == 12) {
        if (auto st = validatePersonalId(value); !st)
            return st.error().message;
    }
    return {};
}

} // namespace

QString dataFieldKindKey(DataFieldKind kind)
{
    switch (kind) {
    case DataFieldKind::Text:
        return QStringLiteral("text");
    case DataFieldKind::Number:
        return QStringLiteral("number");
    case DataFieldKind::Date:
        return QStringLiteral("date");
    case DataFieldKind::Choice:
        return QStringLiteral("choice");
    }
    return {};
}

std::optional<DataFieldKind> dataFieldKindFromKey(const QString &key)
{
    for (const DataFieldKind k : allDataFieldKinds()) {
        if (dataFieldKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

const QList<DataFieldKind> &allDataFieldKinds()
{
    static const QList<DataFieldKind> kinds{DataFieldKind::Text, DataFieldKind::Number,
                                            DataFieldKind::Date, DataFieldKind::Choice};
    return kinds;
}

const QList<DataField> &standardDataFields()
{
    static const QList<DataField> fields{
        {QStringLiteral("holderId"),
         QStringLiteral("Số định danh của cá nhân, tổ chức"),
         DataFieldKind::Text,
         false,
         {}},
        {QStringLiteral("holderName"),
         QStringLiteral("Họ tên (khi không có số định danh)"),
         DataFieldKind::Text,
         false,
         {}},
        {QStringLiteral("holderBirthYear"),
         QStringLiteral("Năm sinh"),
         DataFieldKind::Number,
         false,
         {}},
        {QStringLiteral("issueDate"), QStringLiteral("Ngày cấp"), DataFieldKind::Date, false, {}},
        {QStringLiteral("issuer"), QStringLiteral("Cơ quan cấp"), DataFieldKind::Text, false, {}},
        {QStringLiteral("summary"),
         QStringLiteral("Trích yếu nội dung"),
         DataFieldKind::Text,
         false,
         {}},
        {QStringLiteral("validUntil"),
         QStringLiteral("Có hiệu lực đến"),
         DataFieldKind::Date,
         false,
         {}},
        {QStringLiteral("validityScope"),
         QStringLiteral("Phạm vi hiệu lực"),
         DataFieldKind::Text,
         false,
         {}},
    };
    return fields;
}

bool isStandardDataField(const QString &key)
{
    return std::any_of(standardDataFields().cbegin(), standardDataFields().cend(),
                       [&key](const DataField &f) { return f.key == key; });
}

QList<DataField> DocumentType::form() const
{
    QList<DataField> out = standardDataFields();
    for (DataField &f : out)
        f.required = requiredStandard.contains(f.key);
    out += fields;
    return out;
}

Check validateCatalogueCode(const QString &code, const QString &field)
{
    if (code.isEmpty() || code.size() > 40
        || !std::all_of(code.cbegin(), code.cend(), isCodeCharacter)) {
        return makeError(QStringLiteral("catalogue.bad_code"),
                         QStringLiteral("Mã \"%1\" không hợp lệ: mã có từ 1 đến 40 ký tự, gồm chữ, "
                                        "chữ số, dấu chấm, gạch ngang, gạch dưới.")
                             .arg(code.left(60)),
                         field);
    }
    return {};
}

QJsonObject toJson(const DocumentType &type)
{
    QJsonArray fields;
    for (const DataField &f : type.fields) {
        QJsonObject o{{QStringLiteral("key"), f.key},
                      {QStringLiteral("label"), f.label},
                      {QStringLiteral("kind"), dataFieldKindKey(f.kind)},
                      {QStringLiteral("required"), f.required}};
        if (!f.choices.isEmpty())
            o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(f.choices));
        fields.append(o);
    }
    return {{QStringLiteral("code"), type.code},
            {QStringLiteral("name"), type.name},
            {QStringLiteral("description"), type.description},
            {QStringLiteral("required"), QJsonArray::fromStringList(type.requiredStandard)},
            {QStringLiteral("fields"), fields}};
}

Result<DocumentType> documentTypeFromJson(const QJsonObject &json)
{
    return readTopLevel<DocumentType>(json, [](JsonReader &r) {
        DocumentType t;
        t.code = r.string("code", true, 40);
        t.name = r.string("name", true, 300);
        t.description = r.string("description", false, 2000);
        t.requiredStandard = r.stringList("required");
        t.fields = r.objects<DataField>("fields", readDataField);
        if (r.failed())
            return t;
        if (auto st = validateCatalogueCode(t.code); !st) {
            r.fail("code", st.error().code, st.error().message);
            return t;
        }
        if (t.name.trimmed().isEmpty()) {
            r.fail("name", QStringLiteral("json.empty_field"),
                   QStringLiteral("Tên loại giấy tờ không được để trống."));
            return t;
        }
        for (const QString &key : t.requiredStandard) {
            if (!isStandardDataField(key)) {
                r.fail(
                    "required", QStringLiteral("json.bad_value"),
                    QStringLiteral("\"%1\" không phải là thông tin chung của giấy tờ.").arg(key));
                return t;
            }
        }
        t.requiredStandard.removeDuplicates();
        QSet<QString> keys;
        for (qsizetype i = 0; i < t.fields.size(); ++i) {
            if (keys.contains(t.fields.at(i).key)) {
                r.fail("fields", QStringLiteral("json.bad_value"),
                       QStringLiteral("Trường \"%1\" xuất hiện hai lần.").arg(t.fields.at(i).key));
                return t;
            }
            keys.insert(t.fields.at(i).key);
        }
        if (t.fields.size() > 40) {
            r.fail("fields", QStringLiteral("json.too_long"),
                   QStringLiteral("Một loại giấy tờ có tối đa 40 trường dữ liệu riêng."));
        }
        return t;
    });
}

QJsonObject toJson(const ProcedureField &field)
{
    return {{QStringLiteral("code"), field.code}, {QStringLiteral("name"), field.name}};
}

Result<ProcedureField> procedureFieldFromJson(const QJsonObject &json)
{
    return readTopLevel<ProcedureField>(json, [](JsonReader &r) {
        ProcedureField f;
        f.code = r.string("code", true, 40);
        f.name = r.string("name", true, 300);
        if (r.failed())
            return f;
        if (auto st = validateCatalogueCode(f.code); !st)
            r.fail("code", st.error().code, st.error().message);
        else if (f.name.trimmed().isEmpty())
            r.fail("name", QStringLiteral("json.empty_field"),
                   QStringLiteral("Tên lĩnh vực không được để trống."));
        return f;
    });
}

QString checkDataValue(const DataField &field, const QString &value, const QDate &today)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return field.required ? QStringLiteral("Hãy nhập \"%1\".").arg(field.label) : QString();
    if (field.key == QLatin1String("holderId"))
        return checkIdNumber(v);
    if (field.key == QLatin1String("holderBirthYear")) {
        bool ok = false;
        const int year = v.toInt(&ok);
        if (!ok || year < 1900 || year > today.year())
            return QStringLiteral("Năm sinh phải là năm có 4 chữ số, từ 1900 đến %1.")
                .arg(today.year());
        return {};
    }
    switch (field.kind) {
    case DataFieldKind::Text:
        return v.size() > 2000 ? QStringLiteral("\"%1\" dài quá 2000 ký tự.").arg(field.label)
                               : QString();
    case DataFieldKind::Number:
        return std::all_of(v.cbegin(), v.cend(), [](QChar c) { return c.isDigit(); })
                && v.size() <= 20
            ? QString()
            : QStringLiteral("\"%1\" chỉ được gồm chữ số.").arg(field.label);
    case DataFieldKind::Date:
        return QDate::fromString(v, kDateFormat).isValid()
            ? QString()
            : QStringLiteral("\"%1\" phải là ngày dạng dd/MM/yyyy, ví dụ 15/08/2025.")
                  .arg(field.label);
    case DataFieldKind::Choice:
        return field.choices.contains(v)
            ? QString()
            : QStringLiteral("\"%1\" phải là một trong: %2.")
                  .arg(field.label, field.choices.join(QStringLiteral(", ")));
    }
    return {};
}

QStringList componentDataProblems(const Component &component, const DocumentType &type,
                                  const QDate &today)
{
    QStringList out;
    for (const DataField &f : type.form()) {
        const QString problem = checkDataValue(f, componentValue(component, f.key), today);
        if (!problem.isEmpty())
            out.append(problem);
    }
    return out;
}

QString componentValue(const Component &component, const QString &key)
{
    const auto date
        = [](const QDate &d) { return d.isValid() ? d.toString(kDateFormat) : QString(); };
    if (key == QLatin1String("holderId"))
        return component.holderId;
    if (key == QLatin1String("holderName"))
        return component.holderName;
    if (key == QLatin1String("holderBirthYear"))
        return component.holderBirthYear ? QString::number(component.holderBirthYear) : QString();
    if (key == QLatin1String("issueDate"))
        return date(component.issueDate);
    if (key == QLatin1String("issuer"))
        return component.issuer;
    if (key == QLatin1String("summary"))
        return component.summary;
    if (key == QLatin1String("validUntil"))
        return date(component.validUntil);
    if (key == QLatin1String("validityScope"))
        return component.validityScope;
    return component.data.value(key);
}

void setComponentValue(Component &component, const QString &key, const QString &value)
{
    const QString v = value.trimmed();
    const QDate d = QDate::fromString(v, kDateFormat);
    if (key == QLatin1String("holderId"))
        component.holderId = v;
    else if (key == QLatin1String("holderName"))
        component.holderName = v;
    else if (key == QLatin1String("holderBirthYear"))
        component.holderBirthYear = v.toInt();
    else if (key == QLatin1String("issueDate"))
        component.issueDate = d;
    else if (key == QLatin1String("issuer"))
        component.issuer = v;
    else if (key == QLatin1String("summary"))
        component.summary = v;
    else if (key == QLatin1String("validUntil"))
        component.validUntil = d;
    else if (key == QLatin1String("validityScope"))
        component.validityScope = v;
    else if (v.isEmpty())
        component.data.remove(key);
    else
        component.data.insert(key, v);
}

namespace {

// The column whose folded header is one of `names` (-1: none).
int columnOf(const QStringList &header, std::initializer_list<const char *> names)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        QString folded = foldForSearch(header.at(i));
        folded.remove(QLatin1Char(' '));
        for (const char *n : names) {
            if (folded == QLatin1String(n))
                return int(i);
        }
    }
    return -1;
}

QString csvCell(const QString &text)
{
    if (!text.contains(QLatin1Char(';')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\""))
        + QLatin1Char('"');
}

} // namespace

CatalogueListImport parseCatalogueList(const QList<QStringList> &rows)
{
    CatalogueListImport out;
    if (rows.isEmpty()) {
        out.problems.append({0, {}, QStringLiteral("Tệp không có dòng tiêu đề.")});
        return out;
    }
    const QStringList header = rows.first();
    const int code = columnOf(header, {"ma", "malinhvuc", "magiayto", "maloaigiayto", "code"});
    const int name = columnOf(header, {"ten", "tenlinhvuc", "tengiayto", "tenloaigiayto", "name"});
    const int description = columnOf(header, {"mota", "description", "ghichu"});
    if (code < 0)
        out.problems.append(
            {1, QStringLiteral("Ma"), QStringLiteral("dòng tiêu đề thiếu cột mã.")});
    if (name < 0)
        out.problems.append(
            {1, QStringLiteral("Ten"), QStringLiteral("dòng tiêu đề thiếu cột tên.")});
    if (!out.ok())
        return out;
    QHash<QString, int> seen; // code → row
    QList<CatalogueListRow> entries;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        const int line = int(i) + 1;
        if (std::all_of(r.cbegin(), r.cend(),
                        [](const QString &c) { return c.trimmed().isEmpty(); }))
            continue; // blank lines at the end of a sheet
        CatalogueListRow e;
        e.code = standardiseText(r.value(code));
        e.name = standardiseText(r.value(name));
        e.description = description >= 0 ? standardiseText(r.value(description)) : QString();
        if (auto st = validateCatalogueCode(e.code); !st)
            out.problems.append({line, header.at(code), st.error().message});
        else if (seen.contains(e.code))
            out.problems.append(
                {line, header.at(code),
                 QStringLiteral("mã \"%1\" đã có ở dòng %2.").arg(e.code).arg(seen.value(e.code))});
        if (e.name.isEmpty())
            out.problems.append({line, header.at(name), QStringLiteral("thiếu tên.")});
        else if (e.name.size() > 300)
            out.problems.append({line, header.at(name), QStringLiteral("tên dài quá 300 ký tự.")});
        seen.insert(e.code, line);
        entries.append(e);
    }
    if (entries.isEmpty() && out.ok())
        out.problems.append({0, {}, QStringLiteral("Tệp không có dòng dữ liệu nào.")});
    if (out.ok())
        out.rows = entries;
    return out;
}

CatalogueListImport parseCatalogueListCsv(const QByteArray &csv)
{
    CatalogueListImport out;
    const QList<QStringList> rows = csvTable(csv, &out.problems);
    if (!out.ok())
        return out;
    return parseCatalogueList(rows);
}

QByteArray catalogueListCsv(const QList<CatalogueListRow> &rows)
{
    QString text = QStringLiteral("Ma;Ten;MoTa\r\n");
    for (const CatalogueListRow &r : rows) {
        text += csvCell(r.code) + QLatin1Char(';') + csvCell(r.name) + QLatin1Char(';')
            + csvCell(r.description) + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

QList<std::pair<QString, QString>> filledValues(const Component &component,
                                                const DocumentType *type)
{
    QList<std::pair<QString, QString>> out;
    const QList<DataField> form = type ? type->form() : standardDataFields();
    QSet<QString> shown;
    for (const DataField &f : form) {
        shown.insert(f.key);
        const QString v = componentValue(component, f.key);
        if (!v.isEmpty())
            out.append({f.label, v});
    }
    for (auto it = component.data.cbegin(); it != component.data.cend(); ++it) {
        if (!shown.contains(it.key()) && !it.value().isEmpty())
            out.append({it.key(), it.value()});
    }
    return out;
}

} // namespace motcua::domain
