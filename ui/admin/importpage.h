#pragma once

// Administration › Procedure import (R03): a national export (JSON or CSV) is sent to the server
// as a dry run first; the table shows what would be added, changed and left unchanged — or every
// row and column at fault, in which case nothing can be applied. Apply (Ctrl+Enter) writes it all
// in one transaction.
#include <QWidget>

#include <services/adminservice.h>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace motcua::ui {

class ImportPage : public QWidget
{
    Q_OBJECT
public:
    explicit ImportPage(services::AdminService &admin, QWidget *parent = nullptr);

    bool loadFile(const QString &path); // Ctrl+O asks for it; starts the preview
    void apply();                       // Ctrl+Enter

    [[nodiscard]] const services::ImportPreview &preview() const { return m_preview; }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] bool canApply() const;
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] bool busy() const { return m_busy; }

Q_SIGNALS:
    void previewed();
    void applied();

private:
    void showPreview(const services::ImportPreview &preview);
    void fail(const QString &message);

    services::AdminService &m_admin;
    QByteArray m_data;
    bool m_csv = false;
    services::ImportPreview m_preview;
    bool m_busy = false;
    QLabel *m_file;
    QLabel *m_summary;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QPushButton *m_apply;
};

} // namespace motcua::ui
