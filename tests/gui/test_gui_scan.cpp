// The scan dialog at the counter (issue 8; R05.1b, R05.1e, R15.6, R15.7, R21), driven with keys
// like an officer, on real parts: the SANE "test" backend (private SANE_CONFIG_DIR), real image
// files, Tesseract with the vie model, the real encrypted cache and server. An ADF batch is
// scanned, a page turned and the turn undone, a text page imported, then a separator sheet and a
// CCCD; "Xong" gives a searchable PDF (checked with pdftotext) attached to the component, the
// values read off it proposed and confirmed, the part after the separator attached to the
// component the sheet names, the applicant filled from the CCCD's QR code, and the saved dossier
// found by a word that is only on the scanned page. A corrupt
// file gives the Vietnamese message and attaches nothing; an unfinished session is resumed.
#include "guifixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <domain/cccd.h>
#include <domain/folding.h>
#include <intake/componentspage.h>
#include <intake/intakewizard.h>
#include <language.h>
#include <mainwindow.h>
#include <scan/digitiser.h>
#include <scan/pagelistmodel.h>
#include <scan/scandialog.h>
#include <scan/scansession.h>
#include <scan/separators.h>
#include <services/intakeservice.h>
#include <store/search.h>
#include <style.h>
#include <testpaths.h>

using namespace motcua;

