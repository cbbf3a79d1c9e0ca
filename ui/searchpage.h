#pragma once

// Dossier search (R21): intake period, field, handling unit, deadline, status, procedure, citizen
// name, business name and code, alone or combined, without diacritics; paged results; CSV export
// (UTF-8 with BOM, written off the GUI thread).
#include <QWidget>

#include <services/dossiersearch.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class DossierTableModel;

class SearchPage : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPage(services::Workstation &workstation, QWidget *parent = nullptr);

    [[nodiscard]] services::SearchCriteria criteria() const;
    void search();
    // Exports every result (all pages) to `path`; finished() tells the outcome.
    void exportCsv(const QString &path);
    [[nodiscard]] DossierTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

Q_SIGNALS:
    void dossierRequested(const QUuid &id);
    void exported(const QString &path, const QString &error);

private:
    void fillChoices();

    services::Workstation &m_ws;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QComboBox *m_field;
    QComboBox *m_agency;
    QComboBox *m_deadline;
    QComboBox *m_status;
    QComboBox *m_procedure;
    QLineEdit *m_citizen;
    QLineEdit *m_business;
    QLineEdit *m_code;
    QLabel *m_error;
    QLabel *m_info;
    QTableView *m_table;
    DossierTableModel *m_model;
};

} // namespace motcua::ui
