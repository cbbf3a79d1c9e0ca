#include "reportspage.h"

#include "applicantspanel.h"
#include "dossierlistdialog.h"
#include "periodpicker.h"
#include "reportsource.h"
#include "reporttablemodel.h"

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

#include <services/workstation.h>

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
    m_group1->setObjectName(QStringLiteral("groupBy1"));
    m_group2->setObjectName(QStringLiteral("groupBy2"));
    m_group2->addItem(tr("(none)"), kNoDimension);
    for (int d = 0; d <= int(Dimension::Officer); ++d) {
        m_group1->addItem(reports::dimensionName(Dimension(d)), d);
        m_group2->addItem(reports::dimensionName(Dimension(d)), d);
    }
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
    criteria->addRow(g1, m_group1);
    criteria->addRow(g2, m_group2);
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
}

void ReportsPage::setGrouping(const QList<Dimension> &groupBy)
{
    m_group1->setCurrentIndex(m_group1->findData(int(groupBy.value(0, Dimension::Month))));
    m_group2->setCurrentIndex(groupBy.size() > 1 ? m_group2->findData(int(groupBy.at(1))) : 0);
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
    q.groupBy.append(Dimension(m_group1->currentData().toInt()));
    const int second = m_group2->currentData().toInt();
    if (second != kNoDimension && Dimension(second) != q.groupBy.first())
        q.groupBy.append(Dimension(second));
    for (int i = 0; i < m_measures->count(); ++i) {
        if (m_measures->item(i)->checkState() == Qt::Checked)
            q.measures.append(Measure(m_measures->item(i)->data(Qt::UserRole).toInt()));
    }
    return q;
}

void ReportsPage::refresh()
{
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
    const reports::ReportTable t = reports::tableOf(
        c.table, tr("REPORT ON THE HANDLING OF ADMINISTRATIVE PROCEDURE DOSSIERS"), agency);
    QList<QStringList> keys;
    if (c.table.query.groupBy.isEmpty())
        keys.append(QStringList());
    for (const auto &row : c.table.rows)
        keys.append(row.keys);
    m_model->setTable(t, keys, c.table.query.measures);
    m_table->resizeColumnToContents(0);
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

} // namespace motcua::ui
