#include "dashboard.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalPercentBarSeries>
#include <QLabel>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>

namespace motcua::ui {

using reports::Dimension;
using reports::Measure;
using reports::Statistics;

namespace {

reports::Statistics grouped(const QList<reports::DossierFacts> &facts,
                            const reports::StatisticsQuery &period, Dimension dimension,
                            const reports::ProcedureCatalogue &procedures,
                            const reports::StatisticsLabels &labels)
{
    reports::StatisticsQuery q = period;
    q.groupBy = {dimension};
    q.measures.clear();
    return reports::computeStatistics(facts, q, procedures, labels);
}

QString percent(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("—");
    return QString::number(*value, 'f', 1).replace(QLatin1Char('.'), QLatin1Char(',')) + u'%';
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

} // namespace

DashboardData computeDashboard(const QList<reports::DossierFacts> &facts,
                               const reports::StatisticsQuery &period,
                               const reports::ProcedureCatalogue &procedures,
                               const reports::StatisticsLabels &labels)
{
    DashboardData d;
    d.byMonth = grouped(facts, period, Dimension::Month, procedures, labels);
    d.byField = grouped(facts, period, Dimension::Field, procedures, labels);
    d.byDepartment = grouped(facts, period, Dimension::Department, procedures, labels);
    d.byOfficer = grouped(facts, period, Dimension::Officer, procedures, labels);
    d.indicators = reports::computeIndicators(facts, period);
    return d;
}

Dashboard::Dashboard(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    addTile(grid, 0, QStringLiteral("received"), tr("Received in the period"),
            tr("Dossiers received in the period (at the counter or from the portal)."));
    addTile(grid, 1, QStringLiteral("onTime"), tr("Resolved early or on time"),
            tr("Share of the resolved dossiers completed no later than their due instant (after "
               "pauses for supplements and approved extensions)."));
    addTile(grid, 2, QStringLiteral("early"), tr("Resolved early"),
            tr("Share of the resolved dossiers completed on a day before their due day."));
    addTile(grid, 3, QStringLiteral("processingDays"), tr("Average processing time"),
            tr("Mean time from receipt to completion of the resolved dossiers, in calendar "
               "days."));
    addTile(grid, 4, QStringLiteral("digitised"), tr("Digitised"),
            tr("Share of the received dossiers whose every component was digitised (scanned or "
               "filed electronically)."));
    addTile(grid, 5, QStringLiteral("electronicResult"), tr("Electronic results"),
            tr("Share of the resolved dossiers with a result document on file."));
    addTile(grid, 6, QStringLiteral("online"), tr("Received online"),
            tr("Share of the received dossiers that came through the national portal."));
    for (int i = 0; i < ChartCount; ++i) {
        auto *view = new QChartView(newChart({}));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(260);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        m_views.append(view);
    }
    // One row for the trend and the status, then each share chart across the width (their
    // category names are long); the section scrolls when the window is short.
    grid->addWidget(m_views.at(Trend), 1, 0, 1, 3);
    grid->addWidget(m_views.at(Status), 1, 3, 1, 4);
    int row = 2;
    for (Chart c : {ByField, ByDepartment, ByOfficer}) {
        m_views.at(c)->setMinimumHeight(220);
        grid->addWidget(m_views.at(c), row++, 0, 1, 7);
    }
}

void Dashboard::addTile(QGridLayout *grid, int column, const QString &key, const QString &name,
                        const QString &definition)
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("tile_") + key);
    label->setFrameShape(QFrame::StyledPanel);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMinimumHeight(72);
    label->setToolTip(definition);
    label->setProperty("tileName", name);
    label->setText(QStringLiteral("<small>%1</small><br><big><b>—</b></big>").arg(name));
    grid->addWidget(label, 0, column);
    m_tiles.insert(key, label);
}

QLabel *Dashboard::tile(const QString &key) const
{
    return m_tiles.value(key);
}

void Dashboard::show(const DashboardData &data)
{
    const reports::Indicators &in = data.indicators;
    const auto setTile = [&](const QString &key, const QString &value) {
        QLabel *l = m_tiles.value(key);
        l->setText(QStringLiteral("<small>%1</small><br><big><b>%2</b></big>")
                       .arg(l->property("tileName").toString(), value));
        l->setProperty("figure", value);
    };
    setTile(QStringLiteral("received"), QString::number(in.received));
    setTile(QStringLiteral("onTime"), percent(in.onTimeShare()));
    setTile(QStringLiteral("early"), percent(in.earlyShare()));
    const auto days = in.averageProcessingDays();
    setTile(QStringLiteral("processingDays"),
            days ? tr("%1 days").arg(QString::number(*days, 'f', 1).replace(u'.', u','))
                 : QStringLiteral("—"));
    setTile(QStringLiteral("digitised"), percent(in.digitisedShare()));
    setTile(QStringLiteral("electronicResult"), percent(in.electronicResultShare()));
    setTile(QStringLiteral("online"), percent(in.onlineShare()));

    showTrend(data.byMonth);
    showStatus(data.byMonth);
    showShare(ByField, data.byField, Dimension::Field, tr("On-time share by field"));
    showShare(ByDepartment, data.byDepartment, Dimension::Department,
              tr("On-time share by department"));
    showShare(ByOfficer, data.byOfficer, Dimension::Officer, tr("On-time share by officer"));
}

