#include "componentdatadialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QVBoxLayout>

namespace motcua::ui {

ComponentDataDialog::ComponentDataDialog(const QString &componentName,
                                         const domain::DocumentType &type,
                                         const services::ComponentEntry &entry, const QDate &today,
                                         QWidget *parent)
    : QDialog(parent)
    , m_form(type.form())
    , m_today(today)
{
    setWindowTitle(tr("Document data: %1").arg(componentName));
    setObjectName(QStringLiteral("componentDataDialog"));
    auto *intro = new QLabel(
        type.code.isEmpty() || type.name.isEmpty()
            ? tr("This document type is not in the catalogue: only the common data is asked.")
            : tr("<b>%1</b> (%2). %3 Fields marked (*) are required.")
                  .arg(type.name.toHtmlEscaped(), type.code.toHtmlEscaped(),
                       type.description.toHtmlEscaped()));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (const domain::DataField &f : m_form) {
        QWidget *input = nullptr;
        const QString value = services::entryValue(entry, f.key);
        if (f.kind == domain::DataFieldKind::Choice) {
            auto *box = new QComboBox;
            box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
            box->addItem(QString());
            box->addItems(f.choices);
            if (!value.isEmpty() && box->findText(value) < 0)
                box->addItem(value); // kept as it was, the check names it
            box->setCurrentIndex(std::max(0, box->findText(value)));
            input = box;
        } else {
            auto *edit = new QLineEdit(value);
            if (f.kind == domain::DataFieldKind::Date) {
                edit->setPlaceholderText(tr("dd/MM/yyyy"));
            } else if (f.kind == domain::DataFieldKind::Number) {
                edit->setValidator(new QRegularExpressionValidator(
                    QRegularExpression(QStringLiteral("\\d{0,20}")), edit));
            }
            input = edit;
        }
        input->setObjectName(QStringLiteral("data_") + f.key);
        m_inputs.insert(f.key, input);
        auto *label = new QLabel(
            (f.required ? QStringLiteral("%1 (*):") : QStringLiteral("%1:")).arg(f.label));
        label->setBuddy(input);
        auto *cell = new QVBoxLayout;
        cell->setContentsMargins(0, 0, 0, 0);
        cell->setSpacing(0);
        cell->addWidget(input);
        cell->addWidget(m_errors.add(f.key, input));
        form->addRow(label, cell);
    }
    auto *body = new QWidget;
    body->setLayout(form);
    auto *scroll = new QScrollArea;
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ComponentDataDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(620, 560);
}

QString ComponentDataDialog::valueOf(const domain::DataField &field) const
{
    QWidget *input = m_inputs.value(field.key);
    if (auto *box = qobject_cast<QComboBox *>(input))
        return box->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(input))
        return edit->text().trimmed();
    return {};
}

QMap<QString, QString> ComponentDataDialog::values() const
{
    QMap<QString, QString> out;
    for (const domain::DataField &f : m_form)
        out.insert(f.key, valueOf(f));
    return out;
}

void ComponentDataDialog::accept()
{
    QList<services::FieldError> problems;
    for (const domain::DataField &f : m_form) {
        const QString problem = domain::checkDataValue(f, valueOf(f), m_today);
        if (!problem.isEmpty())
            problems.append({f.key, problem});
    }
    m_errors.show(problems);
    if (problems.isEmpty())
        QDialog::accept();
}

} // namespace motcua::ui
