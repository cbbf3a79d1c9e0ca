#include "reporttable.h"

namespace motcua::reports {

namespace {

// RFC 4180: quote a field holding a separator, a quote or a line break; double the quotes.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString ReportTable::text(const QVariant &cell)
{
    if (cell.typeId() == QMetaType::Double)
        return QString::number(cell.toDouble(), 'f', 2).replace(QLatin1Char('.'), QLatin1Char(','));
    return cell.toString();
}

QString periodText(const QDate &from, const QDate &to)
{
    return QStringLiteral("Từ ngày %1 đến ngày %2")
        .arg(from.toString(QStringLiteral("dd/MM/yyyy")),
             to.toString(QStringLiteral("dd/MM/yyyy")));
}

ReportTable tableOf(const Statistics &s, const QString &title, const QString &agencyName)
{
    ReportTable t;
    t.agencyName = agencyName;
    t.title = title;
    t.period = periodText(s.query.from, s.query.to);
    t.note = QStringLiteral("Số liệu tính đến %1.")
                 .arg(s.asOf.toString(QStringLiteral("HH:mm 'ngày' dd/MM/yyyy")));
    const QList<Measure> measures = s.query.measures.isEmpty() ? allMeasures() : s.query.measures;
    if (s.query.groupBy.isEmpty()) {
        t.columns.append(QStringLiteral("Nội dung"));
    } else {
        for (const Dimension d : s.query.groupBy)
            t.columns.append(dimensionName(d));
    }
    t.labelColumns = int(t.columns.size());
    for (const Measure m : measures)
        t.columns.append(measureName(m));

    const auto figures = [&](const StatisticsRow &row, QVariantList &cells) {
        for (const Measure m : measures) {
            if (m == Measure::OnTimeRate && row.value(Measure::Resolved) == 0)
                cells.append(QStringLiteral("—")); // no rate without anything resolved
            else if (m == Measure::OnTimeRate)
                cells.append(double(row.value(m)) / 100.0);
            else
                cells.append(row.value(m));
        }
    };
    for (const StatisticsRow &row : s.rows) {
        QVariantList cells;
        for (const QString &label : row.labels)
            cells.append(label);
        figures(row, cells);
        t.rows.append(cells);
    }
    QVariantList totals{QStringLiteral("Tổng cộng")};
    for (int i = 1; i < t.labelColumns; ++i)
        totals.append(QString());
    figures(s.total, totals);
    if (s.query.groupBy.isEmpty())
        t.rows.append(totals);
    else
        t.totals = totals;
    return t;
}

QByteArray csvOf(const ReportTable &t)
{
    QString out;
    const auto line = [&](const QStringList &cells) {
        QStringList fields;
        for (const QString &c : cells)
            fields.append(csvField(c));
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    const auto texts = [](const QVariantList &cells) {
        QStringList text;
        for (const QVariant &c : cells)
            text.append(ReportTable::text(c));
        return text;
    };
    line({t.title});
    line({t.period});
    line(t.columns);
    for (const QVariantList &row : t.rows)
        line(texts(row));
    if (!t.totals.isEmpty())
        line(texts(t.totals));
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace motcua::reports
