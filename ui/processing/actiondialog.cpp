#include "actiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace motcua::ui::processing {

ActionDialog::ActionDialog(const QString &title, const QString &okText, QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
    , m_general(new QLabel)
{
    setWindowTitle(title);
    m_general->setObjectName(QStringLiteral("actionError"));
    m_general->setProperty("fieldError", true);
    m_general->setWordWrap(true);
    m_general->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(okText);
    m_ok->setObjectName(QStringLiteral("actionOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_general);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void ActionDialog::addField(const QString &label, QWidget *input, const QString &field)
{
    input->setObjectName(QString(field).replace(QLatin1Char('.'), QLatin1Char('_')));
    if (auto *text = qobject_cast<QPlainTextEdit *>(input)) {
        text->setTabChangesFocus(true);
        text->setMaximumHeight(90);
    }
    m_form->addRow(label, input);
    m_form->addRow(QString(), m_errors.add(field, input));
}

void ActionDialog::addWidget(QWidget *widget)
{
    m_form->addRow(widget);
}

QString ActionDialog::generalError() const
{
    return m_general->isVisible() ? m_general->text() : QString();
}

void ActionDialog::accept()
{
    m_general->setVisible(false);
    const auto local = problems();
    if (!local.isEmpty()) {
        m_errors.show(local);
        return;
    }
    m_errors.clear();
    if (!m_submit)
        return QDialog::accept();
    auto done = m_submit(buildPayload());
    if (!done) {
        const auto rest = m_errors.show({{done.error().field, done.error().message}});
        if (!rest.isEmpty()) {
            m_general->setText(done.error().message);
            m_general->setVisible(true);
        }
        return;
    }
    m_result = done.value();
    QDialog::accept();
}

QString textOf(const QWidget *input)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(input))
        return line->text().trimmed();
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(input))
        return text->toPlainText().trimmed();
    return {};
}

} // namespace motcua::ui::processing
