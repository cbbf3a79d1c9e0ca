#include "zippackage.h"

#include <QFile>
#include <QTemporaryDir>

#include <zip.h>

namespace motcua::reports {

namespace {

domain::Error failed(const QString &what)
{
    return domain::makeError(QStringLiteral("reports.export_failed"),
                             QStringLiteral("Không đóng gói được tệp báo cáo: %1.").arg(what));
}

} // namespace

QString xmlText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n'))
            clean.append(c);
    }
    return clean.toHtmlEscaped();
}

domain::Result<QByteArray> ZipPackage::bytes() const
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("không tạo được thư mục tạm"));
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("package.zip")));
    int error = 0;
    zip_t *archive = zip_open(path.constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        return failed(QStringLiteral("zip_open %1").arg(error));
    for (const auto &[name, content] : m_parts) {
        // The buffer stays alive (m_parts) until zip_close reads it.
        zip_source_t *source
            = zip_source_buffer(archive, content.constData(), zip_uint64_t(content.size()), 0);
        if (!source
            || zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            if (source)
                zip_source_free(source);
            const QString message = QString::fromUtf8(zip_strerror(archive));
            zip_discard(archive);
            return failed(message);
        }
    }
    if (zip_close(archive) != 0) {
        const QString message = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        return failed(message);
    }
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("không đọc lại được gói"));
    return file.readAll();
}

} // namespace motcua::reports
