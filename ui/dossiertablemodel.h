#pragma once

// A paged table of dossiers (a queue or a search), fetched from the cache 50 rows at a time as the
// view scrolls (canFetchMore/fetchMore).
#include <QAbstractTableModel>

#include <services/queues.h>

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class DossierTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Code,
        Applicant,
        Procedure,
        Status,
        Received,
        Due,
        ColumnCount
    };
    static constexpr int kPageSize = 50;

    explicit DossierTableModel(services::Workstation &workstation, QObject *parent = nullptr);

    // Shows `queue` from its first page.
    void setQueue(const services::QueueDefinition &queue);
    void reload();
    // Narrows the queue to dossiers matching `text` (code, applicant, procedure, address; folded
    // like the search page); empty shows the whole queue.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_filter; }
    [[nodiscard]] const std::optional<services::QueueDefinition> &queue() const { return m_queue; }
    [[nodiscard]] store::DossierSummary summary(int row) const { return m_rows.value(row); }
    [[nodiscard]] QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    services::Workstation &m_ws;
    std::optional<services::QueueDefinition> m_queue;
    QString m_filter;
    QList<store::DossierSummary> m_rows;
    qint64 m_next = 0;
    bool m_more = false;
    QString m_error;
};

} // namespace motcua::ui
