#include "filepreview.h"

#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QPixmap>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace motcua::ui {

FilePreview::FilePreview(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget)
    , m_image(new QLabel)
    , m_message(new QLabel)
    , m_pdfView(new QPdfView)
    , m_pdf(new QPdfDocument(this))
    , m_buffer(new QBuffer(this))
{
    setObjectName(QStringLiteral("filePreview"));
    m_image->setAlignment(Qt::AlignCenter);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_image);
    m_stack->addWidget(m_pdfView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showMessage(tr("Select a file to preview it."));
}

void FilePreview::showMessage(const QString &message)
{
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
}

void FilePreview::show(const QByteArray &bytes, const QString &mediaType, const QString &fileName)
{
    if (mediaType == QLatin1String("application/pdf") || bytes.startsWith("%PDF")) {
        m_pdf->close();
        m_buffer->close();
        m_buffer->setData(bytes);
        m_buffer->open(QIODevice::ReadOnly);
        m_pdf->load(m_buffer);
        if (m_pdf->status() == QPdfDocument::Status::Ready) {
            m_stack->setCurrentWidget(m_pdfView);
            return;
        }
        return showMessage(tr("The PDF \"%1\" cannot be displayed.").arg(fileName));
    }
    QImage image;
    if (image.loadFromData(bytes)) {
        m_pixmap = QPixmap::fromImage(image);
        m_stack->setCurrentWidget(m_image);
        resizeEvent(nullptr);
        return;
    }
    showMessage(tr("No preview for \"%1\" (%2).").arg(fileName, mediaType));
}

void FilePreview::resizeEvent(QResizeEvent *event)
{
    if (event)
        QWidget::resizeEvent(event);
    if (m_pixmap.isNull() || m_stack->currentWidget() != m_image)
        return;
    const qreal dpr = devicePixelRatioF();
    QPixmap scaled
        = m_pixmap.scaled(m_image->size() * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    scaled.setDevicePixelRatio(dpr); // sharp on high-DPI screens
    m_image->setPixmap(scaled);
}

} // namespace motcua::ui
