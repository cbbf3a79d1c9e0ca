#include "searchpage.h"

#include "dossiertablemodel.h"
#include "labels.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <services/csvexport.h>
#include <services/workstation.h>

namespace motcua::ui {

using DS = services::SearchCriteria::DeadlineState;

namespace {
const QString kDate = QStringLiteral("dd/MM/yyyy");
}

SearchPage::SearchPage(services::Workstation &workstation, QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_from(new QLineEdit)
    , m_to(new QLineEdit)
    , m_field(new QComboBox)
    , m_agency(new QComboBox)
    , m_deadline(new QComboBox)
    , m_status(new QComboBox)
    , m_procedure(new QComboBox)
    , m_citizen(new QLineEdit)
    , m_business(new QLineEdit)
    , m_code(new QLineEdit)
    , m_error(new QLabel)
    , m_info(new QLabel)
    , m_table(new QTableView)
    , m_model(new DossierTableModel(workstation, this))
{
    setObjectName(QStringLiteral("searchPage"));
    m_from->setObjectName(QStringLiteral("receivedFrom"));
    m_to->setObjectName(QStringLiteral("receivedTo"));
    m_citizen->setObjectName(QStringLiteral("citizenName"));
    m_business->setObjectName(QStringLiteral("businessName"));
    m_code->setObjectName(QStringLiteral("dossierCode"));
    m_field->setObjectName(QStringLiteral("fieldFilter"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_deadline->setObjectName(QStringLiteral("deadlineFilter"));
    m_procedure->setObjectName(QStringLiteral("procedureFilter"));
    m_agency->setObjectName(QStringLiteral("agencyFilter"));
    m_table->setObjectName(QStringLiteral("searchResults"));
    m_error->setProperty("fieldError", true);
    m_error->setVisible(false);
    for (auto *e : {m_from, m_to})
        e->setPlaceholderText(tr("dd/MM/yyyy"));
    m_citizen->setPlaceholderText(tr("e.g. nguyen van a"));
    // Long procedure and agency names must not widen the window: the list pops up wide instead.
    for (auto *c : {m_field, m_agency, m_deadline, m_status, m_procedure}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(16);
    }
    fillChoices();

    auto *grid = new QGridLayout;
    const auto add = [grid](int row, int col, const QString &label, QWidget *w) {
        auto *l = new QLabel(label);
        l->setBuddy(w);
        grid->addWidget(l, row, col * 2);
        grid->addWidget(w, row, col * 2 + 1);
    };
    add(0, 0, tr("Received &from:"), m_from);
    add(0, 1, tr("Received &to:"), m_to);
    add(0, 2, tr("Dossier &code:"), m_code);
    add(1, 0, tr("Citi&zen name:"), m_citizen);
    add(1, 1, tr("&Business name:"), m_business);
    add(1, 2, tr("&Status:"), m_status);
    add(2, 0, tr("F&ield:"), m_field);
    add(2, 1, tr("&Procedure:"), m_procedure);
    add(2, 2, tr("&Deadline:"), m_deadline);
    add(3, 0, tr("&Handling unit:"), m_agency);
    auto *go = new QPushButton(tr("Search (Enter)"));
    go->setObjectName(QStringLiteral("searchButton"));
    go->setDefault(true);
    auto *csv = new QPushButton(tr("E&xport CSV (Ctrl+E)"));
    csv->setObjectName(QStringLiteral("exportCsv"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(go);
    buttons->addWidget(csv);
    buttons->addStretch();
    buttons->addWidget(m_info);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(DossierTableModel::Procedure,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(DossierTableModel::Code, 210);
    m_table->setColumnWidth(DossierTableModel::Applicant, 180);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Search dossiers</h2>")));
    layout->addLayout(grid);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(go, &QPushButton::clicked, this, &SearchPage::search);
    for (auto *e : {m_from, m_to, m_citizen, m_business, m_code})
        connect(e, &QLineEdit::returnPressed, this, &SearchPage::search);
    auto *exportKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this);
    exportKey->setContext(Qt::WidgetWithChildrenShortcut);
    const auto askExport = [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                + QStringLiteral("/ho-so.csv"),
            tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    };
    connect(exportKey, &QShortcut::activated, this, askExport);
    connect(csv, &QPushButton::clicked, this, askExport);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        Q_EMIT dossierRequested(m_model->summary(i.row()).id);
    });
    connect(&m_ws, &services::Workstation::cataloguesChanged, this, &SearchPage::fillChoices);
}

void SearchPage::fillChoices()
{
    for (auto *c : {m_field, m_agency, m_deadline, m_status, m_procedure}) {
        c->clear();
        c->addItem(tr("(any)"));
    }
    QMap<QString, QString> fields;
    for (const auto &p : m_ws.procedures()) {
        fields.insert(p.fieldCode, p.fieldName);
        m_procedure->addItem(QStringLiteral("%1 — %2").arg(p.code, p.name), p.code);
    }
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        m_field->addItem(it.value(), it.key());
    QStringList agencies{m_ws.officer().agencyCode};
    for (const auto &p : m_ws.procedures()) {
        if (!p.agencyCode.isEmpty() && !agencies.contains(p.agencyCode))
            agencies << p.agencyCode;
    }
    for (const auto &code : agencies) {
        const auto a = m_ws.directory().agency(code);
        m_agency->addItem(a ? a->name : code, code);
    }
    m_deadline->addItem(tr("Overdue"), int(DS::Overdue));
    m_deadline->addItem(tr("Nearly due"), int(DS::NearlyDue));
    m_deadline->addItem(tr("On time"), int(DS::OnTime));
    for (auto s : {domain::Status::AwaitingIntake, domain::Status::Accepted,
                   domain::Status::SupplementRequested, domain::Status::InProgress,
                   domain::Status::Done, domain::Status::Returned, domain::Status::Stopped})
        m_status->addItem(Labels::status(s), int(s));
}

services::SearchCriteria SearchPage::criteria() const
{
    services::SearchCriteria c;
    c.receivedFrom = QDate::fromString(m_from->text().trimmed(), kDate);
    c.receivedTo = QDate::fromString(m_to->text().trimmed(), kDate);
    c.fieldCode = m_field->currentData().toString();
    c.agencyCode = m_agency->currentData().toString();
    if (m_deadline->currentIndex() > 0)
        c.deadline = DS(m_deadline->currentData().toInt());
    if (m_status->currentIndex() > 0)
        c.status = domain::Status(m_status->currentData().toInt());
    c.procedureCode = m_procedure->currentData().toString();
    c.citizenName = m_citizen->text();
    c.businessName = m_business->text();
    c.code = m_code->text();
    return c;
}

void SearchPage::search()
{
    m_error->setVisible(false);
    for (auto *e : {m_from, m_to}) {
        if (!e->text().trimmed().isEmpty()
            && !QDate::fromString(e->text().trimmed(), kDate).isValid()) {
            m_error->setText(
                QString::fromUtf8("Ngày phải có dạng ngày/tháng/năm, ví dụ 01/12/2026."));
            m_error->setVisible(true);
            e->setFocus();
            return;
        }
    }
    m_model->setQueue(services::searchDefinition(criteria(), m_ws.procedures(),
                                                 services::Workstation::now(), m_ws.calendar()));
    m_info->setText(m_model->lastError().isEmpty()
                        ? tr("%n result(s) shown; scroll for more", nullptr, m_model->rowCount())
                        : m_model->lastError());
}

void SearchPage::exportCsv(const QString &path)
{
    const auto def = services::searchDefinition(criteria(), m_ws.procedures(),
                                                services::Workstation::now(), m_ws.calendar());
    // Reading the cache stays on its thread (page by page); formatting and writing go off it.
    QList<QStringList> rows;
    qint64 after = 0;
    for (;;) {
        auto page = services::queuePage(m_ws.cache(), def, after, 500);
        if (!page) {
            Q_EMIT exported(path, page.error().message);
            return;
        }
        for (const auto &s : page->items) {
            rows << QStringList{s.code,
                                s.applicantName,
                                s.organisationName,
                                s.procedureCode,
                                s.procedureName,
                                Labels::stage(s.stage),
                                Labels::dateTime(s.receivedAt),
                                Labels::dateTime(s.dueAt)};
        }
        if (!page->more)
            break;
        after = page->next;
    }
    const QStringList header{tr("Dossier code"),   tr("Applicant"), tr("Organisation"),
                             tr("Procedure code"), tr("Procedure"), tr("Status"),
                             tr("Received on"),    tr("Due")};
    auto *watcher = new QFutureWatcher<domain::Check>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const auto st = watcher->result();
        m_info->setText(st ? tr("Exported to %1").arg(path) : st.error().message);
        Q_EMIT exported(path, st ? QString() : st.error().message);
    });
    watcher->setFuture(QtConcurrent::run(&services::writeCsv, path, header, rows));
}

} // namespace motcua::ui
