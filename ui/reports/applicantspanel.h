#pragma once

// The organisations and people served (R23.5), for reports and surveys: searched in the local
// cache (any of name, organisation, identifier, address, phone, email; without diacritics) over
// the reports section's period, and exported as .xlsx or .csv. Computed off the GUI thread.
#include <QFutureWatcher>
#include <QWidget>

#include <reports/applicants.h>
#include <reports/exporters.h>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace motcua::ui {

class PeriodPicker;
class ReportSource;
class ReportTableModel;

class ApplicantsPanel : public QWidget
{
    Q_OBJECT
public:
    ApplicantsPanel(ReportSource &source, PeriodPicker &period, const QString &agencyName,
                    QWidget *parent = nullptr);
    ~ApplicantsPanel() override;

    void search();
    // Writes the list shown to `path` (.xlsx or .csv) off the GUI thread; exported() tells.
    void exportTo(const QString &path, reports::ExportFormat format);
    [[nodiscard]] QLineEdit *searchField() const { return m_text; }
    [[nodiscard]] QComboBox *typeChoice() const { return m_type; }
    [[nodiscard]] ReportTableModel *model() const { return m_model; }

Q_SIGNALS:
    void searched();
    void exported(const QString &path, const QString &error);

private:
    void chooseExport();

    ReportSource &m_source;
    PeriodPicker &m_period;
    QString m_agencyName;
    QLineEdit *m_text;
    QComboBox *m_type;
    QLabel *m_message;
    QTableView *m_table;
    ReportTableModel *m_model;
    QFutureWatcher<reports::ReportTable> m_searching;
    QFutureWatcher<domain::Check> m_exporting;
    QString m_exportPath;
    bool m_searchWhenReady = false; // a search waits for the applicants to be read
};

} // namespace motcua::ui
