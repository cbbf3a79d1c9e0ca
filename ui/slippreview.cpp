#include "slippreview.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPdfDocument>
#include <QPixmap>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QVBoxLayout>

#include <domain/slipcatalogue.h>
#include <services/dossieractions.h>
#include <services/pdfreceiptprinter.h>

namespace motcua::ui {

namespace {

// Pages are drawn as images at the printer's resolution, at most this many dots per inch: enough
// for text and the QR code, and an A4 page stays near 35 MB while it is drawn.
constexpr int kMaxPrintDpi = 300;
// Width of a page on screen, in device-independent pixels.
constexpr qreal kPreviewWidth = 640;

} // namespace

SlipPreview::SlipPreview(const QString &pdfPath, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_path(pdfPath)
    , m_pdf(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("slipPreview"));
    setWindowTitle(title);
    m_pdf->load(pdfPath);

    // The pages drawn here, now, as they will print (QPdfView draws later, on another thread).
    auto *pages = new QWidget;
    auto *pageColumn = new QVBoxLayout(pages);
    pageColumn->setSpacing(12);
    const qreal ratio = devicePixelRatioF();
    for (int page = 0; isLoaded() && page < m_pdf->pageCount(); ++page) {
        const QSizeF points = m_pdf->pagePointSize(page);
        const QSize shown = (points * (kPreviewWidth / points.width())).toSize();
        // PDF pages are transparent where nothing is drawn: on paper, that is white.
        const QImage drawn = m_pdf->render(page, shown * ratio);
        QImage image(drawn.size(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter(&image).drawImage(0, 0, drawn);
        image.setDevicePixelRatio(ratio);
        auto *label = new QLabel;
        label->setObjectName(QStringLiteral("slipPage%1").arg(page + 1));
        label->setPixmap(QPixmap::fromImage(image));
        label->setFrameShape(QFrame::Box);
        label->setAccessibleName(tr("Page %1 of %2").arg(page + 1).arg(m_pdf->pageCount()));
        pageColumn->addWidget(label, 0, Qt::AlignHCenter);
    }
    pageColumn->addStretch();
    auto *view = new QScrollArea;
    view->setObjectName(QStringLiteral("slipPages"));
    view->setWidget(pages);
    view->setWidgetResizable(true);
    view->setBackgroundRole(QPalette::Dark);

    auto *buttons = new QDialogButtonBox;
    auto *printButton = buttons->addButton(tr("&Print… (Ctrl+P)"), QDialogButtonBox::AcceptRole);
    printButton->setObjectName(QStringLiteral("printSlip"));
    printButton->setShortcut(QKeySequence::Print);
    printButton->setDefault(true);
    auto *saveButton
        = buttons->addButton(tr("&Save as PDF… (Ctrl+S)"), QDialogButtonBox::ActionRole);
    saveButton->setObjectName(QStringLiteral("saveSlip"));
    saveButton->setShortcut(QKeySequence::Save);
    buttons->addButton(QDialogButtonBox::Close);
    connect(printButton, &QPushButton::clicked, this, &SlipPreview::print);
    connect(saveButton, &QPushButton::clicked, this, &SlipPreview::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    printButton->setEnabled(isLoaded());
    saveButton->setEnabled(isLoaded());

    auto *layout = new QVBoxLayout(this);
    if (!isLoaded()) {
        auto *error = new QLabel(tr("The slip cannot be shown: %1 is missing or damaged. Print it "
                                    "again from the dossier.")
                                     .arg(QDir::toNativeSeparators(pdfPath)));
        error->setObjectName(QStringLiteral("slipError"));
        error->setWordWrap(true);
        layout->addWidget(error);
    }
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    resize(720, 940);
}

bool SlipPreview::isLoaded() const
{
    return m_pdf->status() == QPdfDocument::Status::Ready && m_pdf->pageCount() > 0;
}

int SlipPreview::pageCount() const
{
    return isLoaded() ? m_pdf->pageCount() : 0;
}

domain::Check SlipPreview::printTo(QPrinter &printer)
{
    if (!isLoaded())
        return domain::makeError(QStringLiteral("print.no_slip"),
                                 tr("The slip's PDF cannot be read."));
    QPainter painter;
    if (!painter.begin(&printer))
        return domain::makeError(QStringLiteral("print.printer"),
                                 tr("The printer cannot be used. Check that it is on and chosen "
                                    "in the print dialog."));
    const int dpi = qMin(printer.resolution(), kMaxPrintDpi);
    for (int page = 0; page < m_pdf->pageCount(); ++page) {
        if (page > 0 && !printer.newPage()) {
            painter.end();
            return domain::makeError(QStringLiteral("print.printer"),
                                     tr("The printer stopped after page %1.").arg(page));
        }
        const QSizeF points = m_pdf->pagePointSize(page);
        const QSize pixels = (points * dpi / 72.0).toSize();
        const QImage image = m_pdf->render(page, pixels);
        if (image.isNull()) {
            painter.end();
            return domain::makeError(QStringLiteral("print.render"),
                                     tr("Page %1 of the slip cannot be drawn.").arg(page + 1));
        }
        // The page as a whole onto the paper's printable area, proportions kept.
        const QRect area = painter.viewport();
        QSize fitted = image.size();
        fitted.scale(area.size(), Qt::KeepAspectRatio);
        painter.drawImage(QRect(area.topLeft(), fitted), image);
    }
    painter.end();
    return record(printer.copyCount());
}

domain::Check SlipPreview::record(int times)
{
    if (!m_recorder)
        return {};
    if (auto st = m_recorder(times); !st) {
        return domain::makeError(
            QStringLiteral("print.not_recorded"),
            tr("The slip was printed, but the print is not recorded on the dossier: %1")
                .arg(st.error().message));
    }
    return {};
}

domain::Check SlipPreview::exportTo(const QString &path)
{
    QFile source(m_path);
    if (!source.open(QIODevice::ReadOnly))
        return domain::makeError(QStringLiteral("print.no_slip"),
                                 tr("The slip's PDF cannot be read."));
    QSaveFile target(path);
    if (!target.open(QIODevice::WriteOnly) || target.write(source.readAll()) < 0
        || !target.commit())
        return domain::makeError(QStringLiteral("print.write_failed"),
                                 tr("%1 cannot be written.").arg(QDir::toNativeSeparators(path)));
    return record(1);
}

void SlipPreview::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(windowTitle());
    printer.setFullPage(false);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto st = printTo(printer); !st) {
        QMessageBox::warning(this, windowTitle(), st.error().message);
        if (st.error().code != QLatin1String("print.not_recorded"))
            return; // not printed: the preview stays for another try
    }
    accept();
}

void SlipPreview::saveAs()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save the slip as PDF"),
                                       QFileInfo(m_path).fileName(), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto st = exportTo(path); !st)
        QMessageBox::warning(this, windowTitle(), st.error().message);
}

SlipPreview *previewSlip(const services::SlipJob &job, services::DossierActions *actions,
                         QWidget *parent)
{
    const domain::SlipKind *kind = domain::findSlipKind(job.kind);
    const QString title
        = kind ? QStringLiteral("%1 — %2").arg(kind->title, job.dossierCode) : job.dossierCode;
    auto *preview = new SlipPreview(job.pdfPath, title, parent);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    if (actions && !job.dossierId.isNull()) {
        preview->setRecorder([actions, job](int times) -> domain::Check {
            auto recorded = actions->recordPrint(job.dossierId, job.kind, job.copies * times);
            if (!recorded)
                return recorded.error();
            return {};
        });
    }
    preview->open();
    return preview;
}

} // namespace motcua::ui
