#include "dossiertablemodel.h"

#include "labels.h"

#include <QBrush>
#include <QColor>

#include <services/workstation.h>

#include <algorithm>

namespace motcua::ui {

DossierTableModel::DossierTableModel(services::Workstation &workstation, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ws(workstation)
{}

void DossierTableModel::setQueue(const services::QueueDefinition &queue)
{
    m_queue = queue;
    reload();
}

void DossierTableModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    reload();
}

void DossierTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_next = 0;
    m_more = m_queue.has_value();
    m_error.clear();
    endResetModel();
    if (m_more)
        fetchMore({});
}

int DossierTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DossierTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DossierTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void DossierTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more || !m_queue)
        return;
    services::QueueDefinition queue = *m_queue;
    if (!m_filter.isEmpty())
        queue.query.text = m_filter;
    auto page = services::queuePage(m_ws.cache(), queue, m_next, kPageSize);
    if (!page) {
        m_more = false;
        m_error = page.error().message;
        return;
    }
    m_next = page->next;
    m_more = page->more;
    if (page->items.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->items.size() - 1));
    m_rows += page->items;
    endInsertRows();
}

QVariant DossierTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &s = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Code:
            return s.code.isEmpty() ? tr("(no code yet)") : s.code;
        case Applicant:
            return s.organisationName.isEmpty()
                ? s.applicantName
                : QStringLiteral("%1 (%2)").arg(s.organisationName, s.applicantName);
        case Procedure:
            return s.procedureName;
        case Status:
            return s.hasPending ? tr("%1 (not yet synced)").arg(Labels::stage(s.stage))
                                : Labels::stage(s.stage);
        case Received:
            return Labels::dateTime(s.receivedAt);
        case Due: {
            // R04.1: an overdue dossier shows its due date and the working days it is late.
            const QDateTime now = services::Workstation::now();
            if (s.dueAt.isValid() && !domain::isFinal(s.stage)
                && s.stage != domain::Stage::ResultReady && s.dueAt < now) {
                const int days = std::max(1, m_ws.calendar().workingDaysLate(s.dueAt, now));
                return tr("%1 — %2 day(s) overdue")
                    .arg(Labels::date(domain::toVietnamTime(s.dueAt).date()))
                    .arg(days);
            }
            return Labels::dateTime(s.dueAt);
        }
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Due && s.dueAt.isValid()
        && !domain::isFinal(s.stage) && s.dueAt < services::Workstation::now()) {
        return QBrush(QColor(0xb0, 0x00, 0x20));
    }
    if (role == Qt::UserRole)
        return s.id;
    return {};
}

QVariant DossierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Dossier code");
    case Applicant:
        return tr("Applicant");
    case Procedure:
        return tr("Procedure");
    case Status:
        return tr("Status");
    case Received:
        return tr("Received on");
    case Due:
        return tr("Due");
    }
    return {};
}

} // namespace motcua::ui
