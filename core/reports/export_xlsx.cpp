// .xlsx through libxlsxwriter. libxlsxwriter 1.1.4 (Debian 12) writes only to a file, so the
// workbook goes to a private temporary folder and is read back.
#include "exporters.h"

#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

namespace motcua::reports {

namespace {

domain::Error failed(const QString &what)
{
    return domain::makeError(QStringLiteral("reports.export_failed"),
                             QStringLiteral("Không tạo được tệp Excel (.xlsx): %1.").arg(what));
}

} // namespace

domain::Result<QByteArray> xlsxOf(const ReportTable &t)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("không tạo được thư mục tạm"));
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("report.xlsx")));

    lxw_workbook *book = workbook_new(path.constData());
    if (!book)
        return failed(QStringLiteral("không mở được sổ tính"));
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Bao cao");

    const auto format = [&](bool bold, bool border, bool center, bool italic = false) {
        lxw_format *f = workbook_add_format(book);
        format_set_font_name(f, "Times New Roman");
        format_set_font_size(f, 12);
        if (bold)
            format_set_bold(f);
        if (italic)
            format_set_italic(f);
        if (border)
            format_set_border(f, LXW_BORDER_THIN);
        if (center)
            format_set_align(f, LXW_ALIGN_CENTER);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
        return f;
    };
    lxw_format *title = format(true, false, true);
    format_set_font_size(title, 14);
    lxw_format *plain = format(false, false, true, true);
    lxw_format *agency = format(true, false, false);
    lxw_format *header = format(true, true, true);
    format_set_bg_color(header, 0xDDE5F0);
    lxw_format *label = format(false, true, false);
    lxw_format *number = format(false, true, false);
    format_set_num_format(number, "#,##0");
    lxw_format *decimal = format(false, true, false);
    format_set_num_format(decimal, "0.00");
    lxw_format *totalLabel = format(true, true, false);
    lxw_format *totalNumber = format(true, true, false);
    format_set_num_format(totalNumber, "#,##0");
    lxw_format *totalDecimal = format(true, true, false);
    format_set_num_format(totalDecimal, "0.00");

    const auto columns = lxw_col_t(std::max<qsizetype>(1, t.columns.size()));
    const lxw_col_t last = columns - 1;
    const auto utf8 = [](const QString &s) { return s.toUtf8(); };

    worksheet_write_string(sheet, 0, 0, utf8(t.agencyName.toUpper()).constData(), agency);
    worksheet_merge_range(sheet, 2, 0, 2, last, utf8(t.title).constData(), title);
    worksheet_merge_range(sheet, 3, 0, 3, last, utf8(t.period).constData(), plain);
    lxw_row_t row = 5;
    for (lxw_col_t c = 0; c < lxw_col_t(t.columns.size()); ++c) {
        worksheet_write_string(sheet, row, c, utf8(t.columns.at(c)).constData(), header);
        worksheet_set_column(sheet, c, c, int(c) < t.labelColumns ? 36 : 14, nullptr);
    }
    worksheet_set_row(sheet, row, 36, nullptr);
    const auto writeCells = [&](const QVariantList &cells, bool total) {
        ++row;
        for (lxw_col_t c = 0; c < lxw_col_t(cells.size()); ++c) {
            const QVariant &cell = cells.at(c);
            if (cell.typeId() == QMetaType::QString) {
                worksheet_write_string(sheet, row, c, utf8(cell.toString()).constData(),
                                       total ? totalLabel : label);
            } else if (cell.typeId() == QMetaType::Double) {
                worksheet_write_number(sheet, row, c, cell.toDouble(),
                                       total ? totalDecimal : decimal);
            } else {
                worksheet_write_number(sheet, row, c, double(cell.toLongLong()),
                                       total ? totalNumber : number);
            }
        }
    };
    for (const QVariantList &cells : t.rows)
        writeCells(cells, false);
    if (!t.totals.isEmpty())
        writeCells(t.totals, true);
    if (!t.note.isEmpty())
        worksheet_write_string(sheet, row + 2, 0, utf8(t.note).constData(), nullptr);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9); // A4
    worksheet_fit_to_pages(sheet, 1, 0);

    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        return failed(QString::fromLatin1(lxw_strerror(error)));
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("không đọc lại được tệp"));
    return file.readAll();
}

} // namespace motcua::reports
