#include "reviewpage.h"

#include "../labels.h"
#include "intakewizard.h"

#include <QLabel>
#include <QVBoxLayout>

#include <services/workstation.h>

namespace motcua::ui {

ReviewPage::ReviewPage(IntakeWizard *wizard)
    : m_wizard(wizard)
    , m_summary(new QLabel)
    , m_due(new QLabel)
    , m_codes(new QLabel)
    , m_error(new QLabel)
{
    setTitle(tr("4. Review and save"));
    setSubTitle(tr("Check with the applicant, then save (Ctrl+S). The receipt is printed when "
                   "printing is available."));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_due->setObjectName(QStringLiteral("dueDate"));
    m_due->setProperty("emphasis", true);
    m_codes->setObjectName(QStringLiteral("codeSource"));
    m_error->setObjectName(QStringLiteral("error_save"));
    m_error->setProperty("fieldError", true);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_due);
    layout->addWidget(m_codes);
    layout->addWidget(m_error);
    layout->addStretch();
}

void ReviewPage::initializePage()
{
    m_error->setVisible(false);
    const auto &d = m_wizard->draft();
    const auto proc = m_wizard->procedure();
    if (!proc)
        return;
    const auto &a = d.applicant;
    QString who = a.type == domain::ApplicantType::Person
        ? QStringLiteral("%1 — %2 %3").arg(a.fullName.toHtmlEscaped(), tr("CCCD"), a.personalId)
        : QStringLiteral("%1 — %2 %3 (%4)")
              .arg(a.organisationName.toHtmlEscaped(), tr("tax code"), a.taxCode,
                   a.fullName.toHtmlEscaped());
    QString components;
    int received = 0;
    for (const auto &rc : proc->components) {
        const auto e = d.components.value(rc.documentTypeCode);
        if (!e.received)
            continue;
        ++received;
        components
            += QStringLiteral("<li>%1 — %2 × %3%4</li>")
                   .arg(rc.name.toHtmlEscaped(), e.original ? tr("original") : tr("copy"))
                   .arg(e.copies)
                   .arg(e.files.isEmpty() ? QString()
                                          : tr(", %n file(s)", nullptr, int(e.files.size())));
    }
    m_summary->setText(QStringLiteral("<p><b>%1:</b> %2 — %3</p><p><b>%4:</b> %5<br>%6</p>"
                                      "<p><b>%7:</b> %8</p><p><b>%9 (%10):</b></p><ul>%11</ul>")
                           .arg(tr("Procedure"), proc->code, proc->name.toHtmlEscaped(),
                                tr("Applicant"), who, a.address.toHtmlEscaped(), tr("Channel"),
                                d.channel ? Labels::channel(*d.channel) : QString(),
                                tr("Components received"), QString::number(received), components));
    const QDateTime now = services::Workstation::now();
    const QDateTime due = m_wizard->service().dueDate(*proc, now);
    m_due->setText(due.isValid() ? tr("Result due: %1 (if received now, %2)")
                                       .arg(Labels::dateTime(due), Labels::dateTime(now))
                                 : tr("This procedure has no statutory processing time."));
    const auto left = m_wizard->service().codesLeftToday();
    if (!left)
        m_codes->setText(left.error().message);
    else if (left.value() == 0)
        m_codes->setText(tr("No dossier code left for today: connect to the server to lease "
                            "codes before saving."));
    else
        m_codes->setText(tr("The official code is taken from the leased block (%n left today).",
                            nullptr, left.value()));
}

void ReviewPage::showSaveError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void ReviewPage::showMissingBeforeSave()
{
    // Validate the current page; when it passes, go on towards the review.
    while (m_wizard->currentId() != IntakeWizard::Review) {
        const int before = m_wizard->currentId();
        m_wizard->next();
        if (m_wizard->currentId() == before)
            return; // the page showed its messages
    }
}

} // namespace motcua::ui
