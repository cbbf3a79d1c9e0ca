#include "agencypage.h"

#include "../labels.h"
#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/dossiercode.h>
#include <services/adminservice.h>

namespace motcua::ui {

AgencyPage::AgencyPage(services::AdminService &admin, QString agencyCode, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_code(std::move(agencyCode))
    , m_heading(new QLabel)
    , m_name(new QLineEdit)
    , m_pattern(new QLineEdit)
    , m_example(new QLabel)
    , m_departments(new QTableWidget(0, 2))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("agencyPage"));
    m_heading->setObjectName(QStringLiteral("agencyHeading"));
    m_heading->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("agencyName"));
    m_name->setMaxLength(300);
    m_pattern->setObjectName(QStringLiteral("codePattern"));
    m_pattern->setMaxLength(100);
    m_pattern->setPlaceholderText(QString::fromLatin1(domain::DossierCodePattern::kDefault));
    m_pattern->setToolTip(tr("Tokens: {agency}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd}, {seq:N}. "
                             "Empty: the national structure."));
    m_example->setObjectName(QStringLiteral("patternExample"));
    m_example->setProperty("muted", true);
    m_departments->setObjectName(QStringLiteral("departments"));
    m_departments->setHorizontalHeaderLabels({tr("Code"), tr("Name")});
    m_departments->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_departments->verticalHeader()->setVisible(false);
    m_departments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_status->setObjectName(QStringLiteral("agencyStatus"));
    m_status->setWordWrap(true);
    connect(m_pattern, &QLineEdit::textChanged, this, &AgencyPage::showPatternExample);

    auto *saveAction = admin::pageAction(this, tr("Save"), QKeySequence::Save, [this] { save(); });
    auto *reload
        = admin::pageAction(this, tr("Refresh"), QKeySequence(Qt::Key_F5), [this] { refresh(); });
    auto *addDept = new QPushButton(tr("Add a &department"));
    addDept->setObjectName(QStringLiteral("addDepartment"));
    connect(addDept, &QPushButton::clicked, this, [this] {
        addDepartment({}, {});
        m_departments->setCurrentCell(m_departments->rowCount() - 1, 0);
        m_departments->editItem(m_departments->item(m_departments->rowCount() - 1, 0));
    });
    auto *removeDept = new QPushButton(tr("Remo&ve the department"));
    removeDept->setObjectName(QStringLiteral("removeDepartment"));
    connect(removeDept, &QPushButton::clicked, this, &AgencyPage::removeSelectedDepartment);

    auto *form = new QFormLayout;
    form->addRow(tr("Agency &name:"), m_name);
    form->addRow(tr("Dossier &code pattern:"), m_pattern);
    form->addRow(QString(), m_example);
    auto *deptBox = new QGroupBox(tr("Departments"));
    auto *deptLayout = new QVBoxLayout(deptBox);
    deptLayout->addWidget(m_departments, 1);
    auto *deptButtons = new QHBoxLayout;
    deptButtons->addWidget(addDept);
    deptButtons->addWidget(removeDept);
    deptButtons->addStretch(1);
    deptLayout->addLayout(deptButtons);
    auto *channelBox = new QGroupBox(tr("Intake channels the agency accepts (R12.3b)"));
    auto *grid = new QGridLayout(channelBox);
    for (qsizetype i = 0; i < domain::allChannels().size(); ++i) {
        const domain::Channel c = domain::allChannels().at(i);
        auto *box = new QCheckBox(Labels::channel(c));
        box->setObjectName(QStringLiteral("channel-") + domain::channelKey(c));
        box->setProperty("channel", domain::channelKey(c));
        grid->addWidget(box, int(i / 2), int(i % 2));
        m_channels.append(box);
    }
    auto *bar = new QHBoxLayout;
    for (QAction *a : {saveAction, reload})
        bar->addWidget(admin::actionButton(a));
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(bar);
    layout->addLayout(form);
    layout->addWidget(deptBox, 1);
    layout->addWidget(channelBox);
    layout->addWidget(m_status);
}

