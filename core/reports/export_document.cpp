// .odt (QTextDocumentWriter) and .pdf (QPdfWriter) from one QTextDocument in the layout of an
// administrative document, like the slips of core/print: agency left, national motto right, the
// title, the period, the table; Times New Roman (Liberation Serif, its metric twin, where Times is
// not installed).
#include "exporters.h"

#include <QBuffer>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextDocumentWriter>

namespace motcua::reports {

namespace {

constexpr int kResolution = 300;

domain::Error failed(const QString &what)
{
    return domain::makeError(QStringLiteral("reports.export_failed"),
                             QStringLiteral("Không tạo được tệp báo cáo: %1.").arg(what));
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString htmlOf(const ReportTable &t)
{
    QString html = QStringLiteral(
        "<html><head><meta charset=\"utf-8\"><style>"
        "body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 12pt; }"
        "td, th { vertical-align: middle; }"
        "table.grid { border-collapse: collapse; }"
        "table.grid td, table.grid th { border: 1px solid black; padding: 2pt 4pt; }"
        "table.grid th { background-color: #dde5f0; }"
        ".center { text-align: center; } .right { text-align: right; }"
        "</style></head><body>");
    html += QStringLiteral(
                "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                "<td width=\"42%\" class=\"center\"><b>%1</b><br>———————</td>"
                "<td width=\"58%\" class=\"center\"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>"
                "<b>Độc lập - Tự do - Hạnh phúc</b><br>———————————————</td></tr></table>")
                .arg(escaped(t.agencyName.toUpper()));
    html += QStringLiteral("<p class=\"center\" style=\"font-size: 14pt; margin-top: 14pt;\"><b>%1"
                           "</b></p><p class=\"center\"><i>%2</i></p>")
                .arg(escaped(t.title), escaped(t.period));
    html += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" "
                           "cellpadding=\"3\" border=\"1\"><thead><tr>");
    for (const QString &c : t.columns)
        html += QStringLiteral("<th>%1</th>").arg(escaped(c));
    html += QStringLiteral("</tr></thead>");
    const auto row = [&](const QVariantList &cells, bool bold) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < cells.size(); ++c) {
            QString text = escaped(ReportTable::text(cells.at(c)));
            if (bold)
                text = QStringLiteral("<b>%1</b>").arg(text);
            html += c < t.labelColumns
                ? QStringLiteral("<td>%1</td>").arg(text)
                : QStringLiteral("<td class=\"right\" align=\"right\">%1</td>").arg(text);
        }
        html += QStringLiteral("</tr>");
    };
    for (const QVariantList &cells : t.rows)
        row(cells, false);
    if (!t.totals.isEmpty())
        row(t.totals, true);
    html += QStringLiteral("</table>");
    if (!t.note.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(escaped(t.note));
    return html + QStringLiteral("</body></html>");
}

QFont reportFont()
{
    QFont font(QStringLiteral("Times New Roman"), 12);
    font.setFamilies({QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif")});
    font.setStyleHint(QFont::Serif);
    return font;
}

} // namespace

domain::Result<QByteArray> odtOf(const ReportTable &t)
{
    QTextDocument doc;
    doc.setDefaultFont(reportFont());
    doc.setHtml(htmlOf(t));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, QByteArrayLiteral("odf"));
    if (!writer.write(&doc))
        return failed(QStringLiteral("QTextDocumentWriter không ghi được ODF"));
    return buffer.data();
}

bool landscapeFor(const ReportTable &t)
{
    return t.columns.size() > 5;
}

domain::Check paintReport(const ReportTable &t, QPagedPaintDevice &device, int resolution)
{
    QPainter painter;
    if (!painter.begin(&device))
        return failed(QStringLiteral("không mở được trang để vẽ"));
    QTextDocument doc;
    doc.setDefaultFont(reportFont());
    doc.setHtml(htmlOf(t));
    const QRect page = device.pageLayout().paintRectPixels(resolution);
    // Lay the document out in points scaled to the device's pixels, so the font sizes hold.
    const qreal scale = resolution / 72.0;
    doc.setPageSize(QSizeF(page.width() / scale, page.height() / scale));
    painter.scale(scale, scale);
    const int pages = doc.pageCount();
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            device.newPage();
        painter.save();
        painter.translate(0, -p * doc.pageSize().height());
        doc.drawContents(&painter,
                         QRectF(0, p * doc.pageSize().height(), doc.pageSize().width(),
                                doc.pageSize().height()));
        painter.restore();
    }
    painter.end();
    return {};
}

domain::Result<QByteArray> pdfOf(const ReportTable &t)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setCreator(QStringLiteral("MotCua"));
        writer.setTitle(t.title);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4),
                        landscapeFor(t) ? QPageLayout::Landscape : QPageLayout::Portrait,
                        QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter));
        if (auto st = paintReport(t, writer, kResolution); !st)
            return st.error();
    }
    return buffer.data();
}

} // namespace motcua::reports
