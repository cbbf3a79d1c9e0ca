#include "reportspage.h"

#include "applicantspanel.h"
#include "dossierlistdialog.h"
#include "periodpicker.h"
#include "reportsource.h"
#include "reporttablemodel.h"
#include "resultchart.h"
#include "templatedesigner.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <services/reporttemplates.h>
#include <services/workstation.h>
#include <store/cache.h>

namespace motcua::ui {

using reports::Dimension;
using reports::Measure;

namespace {
constexpr int kNoDimension = -1;
const QList<Measure> kDefaultMeasures{Measure::Received,   Measure::InProgress, Measure::Resolved,
                                      Measure::OnTime,     Measure::Late,       Measure::OnTimeRate,
                                      Measure::NotResolved};
} // namespace

ReportsPage::ReportsPage(services::Workstation &workstation, QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_source(new ReportSource(workstation, this))
    , m_period(new PeriodPicker(services::Workstation::now().date()))
    , m_group1(new QComboBox)
    , m_group2(new QComboBox)
    , m_measures(new QListWidget)
    , m_message(new QLabel)
    , m_tabs(new QTabWidget)
    , m_table(new QTableView)
    , m_model(new ReportTableModel(this))
    , m_dashboard(new Dashboard)
    , m_applicants(new ApplicantsPanel(
          *m_source, *m_period, workstation.agency() ? workstation.agency()->name : QString()))
{
    setObjectName(QStringLiteral("reportsPage"));
    m_group3 = new QComboBox;
    m_templateBox = new QComboBox;
    m_filterLabel = new QLabel;
    m_chart = new ResultChart;
    m_templates = new services::ReportTemplateService(workstation.api(), workstation.cache(), this);
    m_group1->setObjectName(QStringLiteral("groupBy1"));
    m_group2->setObjectName(QStringLiteral("groupBy2"));
    m_group3->setObjectName(QStringLiteral("groupBy3"));
    m_group2->addItem(tr("(none)"), kNoDimension);
    m_group3->addItem(tr("(none)"), kNoDimension);
    for (int d = 0; d <= int(Dimension::Officer); ++d) {
        m_group1->addItem(reports::dimensionName(Dimension(d)), d);
        m_group2->addItem(reports::dimensionName(Dimension(d)), d);
        m_group3->addItem(reports::dimensionName(Dimension(d)), d);
    }
    m_group1->addItem(tr("(no grouping: totals only)"), kNoDimension);
    m_templateBox->setObjectName(QStringLiteral("reportTemplate"));
    m_templateBox->addItem(tr("(no template)"));
    connect(m_templateBox, &QComboBox::activated, this,
            [this](int index) { applyTemplate(index - 1); });
    m_filterLabel->setObjectName(QStringLiteral("templateFilter"));
    m_filterLabel->setWordWrap(true);
    m_filterLabel->hide();
    m_measures->setObjectName(QStringLiteral("measures"));
    for (Measure m : reports::allMeasures()) {
        auto *item = new QListWidgetItem(reports::measureName(m), m_measures);
        item->setData(Qt::UserRole, int(m));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    }
    setMeasures(kDefaultMeasures);

    auto *criteria = new QFormLayout;
    criteria->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *g1 = new QLabel(tr("&Group by:"));
    g1->setBuddy(m_group1);
    auto *g2 = new QLabel(tr("&Then by:"));
    g2->setBuddy(m_group2);
    auto *ml = new QLabel(tr("&Measures (Space ticks):"));
    ml->setBuddy(m_measures);
    auto *tl = new QLabel(tr("Report te&mplate (Ctrl+M):"));
    tl->setBuddy(m_templateBox);
    auto *newTemplateButton = new QPushButton(tr("New…"));
    newTemplateButton->setObjectName(QStringLiteral("newTemplateButton"));
    newTemplateButton->setToolTip(tr("Save the criteria as a new template (Ctrl+Shift+N)"));
    auto *editTemplateButton = new QPushButton(tr("Edit…"));
    editTemplateButton->setObjectName(QStringLiteral("editTemplateButton"));
    editTemplateButton->setToolTip(tr("Design the chosen template (Ctrl+Shift+D)"));
    auto *deleteTemplateButton = new QPushButton(tr("Delete"));
    deleteTemplateButton->setObjectName(QStringLiteral("deleteTemplateButton"));
    deleteTemplateButton->setToolTip(tr("Delete the chosen template (Ctrl+Shift+Del)"));
    auto *templateButtons = new QHBoxLayout;
    templateButtons->addWidget(newTemplateButton);
    templateButtons->addWidget(editTemplateButton);
    templateButtons->addWidget(deleteTemplateButton);
    connect(newTemplateButton, &QPushButton::clicked, this, &ReportsPage::newTemplate);
    connect(editTemplateButton, &QPushButton::clicked, this, &ReportsPage::editTemplate);
    connect(deleteTemplateButton, &QPushButton::clicked, this, &ReportsPage::deleteTemplate);
    auto *g3 = new QLabel(tr("And t&hen by:"));
    g3->setBuddy(m_group3);
    criteria->addRow(tl, m_templateBox);
    criteria->addRow(templateButtons);
    criteria->addRow(m_filterLabel);
    criteria->addRow(g1, m_group1);
    criteria->addRow(g2, m_group2);
    criteria->addRow(g3, m_group3);
    criteria->addRow(ml, m_measures);
    auto *run = new QPushButton(tr("Compute (F5)"));
    run->setObjectName(QStringLiteral("computeButton"));
    auto *exportButton = new QPushButton(tr("Export… (Ctrl+Shift+E)"));
    exportButton->setObjectName(QStringLiteral("exportButton"));
    auto *printButton = new QPushButton(tr("Print… (Ctrl+P)"));
    printButton->setObjectName(QStringLiteral("printButton"));
    criteria->addRow(run);
    criteria->addRow(exportButton);
    criteria->addRow(printButton);
    connect(run, &QPushButton::clicked, this, &ReportsPage::compute);
    connect(exportButton, &QPushButton::clicked, this, &ReportsPage::chooseExport);
    connect(printButton, &QPushButton::clicked, this, &ReportsPage::choosePrint);

    m_table->setObjectName(QStringLiteral("reportTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->horizontalHeader()->setDefaultSectionSize(120);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        ChartSelection s;
        if (!m_model->selectionAt(index, &s.keys, &s.measure))
            return;
        s.groupBy = query().groupBy;
        const QString row = m_model->index(index.row(), 0).data().toString();
        s.title = QStringLiteral("%1 — %2").arg(reports::measureName(s.measure), row);
        openDossiers(s);
    });
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_tabs->addTab(m_table, tr("&Table"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_dashboard);
    scroll->setWidgetResizable(true);
    m_dashboard->setMinimumHeight(1120);
    m_tabs->addTab(scroll, tr("&Dashboard"));
    m_tabs->addTab(m_chart, tr("&Chart"));
    m_tabs->addTab(m_applicants, tr("&Applicants served"));
    connect(m_dashboard, &Dashboard::dossiersRequested, this, &ReportsPage::openDossiers);

    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setWordWrap(true);
    auto *title = new QLabel(tr("<h2>Reports and statistics</h2>"));
    auto *top = new QVBoxLayout;
    top->addWidget(title);
    top->addWidget(m_period);
    top->addWidget(m_message);
    auto *criteriaPanel = new QWidget;
    criteriaPanel->setLayout(criteria);
    criteriaPanel->setFixedWidth(330);
    auto *body = new QHBoxLayout;
    body->addWidget(criteriaPanel);
    body->addWidget(m_tabs, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(body, 1);
    buildActions();

    connect(m_source, &ReportSource::progress, this,
            [this](qint64 n) { showMessage(tr("Reading the local cache: %1 dossiers…").arg(n)); });
    connect(m_source, &ReportSource::loaded, this, [this] {
        m_stale = false;
        compute();
    });
    connect(m_source, &ReportSource::failed, this,
            [this](const QString &m) { showMessage(m, true); });
    connect(&m_ws, &services::Workstation::dossiersChanged, this, [this] { m_stale = true; });
    connect(&m_ws, &services::Workstation::cataloguesChanged, this, [this] { m_stale = true; });
    connect(&m_computing, &QFutureWatcher<Computed>::finished, this, &ReportsPage::showComputed);
    connect(&m_behind, &QFutureWatcher<QList<QUuid>>::finished, this, [this] {
        if (m_list)
            m_list->close();
        auto *list = new DossierListDialog(m_ws, m_pendingSelection.title, m_behind.result(), this);
        list->setAttribute(Qt::WA_DeleteOnClose);
        connect(list, &DossierListDialog::dossierRequested, this, &ReportsPage::dossierRequested);
        m_list = list;
        list->show();
        Q_EMIT dossierListShown(list);
    });
    connect(&m_exporting, &QFutureWatcher<domain::Check>::finished, this, [this] {
        const domain::Check st = m_exporting.result();
        if (st)
            showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(m_exportPath)));
        else
            showMessage(st.error().message, true);
        Q_EMIT exported(m_exportPath, st ? QString() : st.error().message);
    });
}

ReportsPage::~ReportsPage()
{
    m_computing.waitForFinished();
    m_behind.waitForFinished();
    m_exporting.waitForFinished();
}

DossierListDialog *ReportsPage::dossierList() const
{
    return m_list.data();
}

void ReportsPage::buildActions()
{
    const auto add = [this](const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    add(QKeySequence(Qt::Key_F5), [this] { compute(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { chooseExport(); });
    add(QKeySequence::Print, [this] { choosePrint(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_M), [this] {
        m_templateBox->setFocus();
        m_templateBox->showPopup();
    });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { newTemplate(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { editTemplate(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete), [this] { deleteTemplate(); });
}

void ReportsPage::setGrouping(const QList<Dimension> &groupBy)
{
    m_group1->setCurrentIndex(
        m_group1->findData(groupBy.isEmpty() ? kNoDimension : int(groupBy.first())));
    m_group2->setCurrentIndex(groupBy.size() > 1 ? m_group2->findData(int(groupBy.at(1))) : 0);
    m_group3->setCurrentIndex(groupBy.size() > 2 ? m_group3->findData(int(groupBy.at(2))) : 0);
}

void ReportsPage::setMeasures(const QList<Measure> &measures)
{
    for (int i = 0; i < m_measures->count(); ++i) {
        auto *item = m_measures->item(i);
        item->setCheckState(measures.contains(Measure(item->data(Qt::UserRole).toInt()))
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
}

reports::StatisticsQuery ReportsPage::query() const
{
    reports::StatisticsQuery q;
    q.from = m_period->from();
    q.to = m_period->to();
    for (const QComboBox *box : {m_group1, m_group2, m_group3}) {
        const int d = box->currentData().toInt();
        if (d == kNoDimension) {
            if (box == m_group1)
                break; // totals only
            continue;
        }
        if (!q.groupBy.contains(Dimension(d)))
            q.groupBy.append(Dimension(d));
    }
    q.filter = m_filter;
    for (int i = 0; i < m_measures->count(); ++i) {
        if (m_measures->item(i)->checkState() == Qt::Checked)
            q.measures.append(Measure(m_measures->item(i)->data(Qt::UserRole).toInt()));
    }
    return q;
}

void ReportsPage::refresh()
{
    if (!m_templatesRead) {
        m_templatesRead = true;
        reloadTemplates();
    }
    if (m_stale || !m_source->isLoaded()) {
        m_source->reload();
        return;
    }
    compute();
}

void ReportsPage::compute()
{
    if (!m_source->isLoaded()) {
        refresh();
        return;
    }
    const reports::StatisticsQuery q = query();
    if (auto st = reports::validateQuery(q); !st) {
        showMessage(st.error().message, true);
        return;
    }
    if (q.measures.isEmpty()) {
        showMessage(tr("Tick at least one measure."), true);
        return;
    }
    if (m_computing.isRunning()) {
        m_recompute = true;
        return;
    }
    showMessage(tr("Computing…"));
    m_computing.setFuture(
        QtConcurrent::run([facts = m_source->facts(), procedures = m_source->procedures(),
                           labels = m_source->labels(), q] {
            Computed c;
            c.table = reports::computeStatistics(facts, q, procedures, labels);
            c.dashboard = computeDashboard(facts, q, procedures, labels);
            return c;
        }));
}

void ReportsPage::showComputed()
{
    if (m_recompute) {
        m_recompute = false;
        compute();
        return;
    }
    const Computed c = m_computing.result();
    const QString agency = m_ws.agency() ? m_ws.agency()->name : QString();
    const int current = m_templateBox->currentIndex() - 1;
    const reports::ReportTable t
        = reports::tableOf(c.table,
                           current >= 0 && current < m_templateList.size()
                               ? m_templateList.at(current).printedTitle()
                               : tr("REPORT ON THE HANDLING OF ADMINISTRATIVE PROCEDURE DOSSIERS"),
                           agency);
    QList<QStringList> keys;
    if (c.table.query.groupBy.isEmpty())
        keys.append(QStringList());
    for (const auto &row : c.table.rows)
        keys.append(row.keys);
    m_model->setTable(t, keys, c.table.query.measures);
    m_table->resizeColumnToContents(0);
    m_chart->show(c.table, m_chartKind, t.title);
    m_dashboard->show(c.dashboard);
    showMessage(
        tr("%1 — %n dossier(s) received; figures as of %2.", nullptr,
           int(c.table.total.value(Measure::Received)))
            .arg(m_period->describe(), c.table.asOf.toString(QStringLiteral("HH:mm dd/MM/yyyy"))));
    Q_EMIT ready();
}

void ReportsPage::openDossiers(const ChartSelection &selection)
{
    if (!m_source->isLoaded() || m_behind.isRunning())
        return;
    reports::StatisticsQuery q = query();
    q.groupBy = selection.groupBy;
    m_pendingSelection = selection;
    m_behind.setFuture(QtConcurrent::run(
        [facts = m_source->facts(), procedures = m_source->procedures(), q, selection] {
            return reports::dossiersBehind(facts, q, procedures, selection.keys, selection.measure);
        }));
}

void ReportsPage::exportTo(const QString &path, reports::ExportFormat format)
{
    if (m_exporting.isRunning())
        return;
    m_exportPath = path;
    showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    m_exporting.setFuture(QtConcurrent::run([table = m_model->table(), format, path] {
        return reports::writeReport(table, format, path);
    }));
}

void ReportsPage::chooseExport()
{
    if (m_model->rowCount() == 0) {
        showMessage(tr("Compute the statistics first (F5)."), true);
        return;
    }
    const QList<std::pair<reports::ExportFormat, QString>> filters{
        {reports::ExportFormat::Xlsx, tr("Excel workbook (*.xlsx)")},
        {reports::ExportFormat::Docx, tr("Word document (*.docx)")},
        {reports::ExportFormat::Pptx, tr("PowerPoint presentation (*.pptx)")},
        {reports::ExportFormat::Odt, tr("OpenDocument text (*.odt)")},
        {reports::ExportFormat::Pdf, tr("PDF document (*.pdf)")},
        {reports::ExportFormat::Csv, tr("CSV, UTF-8 (*.csv)")}};
    QStringList names;
    for (const auto &f : filters)
        names.append(f.second);
    QString chosen = names.first();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = QStringLiteral("bao-cao-%1-%2")
                             .arg(m_period->from().toString(QStringLiteral("yyyyMMdd")),
                                  m_period->to().toString(QStringLiteral("yyyyMMdd")));
    QString path = QFileDialog::getSaveFileName(this, tr("Export the report"),
                                                QDir(dir).filePath(base + QStringLiteral(".xlsx")),
                                                names.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty())
        return;
    auto format = reports::exportFormatFromKey(QFileInfo(path).suffix().toLower());
    if (!format) {
        format = filters.at(std::max<qsizetype>(0, names.indexOf(chosen))).first;
        path += u'.' + reports::exportFormatKey(*format);
    }
    exportTo(path, *format);
}

void ReportsPage::preparePrinter(QPrinter &printer) const
{
    // The layout of the .pdf export: A4, the orientation the table wants, administrative margins.
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(reports::landscapeFor(m_model->table()) ? QPageLayout::Landscape
                                                                       : QPageLayout::Portrait);
    printer.setPageMargins(QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(m_model->table().title);
}

domain::Check ReportsPage::printTo(QPrinter &printer)
{
    return reports::paintReport(m_model->table(), printer, printer.resolution());
}

void ReportsPage::choosePrint()
{
    if (m_model->rowCount() == 0) {
        showMessage(tr("Compute the statistics first (F5)."), true);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(reports::landscapeFor(m_model->table()) ? QPageLayout::Landscape
                                                                       : QPageLayout::Portrait);
    printer.setDocName(m_model->table().title);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto st = printTo(printer); !st)
        showMessage(st.error().message, true);
    else
        showMessage(tr("Sent to the printer."));
}

void ReportsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

// ---- Report templates (R24) ----------------------------------------------------------------

void ReportsPage::reloadTemplates(const QUuid &apply)
{
    const QUuid keep = m_templateBox->currentIndex() > 0
        ? m_templateList.value(m_templateBox->currentIndex() - 1).id
        : QUuid();
    m_templates->list([this, keep, apply](const domain::Result<services::ReportTemplateList> &r) {
        if (!r) {
            showMessage(r.error().message, true);
            Q_EMIT templatesLoaded();
            return;
        }
        m_templateList = r->templates;
        m_canShare = r->canShare;
        fillTemplateBox();
        selectTemplate(apply.isNull() ? keep : apply);
        if (!apply.isNull() && m_templateBox->currentIndex() > 0)
            applyTemplate(m_templateBox->currentIndex() - 1);
        if (r->fromCache)
            showMessage(tr("The server is out of reach: the templates as last read."));
        Q_EMIT templatesLoaded();
    });
}

void ReportsPage::fillTemplateBox()
{
    m_templateBox->clear();
    m_templateBox->addItem(tr("(no template)"));
    for (const auto &t : std::as_const(m_templateList)) {
        m_templateBox->addItem(t.shared ? tr("%1 (shared)").arg(t.name)
                                        : tr("%1 (mine)").arg(t.name));
    }
}

void ReportsPage::selectTemplate(const QUuid &id)
{
    for (int i = 0; i < m_templateList.size(); ++i) {
        if (!id.isNull() && m_templateList.at(i).id == id) {
            m_templateBox->setCurrentIndex(i + 1);
            return;
        }
    }
    m_templateBox->setCurrentIndex(0);
}

void ReportsPage::applyTemplate(int index)
{
    if (index < 0 || index >= m_templateList.size()) {
        m_templateBox->setCurrentIndex(0);
        m_filter = {};
        m_chartKind = reports::ChartKind::Bar;
        showFilter();
        compute();
        return;
    }
    m_templateBox->setCurrentIndex(index + 1);
    const reports::ReportTemplate &t = m_templateList.at(index);
    const QDate today = services::Workstation::now().date();
    const auto [from, to] = reports::periodDays(t.period, today, t.from, t.to);
    switch (t.period) {
    case reports::PeriodKind::ThisMonth:
    case reports::PeriodKind::LastMonth:
        m_period->setMonth(from.year(), from.month());
        break;
    case reports::PeriodKind::ThisQuarter:
    case reports::PeriodKind::LastQuarter:
        m_period->setQuarter(from.year(), (from.month() - 1) / 3 + 1);
        break;
    case reports::PeriodKind::ThisYear:
    case reports::PeriodKind::LastYear:
        m_period->setYear(from.year());
        break;
    case reports::PeriodKind::YearToDate:
        m_period->setYearToDate(to);
        break;
    case reports::PeriodKind::Custom:
        m_period->setCustom(from, to);
        break;
    }
    setGrouping(t.groupBy);
    setMeasures(t.measures.isEmpty() ? reports::allMeasures() : t.measures);
    m_filter = t.filter;
    m_chartKind = t.chart;
    showFilter();
    if (t.chart != reports::ChartKind::None)
        m_tabs->setCurrentWidget(m_chart);
    compute();
}

void ReportsPage::showFilter()
{
    QStringList parts;
    if (!m_filter.levels.isEmpty()) {
        QStringList names;
        for (const auto level : m_filter.levels)
            names.append(reports::serviceLevelName(level));
        parts.append(tr("level: %1").arg(names.join(QStringLiteral(", "))));
    }
    if (!m_filter.channels.isEmpty()) {
        QStringList names;
        for (const auto channel : m_filter.channels)
            names.append(domain::channelName(channel));
        parts.append(tr("channel: %1").arg(names.join(QStringLiteral(", "))));
    }
    if (!m_filter.fields.isEmpty()) {
        QStringList names;
        for (const QString &code : m_filter.fields) {
            QString name = code;
            for (const auto &p : m_source->procedures()) {
                if (p.fieldCode == code && !p.fieldName.isEmpty()) {
                    name = p.fieldName;
                    break;
                }
            }
            names.append(name);
        }
        parts.append(tr("field: %1").arg(names.join(QStringLiteral(", "))));
    }
    if (!m_filter.procedures.isEmpty())
        parts.append(tr("procedures: %1").arg(m_filter.procedures.join(QStringLiteral(", "))));
    if (!m_filter.departments.isEmpty()) {
        QStringList names;
        for (const QString &key : m_filter.departments)
            names.append(m_source->labels().departments.value(key, key));
        parts.append(tr("department: %1").arg(names.join(QStringLiteral(", "))));
    }
    m_filterLabel->setVisible(!parts.isEmpty());
    m_filterLabel->setText(tr("Only dossiers of %1.").arg(parts.join(QStringLiteral("; "))));
}

reports::ReportTemplate ReportsPage::currentCriteria() const
{
    const reports::StatisticsQuery q = query();
    reports::ReportTemplate t;
    t.groupBy = q.groupBy;
    t.measures = q.measures;
    t.filter = m_filter;
    t.chart = m_chartKind;
    switch (m_period->kind()) {
    case PeriodPicker::Month:
        t.period = reports::PeriodKind::ThisMonth;
        break;
    case PeriodPicker::Quarter:
        t.period = reports::PeriodKind::ThisQuarter;
        break;
    case PeriodPicker::Year:
        t.period = reports::PeriodKind::ThisYear;
        break;
    case PeriodPicker::YearToDate:
        t.period = reports::PeriodKind::YearToDate;
        break;
    case PeriodPicker::Custom:
        t.period = reports::PeriodKind::Custom;
        t.from = q.from;
        t.to = q.to;
        break;
    }
    return t;
}

TemplateDesigner *ReportsPage::designer() const
{
    return m_designer.data();
}

void ReportsPage::newTemplate()
{
    openDesigner(currentCriteria());
}

void ReportsPage::editTemplate()
{
    const int index = m_templateBox->currentIndex() - 1;
    if (index < 0 || index >= m_templateList.size()) {
        showMessage(tr("Choose a template to edit first (Ctrl+M), or make a new one "
                       "(Ctrl+Shift+N)."),
                    true);
        return;
    }
    openDesigner(m_templateList.at(index));
}

void ReportsPage::openDesigner(const reports::ReportTemplate &initial)
{
    if (m_designer)
        return;
    FilterChoices choices;
    QHash<QString, QString> fields;
    for (const auto &p : m_source->procedures()) {
        if (!p.fieldCode.isEmpty())
            fields.insert(p.fieldCode, p.fieldName);
    }
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        choices.fields.append({it.key(), it.value()});
    std::sort(choices.fields.begin(), choices.fields.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    // Departments of several agencies may share a name ("Văn phòng Sở"): then the agency says
    // which.
    const auto &labels = m_source->labels();
    QHash<QString, int> seen;
    for (const QString &name : labels.departments)
        ++seen[name];
    for (auto it = labels.departments.cbegin(); it != labels.departments.cend(); ++it) {
        const QString agency = it.key().section(u'/', 0, 0);
        choices.departments.append({it.key(),
                                    seen.value(it.value()) > 1 ? QStringLiteral("%1 — %2").arg(
                                        it.value(), labels.agencies.value(agency, agency))
                                                               : it.value()});
    }
    std::sort(choices.departments.begin(), choices.departments.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });

    auto *dialog = new TemplateDesigner(initial, m_canShare, choices, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_designer = dialog;
    // Saving goes to the server; the dialog stays open with the server's message on failure.
    connect(dialog, &TemplateDesigner::saveRequested, this,
            [this,
             dialog = QPointer<TemplateDesigner>(dialog)](const reports::ReportTemplate &designed) {
                m_templates->save(designed, [this, dialog](const auto &r) {
                    if (!r) {
                        if (dialog)
                            dialog->showError(r.error().field, r.error().message);
                        else
                            showMessage(r.error().message, true);
                        return;
                    }
                    const reports::ReportTemplate stored = r.value();
                    if (dialog)
                        dialog->saved();
                    showMessage(tr("Template \"%1\" saved.").arg(stored.name));
                    Q_EMIT templateSaved(stored);
                    reloadTemplates(stored.id);
                });
            });
    dialog->open();
}

void ReportsPage::deleteTemplate()
{
    const int index = m_templateBox->currentIndex() - 1;
    if (index < 0 || index >= m_templateList.size()) {
        showMessage(tr("Choose the template to delete first (Ctrl+M)."), true);
        return;
    }
    const reports::ReportTemplate t = m_templateList.at(index);
    auto *confirm = new QMessageBox(QMessageBox::Question, tr("Delete report template"),
                                    tr("Delete the template \"%1\"?%2")
                                        .arg(t.name,
                                             t.shared ? tr(" It is shared: nobody in the "
                                                           "agency will have it any more.")
                                                      : QString()),
                                    QMessageBox::Yes | QMessageBox::No, this);
    confirm->setObjectName(QStringLiteral("deleteTemplateConfirm"));
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    confirm->button(QMessageBox::Yes)->setText(tr("Delete"));
    confirm->button(QMessageBox::No)->setText(tr("Keep"));
    confirm->setDefaultButton(QMessageBox::No);
    connect(confirm, &QMessageBox::finished, this, [this, confirm, t] {
        if (confirm->clickedButton() != confirm->button(QMessageBox::Yes))
            return;
        m_templates->remove(t, [this, t](const auto &r) {
            if (!r) {
                showMessage(r.error().message, true);
                return;
            }
            showMessage(tr("Template \"%1\" deleted.").arg(t.name));
            applyTemplate(-1);
            reloadTemplates();
        });
    });
    confirm->open();
}

} // namespace motcua::ui
