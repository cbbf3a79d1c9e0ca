#pragma once

// The intake wizard at the counter (R12.1, R12.3): procedure → applicant → components and channel →
// review with the due date → Save. A keyboard-wedge scanner typing a CCCD QR into any of its
// fields fills the applicant (WedgeScanner). Embedded in the main window as the Intake section.
#include <QWizard>

#include <services/intakedraft.h>
#include <services/intakeservice.h>

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class ProcedurePage;
class ApplicantPage;
class ComponentsPage;
class ReviewPage;
class WedgeScanner;

class IntakeWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        Procedure,
        Applicant,
        Components,
        Review
    };

    IntakeWizard(services::Workstation &workstation, services::ReceiptPrinter &printer,
                 QWidget *parent = nullptr);

    [[nodiscard]] services::IntakeDraft &draft() { return m_draft; }
    [[nodiscard]] services::Workstation &workstation() { return m_ws; }
    [[nodiscard]] services::IntakeService &service() { return m_service; }
    [[nodiscard]] std::optional<domain::Procedure> procedure() const;
    [[nodiscard]] ApplicantPage *applicantPage() const { return m_applicant; }
    [[nodiscard]] ComponentsPage *componentsPage() const { return m_components; }

    // Fills the applicant from a CCCD (keyboard wedge, photo or scanned page).
    void applyCard(const domain::CccdCard &card);
    // Starts a new dossier (clears everything).
    void startOver();
    // Validates the whole draft and saves it; on a problem, goes to the page of the field and
    // shows the message there.
    bool save();
    void accept() override;

protected:
    // Enter belongs to the field it is pressed in (the procedure search, the list, a scanner): the
    // dialog's "Enter presses the default button" would otherwise move on a second time; Escape
    // would hide the embedded wizard.
    void keyPressEvent(QKeyEvent *event) override;

Q_SIGNALS:
    // The dossier was stored (and the receipt printer asked: `printMessage` is its problem, if
    // any).
    void saved(const motcua::domain::Dossier &dossier, const QString &printMessage);
    void status(const QString &message);

private:
    int pageOfField(const QString &field) const;

    services::Workstation &m_ws;
    services::IntakeService m_service;
    services::IntakeDraft m_draft;
    ProcedurePage *m_procedure;
    ApplicantPage *m_applicant;
    ComponentsPage *m_components;
    ReviewPage *m_review;
    WedgeScanner *m_scanner;
};

} // namespace motcua::ui
