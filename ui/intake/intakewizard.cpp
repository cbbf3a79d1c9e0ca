#include "intakewizard.h"

#include "applicantpage.h"
#include "componentspage.h"
#include "procedurepage.h"
#include "reviewpage.h"
#include "wedgescanner.h"

#include <QAbstractButton>
#include <QKeyEvent>
#include <QShortcut>
#include <QTimer>

#include <services/workstation.h>

namespace motcua::ui {

IntakeWizard::IntakeWizard(services::Workstation &workstation, services::ReceiptPrinter &printer,
                           QWidget *parent)
    : QWizard(parent)
    , m_ws(workstation)
    , m_service(workstation, printer)
    , m_procedure(new ProcedurePage(this))
    , m_applicant(new ApplicantPage(this))
    , m_components(new ComponentsPage(this))
    , m_review(new ReviewPage(this))
    , m_scanner(new WedgeScanner(this))
{
    setObjectName(QStringLiteral("intakeWizard"));
    m_draft.channel = domain::Channel::Counter; // the usual case at the counter
    setWindowFlags(Qt::Widget);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoCancelButton, true);
    setOption(QWizard::HaveCustomButton1, true);
    setButtonText(QWizard::CustomButton1, tr("&New dossier (F2)"));
    setButtonText(QWizard::FinishButton, tr("&Save dossier (Ctrl+S)"));
    setButtonText(QWizard::NextButton, tr("&Next (Alt+→)"));
    setButtonText(QWizard::BackButton, tr("&Back (Alt+←)"));
    setPage(Procedure, m_procedure);
    setPage(Applicant, m_applicant);
    setPage(Components, m_components);
    setPage(Review, m_review);
    connect(this, &QWizard::customButtonClicked, this, [this](int) { startOver(); });

    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (currentId() == Review)
            save();
        else
            m_review->showMissingBeforeSave();
    });
    // Next/back by keyboard in every language (the buttons' mnemonics change with the language).
    auto *nextKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    nextKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextKey, &QShortcut::activated, this, &QWizard::next);
    auto *backKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    backKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backKey, &QShortcut::activated, this, &QWizard::back);
    connect(m_scanner, &WedgeScanner::cardScanned, this, &IntakeWizard::applyCard);
    connect(m_scanner, &WedgeScanner::scanRejected, this, [this](const QString &message) {
        Q_EMIT status(tr("CCCD QR not recognised: %1").arg(message));
    });
    connect(m_applicant, &ApplicantPage::cardRead, this, &IntakeWizard::applyCard);
    // After Next/Back the keyboard goes on in the new page's first input (the page is shown only
    // after initializePage(), so focusing there would not take).
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        QWidget *target = nullptr;
        switch (id) {
        case Procedure:
            target = m_procedure->findChild<QWidget *>(QStringLiteral("procedureSearch"));
            break;
        case Applicant:
            target = m_applicant->firstInput();
            break;
        case Components:
            target = m_components->findChild<QWidget *>(QStringLiteral("componentsTable"));
            break;
        case Review:
            target = button(QWizard::FinishButton);
            break;
        default:
            break;
        }
        if (target)
            QTimer::singleShot(0, target, [target] { target->setFocus(Qt::TabFocusReason); });
    });
}

std::optional<domain::Procedure> IntakeWizard::procedure() const
{
    return m_ws.directory().procedure(m_draft.procedureCode);
}

void IntakeWizard::applyCard(const domain::CccdCard &card)
{
    m_applicant->storeToDraft(); // keep what was typed (phone, e-mail)
    services::fillFromCccd(m_draft.applicant, card);
    m_applicant->loadFromDraft();
    Q_EMIT status(tr("Applicant filled from the CCCD of %1.").arg(card.fullName));
}

void IntakeWizard::startOver()
{
    m_draft = {};
    m_draft.channel = domain::Channel::Counter;
    restart();
    m_procedure->reset();
    m_applicant->loadFromDraft();
    m_components->rebuild();
}

int IntakeWizard::pageOfField(const QString &field) const
{
    if (field == QLatin1String("procedure"))
        return Procedure;
    if (field.startsWith(QLatin1String("applicant")))
        return Applicant;
    return Components;
}

bool IntakeWizard::save()
{
    m_applicant->storeToDraft();
    m_components->storeToDraft();
    const auto proc = procedure();
    const auto problems
        = services::validateDraft(m_draft, proc ? &*proc : nullptr,
                                  services::Workstation::now().date(), m_ws.documentTypes());
    if (!problems.isEmpty()) {
        const int page = pageOfField(problems.first().field);
        while (currentId() > page)
            back();
        m_applicant->showErrors(problems);
        m_components->showErrors(problems);
        m_procedure->showErrors(problems);
        Q_EMIT status(problems.first().message);
        return false;
    }
    auto outcome = m_service.save(m_draft);
    if (!outcome) {
        m_review->showSaveError(outcome.error().message);
        Q_EMIT status(outcome.error().message);
        return false;
    }
    const QString printMessage = outcome->printed ? QString() : outcome->printed.error().message;
    Q_EMIT saved(outcome->dossier, printMessage);
    startOver();
    return true;
}

void IntakeWizard::keyPressEvent(QKeyEvent *event)
{
    // Escape would close the embedded dialog (QDialog::reject hides it): the page stays.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
        || event->key() == Qt::Key_Escape) {
        event->accept();
        return;
    }
    QWizard::keyPressEvent(event);
}

void IntakeWizard::accept()
{
    save(); // the wizard stays: the next citizen is waiting
}

} // namespace motcua::ui
