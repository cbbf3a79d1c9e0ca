#pragma once

// The leader's dashboard (R23.6, R27.2): indicator tiles (definitions in their tooltips) and Qt
// Charts — received and resolved by month, status breakdown, on-time share by field, department
// and officer. Clicking a bar or a slice asks for the dossiers behind it (dossiersRequested).
#include <QWidget>

#include <reports/indicators.h>
#include <reports/statistics.h>

class QChart;
class QChartView;
class QGridLayout;
class QLabel;

namespace motcua::ui {

// What a chart element counts: the rows of a grouping, one row's keys, one measure.
struct ChartSelection
{
    QList<reports::Dimension> groupBy;
    QStringList keys; // empty: every dossier of the period
    reports::Measure measure = reports::Measure::Received;
    QString title;
};

// The figures behind the dashboard, computed together off the GUI thread.
struct DashboardData
{
    reports::Statistics byMonth;
    reports::Statistics byField;
    reports::Statistics byDepartment;
    reports::Statistics byOfficer;
    reports::Indicators indicators;
};
DashboardData computeDashboard(const QList<reports::DossierFacts> &facts,
                               const reports::StatisticsQuery &period,
                               const reports::ProcedureCatalogue &procedures,
                               const reports::StatisticsLabels &labels);

class Dashboard : public QWidget
{
    Q_OBJECT
public:
    enum Chart {
        Trend,
        Status,
        ByField,
        ByDepartment,
        ByOfficer,
        ChartCount
    };
    static constexpr int kMaxBars = 12; // officers and departments: the most resolved first

    explicit Dashboard(QWidget *parent = nullptr);
    void show(const DashboardData &data);

    [[nodiscard]] QChartView *chartView(Chart chart) const { return m_views.at(chart); }
    // The text of an indicator tile ("onTime", "early", "processingDays", "digitised",
    // "electronicResult", "online", "received").
    [[nodiscard]] QLabel *tile(const QString &key) const;

Q_SIGNALS:
    void dossiersRequested(const ChartSelection &selection);

private:
    void addTile(QGridLayout *grid, int column, const QString &key, const QString &name,
                 const QString &definition);
    void showTrend(const reports::Statistics &byMonth);
    void showStatus(const reports::Statistics &any);
    void showShare(Chart chart, const reports::Statistics &rows, reports::Dimension dimension,
                   const QString &title);

    QList<QChartView *> m_views;
    QHash<QString, QLabel *> m_tiles;
};

} // namespace motcua::ui

Q_DECLARE_METATYPE(motcua::ui::ChartSelection)
