#pragma once

// A signed PDF as the officer checks it (R11.4, R11.5; Okular's model): the pages (QtPdf), a
// banner "the document is digitally signed" or "changed since it was signed", a panel per
// signature with the signer, time, reason, the signature's status and — apart from it — the
// certificate's status, and saving the signed file. Verification (which may ask OCSP responders)
// runs on a worker thread.
#include <QDialog>
#include <QFutureWatcher>

#include <domain/result.h>
#include <signing/verification.h>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;
class QVBoxLayout;

namespace motcua::ui {

class SignedPdfViewer : public QDialog
{
    Q_OBJECT
public:
    SignedPdfViewer(QByteArray pdf, QString fileName, QWidget *parent = nullptr);
    ~SignedPdfViewer() override;

    enum class Verdict {
        Checking,
        Signed,    // every signature sound, the last one covers the whole file
        Changed,   // a signature does not match, or bytes were added after the last one
        NotSigned, // no signature (or not a PDF we can read)
    };
    [[nodiscard]] Verdict verdict() const { return m_verdict; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] const QList<signing::SignatureReport> &reports() const { return m_reports; }
    [[nodiscard]] QWidget *signaturePanel() const { return m_panel; }
    [[nodiscard]] QPdfDocument *document() const { return m_document; }

    // Writes the signed file as it is to `path` (false with a message box on failure).
    bool saveTo(const QString &path);

    // The verdict for a verification's result (kept apart from certificate trust).
    static Verdict verdictOf(const domain::Result<QList<signing::SignatureReport>> &result);

Q_SIGNALS:
    void verified();

private:
    void showReports(const domain::Result<QList<signing::SignatureReport>> &result);
    void askWhereToSave();

    QByteArray m_pdf;
    QString m_fileName;
    QBuffer *m_buffer;
    QPdfDocument *m_document;
    QPdfView *m_view;
    QLabel *m_banner;
    QWidget *m_panel;
    QVBoxLayout *m_panelLayout;
    Verdict m_verdict = Verdict::Checking;
    QList<signing::SignatureReport> m_reports;
    QFutureWatcher<domain::Result<QList<signing::SignatureReport>>> m_watcher;
};

} // namespace motcua::ui
