#pragma once

// A preview of one attached file: images scaled to fit, PDFs with QtPdf (QPdfView), other types
// named. The bytes come decrypted from the cache's blob store.
#include <QWidget>

class QLabel;
class QStackedWidget;
class QPdfDocument;
class QPdfView;
class QBuffer;

namespace motcua::ui {

class FilePreview : public QWidget
{
    Q_OBJECT
public:
    explicit FilePreview(QWidget *parent = nullptr);
    void show(const QByteArray &bytes, const QString &mediaType, const QString &fileName);
    void showMessage(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QStackedWidget *m_stack;
    QLabel *m_image;
    QLabel *m_message;
    QPdfView *m_pdfView;
    QPdfDocument *m_pdf;
    QBuffer *m_buffer;
    QPixmap m_pixmap;
};

} // namespace motcua::ui
