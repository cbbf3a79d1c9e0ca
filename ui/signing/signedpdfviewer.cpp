#include "signedpdfviewer.h"

#include "labels.h"
#include "signingsession.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfView>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <signing/certvalidator.h>
#include <signing/padesverifier.h>
#include <signing/truststore.h>

namespace motcua::ui {

namespace {

const QString kOkStyle
    = QStringLiteral("background:#e3f4e1; color:#1b5e20; border:1px solid #7cb77a; padding:10px; "
                     "font-size:13pt; font-weight:bold;");
const QString kBadStyle
    = QStringLiteral("background:#fde4e1; color:#8b1a10; border:1px solid #d9877d; padding:10px; "
                     "font-size:13pt; font-weight:bold;");
const QString kNeutralStyle = QStringLiteral(
    "background:#eef0f3; color:#333; border:1px solid #b8bec8; padding:10px; font-size:13pt;");

domain::Result<QList<signing::SignatureReport>> verify(const QByteArray &pdf)
{
    signing::RevocationOptions revocation;
    revocation.cacheDir = SigningSession::revocationCacheDir();
    revocation.timeoutSeconds = 5;
    signing::CertificateValidator validator(
        signing::TrustStore::load(SigningSession::trustStoreDir()), revocation);
    return signing::verifyPdf(pdf, validator);
}

} // namespace

SignedPdfViewer::SignedPdfViewer(QByteArray pdf, QString fileName, QWidget *parent)
    : QDialog(parent)
    , m_pdf(std::move(pdf))
    , m_fileName(std::move(fileName))
    , m_buffer(new QBuffer(this))
    , m_document(new QPdfDocument(this))
    , m_view(new QPdfView)
    , m_banner(new QLabel)
    , m_panel(new QWidget)
    , m_panelLayout(new QVBoxLayout(m_panel))
{
    setObjectName(QStringLiteral("signedPdfViewer"));
    setWindowTitle(tr("Signed document — %1").arg(m_fileName));
    m_banner->setObjectName(QStringLiteral("signatureBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(kNeutralStyle);
    m_banner->setText(tr("Checking the signatures…"));
    m_panel->setObjectName(QStringLiteral("signaturePanel"));
    m_panelLayout->addStretch();
    m_buffer->setData(m_pdf);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);
    auto *split = new QSplitter;
    split->addWidget(m_view);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *save = new QPushButton(tr("&Save the signed file… (Ctrl+S)"));
    save->setObjectName(QStringLiteral("saveSignedFile"));
    save->setShortcut(QKeySequence::Save);
    auto *close = new QPushButton(tr("Close"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(save);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    resize(1100, 760);

    connect(save, &QPushButton::clicked, this, &SignedPdfViewer::askWhereToSave);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this,
            [this] { showReports(m_watcher.result()); });
    m_watcher.setFuture(QtConcurrent::run([bytes = m_pdf] { return verify(bytes); }));
}

SignedPdfViewer::~SignedPdfViewer()
{
    m_watcher.waitForFinished();
}

SignedPdfViewer::Verdict
SignedPdfViewer::verdictOf(const domain::Result<QList<signing::SignatureReport>> &result)
{
    if (!result || result->isEmpty())
        return Verdict::NotSigned;
    for (const auto &r : result.value()) {
        if (r.signature != signing::SignatureStatus::Valid)
            return Verdict::Changed;
    }
    return result->constLast().coversWholeDocument ? Verdict::Signed : Verdict::Changed;
}

void SignedPdfViewer::showReports(const domain::Result<QList<signing::SignatureReport>> &result)
{
    m_verdict = verdictOf(result);
    switch (m_verdict) {
    case Verdict::Signed:
        m_banner->setStyleSheet(kOkStyle);
        m_banner->setText(QStringLiteral("✔ ") + tr("The document is digitally signed"));
        break;
    case Verdict::Changed:
        m_banner->setStyleSheet(kBadStyle);
        m_banner->setText(QStringLiteral("⚠ ")
                          + tr("The document has been changed since it was "
                               "signed"));
        break;
    default:
        m_banner->setStyleSheet(kNeutralStyle);
        m_banner->setText(tr("The document has no digital signature we can read."));
        break;
    }
    if (!result)
        return Q_EMIT verified();
    m_reports = result.value();
    int number = 0;
    for (const auto &r : m_reports) {
        auto *box = new QGroupBox(tr("Signature %1").arg(++number));
        box->setObjectName(QStringLiteral("signature%1").arg(number));
        auto *form = new QFormLayout(box);
        const auto add = [form](const QString &label, const QString &value, bool good = true) {
            auto *v = new QLabel(value.toHtmlEscaped());
            v->setWordWrap(true);
            v->setTextInteractionFlags(Qt::TextSelectableByMouse);
            if (!good)
                v->setStyleSheet(QStringLiteral("color:#8b1a10; font-weight:bold;"));
            form->addRow(label, v);
        };
        add(tr("Signer:"), r.signerName.isEmpty() ? tr("(unknown)") : r.signerName);
        add(tr("Signed at:"),
            r.signingTime.isValid() ? Labels::dateTime(r.signingTime) : tr("(not stated)"));
        if (!r.reason.isEmpty())
            add(tr("Reason:"), r.reason);
        add(tr("Signature:"), signing::describe(r.signature),
            r.signature == signing::SignatureStatus::Valid);
        add(tr("Certificate:"), signing::describe(r.certificate),
            r.certificate == signing::CertificateStatus::Trusted);
        add(tr("Covers:"),
            r.coversWholeDocument ? tr("the whole document")
                                  : tr("an earlier version of the document (changed or signed "
                                       "again since)"),
            r.coversWholeDocument || &r != &m_reports.constLast());
        if (!r.algorithm.isEmpty())
            add(tr("Algorithm:"), r.algorithm);
        box->setToolTip(r.signerSubject);
        m_panelLayout->insertWidget(m_panelLayout->count() - 1, box);
    }
    Q_EMIT verified();
}

void SignedPdfViewer::askWhereToSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the signed file"), m_fileName,
                                                      tr("PDF documents (*.pdf)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool SignedPdfViewer::saveTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_pdf) != m_pdf.size() || !file.commit()) {
        QMessageBox::warning(
            this, tr("File not saved"),
            tr("The signed file could not be saved to %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace motcua::ui