namespace {

// A short page of Vietnamese text as a 200 dpi scan: a few lines, so Tesseract takes a moment.
QImage textPage()
{
    const int dpi = 200;
    QImage page(1400, 520, QImage::Format_Grayscale8);
    const int dotsPerMetre = int(std::lround(dpi / 0.0254));
    page.setDotsPerMeterX(dotsPerMetre);
    page.setDotsPerMeterY(dotsPerMetre);
    page.fill(Qt::white);
    QPainter painter(&page);
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(12);
    painter.setFont(font);
    painter.setPen(Qt::black);
    const QStringList lines{
        QStringLiteral("HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT"),
        QStringLiteral("Họ và tên: Trần Thị Bích Ngọc"),
        QStringLiteral("Số định danh cá nhân: 079190012345"),
        QStringLiteral("Ngày sinh: 15/08/1990"),
    };
    double y = 100;
    for (const QString &line : lines) {
        painter.drawText(QPointF(100, y), line);
        y += painter.fontMetrics().height() * 1.8;
    }
    return page;
}

const QString kCardQr = QStringLiteral(
    "079085001234|212345678|Lê Thị Bình|02031985|Nữ|Số 5 Lý Thường Kiệt, Hội An|05062021");

// A photo of a CCCD's QR code (as the scanner gives it: black on white, quiet zone around).
QImage cardImage()
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(4);
    writer.setEncoding(ZXing::CharacterSet::UTF8);
    const auto matrix = writer.encode(kCardQr.toStdWString(), 300, 300);
    QImage image(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.setPixel(x, y, matrix.get(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
    return image;
}

} // namespace

class TestGuiScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corruptFileAttachesNothingAndSessionResumes();
    void scanBatchOcrAttachAndFind_R05_1e_R21();
    void cleanupTestCase();

private:
    QWidget *focused() const
    {
        QWidget *w = QApplication::focusWidget();
        return w ? w : m_window.get();
    }
    template<typename T>
    T *child(QObject *parent, const char *name)
    {
        auto *w = parent->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    // F7 on the components page: the dialog for the selected component, its scanners listed.
    ui::ScanDialog *openDialog()
    {
        QApplication::setActiveWindow(m_window.get());
        auto *table = child<QTableWidget>(m_window.get(), "componentsTable");
        table->setFocus();
        table->setCurrentCell(0, 1);
        QTest::keyClick(table, Qt::Key_F7);
        auto *dialog = m_page->findChild<ui::ScanDialog *>();
        if (!dialog)
            return nullptr;
        if (!QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        QApplication::setActiveWindow(dialog);
        auto *devices = child<QComboBox>(dialog, "scanDevice");
        if (!QTest::qWaitFor([devices] { return devices->count() > 0; }, 10000))
            return nullptr;
        return dialog;
    }

    test::GuiFixture m_fixture;
    QTemporaryDir m_scanRoot;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::IntakeWizard *m_wizard = nullptr;
    ui::ComponentsPage *m_page = nullptr;
};

void TestGuiScan::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    m_ws = m_fixture.login(QStringLiteral("counter1"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_fixture.printer(), nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());

    // To the components page of a procedure.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    m_wizard = m_window->intake();
    auto *search = child<QLineEdit>(m_window.get(), "procedureSearch");
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("cap phieu ly lich tu phap"));
    QTRY_COMPARE(child<QListView>(m_window.get(), "procedureList")->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(m_wizard->currentId(), int(ui::IntakeWizard::Applicant));
    // The applicant from a CCCD (the wedge scanner's typing is test_gui_intake's subject).
    const auto card
        = domain::parseCccdQr(QStringLiteral("001099012345|123456789|Nguyễn Văn A|01011990|Nam|"
                                             "Số 1 Trần Phú, Lộc Thọ, Nha Trang|01012021"));
    QVERIFY(card.ok());
    m_wizard->applyCard(card.value());
    auto *fullName = child<QLineEdit>(m_window.get(), "fullName");
    QCOMPARE(child<QLineEdit>(m_window.get(), "personalId")->text(),
             QStringLiteral("001099012345"));
    fullName->setFocus();
    QTest::keyClick(fullName, Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(m_wizard->currentId(), int(ui::IntakeWizard::Components));
    m_page = m_wizard->componentsPage();
    QVERIFY(m_scanRoot.isValid());
    m_page->setScanSetup({m_scanRoot.filePath(QStringLiteral("sessions")),
                          m_scanRoot.filePath(QStringLiteral("ocr")), nullptr});
}

void TestGuiScan::corruptFileAttachesNothingAndSessionResumes()
{
    const QString code = m_wizard->procedure()->components.first().documentTypeCode;
    auto *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle().left(4), QStringLiteral("Quét"));

    QSignalSpy problem(dialog, &ui::ScanDialog::problem);
    dialog->importFiles({testing::testDataPath(QStringLiteral("scan/truncated.png"))});
    QVERIFY(problem.wait(10000));
    auto *error = child<QLabel>(dialog, "scanError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("bị hỏng hoặc không đầy đủ")),
             qPrintable(error->text()));
    QVERIFY(!dialog->session() || dialog->session()->pageCount() == 0);
    test::screenshot(dialog, QStringLiteral("scan-corrupt-file"));

    // One good page, then the dialog is closed: the session stays and is offered next time.
    QSignalSpy added(dialog, &ui::ScanDialog::pagesAdded);
    dialog->importFiles({testing::testDataPath(QStringLiteral("scan/page.png"))});
    QVERIFY(added.wait(10000));
    QCOMPARE(dialog->session()->pageCount(), 1);
    QPointer<ui::ScanDialog> closed(dialog);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QTRY_VERIFY(closed.isNull());
    QVERIFY(m_wizard->draft().components.value(code).files.isEmpty()); // nothing attached

    dialog = openDialog();
    QVERIFY(dialog);
    auto *resumeBar = child<QWidget>(dialog, "resumeBar");
    QVERIFY(resumeBar->isVisible());
    QVERIFY(!dialog->session());
    test::screenshot(dialog, QStringLiteral("scan-resume-offered"));
    QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(dialog->session());
    QCOMPARE(dialog->session()->pageCount(), 1);
    QVERIFY(!resumeBar->isVisible());
    // Discarded: no session left behind.
    QTest::keyClick(focused(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!dialog->session());
    QVERIFY(
        scan::ScanSession::unfinished(m_scanRoot.filePath(QStringLiteral("sessions"))).isEmpty());
    closed = dialog;
    QTest::keyClick(focused(), Qt::Key_Escape);
    QTRY_VERIFY(closed.isNull());
    QVERIFY(m_wizard->draft().components.value(code).files.isEmpty());
}

void TestGuiScan::scanBatchOcrAttachAndFind_R05_1e_R21()
{
    const auto proc = m_wizard->procedure();
    const QString code = proc->components.first().documentTypeCode;
    auto *dialog = openDialog();
    QVERIFY(dialog);

    // An ADF batch from the test backend (its feeder holds 10 sheets), at a low resolution.
    auto *source = child<QComboBox>(dialog, "scanSource");
    const int feeder = source->findData(int(scan::ScanSource::Feeder));
    QVERIFY(feeder >= 0);
    source->setCurrentIndex(feeder);
    child<QSpinBox>(dialog, "scanDpi")->setValue(25);
    QTest::keyClick(focused(), Qt::Key_F7);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
    QVERIFY(dialog->session());
    QCOMPARE(dialog->session()->pageCount(), 10);
    auto *status = child<QLabel>(dialog, "scanStatus");
    QVERIFY2(status->text().contains(QStringLiteral("10")), qPrintable(status->text()));
    test::screenshot(dialog, QStringLiteral("scan-batch"));

    // Keep two sheets: select the third to the last, Delete.
    auto *pages = child<QListView>(dialog, "scanPages");
    pages->setFocus();
    auto *model = pages->model();
    pages->selectionModel()->select(QItemSelection(model->index(2, 0), model->index(9, 0)),
                                    QItemSelectionModel::Select);
    QTest::keyClick(focused(), Qt::Key_Delete);
    QCOMPARE(dialog->session()->pageCount(), 2);

    // Turn the first page right, undo it (Ctrl+Z), redo and undo again (Ctrl+Y, Ctrl+Z).
    pages->selectionModel()->clearSelection();
    pages->setCurrentIndex(model->index(0, 0));
    const QString firstId = dialog->session()->pages().first().id;
    QTest::keyClick(focused(), Qt::Key_R, Qt::ControlModifier);
    QCOMPARE(dialog->session()->pages().first().transforms.size(), 1);
    QVERIFY(dialog->session()->image(0).width() > dialog->session()->image(0).height());
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(dialog->session()->pages().first().transforms.isEmpty());
    QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(dialog->session()->pages().first().transforms.size(), 1);
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(dialog->session()->pages().first().transforms.isEmpty());
    QCOMPARE(dialog->session()->pages().first().id, firstId);
    // The undone deletion would bring the eight sheets back: one more Ctrl+Z, then Ctrl+Y.
    QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dialog->session()->pageCount(), 10);
    QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(dialog->session()->pageCount(), 2);

    // A page of text imported from a file goes after them; moved to the front with Alt+Up.
    const QString textFile = m_scanRoot.filePath(QStringLiteral("hop-dong.png"));
    QVERIFY(textPage().save(textFile));
    QSignalSpy added(dialog, &ui::ScanDialog::pagesAdded);
    dialog->importFiles({textFile});
    QVERIFY(added.wait(10000));
    QCOMPARE(dialog->session()->pageCount(), 3);
    const QString textId = dialog->session()->pages().last().id;
    pages->setFocus();
    pages->setCurrentIndex(model->index(2, 0));
    QTest::keyClick(focused(), Qt::Key_Up, Qt::AltModifier);
    QTest::keyClick(focused(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(dialog->session()->indexOf(textId), 0);
    // A separator sheet naming the second component, then the applicant's CCCD: a second
    // document, for that component, and the applicant read off the QR code.
    QVERIFY(proc->components.size() >= 2);
    const QString secondCode = proc->components.at(1).documentTypeCode;
    const QString separatorFile = m_scanRoot.filePath(QStringLiteral("tach.png"));
    const QString cardFile = m_scanRoot.filePath(QStringLiteral("cccd.png"));
    QVERIFY(scan::separatorSheet(proc->components.at(1).name, 100).save(separatorFile));
    QVERIFY(cardImage().save(cardFile));
    dialog->importFiles({separatorFile, cardFile});
    QVERIFY(added.wait(10000));
    QCOMPARE(dialog->session()->pageCount(), 5);
    test::screenshot(dialog, QStringLiteral("scan-pages"));

    // Xong: OCR in the background, then the result with the values read off the text page.
    QSignalSpy ready(dialog, &ui::ScanDialog::resultReady);
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(ready.wait(120000));
    auto *proposals = child<QTreeWidget>(dialog, "proposals");
    QCOMPARE(proposals->topLevelItemCount(), 2);
    QCOMPARE(proposals->topLevelItem(1)->childCount(), 1);
    QCOMPARE(proposals->topLevelItem(1)->child(0)->text(2), QStringLiteral("079085001234"));
    QCOMPARE(proposals->topLevelItem(1)->child(0)->checkState(0), Qt::Checked);
    QStringList values;
    for (int i = 0; i < proposals->topLevelItem(0)->childCount(); ++i)
        values << proposals->topLevelItem(0)->child(i)->text(0);
    QVERIFY2(values.contains(QStringLiteral("079190012345")), qPrintable(values.join(u'|')));
    QVERIFY(child<QLabel>(dialog, "signingNote")->text().contains(QStringLiteral("ký số")));
    test::screenshot(dialog, QStringLiteral("scan-result"));

    QSignalSpy attached(m_page, &ui::ComponentsPage::scanAttached);
    QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(attached.count(), 1);
    QCOMPARE(attached.first().first().toStringList(), (QStringList{code, secondCode}));
    QCOMPARE(m_wizard->draft().applicant.personalId, QStringLiteral("079085001234"));
    QCOMPARE(m_wizard->draft().applicant.fullName, QStringLiteral("Lê Thị Bình"));
    const auto second = m_wizard->draft().components.value(secondCode);
    QCOMPARE(second.files.size(), 1);
    QVERIFY(second.files.first().bytes.startsWith("%PDF"));

    // The component got the searchable PDF and its text: pdftotext reads the page's words.
    const auto entry = m_wizard->draft().components.value(code);
    QVERIFY(entry.received);
    QCOMPARE(entry.files.size(), 1);
    const auto &file = entry.files.first();
    QCOMPARE(file.mediaType, QStringLiteral("application/pdf"));
    QVERIFY(file.bytes.startsWith("%PDF"));
    QVERIFY2(domain::foldForSearch(file.ocrText).contains(QStringLiteral("chuyen nhuong")),
             qPrintable(file.ocrText));
    const QString pdfPath = m_scanRoot.filePath(QStringLiteral("scan.pdf"));
    {
        QFile out(pdfPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file.bytes);
    }
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {pdfPath, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(20000));
    QCOMPARE(pdftotext.exitCode(), 0);
    const QString pdfText = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(pdfText.contains(QStringLiteral("079190012345")), qPrintable(pdfText));
    QCOMPARE(pdfText.count(QLatin1Char('\f')), 3); // one form feed after each page
    QVERIFY(
        scan::ScanSession::unfinished(m_scanRoot.filePath(QStringLiteral("sessions"))).isEmpty());
    test::screenshot(m_window.get(), QStringLiteral("scan-attached"));

    // Saved: the dossier carries the PDF, the text beside it and the confirmed ID number; a
    // search for words that are only on the scanned page finds it (R21).
    m_page->tickAll();
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(focused(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE(m_wizard->currentId(), int(ui::IntakeWizard::Review));
    QSignalSpy saved(m_wizard, &ui::IntakeWizard::saved);
    QSignalSpy said(m_wizard, &ui::IntakeWizard::status);
    QTRY_VERIFY(m_wizard->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(focused(), Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(saved.count() == 1 || !said.isEmpty());
    QVERIFY2(saved.count() == 1, qPrintable(said.value(0).value(0).toString()));
    const auto dossier = saved.first().at(0).value<domain::Dossier>();
    auto stored = m_ws->cache().dossierByCode(dossier.code);
    QVERIFY(stored && stored.value());
    const auto &component = stored.value()->components.first();
    QVERIFY(component.digitised);
    QCOMPARE(component.files.size(), 2);
    QCOMPARE(component.files.at(1).mediaType, QStringLiteral("text/plain"));
    QCOMPARE(component.holderId, QStringLiteral("079190012345"));
    const auto found = m_ws->cache().search(
        store::SearchQuery::forText(QStringLiteral("chuyen nhuong quyen su dung")));
    QVERIFY(found);
    QCOMPARE(found->items.size(), 1);
    QCOMPARE(found->items.first().code, dossier.code);
}

void TestGuiScan::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
}

QTEST_MAIN(TestGuiScan)
#include "test_gui_scan.moc"
