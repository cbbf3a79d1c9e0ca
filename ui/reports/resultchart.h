#pragma once

// The chart a report template asks for (R24.1: chart type), drawn from the statistics the table
// shows: columns per row with one series per count measure, a line per measure across the rows
// (trends over months or quarters), or the first count measure's share per row. The on-time rate
// (a percentage) is left to the table: it does not share an axis with counts.
#include <QChartView>

#include <reports/reporttemplate.h>

namespace motcua::ui {

class ResultChart : public QChartView
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 24; // beyond this a chart is unreadable: the first 24 rows

    explicit ResultChart(QWidget *parent = nullptr);

    void show(const reports::Statistics &statistics, reports::ChartKind kind, const QString &title);
    [[nodiscard]] reports::ChartKind kind() const { return m_kind; }

private:
    reports::ChartKind m_kind = reports::ChartKind::None;
};

} // namespace motcua::ui