void AgencyPage::refresh()
{
    ++m_busy;
    m_admin.agency(m_code, [this](const auto &result) {
        --m_busy;
        if (!result) {
            report(result.error().message, true);
        } else {
            show(result.value());
            report(tr("Agency %1 loaded.").arg(result->code));
        }
        Q_EMIT loaded();
    });
}

void AgencyPage::show(const domain::Agency &agency)
{
    m_agency = agency;
    m_heading->setText(tr("<b>%1</b> — national code %2")
                           .arg(agency.name.toHtmlEscaped(), agency.code.toHtmlEscaped()));
    m_name->setText(agency.name);
    m_pattern->setText(agency.codePattern);
    m_departments->setRowCount(0);
    for (const auto &d : agency.departments)
        addDepartment(d.id, d.name);
    for (QCheckBox *box : m_channels) {
        const auto c = domain::channelFromKey(box->property("channel").toString());
        box->setChecked(agency.channels.isEmpty() || (c && agency.channels.contains(*c)));
    }
    showPatternExample();
}

void AgencyPage::showPatternExample()
{
    const QString text = m_pattern->text().trimmed();
    auto pattern = text.isEmpty()
        ? domain::Result<domain::DossierCodePattern>(domain::DossierCodePattern::standard())
        : domain::DossierCodePattern::compile(text);
    if (!pattern) {
        m_example->setText(pattern.error().message);
        m_example->setStyleSheet(QStringLiteral("color: #b00020;"));
        return;
    }
    auto example = pattern->make({m_code, QDate::currentDate(), 1});
    m_example->setStyleSheet({});
    m_example->setText(example ? tr("The first dossier received today: %1").arg(example.value())
                               : example.error().message);
}

void AgencyPage::addDepartment(const QString &id, const QString &name)
{
    const int row = m_departments->rowCount();
    m_departments->insertRow(row);
    m_departments->setItem(row, 0, new QTableWidgetItem(id));
    m_departments->setItem(row, 1, new QTableWidgetItem(name));
}

void AgencyPage::removeSelectedDepartment()
{
    if (m_departments->currentRow() >= 0)
        m_departments->removeRow(m_departments->currentRow());
}

void AgencyPage::setChannelAccepted(domain::Channel channel, bool accepted)
{
    for (QCheckBox *box : m_channels) {
        if (box->property("channel").toString() == domain::channelKey(channel))
            box->setChecked(accepted);
    }
}

std::optional<domain::Agency> AgencyPage::edited() const
{
    if (!m_agency)
        return std::nullopt;
    domain::Agency a = *m_agency;
    a.name = m_name->text().trimmed();
    a.codePattern = m_pattern->text().trimmed();
    a.departments.clear();
    for (int row = 0; row < m_departments->rowCount(); ++row) {
        const QString id
            = m_departments->item(row, 0) ? m_departments->item(row, 0)->text() : QString();
        const QString name
            = m_departments->item(row, 1) ? m_departments->item(row, 1)->text() : QString();
        if (id.trimmed().isEmpty() && name.trimmed().isEmpty())
            continue; // a row added and left empty
        a.departments.append({id.trimmed(), name.trimmed()});
    }
    a.channels.clear();
    for (const QCheckBox *box : m_channels) {
        if (box->isChecked())
            a.channels.append(*domain::channelFromKey(box->property("channel").toString()));
    }
    if (a.channels.size() == domain::allChannels().size())
        a.channels.clear(); // every channel: said by saying none
    return a;
}

void AgencyPage::save()
{
    const auto agency = edited();
    if (!agency)
        return;
    if (agency->channels.isEmpty()
        && std::none_of(m_channels.cbegin(), m_channels.cend(),
                        [](const QCheckBox *b) { return b->isChecked(); })) {
        report(tr("Tick at least one intake channel."), true);
        return;
    }
    ++m_busy;
    m_admin.saveAgency(*agency, [this](const auto &result) {
        --m_busy;
        if (!result) {
            report(result.error().message, true); // what the admin typed stays
            return;
        }
        show(result.value());
        report(tr("Agency %1 saved; workstations use it after their next sync.").arg(result->name));
    });
}

QString AgencyPage::lastMessage() const
{
    return m_status->text();
}

void AgencyPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
}

} // namespace motcua::ui
