#include "csvexport.h"

#include <QSaveFile>

namespace motcua::services {

namespace {

QString quoted(const QString &field)
{
    static const QString special = QStringLiteral(",\"\r\n;");
    const bool needs
        = std::any_of(field.cbegin(), field.cend(), [](QChar ch) { return special.contains(ch); })
        || field.startsWith(QLatin1Char(' ')) || field.endsWith(QLatin1Char(' '));
    if (!needs)
        return field;
    QString out = field;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

void appendRow(QByteArray &out, const QStringList &row)
{
    QStringList cells;
    cells.reserve(row.size());
    for (const auto &f : row)
        cells << quoted(f);
    out += cells.join(QLatin1Char(',')).toUtf8();
    out += "\r\n";
}

} // namespace

QByteArray toCsv(const QStringList &header, const QList<QStringList> &rows)
{
    QByteArray out("\xEF\xBB\xBF");
    appendRow(out, header);
    for (const auto &r : rows)
        appendRow(out, r);
    return out;
}

domain::Check writeCsv(const QString &path, const QStringList &header,
                       const QList<QStringList> &rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(header, rows)) < 0 || !file.commit()) {
        return domain::makeError(
            QStringLiteral("csv.write_failed"),
            QStringLiteral("Không ghi được tệp \"%1\": %2").arg(path, file.errorString()),
            QStringLiteral("path"));
    }
    return {};
}

} // namespace motcua::services
