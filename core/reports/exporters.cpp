#include "exporters.h"

#include <QSaveFile>

namespace motcua::reports {

namespace {

struct FormatText
{
    ExportFormat format;
    const char *key;
};
constexpr std::array<FormatText, 6> kFormats{{{ExportFormat::Csv, "csv"},
                                              {ExportFormat::Xlsx, "xlsx"},
                                              {ExportFormat::Docx, "docx"},
                                              {ExportFormat::Pptx, "pptx"},
                                              {ExportFormat::Odt, "odt"},
                                              {ExportFormat::Pdf, "pdf"}}};

} // namespace

QString exportFormatKey(ExportFormat format)
{
    return QString::fromLatin1(kFormats.at(std::size_t(format)).key);
}

std::optional<ExportFormat> exportFormatFromKey(const QString &key)
{
    for (const auto &f : kFormats) {
        if (key.compare(QLatin1String(f.key), Qt::CaseInsensitive) == 0)
            return f.format;
    }
    return std::nullopt;
}

const QList<ExportFormat> &allExportFormats()
{
    static const QList<ExportFormat> all{ExportFormat::Csv,  ExportFormat::Xlsx, ExportFormat::Docx,
                                         ExportFormat::Pptx, ExportFormat::Odt,  ExportFormat::Pdf};
    return all;
}

domain::Result<QByteArray> exportTable(const ReportTable &table, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return csvOf(table);
    case ExportFormat::Xlsx:
        return xlsxOf(table);
    case ExportFormat::Docx:
        return docxOf(table);
    case ExportFormat::Pptx:
        return pptxOf(table);
    case ExportFormat::Odt:
        return odtOf(table);
    case ExportFormat::Pdf:
        return pdfOf(table);
    }
    return domain::makeError(QStringLiteral("reports.export_failed"),
                             QStringLiteral("Định dạng xuất báo cáo không được hỗ trợ."));
}

domain::Check writeReport(const ReportTable &table, ExportFormat format, const QString &path)
{
    auto bytes = exportTable(table, format);
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes->size()
        || !file.commit()) {
        return domain::makeError(
            QStringLiteral("reports.write_failed"),
            QStringLiteral("Không ghi được tệp báo cáo \"%1\": %2.").arg(path, file.errorString()),
            QStringLiteral("out"));
    }
    return {};
}

} // namespace motcua::reports
