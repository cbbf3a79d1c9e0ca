#include "resultchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

namespace motcua::ui {

using reports::ChartKind;
using reports::Measure;

namespace {

QList<Measure> countMeasures(const reports::Statistics &s)
{
    QList<Measure> out;
    for (const Measure m : s.query.measures.isEmpty() ? reports::allMeasures() : s.query.measures) {
        if (m != Measure::OnTimeRate)
            out.append(m);
    }
    return out;
}

QString rowLabel(const reports::StatisticsRow &row)
{
    return row.labels.isEmpty() ? row.keys.join(QStringLiteral(" · "))
                                : row.labels.join(QStringLiteral(" · "));
}

QValueAxis *countAxis(qint64 top)
{
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    if (top < 10) {
        y->setRange(0, double(top + 1));
        y->setTickCount(int(top) + 2);
    } else {
        y->setRange(0, double(top) * 1.1);
        y->applyNiceNumbers();
    }
    return y;
}

} // namespace

ResultChart::ResultChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("resultChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(320);
}

void ResultChart::show(const reports::Statistics &s, ChartKind kind, const QString &title)
{
    m_kind = kind;
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    QList<reports::StatisticsRow> rows = s.rows;
    if (rows.isEmpty())
        rows.append(s.total); // ungrouped: the one totals row
    if (rows.size() > kMaxRows)
        rows.resize(kMaxRows);
    const QList<Measure> measures = countMeasures(s);

    bool any = false;
    for (const auto &row : rows) {
        for (const Measure m : measures)
            any = any || row.value(m) != 0;
    }
    if (kind != ChartKind::None && !measures.isEmpty() && !any) {
        chart->setTitle(title + QStringLiteral("<br>")
                        + tr("No dossier of the period matches this report: nothing to draw."));
    } else if (kind == ChartKind::None || measures.isEmpty()) {
        chart->setTitle(kind == ChartKind::None
                            ? tr("This report template draws no chart.")
                            : tr("Choose a count measure to draw a chart (the on-time rate is "
                                 "shown in the table)."));
    } else if (kind == ChartKind::Pie) {
        auto *series = new QPieSeries;
        const Measure m = measures.first();
        for (const auto &row : rows) {
            if (row.value(m) > 0)
                series->append(QStringLiteral("%1: %2").arg(rowLabel(row)).arg(row.value(m)),
                               qreal(row.value(m)));
        }
        series->setLabelsVisible(series->count() <= 12);
        chart->addSeries(series);
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->setTitle(title + QStringLiteral(" — ") + reports::measureName(m));
    } else {
        QStringList categories;
        qint64 top = 0;
        for (const auto &row : rows) {
            categories.append(rowLabel(row));
            for (const Measure m : measures)
                top = std::max(top, row.value(m));
        }
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setLabelsAngle(categories.size() > 6 ? -45 : 0);
        QValueAxis *y = countAxis(top);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        if (kind == ChartKind::Bar) {
            auto *series = new QBarSeries;
            for (const Measure m : measures) {
                auto *set = new QBarSet(reports::measureName(m));
                for (const auto &row : rows)
                    set->append(qreal(row.value(m)));
                series->append(set);
            }
            series->setLabelsVisible(rows.size() * measures.size() <= 40);
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        } else {
            for (const Measure m : measures) {
                auto *series = new QLineSeries;
                series->setName(reports::measureName(m));
                series->setPointsVisible(true);
                for (int i = 0; i < rows.size(); ++i)
                    series->append(qreal(i), qreal(rows.at(i).value(m)));
                chart->addSeries(series);
                series->attachAxis(x);
                series->attachAxis(y);
            }
        }
    }
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace motcua::ui
