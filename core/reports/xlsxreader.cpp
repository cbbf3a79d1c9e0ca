#include "xlsxreader.h"

#include <QXmlStreamReader>

#include <zip.h>

#include <optional>

namespace motcua::reports {

namespace {

constexpr int kMaxRows = 1048576; // Excel's limit
constexpr int kMaxColumns = 16384;

domain::Error unreadable(const QString &what)
{
    return domain::makeError(QStringLiteral("xlsx.unreadable"),
                             QStringLiteral("Không đọc được tệp Excel (.xlsx): %1.").arg(what));
}

class Package
{
public:
    explicit Package(const QByteArray &bytes)
    {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t *source
            = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
        if (source) {
            m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!m_zip)
                zip_source_free(source);
        }
        zip_error_fini(&error);
    }
    ~Package()
    {
        if (m_zip)
            zip_discard(m_zip);
    }
    Package(const Package &) = delete;
    Package &operator=(const Package &) = delete;

    [[nodiscard]] bool isOpen() const { return m_zip != nullptr; }

    // A part's bytes; nothing when the package has no such part or it cannot be read.
    std::optional<QByteArray> part(const QString &name) const
    {
        const QByteArray path = name.toUtf8();
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(m_zip, path.constData(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)
            || stat.size > zip_uint64_t(256) * 1024 * 1024)
            return std::nullopt;
        zip_file_t *file = zip_fopen(m_zip, path.constData(), 0);
        if (!file)
            return std::nullopt;
        QByteArray out(qsizetype(stat.size), Qt::Uninitialized);
        qsizetype read = 0;
        while (read < out.size()) {
            const zip_int64_t n
                = zip_fread(file, out.data() + read, zip_uint64_t(out.size() - read));
            if (n <= 0)
                break;
            read += qsizetype(n);
        }
        zip_fclose(file);
        if (read != out.size())
            return std::nullopt;
        return out;
    }

private:
    zip_t *m_zip = nullptr;
};

// The worksheet the workbook lists first ("xl/worksheets/sheet1.xml" when it says nothing).
QString firstSheetPath(const Package &package)
{
    const QString fallback = QStringLiteral("xl/worksheets/sheet1.xml");
    const auto workbook = package.part(QStringLiteral("xl/workbook.xml"));
    const auto rels = package.part(QStringLiteral("xl/_rels/workbook.xml.rels"));
    if (!workbook || !rels)
        return fallback;
    QString id;
    QXmlStreamReader wb(*workbook);
    while (!wb.atEnd() && id.isEmpty()) {
        wb.readNext();
        if (wb.isStartElement() && wb.name() == QLatin1String("sheet")) {
            for (const auto &a : wb.attributes()) {
                if (a.name() == QLatin1String("id"))
                    id = a.value().toString();
            }
        }
    }
    if (id.isEmpty())
        return fallback;
    QXmlStreamReader rr(*rels);
    while (!rr.atEnd()) {
        rr.readNext();
        if (rr.isStartElement() && rr.name() == QLatin1String("Relationship")
            && rr.attributes().value(QLatin1String("Id")) == id) {
            const QString target = rr.attributes().value(QLatin1String("Target")).toString();
            return target.startsWith(QLatin1Char('/')) ? target.mid(1)
                                                       : QStringLiteral("xl/") + target;
        }
    }
    return fallback;
}

// Every <si> of the shared strings, its runs joined (phonetic runs left out).
std::optional<QStringList> sharedStrings(const Package &package)
{
    QStringList out;
    const auto bytes = package.part(QStringLiteral("xl/sharedStrings.xml"));
    if (!bytes)
        return out; // a workbook of numbers only has none
    QXmlStreamReader x(*bytes);
    QString current;
    int phonetic = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.name() == QLatin1String("si"))
                current.clear();
            else if (x.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (x.name() == QLatin1String("t") && phonetic == 0)
                current += x.readElementText();
        } else if (x.isEndElement()) {
            if (x.name() == QLatin1String("si"))
                out.append(current);
            else if (x.name() == QLatin1String("rPh"))
                --phonetic;
        }
    }
    if (x.hasError())
        return std::nullopt;
    return out;
}

// "BC12" → 54 (0-based column); -1 when not a cell reference.
int columnOf(QStringView ref)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : ref) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) {
            column = column * 26 + (c.unicode() - 'A' + 1);
            ++letters;
        } else {
            break;
        }
    }
    return letters == 0 || column > kMaxColumns ? -1 : column - 1;
}

} // namespace

domain::Result<QList<QStringList>> readXlsxRows(const QByteArray &xlsx)
{
    const Package package(xlsx);
    if (!package.isOpen())
        return unreadable(QStringLiteral("không phải tệp Excel .xlsx (gói ZIP)"));
    const auto strings = sharedStrings(package);
    if (!strings)
        return unreadable(QStringLiteral("bảng chuỗi (sharedStrings.xml) bị hỏng"));
    const QString sheetPath = firstSheetPath(package);
    const auto sheet = package.part(sheetPath);
    if (!sheet)
        return unreadable(QStringLiteral("không có trang tính %1").arg(sheetPath));

    QList<QStringList> rows;
    QXmlStreamReader x(*sheet);
    int rowIndex = -1;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        if (x.name() == QLatin1String("row")) {
            bool ok = false;
            const int r = x.attributes().value(QLatin1String("r")).toInt(&ok);
            rowIndex = ok && r >= 1 && r <= kMaxRows ? r - 1 : rowIndex + 1;
            if (rowIndex < rows.size()) // rows out of order: keep the file's numbering
                rowIndex = int(rows.size());
            while (rows.size() <= rowIndex)
                rows.append(QStringList());
            continue;
        }
        if (x.name() != QLatin1String("c") || rowIndex < 0)
            continue;
        const auto attributes = x.attributes();
        const QString type = attributes.value(QLatin1String("t")).toString();
        int column = columnOf(attributes.value(QLatin1String("r")));
        QStringList &row = rows[rowIndex];
        if (column < 0)
            column = int(row.size());
        QString value;
        QString inlineText;
        while (!x.atEnd()) {
            x.readNext();
            if (x.isEndElement() && x.name() == QLatin1String("c"))
                break;
            if (x.isStartElement() && x.name() == QLatin1String("v"))
                value = x.readElementText();
            else if (x.isStartElement() && x.name() == QLatin1String("t"))
                inlineText += x.readElementText();
        }
        QString text;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int i = value.toInt(&ok);
            if (!ok || i < 0 || i >= strings->size())
                return unreadable(QStringLiteral("ô %1 trỏ tới chuỗi không có")
                                      .arg(attributes.value(QLatin1String("r")).toString()));
            text = strings->at(i);
        } else if (type == QLatin1String("inlineStr")) {
            text = inlineText;
        } else if (type == QLatin1String("b")) {
            text = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        } else {
            text = value; // numbers, "str" (a formula's text), "e" (an error value)
        }
        while (row.size() <= column)
            row.append(QString());
        row[column] = text;
    }
    if (x.hasError())
        return unreadable(QStringLiteral("trang tính bị hỏng (%1)").arg(x.errorString()));
    return rows;
}

} // namespace motcua::reports
