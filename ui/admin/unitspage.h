#pragma once

// Administration › Administrative units (R02.1, issue 10 item 2): the units the server holds as a
// tree, province → communes, searched accents aside (the domain's folding), with counts; the
// National Statistics Office's list (CSV, or Excel .xlsx read here and sent as CSV) imported
// like the procedure import: a dry run shows what would be added and changed — or every row and
// column at fault, and nothing can be applied — then Apply (Ctrl+Enter) writes it all in one
// transaction. The list exports as CSV in the import's own columns. Online only.
#include <QWidget>

#include <domain/adminunits.h>
#include <services/adminservice.h>

class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace motcua::ui {

class UnitsPage : public QWidget
{
    Q_OBJECT
public:
    explicit UnitsPage(services::AdminService &admin, QWidget *parent = nullptr);

    void refresh();                      // F5
    void setSearch(const QString &text); // Ctrl+F focuses the search box
    bool loadFile(const QString &path);  // Ctrl+O asks for it; starts the dry run
    void apply();                        // Ctrl+Enter
    bool exportCsv(const QString &path); // Ctrl+Shift+X asks for it

    [[nodiscard]] const QList<domain::AdministrativeUnit> &units() const { return m_units; }
    [[nodiscard]] const services::UnitImportPreview &preview() const { return m_preview; }
    [[nodiscard]] bool canApply() const;
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString counts() const;
    [[nodiscard]] QString importSummary() const;
    [[nodiscard]] QTreeView *tree() const { return m_tree; }
    [[nodiscard]] QTableView *importTable() const { return m_importTable; }

Q_SIGNALS:
    void loaded();
    void previewed();
    void applied();

private:
    void fill();
    void showPreview(const services::UnitImportPreview &preview);
    void fail(const QString &message);

    services::AdminService &m_admin;
    QList<domain::AdministrativeUnit> m_units;
    QStringList m_folded; // m_units' names folded for search
    QByteArray m_data;    // the list being imported, as CSV
    services::UnitImportPreview m_preview;
    bool m_busy = false;
    QLineEdit *m_search;
    QLabel *m_counts;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QLabel *m_file;
    QLabel *m_importSummary;
    QTableView *m_importTable;
    QStandardItemModel *m_importModel;
    QPushButton *m_apply;
};

} // namespace motcua::ui
