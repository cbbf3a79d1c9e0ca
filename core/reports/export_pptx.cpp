// .pptx: PresentationML written by hand (one master, one blank layout, a theme, the slides),
// zipped with libzip. The first slide carries the agency, the title and the period; the table
// runs over as many slides as it needs, its header repeated.
#include "exporters.h"
#include "zippackage.h"

namespace motcua::reports {

namespace {

constexpr int kRowsPerSlide = 10;
constexpr qint64 kSlideWidth = 12192000; // 16:9, EMU
constexpr qint64 kSlideHeight = 6858000;
constexpr qint64 kMargin = 457200;

const char *const kNamespaces
    = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
const char *const kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char *const kRelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
const char *const kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

QString textRun(const QString &text, int size, bool bold, bool italic = false)
{
    return QStringLiteral("<a:r><a:rPr lang=\"vi-VN\" sz=\"%1\" b=\"%2\" i=\"%3\" dirty=\"0\">"
                          "<a:latin typeface=\"Times New Roman\"/><a:cs typeface=\"Times New "
                          "Roman\"/></a:rPr><a:t>%4</a:t></a:r>")
        .arg(size)
        .arg(bold ? 1 : 0)
        .arg(italic ? 1 : 0)
        .arg(xmlText(text));
}

QString para(const QString &runs, const char *align)
{
    return QStringLiteral("<a:p><a:pPr algn=\"%1\"/>%2</a:p>").arg(QLatin1String(align), runs);
}

QString textBox(int id, qint64 y, qint64 height, const QString &paragraphs)
{
    return QStringLiteral("<p:sp><p:nvSpPr><p:cNvPr id=\"%1\" name=\"Text %1\"/><p:cNvSpPr "
                          "txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"%2\" "
                          "y=\"%3\"/><a:ext cx=\"%4\" cy=\"%5\"/></a:xfrm><a:prstGeom "
                          "prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr "
                          "wrap=\"square\"/><a:lstStyle/>%6</p:txBody></p:sp>")
        .arg(id)
        .arg(kMargin)
        .arg(y)
        .arg(kSlideWidth - 2 * kMargin)
        .arg(height)
        .arg(paragraphs);
}

QString tableCell(const QString &text, bool header, bool bold, bool right)
{
    QString lines;
    for (const char *side : {"lnL", "lnR", "lnT", "lnB"})
        lines += QStringLiteral("<a:%1 w=\"9525\"><a:solidFill><a:srgbClr val=\"000000\"/>"
                                "</a:solidFill></a:%1>")
                     .arg(QLatin1String(side));
    const QString fill = header
        ? QStringLiteral("<a:solidFill><a:srgbClr val=\"DDE5F0\"/></a:solidFill>")
        : QStringLiteral("<a:noFill/>");
    return QStringLiteral("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>%1</a:txBody><a:tcPr>%2%3"
                          "</a:tcPr></a:tc>")
        .arg(para(textRun(text, 1200, header || bold), header ? "ctr" : (right ? "r" : "l")), lines,
             fill);
}

QString slideXml(const QString &shapes)
{
    return QString::fromLatin1(kXmlHead)
        + QStringLiteral("<p:sld %1><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/>"
                         "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>%2</p:spTree>"
                         "</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
              .arg(QLatin1String(kNamespaces), shapes);
}

QByteArray rels(const QList<QPair<QString, QString>> &typeAndTarget)
{
    QString out = QString::fromLatin1(kXmlHead)
        + QStringLiteral("<Relationships xmlns=\"%1\">").arg(QLatin1String(kRelsNs));
    int id = 1;
    for (const auto &[type, target] : typeAndTarget) {
        out += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2%3\" Target=\"%4\"/>")
                   .arg(id++)
                   .arg(QLatin1String(kRelBase), type, target);
    }
    return (out + QStringLiteral("</Relationships>")).toUtf8();
}

QByteArray theme()
{
    QString colours;
    const QList<QPair<const char *, const char *>> scheme{
        {"dk1", "000000"},     {"lt1", "FFFFFF"},     {"dk2", "1F3864"},
        {"lt2", "E7E6E6"},     {"accent1", "4472C4"}, {"accent2", "ED7D31"},
        {"accent3", "A5A5A5"}, {"accent4", "FFC000"}, {"accent5", "5B9BD5"},
        {"accent6", "70AD47"}, {"hlink", "0563C1"},   {"folHlink", "954F72"}};
    for (const auto &[name, rgb] : scheme)
        colours += QStringLiteral("<a:%1><a:srgbClr val=\"%2\"/></a:%1>")
                       .arg(QLatin1String(name), QLatin1String(rgb));
    const QString fill = QStringLiteral("<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>");
    const QString line = QStringLiteral("<a:ln w=\"9525\">%1</a:ln>").arg(fill);
    const QString effect = QStringLiteral("<a:effectStyle><a:effectLst/></a:effectStyle>");
    const QString fonts = QStringLiteral("<a:latin typeface=\"Times New Roman\"/><a:ea "
                                         "typeface=\"\"/><a:cs typeface=\"\"/>");
    return (QString::fromLatin1(kXmlHead)
            + QStringLiteral(
                  "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                  "name=\"MotCua\"><a:themeElements><a:clrScheme name=\"MotCua\">%1</a:clrScheme>"
                  "<a:fontScheme name=\"MotCua\"><a:majorFont>%2</a:majorFont><a:minorFont>%2"
                  "</a:minorFont></a:fontScheme><a:fmtScheme name=\"MotCua\"><a:fillStyleLst>%3%3%3"
                  "</a:fillStyleLst><a:lnStyleLst>%4%4%4</a:lnStyleLst><a:effectStyleLst>%5%5%5"
                  "</a:effectStyleLst><a:bgFillStyleLst>%3%3%3</a:bgFillStyleLst></a:fmtScheme>"
                  "</a:themeElements></a:theme>")
                  .arg(colours, fonts, fill, line, effect))
        .toUtf8();
}

} // namespace

domain::Result<QByteArray> pptxOf(const ReportTable &t)
{
    // Slides: the table in pages of kRowsPerSlide rows (the totals row on the last).
    QList<QVariantList> rows = t.rows;
    QList<bool> bold(rows.size(), false);
    if (!t.totals.isEmpty()) {
        rows.append(t.totals);
        bold.append(true);
    }
    const int columns = int(std::max<qsizetype>(1, t.columns.size()));
    const qint64 tableWidth = kSlideWidth - 2 * kMargin;
    const qint64 labelWidth = t.labelColumns > 0 ? tableWidth * 28 / 100 : 0;
    const qint64 figureWidth
        = (tableWidth - labelWidth * t.labelColumns) / std::max(1, columns - t.labelColumns);
    const auto widthOf = [&](int c) { return c < t.labelColumns ? labelWidth : figureWidth; };

    QList<QByteArray> slides;
    const int pages = std::max<int>(1, int((rows.size() + kRowsPerSlide - 1) / kRowsPerSlide));
    for (int page = 0; page < pages; ++page) {
        QString shapes;
        qint64 y = 300000;
        if (page == 0) {
            shapes += textBox(
                2, y, 700000,
                para(textRun(t.agencyName.toUpper(), 1400, true), "l")
                    + para(textRun(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 1400, true)
                               + textRun(QStringLiteral(" — Độc lập - Tự do - Hạnh phúc"), 1400,
                                         false),
                           "l"));
            y += 800000;
            shapes += textBox(3, y, 800000,
                              para(textRun(t.title, 2400, true), "ctr")
                                  + para(textRun(t.period, 1600, false, true), "ctr"));
            y += 900000;
        } else {
            shapes += textBox(
                3, y, 500000,
                para(textRun(t.title + QStringLiteral(" (tiếp theo)"), 1800, true), "ctr"));
            y += 600000;
        }
        QString grid;
        for (int c = 0; c < columns; ++c)
            grid += QStringLiteral("<a:gridCol w=\"%1\"/>").arg(widthOf(c));
        QString tableRows = QStringLiteral("<a:tr h=\"420000\">");
        for (const QString &header : t.columns)
            tableRows += tableCell(header, true, true, false);
        tableRows += QStringLiteral("</a:tr>");
        const int first = page * kRowsPerSlide;
        const int last = std::min<int>(int(rows.size()), first + kRowsPerSlide);
        for (int r = first; r < last; ++r) {
            tableRows += QStringLiteral("<a:tr h=\"320000\">");
            const QVariantList &cells = rows.at(r);
            for (int c = 0; c < cells.size(); ++c)
                tableRows += tableCell(ReportTable::text(cells.at(c)), false, bold.at(r),
                                       c >= t.labelColumns);
            tableRows += QStringLiteral("</a:tr>");
        }
        shapes
            += QStringLiteral(
                   "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Table\"/>"
                   "<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr>"
                   "<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x=\"%1\" y=\"%2\"/><a:ext "
                   "cx=\"%3\" cy=\"%4\"/></p:xfrm><a:graphic><a:graphicData "
                   "uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl>"
                   "<a:tblPr firstRow=\"1\"/><a:tblGrid>%5</a:tblGrid>%6</a:tbl></a:graphicData>"
                   "</a:graphic></p:graphicFrame>")
                   .arg(kMargin)
                   .arg(y)
                   .arg(tableWidth)
                   .arg(420000 + 320000 * (last - first))
                   .arg(grid, tableRows);
        if (page == pages - 1 && !t.note.isEmpty())
            shapes += textBox(5, kSlideHeight - 600000, 400000,
                              para(textRun(t.note, 1200, false, true), "l"));
        slides.append(slideXml(shapes).toUtf8());
    }

    ZipPackage zip;
    QString overrides;
    const auto override = [&](const QString &part, const char *type) {
        overrides += QStringLiteral("<Override PartName=\"%1\" ContentType=\"application/"
                                    "vnd.openxmlformats-officedocument.%2\"/>")
                         .arg(part, QLatin1String(type));
    };
    override(QStringLiteral("/ppt/presentation.xml"), "presentationml.presentation.main+xml");
    override(QStringLiteral("/ppt/slideMasters/slideMaster1.xml"),
             "presentationml.slideMaster+xml");
    override(QStringLiteral("/ppt/slideLayouts/slideLayout1.xml"),
             "presentationml.slideLayout+xml");
    override(QStringLiteral("/ppt/theme/theme1.xml"), "theme+xml");
    for (int i = 1; i <= slides.size(); ++i)
        override(QStringLiteral("/ppt/slides/slide%1.xml").arg(i), "presentationml.slide+xml");
    zip.add(QStringLiteral("[Content_Types].xml"),
            (QString::fromLatin1(kXmlHead)
             + QStringLiteral("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                              "content-types\"><Default Extension=\"rels\" "
                              "ContentType=\"application/"
                              "vnd.openxmlformats-package.relationships+xml\"/><Default "
                              "Extension=\"xml\" ContentType=\"application/xml\"/>%1</Types>")
                   .arg(overrides))
                .toUtf8());
    zip.add(QStringLiteral("_rels/.rels"),
            rels({{QStringLiteral("officeDocument"), QStringLiteral("ppt/presentation.xml")}}));

    QList<QPair<QString, QString>> presentationRels{
        {QStringLiteral("slideMaster"), QStringLiteral("slideMasters/slideMaster1.xml")},
        {QStringLiteral("theme"), QStringLiteral("theme/theme1.xml")}};
    QString slideIds;
    for (int i = 1; i <= slides.size(); ++i) {
        presentationRels.append(
            {QStringLiteral("slide"), QStringLiteral("slides/slide%1.xml").arg(i)});
        slideIds += QStringLiteral("<p:sldId id=\"%1\" r:id=\"rId%2\"/>").arg(255 + i).arg(i + 2);
    }
    zip.add(QStringLiteral("ppt/_rels/presentation.xml.rels"), rels(presentationRels));
    zip.add(
        QStringLiteral("ppt/presentation.xml"),
        (QString::fromLatin1(kXmlHead)
         + QStringLiteral("<p:presentation %1><p:sldMasterIdLst><p:sldMasterId "
                          "id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst>%2"
                          "</p:sldIdLst><p:sldSz cx=\"%3\" cy=\"%4\"/><p:notesSz cx=\"6858000\" "
                          "cy=\"9144000\"/></p:presentation>")
               .arg(QLatin1String(kNamespaces), slideIds)
               .arg(kSlideWidth)
               .arg(kSlideHeight))
            .toUtf8());
    const QString emptyTree = QStringLiteral(
        "<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/>"
        "</p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>");
    zip.add(QStringLiteral("ppt/slideMasters/slideMaster1.xml"),
            (QString::fromLatin1(kXmlHead)
             + QStringLiteral("<p:sldMaster %1>%2<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" "
                              "tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" "
                              "accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" "
                              "accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
                              "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/>"
                              "</p:sldLayoutIdLst></p:sldMaster>")
                   .arg(QLatin1String(kNamespaces), emptyTree))
                .toUtf8());
    zip.add(
        QStringLiteral("ppt/slideMasters/_rels/slideMaster1.xml.rels"),
        rels({{QStringLiteral("slideLayout"), QStringLiteral("../slideLayouts/slideLayout1.xml")},
              {QStringLiteral("theme"), QStringLiteral("../theme/theme1.xml")}}));
    zip.add(QStringLiteral("ppt/slideLayouts/slideLayout1.xml"),
            (QString::fromLatin1(kXmlHead)
             + QStringLiteral("<p:sldLayout %1 type=\"blank\" preserve=\"1\">%2<p:clrMapOvr>"
                              "<a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")
                   .arg(QLatin1String(kNamespaces),
                        QString(emptyTree).replace(QStringLiteral("<p:cSld>"),
                                                   QStringLiteral("<p:cSld name=\"Blank\">"))))
                .toUtf8());
    zip.add(QStringLiteral("ppt/slideLayouts/_rels/slideLayout1.xml.rels"),
            rels({{QStringLiteral("slideMaster"),
                   QStringLiteral("../slideMasters/slideMaster1.xml")}}));
    zip.add(QStringLiteral("ppt/theme/theme1.xml"), theme());
    for (int i = 0; i < slides.size(); ++i) {
        zip.add(QStringLiteral("ppt/slides/slide%1.xml").arg(i + 1), slides.at(i));
        zip.add(QStringLiteral("ppt/slides/_rels/slide%1.xml.rels").arg(i + 1),
                rels({{QStringLiteral("slideLayout"),
                       QStringLiteral("../slideLayouts/slideLayout1.xml")}}));
    }
    return zip.bytes();
}

} // namespace motcua::reports
