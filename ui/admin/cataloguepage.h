#pragma once

// Administration › Document types and › Fields (R02; issue 10 item 2): the province's shared
// catalogues on the server, which every workstation caches.
//
// A document type is edited with the data its documents carry (R05.1b): which of the common
// items are required at intake and the type's own fields (label, kind, required, choices); the
// intake form of a component is built from it, and "Preview the form" shows that form here. A field
// (lĩnh vực) is a code and a name.
//
// New (Ctrl+Shift+N), edit (Enter, double-click, Ctrl+Shift+U), delete (Delete, confirmed; an
// entry a procedure names is kept by the server, which names the procedures), import a national
// list from CSV or Excel (Ctrl+Shift+I: every faulty row is named and nothing is applied; a
// document type already in the catalogue keeps its data fields), export as CSV (Ctrl+Shift+E), find
// (Ctrl+F), refresh (F5).
#include <QDialog>
#include <QWidget>

#include <domain/documenttypes.h>
#include <services/adminservice.h>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace motcua::ui {

class DocumentTypeDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` null: a new type.
    explicit DocumentTypeDialog(const domain::DocumentType *existing, QWidget *parent = nullptr);
    // What the dialog holds (keys of new fields made from their labels).
    [[nodiscard]] domain::DocumentType documentType() const;
    void showError(const QString &message);
    void addField(const domain::DataField &field); // a row of the own-fields table
    void removeSelectedField();
    // Opens the intake form this type makes, as the counter will see it.
    void previewForm();
    void accept() override; // checks with the domain's reader first

private:
    bool m_editing;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QList<QCheckBox *> m_required;
    QTableWidget *m_fields;
    QLabel *m_error;
};

class FieldDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FieldDialog(const domain::ProcedureField *existing, QWidget *parent = nullptr);
    [[nodiscard]] domain::ProcedureField field() const;
    void showError(const QString &message);
    void accept() override;

private:
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLabel *m_error;
};

class CataloguePage : public QWidget
{
    Q_OBJECT
public:
    using Kind = services::AdminService::SharedCatalogue;
    CataloguePage(services::AdminService &admin, Kind kind, QWidget *parent = nullptr);

    void refresh();     // F5
    void newEntry();    // Ctrl+Shift+N
    void editEntry();   // Enter, Ctrl+Shift+U: the selected entry
    void deleteEntry(); // Delete: asks first
    // Reads a national list (CSV, or .xlsx) and sends it; faults are shown row by row.
    void importFile(const QString &path);
    bool exportFile(const QString &path); // CSV UTF-8

    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString lastMessage() const;
    [[nodiscard]] bool busy() const { return m_busy > 0; }
    [[nodiscard]] QStringList codes() const; // in the table's order
    void selectCode(const QString &code);
    void setFilter(const QString &text);

Q_SIGNALS:
    void loaded();

private:
    void show();
    void report(const QString &text, bool error = false);
    void openDialog(const QString &code); // empty: new
    void saved(const QString &code, const QString &outcome);
    void sendImport(const QList<domain::CatalogueListRow> &rows);
    [[nodiscard]] std::optional<QString> selectedCode() const;
    [[nodiscard]] QList<domain::CatalogueListRow> listRows() const;

    services::AdminService &m_admin;
    Kind m_kind;
    QLineEdit *m_filter;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_status;
    QList<domain::DocumentType> m_types;
    QList<domain::ProcedureField> m_fields;
    QString m_outcome; // what was just done, kept before the count after the refresh
    int m_busy = 0;
};

} // namespace motcua::ui
