#pragma once

// The statistics table the reports section shows, exports and prints (reports::ReportTable), with
// the keys of each row so that a figure opens the dossiers behind it.
#include <QAbstractTableModel>

#include <reports/reporttable.h>

namespace motcua::ui {

class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // `rowKeys`: StatisticsRow::keys of each row of `table` (the totals row has none).
    void setTable(const reports::ReportTable &table, const QList<QStringList> &rowKeys,
                  const QList<reports::Measure> &measures);
    [[nodiscard]] const reports::ReportTable &table() const { return m_table; }
    // What a cell counts: the row's keys (empty for the totals row) and the measure; false for a
    // label cell.
    bool selectionAt(const QModelIndex &index, QStringList *keys, reports::Measure *measure) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    reports::ReportTable m_table;
    QList<QStringList> m_keys;
    QList<reports::Measure> m_measures;
};

} // namespace motcua::ui
