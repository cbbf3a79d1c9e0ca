#include "procedurepage.h"

#include "intakewizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <services/procedurefinder.h>
#include <services/workstation.h>

namespace motcua::ui {

ProcedurePage::ProcedurePage(IntakeWizard *wizard)
    : m_wizard(wizard)
    , m_search(new QLineEdit)
    , m_list(new QListView)
    , m_model(new QStandardItemModel(this))
    , m_details(new QTextBrowser)
    , m_error(new QLabel)
{
    setTitle(tr("1. Procedure"));
    setSubTitle(tr("Search by name, code or field; diacritics are optional."));
    m_search->setObjectName(QStringLiteral("procedureSearch"));
    m_search->setPlaceholderText(tr("e.g. chung thuc, 2.000815, tu phap"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("procedureList"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_details->setObjectName(QStringLiteral("procedureDetails"));
    m_error->setObjectName(QStringLiteral("error_procedure"));
    m_error->setProperty("fieldError", true);
    m_error->setVisible(false);

    auto *label = new QLabel(tr("&Find procedure (Ctrl+F):"));
    label->setBuddy(m_search);
    auto *left = new QVBoxLayout;
    left->addWidget(label);
    left->addWidget(m_search);
    left->addWidget(m_list, 1);
    left->addWidget(m_error);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(m_details, 3);

    auto *find = new QShortcut(QKeySequence::Find, m_wizard);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        if (m_wizard->currentPage() == this) {
            m_search->setFocus();
            m_search->selectAll();
        }
    });
    connect(m_search, &QLineEdit::textChanged, this, &ProcedurePage::refill);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ProcedurePage::selectionChanged);
    // Down arrow from the search box goes to the list; Enter in the list goes on.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0, 0));
            m_wizard->next();
        }
    });
    connect(m_list, &QListView::activated, m_wizard, &QWizard::next);
    connect(&m_wizard->workstation(), &services::Workstation::cataloguesChanged, this,
            &ProcedurePage::refill);
    refill();
}

void ProcedurePage::initializePage()
{
    m_search->setFocus();
}

void ProcedurePage::reset()
{
    m_search->clear();
    refill();
    m_search->setFocus();
}

void ProcedurePage::refill()
{
    const QString keep = m_wizard->draft().procedureCode;
    m_model->clear();
    const auto found
        = services::findProcedures(m_wizard->workstation().procedures(), m_search->text());
    for (const auto &p : found) {
        auto *item = new QStandardItem(QStringLiteral("%1 — %2").arg(p.code, p.name));
        item->setData(p.code, Qt::UserRole);
        item->setToolTip(p.fieldName);
        m_model->appendRow(item);
        if (p.code == keep)
            m_list->setCurrentIndex(item->index());
    }
    if (m_model->rowCount() == 1)
        m_list->setCurrentIndex(m_model->index(0, 0));
    selectionChanged();
}

void ProcedurePage::selectionChanged()
{
    const QModelIndex current = m_list->currentIndex();
    const QString code = current.isValid() ? current.data(Qt::UserRole).toString() : QString();
    if (!code.isEmpty() && code != m_wizard->draft().procedureCode) {
        m_wizard->draft().procedureCode = code;
        m_wizard->draft().components.clear();
    }
    const auto p = m_wizard->workstation().directory().procedure(m_wizard->draft().procedureCode);
    m_details->setHtml(p ? describe(*p) : tr("<p>Choose a procedure from the list.</p>"));
    m_error->setVisible(false);
    Q_EMIT completeChanged();
}

QString ProcedurePage::describe(const domain::Procedure &p) const
{
    QString html = QStringLiteral("<h3>%1</h3><p>%2: <b>%3</b><br>%4: %5</p>")
                       .arg(p.name.toHtmlEscaped(), tr("Code"), p.code, tr("Field"),
                            p.fieldName.toHtmlEscaped());
    QString deadline = tr("none");
    using U = domain::Deadline::Unit;
    if (p.deadline.unit == U::WorkingDays)
        deadline = tr("%n working day(s)", nullptr, p.deadline.amount);
    else if (p.deadline.unit == U::WorkingHours)
        deadline = tr("%n working hour(s)", nullptr, p.deadline.amount);
    else if (p.deadline.unit == U::WorkingMinutes)
        deadline = tr("%n working minute(s)", nullptr, p.deadline.amount);
    html += QStringLiteral("<p>%1: <b>%2</b></p>").arg(tr("Processing time"), deadline);
    html += QStringLiteral("<p><b>%1</b></p><table border='1' cellspacing='0' cellpadding='4'>"
                           "<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                .arg(tr("Required components"), tr("Component"), tr("Originals"), tr("Copies"),
                     tr("Required"));
    for (const auto &c : p.components) {
        html += QStringLiteral("<tr><td>%1</td><td align='center'>%2</td><td align='center'>%3"
                               "</td><td align='center'>%4</td></tr>")
                    .arg(c.name.toHtmlEscaped())
                    .arg(c.originals)
                    .arg(c.copies)
                    .arg(c.mandatory ? tr("yes") : tr("no"));
    }
    html += QStringLiteral("</table>");
    for (const auto &f : p.fees) {
        html += QStringLiteral("<p>%1: %2 — %3 đ</p>")
                    .arg(tr("Fee"), f.description.toHtmlEscaped(), QLocale().toString(f.amountVnd));
    }
    return html;
}

bool ProcedurePage::isComplete() const
{
    return !m_wizard->draft().procedureCode.isEmpty();
}

bool ProcedurePage::validatePage()
{
    if (!m_wizard->procedure()) {
        showErrors({{QStringLiteral("procedure"), tr("Choose a procedure first.")}});
        return false;
    }
    return true;
}

void ProcedurePage::showErrors(const QList<services::FieldError> &errors)
{
    for (const auto &e : errors) {
        if (e.field == QLatin1String("procedure")) {
            m_error->setText(e.message);
            m_error->setVisible(true);
            m_search->setFocus();
            return;
        }
    }
}

} // namespace motcua::ui
