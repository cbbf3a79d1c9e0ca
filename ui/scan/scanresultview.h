#pragma once

// The scan dialog's second step: per document (separator sheets split a batch), the searchable
// PDF's page count and the values read off it (a CCCD's QR code for the applicant, proposals from
// the OCR text for the component's fields), each ticked or not by the officer (Space); and whether
// the documents are signed before they are attached (R05.1c).
#include "digitiser.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace motcua::ui {

// What the officer takes from the scan: the documents, the proposals ticked for each, and the
// applicant read off a CCCD when that was ticked.
struct ScanOutcome
{
    QList<ScannedDocument> documents;
    QList<QList<services::ProposedValue>> accepted; // per document
    std::optional<domain::CccdCard> applicantCard;
};

class ScanResultView : public QWidget
{
    Q_OBJECT
public:
    explicit ScanResultView(QWidget *parent = nullptr);

    // `componentName` names a document its separator sheet did not name.
    void setDocuments(const QList<ScannedDocument> &documents, const QString &componentName);
    [[nodiscard]] bool isEmpty() const { return m_documents.isEmpty(); }
    [[nodiscard]] ScanOutcome outcome() const;

Q_SIGNALS:
    void backRequested();
    void attachRequested();

private:
    QList<ScannedDocument> m_documents;
    QLabel *m_summary;
    QTreeWidget *m_proposals;
    QLabel *m_signingNote;
};

} // namespace motcua::ui