void Dashboard::showTrend(const Statistics &byMonth)
{
    QChart *chart = newChart(tr("Received and resolved by month"));
    auto *received = new QBarSet(tr("Received in the month"));
    auto *resolved = new QBarSet(tr("Resolved (of those)"));
    QStringList categories;
    QList<QStringList> keys;
    qint64 top = 0;
    for (const auto &row : byMonth.rows) {
        categories.append(row.keys.value(0).mid(5) + u'/' + row.keys.value(0).left(4));
        keys.append(row.keys);
        received->append(qreal(row.value(Measure::Received)));
        resolved->append(qreal(row.value(Measure::Resolved)));
        top = std::max(top, row.value(Measure::Received));
    }
    auto *series = new QBarSeries;
    series->append(received);
    series->append(resolved);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    if (top < 10) {
        y->setRange(0, double(top + 1)); // whole dossiers on the axis
        y->setTickCount(int(top) + 2);
    } else {
        y->setRange(0, double(top) * 1.1);
        y->applyNiceNumbers();
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    for (const auto &[set, measure] :
         {std::pair{received, Measure::Received}, std::pair{resolved, Measure::Resolved}}) {
        connect(set, &QBarSet::clicked, this, [this, keys, categories, m = measure](int index) {
            if (index < 0 || index >= keys.size())
                return;
            Q_EMIT dossiersRequested(
                {{Dimension::Month},
                 keys.at(index),
                 m,
                 tr("%1 — month %2").arg(reports::measureName(m), categories.at(index))});
        });
    }
    QChart *old = m_views.at(Trend)->chart();
    m_views.at(Trend)->setChart(chart);
    delete old;
}

void Dashboard::showStatus(const Statistics &any)
{
    QChart *chart = newChart(tr("Status of the dossiers received"));
    auto *series = new QPieSeries;
    series->setHoleSize(0.35);
    const QList<std::pair<Measure, QString>> parts{
        {Measure::OnTime, tr("Resolved on time")},
        {Measure::Late, tr("Resolved late")},
        {Measure::InProgress, tr("Being resolved")},
        {Measure::NotResolved, tr("Withdrawn, rejected, stopped")}};
    for (const auto &[measure, name] : parts) {
        const qint64 n = any.total.value(measure);
        auto *slice = series->append(QStringLiteral("%1: %2").arg(name).arg(n), qreal(n));
        // The legend names the slices; the slices show their counts.
        slice->setLabelVisible(false);
        slice->setProperty("measure", int(measure));
        connect(slice, &QPieSlice::clicked, this, [this, m = measure, name] {
            Q_EMIT dossiersRequested({{}, {}, m, name});
        });
    }
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    QChart *old = m_views.at(Status)->chart();
    m_views.at(Status)->setChart(chart);
    delete old;
}

void Dashboard::showShare(Chart which, const Statistics &rows, Dimension dimension,
                          const QString &title)
{
    QChart *chart = newChart(title);
    QList<reports::StatisticsRow> shown;
    for (const auto &row : rows.rows) {
        if (row.value(Measure::Resolved) > 0)
            shown.append(row);
    }
    // The most resolved first, at most kMaxBars; the chart draws the first category lowest.
    std::stable_sort(shown.begin(), shown.end(), [](const auto &a, const auto &b) {
        return a.value(Measure::Resolved) > b.value(Measure::Resolved);
    });
    if (shown.size() > kMaxBars)
        shown.resize(kMaxBars);
    std::reverse(shown.begin(), shown.end());
    auto *onTime = new QBarSet(tr("Done on time"));
    auto *late = new QBarSet(tr("Done late"));
    onTime->setColor(QColor(0x2e, 0x7d, 0x32));
    late->setColor(QColor(0xc6, 0x28, 0x28));
    QStringList categories;
    QList<QStringList> keys;
    for (const auto &row : shown) {
        const QString rate = row.value(Measure::Resolved) == 0
            ? QStringLiteral("—")
            : QString::number(double(row.value(Measure::OnTimeRate)) / 100.0, 'f', 1)
                    .replace(u'.', u',')
                + u'%';
        categories.append(QStringLiteral("%1 (%2)").arg(row.labels.value(0), rate));
        keys.append(row.keys);
        onTime->append(qreal(row.value(Measure::OnTime)));
        late->append(qreal(row.value(Measure::Late)));
    }
    auto *series = new QHorizontalPercentBarSeries;
    series->append(onTime);
    series->append(late);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setTickCount(5);
    x->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    for (const auto &[set, measure] :
         {std::pair{onTime, Measure::OnTime}, std::pair{late, Measure::Late}}) {
        connect(set, &QBarSet::clicked, this,
                [this, keys, categories, dimension, m = measure](int index) {
                    if (index < 0 || index >= keys.size())
                        return;
                    Q_EMIT dossiersRequested({{dimension},
                                              keys.at(index),
                                              m,
                                              QStringLiteral("%1 — %2").arg(reports::measureName(m),
                                                                            categories.at(index))});
                });
    }
    if (shown.isEmpty())
        chart->setTitle(title + u'\n' + tr("(nothing resolved in the period)"));
    QChart *old = m_views.at(which)->chart();
    m_views.at(which)->setChart(chart);
    delete old;
}

} // namespace motcua::ui
