#pragma once

// The reports section (Báo cáo, Ctrl+7; R23, R25, R27.2): statistics of the local cache for a
// period, grouped and measured as chosen, as a table and as a dashboard; a figure, a bar or a
// slice opens the dossiers behind it; the table exported (.xlsx .docx .pptx .odt .pdf .csv) or
// printed; the organisations and people served searched and exported (R23.5). Report templates
// (R24): a saved choice of grouping, measures, filters, period and chart, the officer's own or the
// agency's, picked from a list, designed in TemplateDesigner and drawn on the Chart tab. Reading
// the cache and computing run off the GUI thread (ReportSource, QtConcurrent).
#include "dashboard.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <reports/exporters.h>
#include <reports/reporttable.h>
#include <reports/reporttemplate.h>

class QComboBox;
class QLabel;
class QListWidget;
class QPrinter;
class QTabWidget;
class QTableView;

namespace motcua::services {
class ReportTemplateService;
class Workstation;
} // namespace motcua::services

namespace motcua::ui {

class ApplicantsPanel;
class DossierListDialog;
class PeriodPicker;
class ReportSource;
class ReportTableModel;
class ResultChart;
class TemplateDesigner;

class ReportsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsPage(services::Workstation &workstation, QWidget *parent = nullptr);
    ~ReportsPage() override;

    // Reads the cache if it changed (or was never read), then computes: ready() when shown.
    void refresh();
    // Computes again with the chosen period, grouping and measures (F5).
    void compute();

    [[nodiscard]] PeriodPicker *period() const { return m_period; }
    // The grouping: up to three dimensions (empty: totals only).
    void setGrouping(const QList<reports::Dimension> &groupBy);
    void setMeasures(const QList<reports::Measure> &measures);
    [[nodiscard]] reports::StatisticsQuery query() const;
    [[nodiscard]] ReportTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] Dashboard *dashboard() const { return m_dashboard; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    [[nodiscard]] ReportSource *source() const { return m_source; }
    [[nodiscard]] ApplicantsPanel *applicants() const { return m_applicants; }
    [[nodiscard]] ResultChart *chart() const { return m_chart; }

    // Report templates (R24).
    // Reads the list again (from the server, or the cache offline); templatesLoaded() when done.
    // Keeps the template chosen, or chooses and applies `apply` (one just saved).
    void reloadTemplates(const QUuid &apply = {});
    [[nodiscard]] const QList<reports::ReportTemplate> &templates() const { return m_templateList; }
    [[nodiscard]] QComboBox *templateBox() const { return m_templateBox; }
    // Applies template `index` of templates() (-1: none) and computes.
    void applyTemplate(int index);
    // The criteria on screen as a template (for "save as a new template").
    [[nodiscard]] reports::ReportTemplate currentCriteria() const;
    // Opens the designer for a new template (from the criteria on screen) or the chosen one.
    void newTemplate();
    void editTemplate();
    void deleteTemplate();
    // The open designer, if any.
    [[nodiscard]] TemplateDesigner *designer() const;
    // The list the last click opened (nullptr when closed).
    [[nodiscard]] DossierListDialog *dossierList() const;

    // Writes the current table to `path` off the GUI thread; exported() tells the outcome.
    void exportTo(const QString &path, reports::ExportFormat format);
    // A4, the table's orientation, the margins of the .pdf export: before the print dialog.
    void preparePrinter(QPrinter &printer) const;
    // Prints the current table on `printer` (the print dialog's, or a PDF printer in tests).
    domain::Check printTo(QPrinter &printer);
    // Opens the dossiers behind a figure (a chart element, a table cell).
    void openDossiers(const ChartSelection &selection);

Q_SIGNALS:
    void ready();
    void exported(const QString &path, const QString &error);
    void templatesLoaded();
    void templateSaved(const motcua::reports::ReportTemplate &stored);
    void dossierRequested(const QUuid &id);
    void dossierListShown(DossierListDialog *list);

private:
    struct Computed
    {
        reports::Statistics table;
        DashboardData dashboard;
    };
    void buildActions();
    void chooseExport();
    void choosePrint();
    void showComputed();
    void showMessage(const QString &text, bool error = false);
    void openDesigner(const reports::ReportTemplate &initial);
    void showFilter();
    void selectTemplate(const QUuid &id);
    void fillTemplateBox();

    services::Workstation &m_ws;
    ReportSource *m_source;
    PeriodPicker *m_period;
    QComboBox *m_group1;
    QComboBox *m_group2;
    QComboBox *m_group3;
    QComboBox *m_templateBox;
    QLabel *m_filterLabel;
    ResultChart *m_chart;
    services::ReportTemplateService *m_templates;
    QList<reports::ReportTemplate> m_templateList;
    bool m_canShare = false;
    reports::StatisticsFilter m_filter;
    reports::ChartKind m_chartKind = reports::ChartKind::Bar;
    QPointer<TemplateDesigner> m_designer;
    bool m_templatesRead = false;
    QListWidget *m_measures;
    QLabel *m_message;
    QTabWidget *m_tabs;
    QTableView *m_table;
    ReportTableModel *m_model;
    Dashboard *m_dashboard;
    ApplicantsPanel *m_applicants;
    QFutureWatcher<Computed> m_computing;
    QFutureWatcher<QList<QUuid>> m_behind;
    QFutureWatcher<domain::Check> m_exporting;
    ChartSelection m_pendingSelection;
    QString m_exportPath;
    QPointer<DossierListDialog> m_list;
    bool m_stale = true;
    bool m_recompute = false;
};

} // namespace motcua::ui
