#include "reporttablemodel.h"

#include <QFont>

namespace motcua::ui {

void ReportTableModel::setTable(const reports::ReportTable &table,
                                const QList<QStringList> &rowKeys,
                                const QList<reports::Measure> &measures)
{
    beginResetModel();
    m_table = table;
    m_keys = rowKeys;
    m_measures = measures;
    endResetModel();
}

bool ReportTableModel::selectionAt(const QModelIndex &index, QStringList *keys,
                                   reports::Measure *measure) const
{
    if (!index.isValid() || index.column() < m_table.labelColumns)
        return false;
    const int m = index.column() - m_table.labelColumns;
    if (m >= m_measures.size())
        return false;
    const bool totals = index.row() == m_table.rows.size();
    if (!totals && index.row() >= m_keys.size())
        return false;
    *keys = totals ? QStringList() : m_keys.at(index.row());
    *measure = m_measures.at(m);
    return true;
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_table.rows.size()) + (m_table.totals.isEmpty() ? 0 : 1);
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool totals = index.row() == m_table.rows.size();
    const QVariantList &cells = totals ? m_table.totals : m_table.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return reports::ReportTable::text(cells.value(index.column()));
    case Qt::TextAlignmentRole:
        return index.column() < m_table.labelColumns ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() >= m_table.labelColumns)
            return tr("Double-click or Enter: the dossiers behind this figure");
        return {};
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_table.columns.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace motcua::ui
