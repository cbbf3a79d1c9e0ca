#pragma once

// Administration › Form templates (R05.2a-b): the printable forms in force at the agency, each
// with its version and legal basis; earlier versions can be read (Ctrl+Shift+V picks one), and any
// version previews filled with a sample dossier (Ctrl+P), through core/print as the counter
// prints it.
#include <QWidget>

#include <services/adminservice.h>

class QComboBox;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace motcua::ui {

class TemplatesPage : public QWidget
{
    Q_OBJECT
public:
    TemplatesPage(services::AdminService &admin, QString serverUrl, QWidget *parent = nullptr);

    void refresh();                // F5
    void showVersion(int version); // of the selected template
    // Renders the shown version with the sample dossier to a PDF and opens the preview; the path.
    QString preview();

    [[nodiscard]] QList<services::FormTemplate> templates() const { return m_templates; }
    [[nodiscard]] const services::FormTemplate &shown() const { return m_shown; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString lastMessage() const;
    void selectKind(const QString &kind);

private:
    void onSelected();
    void report(const QString &text, bool error = false);

    services::AdminService &m_admin;
    QString m_serverUrl;
    QList<services::FormTemplate> m_templates;
    services::FormTemplate m_shown;
    bool m_busy = false;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QComboBox *m_versions;
    QLabel *m_details;
    QLabel *m_status;
};

} // namespace motcua::ui
