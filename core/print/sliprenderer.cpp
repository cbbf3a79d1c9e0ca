#include "sliprenderer.h"

#include "qrcode.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <domain/slipcatalogue.h>

namespace motcua::print {
namespace {

using domain::makeError;

constexpr int kResolution = 300; // dots per inch the layout is measured in

// Margins of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): top and bottom
// 20 mm, left 30 mm, right 15 mm on A4; narrower on A5.
QPageLayout layoutFor(domain::SlipPage page)
{
    switch (page) {
    case domain::SlipPage::A5Portrait:
        return QPageLayout(QPageSize(QPageSize::A5), QPageLayout::Portrait,
                           QMarginsF(20, 12, 10, 12), QPageLayout::Millimeter);
    case domain::SlipPage::A4Landscape:
        return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                           QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
    case domain::SlipPage::A4Portrait:
        break;
    }
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(30, 20, 15, 20),
                       QPageLayout::Millimeter);
}

QFont slipFont()
{
    QFont font(QStringLiteral("Times New Roman"), 13);
    font.setFamilies({QStringLiteral("Times New Roman"), QStringLiteral("Liberation Serif")});
    font.setStyleHint(QFont::Serif);
    return font;
}

// Lays `html` out on the writer's page and paints it, page after page; answers the page count.
int paintDocument(QPainter &painter, QPdfWriter &writer, const QString &html, const QImage &qr,
                  bool firstOnNewPage)
{
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultFont(slipFont());
    doc.setDocumentMargin(0);
    if (!qr.isNull())
        doc.addResource(QTextDocument::ImageResource, QUrl(QLatin1String(kQrResource)), qr);
    doc.setHtml(html);
    const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
    doc.setPageSize(page.size());
    const int pages = doc.pageCount();
    for (int p = 0; p < pages; ++p) {
        if (p > 0 || firstOnNewPage)
            writer.newPage();
        painter.save();
        painter.translate(0, -p * page.height());
        doc.drawContents(&painter, QRectF(0, p * page.height(), page.width(), page.height()));
        painter.restore();
    }
    return pages;
}

} // namespace

domain::Result<QString> fillTemplate(const QString &html, const SlipValues &values)
{
    QString out;
    out.reserve(html.size() * 2);
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = html.indexOf(QLatin1String("{{"), from);
        if (start < 0) {
            out += QStringView(html).mid(from);
            return out;
        }
        const qsizetype end = html.indexOf(QLatin1String("}}"), start + 2);
        if (end < 0) {
            return makeError(QStringLiteral("print.bad_placeholder"),
                             QStringLiteral("Mẫu phiếu có \"{{\" chưa được đóng bằng \"}}\"."));
        }
        const QString name = html.mid(start + 2, end - start - 2).trimmed();
        const auto value = values.constFind(name);
        if (value == values.constEnd()) {
            return makeError(QStringLiteral("print.unknown_placeholder"),
                             QStringLiteral("Mẫu phiếu dùng chỗ điền \"{{%1}}\" không được hỗ trợ.")
                                 .arg(name.left(60)));
        }
        out += QStringView(html).mid(from, start - from);
        out += *value;
        from = end + 2;
    }
}

domain::Result<RenderedSlip> renderSlip(const QString &kind, const QString &templateHtml,
                                        const QList<domain::Dossier> &dossiers,
                                        const SlipContext &context)
{
    const domain::SlipKind *slipKind = domain::findSlipKind(kind);
    if (!slipKind)
        return makeError(QStringLiteral("print.unknown_kind"),
                         QStringLiteral("Loại phiếu \"%1\" không được hỗ trợ.").arg(kind.left(60)));
    if (dossiers.isEmpty())
        return makeError(QStringLiteral("print.no_dossier"),
                         QStringLiteral("Không có hồ sơ để in phiếu."));
    const domain::Dossier &dossier = dossiers.constFirst();
    SlipValues values = slipValues(dossier, context);
    if (kind == QLatin1String("logbook"))
        values.insert(QStringLiteral("logbook.rows"), logbookRows(dossiers, context));

    RenderedSlip rendered;
    QImage qr;
    if (templateHtml.contains(QLatin1String("dossier.qrCode"))) {
        rendered.qrText = lookupUrl(context.lookupBaseUrl, dossier);
        qr = makeQrImage(rendered.qrText);
        if (qr.isNull())
            return makeError(
                QStringLiteral("print.qr_failed"),
                QStringLiteral("Không tạo được mã QR tra cứu cho hồ sơ %1.").arg(dossier.code));
    }
    // The receipt: one copy kept, one handed to the applicant.
    QStringList copies{QString()};
    if (kind == QLatin1String("receipt"))
        copies = {QStringLiteral("Liên 1: Lưu"), QStringLiteral("Liên 2: Giao người nộp")};
    QStringList filled;
    for (const QString &copy : copies) {
        values.insert(QStringLiteral("slip.copyLabel"),
                      copy.isEmpty() ? QString() : QStringLiteral("<b><i>%1</i></b>").arg(copy));
        auto html = fillTemplate(templateHtml, values);
        if (!html)
            return html.error();
        filled.append(html.value());
    }

    QBuffer buffer(&rendered.pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setPageLayout(layoutFor(slipKind->page));
        writer.setCreator(QStringLiteral("MotCua"));
        writer.setTitle(slipKind->title + QStringLiteral(" — ") + dossier.code);
        QPainter painter;
        if (!painter.begin(&writer))
            return makeError(QStringLiteral("print.render_failed"),
                             QStringLiteral("Không tạo được tệp PDF của phiếu."));
        for (qsizetype i = 0; i < filled.size(); ++i)
            rendered.pages += paintDocument(painter, writer, filled.at(i), qr, i > 0);
        painter.end();
    }
    return rendered;
}

domain::Check writePdf(const QByteArray &pdf, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        return makeError(
            QStringLiteral("print.write_failed"),
            QStringLiteral("Không ghi được tệp %1: %2.").arg(path, file.errorString()));
    }
    return {};
}

} // namespace motcua::print
