#include "applicantspanel.h"

#include "periodpicker.h"
#include "reportsource.h"
#include "reporttablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <utility>

namespace motcua::ui {

ApplicantsPanel::ApplicantsPanel(ReportSource &source, PeriodPicker &period,
                                 const QString &agencyName, QWidget *parent)
    : QWidget(parent)
    , m_source(source)
    , m_period(period)
    , m_agencyName(agencyName)
    , m_text(new QLineEdit)
    , m_type(new QComboBox)
    , m_message(new QLabel)
    , m_table(new QTableView)
    , m_model(new ReportTableModel(this))
{
    setObjectName(QStringLiteral("applicantsPanel"));
    m_text->setObjectName(QStringLiteral("applicantSearch"));
    m_text->setPlaceholderText(tr("Name, organisation, ID or tax code, address, phone… (Ctrl+F)"));
    m_text->setClearButtonEnabled(true);
    m_type->setObjectName(QStringLiteral("applicantType"));
    m_type->addItem(tr("Everyone"), -1);
    m_type->addItem(tr("People"), int(domain::ApplicantType::Person));
    m_type->addItem(tr("Organisations"), int(domain::ApplicantType::Organisation));
    auto *find = new QPushButton(tr("Search (Enter)"));
    auto *exportButton = new QPushButton(tr("Export .xlsx / .csv… (Ctrl+Shift+X)"));
    m_table->setObjectName(QStringLiteral("applicantTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message->setObjectName(QStringLiteral("applicantMessage"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_type);
    bar->addWidget(find);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(find, &QPushButton::clicked, this, &ApplicantsPanel::search);
    connect(m_text, &QLineEdit::returnPressed, this, &ApplicantsPanel::search);
    connect(m_type, &QComboBox::activated, this, &ApplicantsPanel::search);
    connect(exportButton, &QPushButton::clicked, this, &ApplicantsPanel::chooseExport);
    auto *focus = new QAction(this);
    focus->setShortcut(QKeySequence::Find);
    focus->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focus, &QAction::triggered, this, [this] { m_text->setFocus(); });
    addAction(focus);
    auto *exporting = new QAction(this);
    exporting->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    exporting->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(exporting, &QAction::triggered, this, &ApplicantsPanel::chooseExport);
    addAction(exporting);

    connect(&m_source, &ReportSource::applicantsReady, this, [this] {
        if (std::exchange(m_searchWhenReady, false))
            search();
    });
    connect(&m_searching, &QFutureWatcher<reports::ReportTable>::finished, this, [this] {
        const reports::ReportTable t = m_searching.result();
        m_model->setTable(t, {}, {});
        m_message->setText(
            tr("%n applicant(s) served in the period.", nullptr, int(t.rows.size())));
        Q_EMIT searched();
    });
    connect(&m_exporting, &QFutureWatcher<domain::Check>::finished, this, [this] {
        const domain::Check st = m_exporting.result();
        m_message->setText(st ? tr("Saved %1.").arg(QDir::toNativeSeparators(m_exportPath))
                              : st.error().message);
        Q_EMIT exported(m_exportPath, st ? QString() : st.error().message);
    });
}

ApplicantsPanel::~ApplicantsPanel()
{
    m_searching.waitForFinished();
    m_exporting.waitForFinished();
}

void ApplicantsPanel::search()
{
    if (!m_source.applicantsLoaded()) {
        // Read from the cache once, when first asked for; the search runs when they are in.
        m_message->setText(tr("Reading the applicants served from the local cache…"));
        m_searchWhenReady = true;
        m_source.loadApplicants();
        return;
    }
    if (m_searching.isRunning())
        return;
    reports::ApplicantQuery q;
    q.from = m_period.from();
    q.to = m_period.to();
    q.text = m_text->text();
    if (const int type = m_type->currentData().toInt(); type >= 0)
        q.type = domain::ApplicantType(type);
    m_message->setText(tr("Searching…"));
    m_searching.setFuture(
        QtConcurrent::run([facts = m_source.applicants(), q, agency = m_agencyName] {
            return reports::applicantTable(reports::applicantsServed(facts, q), q, agency);
        }));
}

void ApplicantsPanel::exportTo(const QString &path, reports::ExportFormat format)
{
    if (m_exporting.isRunning())
        return;
    m_exportPath = path;
    m_exporting.setFuture(QtConcurrent::run([table = m_model->table(), format, path] {
        return reports::writeReport(table, format, path);
    }));
}

void ApplicantsPanel::chooseExport()
{
    if (m_model->rowCount() == 0) {
        m_message->setText(tr("Search first: the list is empty."));
        return;
    }
    const QString xlsx = tr("Excel workbook (*.xlsx)");
    const QString csv = tr("CSV, UTF-8 (*.csv)");
    QString chosen = xlsx;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path
        = QFileDialog::getSaveFileName(this, tr("Export the applicants"),
                                       QDir(dir).filePath(QStringLiteral("nguoi-nop-ho-so.xlsx")),
                                       xlsx + QStringLiteral(";;") + csv, &chosen);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    reports::ExportFormat format
        = chosen == csv ? reports::ExportFormat::Csv : reports::ExportFormat::Xlsx;
    if (suffix == QLatin1String("csv"))
        format = reports::ExportFormat::Csv;
    else if (suffix == QLatin1String("xlsx"))
        format = reports::ExportFormat::Xlsx;
    else
        path += u'.' + reports::exportFormatKey(format);
    exportTo(path, format);
}

} // namespace motcua::ui
