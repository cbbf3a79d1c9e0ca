#include "templatedesigner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace motcua::ui {

using reports::ChartKind;
using reports::Dimension;
using reports::Measure;
using reports::PeriodKind;

namespace {

constexpr int kNone = -1;

void check(QListWidget *list, const QStringList &keys)
{
    for (int i = 0; i < list->count(); ++i) {
        auto *item = list->item(i);
        item->setCheckState(keys.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                               : Qt::Unchecked);
    }
}

QStringList checked(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            out.append(list->item(i)->data(Qt::UserRole).toString());
    }
    return out;
}

void addItem(QListWidget *list, const QString &text, const QString &key)
{
    auto *item = new QListWidgetItem(text, list);
    item->setData(Qt::UserRole, key);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
}

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

} // namespace

TemplateDesigner::TemplateDesigner(const reports::ReportTemplate &initial, bool canShare,
                                   const FilterChoices &choices, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_name(new QLineEdit)
    , m_title(new QLineEdit)
    , m_shared(new QCheckBox(tr("&Shared with the whole agency")))
    , m_measures(checkList(QStringLiteral("templateMeasures")))
    , m_levels(checkList(QStringLiteral("filterLevels")))
    , m_channels(checkList(QStringLiteral("filterChannels")))
    , m_fields(checkList(QStringLiteral("filterFields")))
    , m_departments(checkList(QStringLiteral("filterDepartments")))
    , m_period(new QComboBox)
    , m_from(new QDateEdit)
    , m_to(new QDateEdit)
    , m_chart(new QComboBox)
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("templateDesigner"));
    setWindowTitle(initial.id.isNull() ? tr("New report template") : tr("Edit report template"));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_name->setMaxLength(reports::kMaxTemplateNameLength);
    m_name->setPlaceholderText(tr("e.g. Monthly report by field"));
    m_title->setObjectName(QStringLiteral("templateTitle"));
    m_title->setMaxLength(reports::kMaxTemplateTitleLength);
    m_title->setPlaceholderText(initial.printedTitle());
    m_shared->setObjectName(QStringLiteral("templateShared"));
    m_shared->setEnabled(canShare);
    if (!canShare)
        m_shared->setToolTip(tr("Only leaders and administrators share templates."));

    for (int i = 0; i < 3; ++i) {
        auto *box = new QComboBox;
        box->setObjectName(QStringLiteral("dimension%1").arg(i + 1));
        box->addItem(i == 0 ? tr("(no grouping: totals only)") : tr("(none)"), kNone);
        for (int d = 0; d <= int(Dimension::Officer); ++d)
            box->addItem(reports::dimensionName(Dimension(d)), d);
        m_dimensions.append(box);
    }
    for (const Measure m : reports::allMeasures())
        addItem(m_measures, reports::measureName(m), reports::measureKey(m));
    for (const auto level :
         {domain::ProcedureLevel::FullOnline, domain::ProcedureLevel::PartialOnline,
          domain::ProcedureLevel::Information})
        addItem(m_levels, reports::serviceLevelName(level), domain::procedureLevelKey(level));
    for (const auto channel : domain::allChannels())
        addItem(m_channels, domain::channelName(channel), domain::channelKey(channel));
    for (const auto &[code, name] : choices.fields)
        addItem(m_fields, name.isEmpty() ? code : name, code);
    for (const auto &[key, name] : choices.departments)
        addItem(m_departments, name.isEmpty() ? key : name, key);
    // Codes the template names that the catalogues no longer have stay visible and ticked.
    for (const QString &code : initial.filter.fields) {
        if (m_fields->findItems(code, Qt::MatchExactly).isEmpty()
            && !checked(m_fields).contains(code)) {
            bool known = false;
            for (const auto &f : choices.fields)
                known = known || f.first == code;
            if (!known)
                addItem(m_fields, code, code);
        }
    }

    m_period->setObjectName(QStringLiteral("templatePeriod"));
    for (const PeriodKind k : reports::allPeriodKinds())
        m_period->addItem(reports::periodKindName(k), int(k));
    for (QDateEdit *d : {m_from, m_to}) {
        d->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        d->setCalendarPopup(true);
    }
    m_from->setObjectName(QStringLiteral("templateFrom"));
    m_to->setObjectName(QStringLiteral("templateTo"));
    m_chart->setObjectName(QStringLiteral("templateChart"));
    for (const ChartKind k : {ChartKind::Bar, ChartKind::Line, ChartKind::Pie, ChartKind::None})
        m_chart->addItem(reports::chartKindName(k), int(k));
    m_error->setObjectName(QStringLiteral("templateError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    // The initial values.
    m_name->setText(initial.name);
    m_title->setText(initial.title);
    m_shared->setChecked(initial.shared && canShare);
    for (int i = 0; i < 3; ++i) {
        const int d = i < initial.groupBy.size() ? int(initial.groupBy.at(i)) : kNone;
        m_dimensions.at(i)->setCurrentIndex(m_dimensions.at(i)->findData(d));
    }
    QStringList keys;
    for (const Measure m : initial.measures)
        keys.append(reports::measureKey(m));
    check(m_measures, keys);
    keys.clear();
    for (const auto level : initial.filter.levels)
        keys.append(domain::procedureLevelKey(level));
    check(m_levels, keys);
    keys.clear();
    for (const auto channel : initial.filter.channels)
        keys.append(domain::channelKey(channel));
    check(m_channels, keys);
    check(m_fields, initial.filter.fields);
    check(m_departments, initial.filter.departments);
    m_period->setCurrentIndex(m_period->findData(int(initial.period)));
    const QDate today = QDate::currentDate();
    m_from->setDate(initial.from.isValid() ? initial.from : QDate(today.year(), 1, 1));
    m_to->setDate(initial.to.isValid() ? initial.to : today);
    m_chart->setCurrentIndex(m_chart->findData(int(initial.chart)));
    connect(m_period, &QComboBox::currentIndexChanged, this, &TemplateDesigner::periodChanged);
    periodChanged();

    // Layout: what it is and when on the left, what it counts on the right.
    auto *about = new QFormLayout;
    about->addRow(buddyLabel(tr("&Name:"), m_name), m_name);
    about->addRow(buddyLabel(tr("Printed &title:"), m_title), m_title);
    about->addRow(QString(), m_shared);
    about->addRow(buddyLabel(tr("&Period:"), m_period), m_period);
    about->addRow(buddyLabel(tr("&From:"), m_from), m_from);
    about->addRow(buddyLabel(tr("T&o:"), m_to), m_to);
    about->addRow(buddyLabel(tr("&Chart:"), m_chart), m_chart);
    about->addRow(buddyLabel(tr("&Group by:"), m_dimensions.at(0)), m_dimensions.at(0));
    about->addRow(buddyLabel(tr("Th&en by:"), m_dimensions.at(1)), m_dimensions.at(1));
    about->addRow(buddyLabel(tr("And then b&y:"), m_dimensions.at(2)), m_dimensions.at(2));

    const auto box = [](const QString &title, QListWidget *list, const QString &hint) {
        auto *group = new QGroupBox(title);
        auto *l = new QVBoxLayout(group);
        if (!hint.isEmpty()) {
            auto *h = new QLabel(hint);
            h->setWordWrap(true);
            h->setStyleSheet(QStringLiteral("color: palette(mid)"));
            l->addWidget(h);
        }
        l->addWidget(list);
        return group;
    };
    auto *lists = new QGridLayout;
    lists->addWidget(box(tr("Measures"), m_measures, tr("None ticked: every measure.")), 0, 0, 2,
                     1);
    lists->addWidget(box(tr("Service level"), m_levels, tr("None ticked: all.")), 0, 1);
    lists->addWidget(box(tr("Intake channel"), m_channels, {}), 1, 1);
    lists->addWidget(box(tr("Field"), m_fields, {}), 0, 2);
    lists->addWidget(box(tr("Department"), m_departments, {}), 1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("templateSave"));
    m_save->setText(tr("&Save template"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TemplateDesigner::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TemplateDesigner::reject);

    auto *body = new QHBoxLayout;
    body->addLayout(about);
    body->addLayout(lists, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(1180, 620);
    m_name->setFocus();
}

QListWidget *TemplateDesigner::checkList(const QString &objectName)
{
    auto *list = new QListWidget;
    list->setObjectName(objectName);
    list->setMinimumWidth(220);
    list->setWordWrap(true); // long names wrap instead of hiding behind a scroll bar
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setResizeMode(QListView::Adjust);
    return list;
}

void TemplateDesigner::periodChanged()
{
    const bool custom = PeriodKind(m_period->currentData().toInt()) == PeriodKind::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
}

reports::ReportTemplate TemplateDesigner::result() const
{
    reports::ReportTemplate t = m_initial;
    t.name = m_name->text().trimmed();
    t.title = m_title->text().trimmed();
    t.shared = m_shared->isChecked();
    t.groupBy.clear();
    for (QComboBox *box : m_dimensions) {
        const int d = box->currentData().toInt();
        if (d != kNone)
            t.groupBy.append(Dimension(d));
    }
    t.measures.clear();
    for (const QString &key : checked(m_measures))
        t.measures.append(*reports::measureFromKey(key));
    t.filter = {};
    for (const QString &key : checked(m_levels))
        t.filter.levels.append(*domain::procedureLevelFromKey(key));
    for (const QString &key : checked(m_channels))
        t.filter.channels.append(*domain::channelFromKey(key));
    t.filter.fields = checked(m_fields);
    t.filter.departments = checked(m_departments);
    t.period = PeriodKind(m_period->currentData().toInt());
    t.from = t.period == PeriodKind::Custom ? m_from->date() : QDate();
    t.to = t.period == PeriodKind::Custom ? m_to->date() : QDate();
    t.chart = ChartKind(m_chart->currentData().toInt());
    return t;
}

void TemplateDesigner::saved()
{
    QDialog::accept();
}

void TemplateDesigner::showError(const QString &field, const QString &message)
{
    m_save->setEnabled(true);
    m_error->setText(message);
    m_error->show();
    QWidget *at = m_name;
    if (field == QLatin1String("title"))
        at = m_title;
    else if (field == QLatin1String("groupBy"))
        at = m_dimensions.first();
    else if (field == QLatin1String("measures"))
        at = m_measures;
    else if (field == QLatin1String("from"))
        at = m_from;
    else if (field == QLatin1String("to"))
        at = m_to;
    else if (field == QLatin1String("shared"))
        at = m_shared;
    at->setFocus();
}

void TemplateDesigner::accept()
{
    const reports::ReportTemplate t = result();
    if (auto st = reports::validateTemplate(t); !st) {
        showError(st.error().field, st.error().message);
        return;
    }
    m_error->hide();
    m_save->setEnabled(false); // until the server answers
    Q_EMIT saveRequested(t);
}

} // namespace motcua::ui
