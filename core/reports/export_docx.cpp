// .docx: WordprocessingML written by hand (one document part, no styles part), zipped with libzip.
// Layout of an administrative document: the agency on the left, the national motto on the right,
// the title, the period, the table.
#include "exporters.h"
#include "zippackage.h"

namespace motcua::reports {

namespace {

QString run(const QString &text, bool bold = false, bool italic = false, int halfPoints = 26)
{
    QString props = QStringLiteral("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New "
                                   "Roman\" w:cs=\"Times New Roman\"/>");
    if (bold)
        props += QStringLiteral("<w:b/>");
    if (italic)
        props += QStringLiteral("<w:i/>");
    props += QStringLiteral("<w:sz w:val=\"%1\"/>").arg(halfPoints);
    return QStringLiteral("<w:r><w:rPr>%1</w:rPr><w:t xml:space=\"preserve\">%2</w:t></w:r>")
        .arg(props, xmlText(text));
}

QString paragraph(const QString &runs, const char *align = "left")
{
    return QStringLiteral(
               "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"60\"/><w:jc w:val=\"%1\"/>"
               "</w:pPr>%2</w:p>")
        .arg(QLatin1String(align), runs);
}

QString cell(const QString &content, int width, bool shaded = false)
{
    return QStringLiteral("<w:tc><w:tcPr><w:tcW w:w=\"%1\" w:type=\"dxa\"/>%2</w:tcPr>%3</w:tc>")
        .arg(width)
        .arg(shaded ? QStringLiteral("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DDE5F0\"/>")
                    : QString(),
             content);
}

QString borders(const char *value)
{
    QString b;
    for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"})
        b += QStringLiteral("<w:%1 w:val=\"%2\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
                 .arg(QLatin1String(side), QLatin1String(value));
    return QStringLiteral("<w:tblBorders>%1</w:tblBorders>").arg(b);
}

} // namespace

domain::Result<QByteArray> docxOf(const ReportTable &t)
{
    const bool landscape = t.columns.size() > 5;
    const int textWidth = landscape ? 14570 : 9638; // twips inside 2 cm margins of A4
    QString body;

    // Agency and national motto side by side, no borders.
    const int left = textWidth * 42 / 100;
    body += QStringLiteral(
                "<w:tbl><w:tblPr><w:tblW w:w=\"%1\" w:type=\"dxa\"/>%2</w:tblPr>"
                "<w:tblGrid><w:gridCol w:w=\"%3\"/><w:gridCol w:w=\"%4\"/></w:tblGrid><w:tr>")
                .arg(textWidth)
                .arg(borders("nil"))
                .arg(left)
                .arg(textWidth - left);
    body += cell(paragraph(run(t.agencyName.toUpper(), true, false, 24), "center")
                     + paragraph(run(QStringLiteral("———————"), false, false, 24), "center"),
                 left);
    body += cell(
        paragraph(run(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), true, false, 24),
                  "center")
            + paragraph(run(QStringLiteral("Độc lập - Tự do - Hạnh phúc"), true), "center")
            + paragraph(run(QStringLiteral("———————————————"), false, false, 24), "center"),
        textWidth - left);
    body += QStringLiteral("</w:tr></w:tbl>");

    body += paragraph(QString(), "center");
    body += paragraph(run(t.title, true, false, 28), "center");
    body += paragraph(run(t.period, false, true), "center");
    body += paragraph(QString(), "center");

    // The figures.
    const int columns = int(std::max<qsizetype>(1, t.columns.size()));
    const int labelWidth = t.labelColumns > 0 ? textWidth * 30 / 100 : 0;
    const int figureColumns = std::max(1, columns - t.labelColumns);
    const int figureWidth = (textWidth - labelWidth * t.labelColumns) / figureColumns;
    const auto widthOf = [&](int c) { return c < t.labelColumns ? labelWidth : figureWidth; };
    QString grid;
    for (int c = 0; c < columns; ++c)
        grid += QStringLiteral("<w:gridCol w:w=\"%1\"/>").arg(widthOf(c));
    body += QStringLiteral("<w:tbl><w:tblPr><w:tblW w:w=\"%1\" w:type=\"dxa\"/>%2</w:tblPr>"
                           "<w:tblGrid>%3</w:tblGrid>")
                .arg(textWidth)
                .arg(borders("single"), grid);
    body += QStringLiteral("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
    for (int c = 0; c < t.columns.size(); ++c)
        body += cell(paragraph(run(t.columns.at(c), true, false, 22), "center"), widthOf(c), true);
    body += QStringLiteral("</w:tr>");
    const auto row = [&](const QVariantList &cells, bool bold) {
        body += QStringLiteral("<w:tr>");
        for (int c = 0; c < cells.size(); ++c) {
            body += cell(paragraph(run(ReportTable::text(cells.at(c)), bold, false, 22),
                                   c < t.labelColumns ? "left" : "right"),
                         widthOf(c));
        }
        body += QStringLiteral("</w:tr>");
    };
    for (const QVariantList &cells : t.rows)
        row(cells, false);
    if (!t.totals.isEmpty())
        row(t.totals, true);
    body += QStringLiteral("</w:tbl>");
    if (!t.note.isEmpty())
        body += paragraph(run(t.note, false, true, 22));

    const QString section = landscape
        ? QStringLiteral("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>")
        : QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    const QString document
        = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                         "wordprocessingml/2006/main\"><w:body>%1<w:sectPr>%2"
                         "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
                         "w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
                         "</w:sectPr></w:body></w:document>")
              .arg(body, section);

    ZipPackage zip;
    zip.add(QStringLiteral("[Content_Types].xml"),
            QByteArrayLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" "
                "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/word/document.xml\" "
                "ContentType=\"application/"
                "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                "</Types>"));
    zip.add(QStringLiteral("_rels/.rels"),
            QByteArrayLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships "
                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
    zip.add(QStringLiteral("word/document.xml"), document.toUtf8());
    return zip.bytes();
}

} // namespace motcua::reports
