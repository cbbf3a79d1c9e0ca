#pragma once

// The dossiers behind a figure (a bar, a slice, a table cell): code, applicant, procedure, status,
// dates, read from the local cache; Enter or a double click opens one. At most kMaxRows are listed
// (the count says how many there are).
#include <QDialog>
#include <QUuid>

class QStandardItemModel;
class QTableView;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class DossierListDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 500;

    DossierListDialog(services::Workstation &workstation, const QString &title,
                      const QList<QUuid> &ids, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QList<QUuid> ids() const { return m_ids; }
    [[nodiscard]] QStringList codes() const; // the listed dossiers' codes, in order

Q_SIGNALS:
    void dossierRequested(const QUuid &id);

private:
    QList<QUuid> m_ids;
    QStandardItemModel *m_model;
    QTableView *m_table;
};

} // namespace motcua::ui
