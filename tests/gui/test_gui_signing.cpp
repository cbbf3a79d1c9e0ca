// Signing in the client (issue 7 item 4) with a real SoftHSM2 token and the test PKI of
// tests/signing/make-pki.sh, on a real encrypted cache seeded with the dossiers of
// tests/reports/statsdata.cpp (no server: a signing is a local action the sync pushes later).
// The token is chosen in Settings → Signing token; a component PDF signed from the dossier is
// judged by poppler's pdfsig and by our verifier; a wrong PIN says so and writes nothing; a batch
// asks the PIN once; a cancelled batch leaves the documents it did not reach untouched; the viewer
// tells a signed PDF from a changed one. Screens are saved as PNG under ${MOTCUA_SCREENSHOT_DIR}.
#include "../reports/statsdata.h"
#include "../signing/pkifixture.h"
#include "guifixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <queuespage.h>

#include <domain/json.h>
#include <dossiertablemodel.h>
#include <dossierview.h>
#include <intake/componentspage.h>
#include <intake/intakewizard.h>
#include <language.h>
#include <mainwindow.h>
#include <services/syncstatus.h>
#include <signing/certvalidator.h>
#include <signing/padesverifier.h>
#include <signing/pindialog.h>
#include <signing/signdialog.h>
#include <signing/signedpdfviewer.h>
#include <signing/signingsession.h>
#include <signing/tokensettingsdialog.h>
#include <signing/truststore.h>
#include <store/crypto.h>
#include <style.h>

using namespace motcua;

namespace {

// A one-page PDF with a line of text (what a component scan or a draft result looks like here).
QByteArray smallPdf(const QByteArray &text)
{
    QList<QByteArray> objects{
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    const QByteArray stream = "BT /F1 18 Tf 72 760 Td (" + text + ") Tj ET";
    objects[3] = "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream
        + "\nendstream";
    QByteArray pdf = "%PDF-1.7\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
        + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

// Answers every PIN dialog that opens: the next PIN of `pins` (typed, then OK), or Cancel when
// none is left. Records each dialog's message before answering.
class PinAnswerer : public QObject
{
public:
    explicit PinAnswerer(QStringList pins)
        : m_pins(std::move(pins))
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto *dialog = qobject_cast<ui::PinDialog *>(QApplication::activeModalWidget());
            if (!dialog || dialog == m_last)
                return;
            m_last = dialog;
            messages << (dialog->messageLabel()->isVisible() ? dialog->messageLabel()->text()
                                                             : QString());
            if (messages.size() == 2)
                test::screenshot(dialog, QStringLiteral("signing-pin-wrong"));
            if (m_pins.isEmpty())
                return dialog->reject();
            test::typeText(dialog->pinEdit(), m_pins.takeFirst());
            QVERIFY(dialog->pinEdit()->echoMode() == QLineEdit::Password);
            QTest::keyClick(dialog->pinEdit(), Qt::Key_Return);
        });
        m_timer.start();
    }
    QStringList messages;

private:
    QStringList m_pins;
    QTimer m_timer;
    QPointer<QWidget> m_last;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGuiSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void configureTheToken();
    void wrongPinSaysSoAndWritesNothing();
    void signAComponentPdf();
    void batchAsksThePinOnce();
    void cancelMidBatchLeavesTheRestUntouched();
    void signAResultWithoutKeepingIt();
    void viewerTellsSignedFromChanged();
    void scannedComponentsAreSignedBeforeAttaching_R05_1c();
    void signResultsFromTheApprovalQueue_R16_3();
    void cleanupTestCase();

private:
    domain::Dossier dossier() const;
    ui::DossierView *openDossier();
    bool waitFinished(ui::SignDialog *dialog);
    void pressSign(ui::SignDialog *dialog);
    QByteArray pdfsig(const QByteArray &pdf);
    int componentFileCount() const;

    PkiFixture m_pki;
    QString m_nss;
    QTemporaryDir m_profile;
    reports::testdata::Dataset m_data;
    QUuid m_id;
    QUuid m_idB; // awaiting approval with a draft result
    QUuid m_idC; // awaiting approval without one
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    services::NoReceiptPrinter m_printer;
    std::unique_ptr<ui::MainWindow> m_window;
    QPointer<ui::DossierView> m_view;
    QByteArray m_signedPdf;
};

void TestGuiSigning::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::installLanguage(QStringLiteral("vi")));
    ui::applyStyle(*qApp);
    QVERIFY(m_pki.make());
    QVERIFY(m_pki.startOcsp()); // certificate status: the responder named in the certificates
    // The workstation's trust store (R10.5): the test root and its intermediate.
    QDir(ui::SigningSession::trustStoreDir()).removeRecursively();
    QDir(ui::SigningSession::revocationCacheDir()).removeRecursively();
    QVERIFY(QDir().mkpath(ui::SigningSession::trustStoreDir()));
    signing::TrustStore trust(ui::SigningSession::trustStoreDir());
    QVERIFY(trust.add(readFile(m_pki.path(QStringLiteral("root.pem")))));
    QVERIFY(trust.add(readFile(m_pki.path(QStringLiteral("intermediate.pem")))));
    m_nss = m_pki.makeNssDatabase(); // trusting the test root, for pdfsig
    QVERIFY(!m_nss.isEmpty());

    m_data = reports::testdata::build();
    QVERIFY2(m_data.error.isEmpty(), qPrintable(m_data.error));
    auto cache = store::Cache::open(m_profile.path(), store::crypto::randomBytes(32));
    QVERIFY(cache);
    QList<store::CatalogueEntry> entries;
    for (const QString &code :
         {domain::demo::kCentreCode, domain::demo::kJusticeCode, domain::demo::kCommuneCode})
        entries.append(
            {QStringLiteral("agency"), code, domain::toJson(*m_data.directory.agency(code))});
    for (const QString &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")})
        entries.append(
            {QStringLiteral("procedure"), code, domain::toJson(*m_data.directory.procedure(code))});
    const auto leader = m_data.directory.officer(QStringLiteral("leader1"));
    QVERIFY(leader);
    entries.append({QStringLiteral("officer"), leader->id, domain::toJson(*leader)});
    QVERIFY(cache.value()->putCatalogueEntries(entries));

    // One dossier awaiting the leader's approval, with two component PDFs, a photo and a draft
    // result, their bytes in the blob store.
    domain::Dossier &d = m_data.dossiers[QStringLiteral("A")];
    m_id = d.id;
    d.stage = domain::Stage::AwaitingApproval;
    d.agencyCode = d.handlingAgencyCode = leader->agencyCode;
    d.completedAt = {};
    d.returnRecord.reset();
    const auto put = [&](const QByteArray &bytes, const QString &name, const QString &type) {
        auto blob = cache.value()->putBlob(bytes, type);
        return domain::FileRef{blob ? blob->sha256 : QString(), name, type, bytes.size()};
    };
    while (d.components.size() < 3) {
        domain::Component c;
        c.id = QStringLiteral("signing-test-%1").arg(d.components.size());
        c.documentTypeCode = QStringLiteral("GT");
        c.name = QStringLiteral("Giấy tờ %1").arg(d.components.size() + 1);
        d.components.append(c);
    }
    d.components[0].files = {
        put(smallPdf("Don de nghi"), QStringLiteral("don.pdf"), QStringLiteral("application/pdf"))};
    d.components[1].files = {put(smallPdf("Ban sao CCCD"), QStringLiteral("cccd.pdf"),
                                 QStringLiteral("application/pdf"))};
    d.components[2].files = {put(QByteArray(2000, 'x') + "photo", QStringLiteral("anh.jpg"),
                                 QStringLiteral("image/jpeg"))};
    d.results = {put(smallPdf("Du thao ket qua"), QStringLiteral("du-thao.pdf"),
                     QStringLiteral("application/pdf"))};
    for (const auto &c : d.components) {
        for (const auto &f : c.files)
            QVERIFY(!f.sha256.isEmpty());
    }
    domain::Action last;
    for (const auto &a : std::as_const(m_data.actions)) {
        if (a.dossierId == d.id)
            last = a;
    }
    QVERIFY(cache.value()->applyChanges({{1, last, d}}, 1, m_data.directory));
    // Two more awaiting approval, for signing from the queue: B with a draft result, C without.
    qint64 seq = 1;
    for (const QString &key : {QStringLiteral("B"), QStringLiteral("C")}) {
        domain::Dossier &other = m_data.dossiers[key];
        other.stage = domain::Stage::AwaitingApproval;
        other.agencyCode = other.handlingAgencyCode = leader->agencyCode;
        other.completedAt = {};
        other.returnRecord.reset();
        other.resultSignatures.clear();
        other.results.clear();
        if (key == QLatin1String("B"))
            other.results = {put(smallPdf("Du thao ket qua B"), QStringLiteral("du-thao-b.pdf"),
                                 QStringLiteral("application/pdf"))};
        domain::Action otherLast;
        for (const auto &a : std::as_const(m_data.actions)) {
            if (a.dossierId == other.id)
                otherLast = a;
        }
        ++seq;
        QVERIFY(cache.value()->applyChanges({{seq, otherLast, other}}, seq, m_data.directory));
        (key == QLatin1String("B") ? m_idB : m_idC) = other.id;
    }

    m_ws = std::make_unique<services::Workstation>(std::move(cache).value(), *leader, nullptr);
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_printer, nullptr);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestGuiSigning::cleanupTestCase()
{
    m_window.reset();
    m_pki.stopOcsp();
}

domain::Dossier TestGuiSigning::dossier() const
{
    auto d = m_ws->cache().dossier(m_id);
    return d && d.value() ? *d.value() : domain::Dossier{};
}

int TestGuiSigning::componentFileCount() const
{
    int n = 0;
    for (const auto &c : dossier().components)
        n += int(c.files.size());
    return n;
}

ui::DossierView *TestGuiSigning::openDossier()
{
    if (m_view)
        m_view->close();
    m_window->openDossier(m_id);
    m_view = m_window->findChild<ui::DossierView *>();
    for (auto *v : m_window->findChildren<ui::DossierView *>()) {
        if (v->isVisible())
            m_view = v;
    }
    return m_view;
}

void TestGuiSigning::pressSign(ui::SignDialog *dialog)
{
    QCOMPARE(dialog->signButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QTest::mouseClick(dialog->signButton(), Qt::LeftButton);
}

bool TestGuiSigning::waitFinished(ui::SignDialog *dialog)
{
    QSignalSpy done(dialog, &ui::SignDialog::signingFinished);
    pressSign(dialog);
    const bool ok = done.count() > 0 || done.wait(30000);
    return ok;
}

QByteArray TestGuiSigning::pdfsig(const QByteArray &pdf)
{
    const QString path = m_pki.path(QStringLiteral("check.pdf"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(pdf);
    f.close();
    QByteArray output;
    PkiFixture::run(QStringLiteral("pdfsig"), {QStringLiteral("-nssdir"), m_nss, path}, &output);
    return output;
}

void TestGuiSigning::configureTheToken()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier | Qt::AltModifier);
    auto *dialog = m_window->findChild<ui::TokenSettingsDialog *>();
    QVERIFY(dialog);
    dialog->moduleBox()->setEditText(m_pki.module());
    dialog->readTokens();                     // what F5 does
    QCOMPARE(dialog->tokenBox()->count(), 2); // "MotCua Test" and "Other Token"
    dialog->tokenBox()->setCurrentIndex(
        dialog->tokenBox()->findData(QLatin1String(PkiFixture::kToken)));
    auto *certs = dialog->certificateList();
    QCOMPARE(certs->topLevelItemCount(), 4);
    QTreeWidgetItem *rsa = nullptr;
    for (int i = 0; i < certs->topLevelItemCount(); ++i) {
        if (certs->topLevelItem(i)->text(0) == QStringLiteral("Nguyễn Văn rsa"))
            rsa = certs->topLevelItem(i);
    }
    QVERIFY(rsa);
    QVERIFY(rsa->text(1).contains(QStringLiteral("UBND tỉnh Thử Nghiệm")));
    QVERIFY(rsa->text(3).contains(u'/')); // dd/MM/yyyy
    certs->setCurrentItem(rsa);
    test::screenshot(dialog, QStringLiteral("signing-token-settings"));
    QVERIFY(dialog->save());
    dialog->close();
    const ui::TokenConfig saved = ui::TokenConfig::load(m_ws->cache());
    QCOMPARE(saved.modulePath, m_pki.module());
    QCOMPARE(saved.tokenLabel, QLatin1String(PkiFixture::kToken));
    QCOMPARE(saved.keyId, QStringLiteral("01"));
    QVERIFY(saved.certificateSubject.contains(QStringLiteral("Nguyễn Văn rsa")));
    QVERIFY(m_window->signing()->isConfigured());
    QVERIFY(!m_window->signing()->isLoggedIn());
}

void TestGuiSigning::wrongPinSaysSoAndWritesNothing()
{
    auto *view = openDossier();
    QVERIFY(view);
    const domain::Dossier before = dossier();
    const auto blobsBefore = m_ws->cache().blobsToUpload();
    QVERIFY(blobsBefore);
    view->fileList()->setCurrentRow(0);
    auto *dialog = view->signSelected();
    QVERIFY(dialog);
    PinAnswerer answers({QStringLiteral("000000")}); // wrong, then Cancel
    pressSign(dialog);
    QCOMPARE(answers.messages.size(), 2);
    QVERIFY(answers.messages.at(0).isEmpty());
    QVERIFY2(answers.messages.at(1).contains(QStringLiteral("Sai mã PIN")),
             qPrintable(answers.messages.at(1)));
    QVERIFY(answers.messages.at(1).contains(QStringLiteral("lần thử")));
    QVERIFY(dialog->notice()->isVisible());
    QVERIFY2(dialog->notice()->text().contains(QStringLiteral("huỷ")),
             qPrintable(dialog->notice()->text()));
    QCOMPARE(dialog->batch()->signedCount(), 0);
    QVERIFY(dossier() == before);
    QCOMPARE(m_ws->cache().blobsToUpload()->size(), blobsBefore->size());
    QVERIFY(!m_window->signing()->isLoggedIn());
    dialog->close();
}

void TestGuiSigning::signAComponentPdf()
{
    auto *view = openDossier();
    view->fileList()->setCurrentRow(0); // don.pdf
    auto *dialog = view->signSelected();
    QVERIFY(dialog);
    dialog->reasonEdit()->setText(QStringLiteral("Xác nhận bản điện tử"));
    PinAnswerer answers({QString::fromLatin1(PkiFixture::kPin)});
    QVERIFY(waitFinished(dialog));
    QCOMPARE(answers.messages.size(), 1);
    QCOMPARE(dialog->batch()->signedCount(), 1);
    QVERIFY2(dialog->notice()->text().contains(QStringLiteral("thành công")),
             qPrintable(dialog->notice()->text()));
    test::screenshot(dialog, QStringLiteral("signing-dialog-done"));
    // Stored with the dossier: the signed copy next to the original, and the signature record.
    const domain::Dossier d = dossier();
    const auto &files = d.components.at(0).files;
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(1).fileName, QStringLiteral("don-signed.pdf"));
    QCOMPARE(d.components.at(0).signatures.size(), 1);
    QCOMPARE(d.components.at(0).signatures.at(0).fileSha256, files.at(1).sha256);
    QCOMPARE(d.components.at(0).signatures.at(0).signerName, QStringLiteral("Nguyễn Văn rsa"));
    auto unconfirmed = m_ws->cache().unconfirmedActions(m_id);
    QVERIFY(unconfirmed && !unconfirmed->isEmpty()); // the sync pushes it
    auto bytes = m_ws->cache().blob(files.at(1).sha256);
    QVERIFY(bytes);
    m_signedPdf = bytes.value();
    const QByteArray report = pdfsig(m_signedPdf);
    QVERIFY2(report.contains("Signature Validation: Signature is Valid."), report.constData());
    QVERIFY2(report.contains("Total document signed"), report.constData());
    signing::RevocationOptions revocation;
    revocation.cacheDir = m_pki.path(QStringLiteral("rev"));
    signing::CertificateValidator validator(
        signing::TrustStore::load(ui::SigningSession::trustStoreDir()), revocation);
    auto ours = signing::verifyPdf(m_signedPdf, validator);
    QVERIFY(ours);
    QCOMPARE(ours->size(), 1);
    QVERIFY2(ours->first().ok(), qPrintable(ours->first().detail));
    QCOMPARE(ours->first().reason, QStringLiteral("Xác nhận bản điện tử"));
    dialog->close();
}

void TestGuiSigning::batchAsksThePinOnce()
{
    m_window->signing()->logout(); // a new session: the PIN once for the whole batch
    auto *view = openDossier();
    auto *dialog = view->signAllComponents();
    QVERIFY(dialog);
    // don.pdf, don-signed.pdf (signed again: a second signature), cccd.pdf, anh.jpg.
    QCOMPARE(dialog->batch()->targets().size(), 4);
    PinAnswerer answers({QString::fromLatin1(PkiFixture::kPin)});
    QVERIFY(waitFinished(dialog));
    QCOMPARE(answers.messages.size(), 1);
    QCOMPARE(dialog->batch()->signedCount(), 4);
    for (const auto &o : dialog->batch()->outcomes())
        QVERIFY2(o.state == ui::SignOutcome::Signed, qPrintable(o.message));
    const domain::Dossier d = dossier();
    QCOMPARE(d.components.at(2).files.size(), 2);
    QCOMPARE(d.components.at(2).files.at(1).fileName, QStringLiteral("anh.jpg.p7s"));
    QCOMPARE(d.components.at(0).signatures.size(), 3);
    // The .p7s verifies over the photo with openssl, chained to the test root.
    const QString p7s = m_pki.path(QStringLiteral("anh.p7s"));
    const QString photo = m_pki.path(QStringLiteral("anh.jpg"));
    for (const auto &[path, sha] : {std::pair{p7s, d.components.at(2).files.at(1).sha256},
                                    std::pair{photo, d.components.at(2).files.at(0).sha256}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_ws->cache().blob(sha).value());
    }
    QByteArray out;
    QCOMPARE(PkiFixture::run(
                 QStringLiteral("openssl"),
                 {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
                  QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), p7s,
                  QStringLiteral("-content"), photo, QStringLiteral("-CAfile"),
                  m_pki.path(QStringLiteral("root.pem")), QStringLiteral("-purpose"),
                  QStringLiteral("any"), QStringLiteral("-out"), QStringLiteral("/dev/null")},
                 &out),
             0);
    // The second signature on don-signed.pdf: pdfsig sees two.
    QString twiceSha;
    for (const auto &f : d.components.at(0).files) {
        if (f.fileName == QLatin1String("don-signed-signed.pdf"))
            twiceSha = f.sha256;
    }
    const auto signedTwice = m_ws->cache().blob(twiceSha);
    QVERIFY(signedTwice);
    QVERIFY(pdfsig(signedTwice.value()).contains("Signature #2"));
    dialog->close();
}

void TestGuiSigning::cancelMidBatchLeavesTheRestUntouched()
{
    auto *view = openDossier();
    auto *dialog = view->signAllComponents();
    QVERIFY(dialog);
    const int targets = int(dialog->batch()->targets().size());
    QVERIFY(targets >= 3);
    const domain::Dossier before = dossier();
    // The officer presses Stop while the first document is being signed.
    connect(dialog->batch(), &ui::SignBatch::progress, dialog, [dialog](int done, int) {
        if (done == 1)
            QTest::keyClick(dialog, Qt::Key_Escape); // Esc stops; it does not close the dialog
    });
    QVERIFY(m_window->signing()->isLoggedIn()); // still this session: no PIN asked
    QVERIFY(waitFinished(dialog));
    QVERIFY(dialog->isVisible());
    const auto &outcomes = dialog->batch()->outcomes();
    QCOMPARE(outcomes.at(0).state, ui::SignOutcome::Signed);
    for (int i = 1; i < targets; ++i)
        QCOMPARE(outcomes.at(i).state, ui::SignOutcome::NotSigned);
    QVERIFY(dialog->notice()->text().contains(QStringLiteral("1/%1").arg(targets))
            || dialog->notice()->text().contains(QStringLiteral("1 ")));
    const domain::Dossier after = dossier();
    QCOMPARE(after.components.at(0).signatures.size(),
             before.components.at(0).signatures.size() + 1);
    for (int c = 1; c < after.components.size(); ++c)
        QVERIFY(after.components.at(c) == before.components.at(c));
    dialog->close();
}

void TestGuiSigning::signAResultWithoutKeepingIt()
{
    auto *view = openDossier();
    auto *files = view->fileList();
    int resultRow = -1;
    for (int i = 0; i < files->count(); ++i) {
        if (files->item(i)->text().contains(QStringLiteral("du-thao.pdf")))
            resultRow = i;
    }
    QVERIFY(resultRow >= 0);
    files->setCurrentRow(resultRow);
    auto *dialog = view->signSelected();
    QVERIFY(dialog);
    dialog->keepBox()->setChecked(false); // R10.4: sign, save, keep nothing with the dossier
    const domain::Dossier before = dossier();
    QVERIFY(waitFinished(dialog));
    QCOMPARE(dialog->batch()->signedCount(), 1);
    QVERIFY(dossier() == before);
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("ket-qua.pdf"));
    QVERIFY(dialog->saveSigned(path));
    QVERIFY(pdfsig(readFile(path)).contains("Signature is Valid"));
    // Kept this time: the result's signature goes with the dossier.
    dialog->close();
    files = openDossier()->fileList();
    files->setCurrentRow(resultRow);
    dialog = m_view->signSelected();
    QVERIFY(waitFinished(dialog));
    QCOMPARE(dossier().resultSignatures.size(), 1);
    QCOMPARE(dossier().results.size(), 2);
    dialog->close();
}

void TestGuiSigning::viewerTellsSignedFromChanged()
{
    QVERIFY(!m_signedPdf.isEmpty());
    auto *view = openDossier();
    int row = -1;
    for (int i = 0; i < view->fileList()->count(); ++i) {
        if (row < 0 && view->fileList()->item(i)->text().endsWith(QStringLiteral("don-signed.pdf")))
            row = i;
    }
    QVERIFY(row >= 0);
    view->fileList()->setCurrentRow(row);
    auto *button = view->findChild<QPushButton *>(QStringLiteral("viewSignatures"));
    QVERIFY(button);
    QCOMPARE(button->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QTest::mouseClick(button, Qt::LeftButton);
    auto *viewer = view->findChild<ui::SignedPdfViewer *>();
    QVERIFY(viewer);
    QSignalSpy verified(viewer, &ui::SignedPdfViewer::verified);
    QVERIFY(verified.count() > 0 || verified.wait(20000));
    QCOMPARE(viewer->verdict(), ui::SignedPdfViewer::Verdict::Signed);
    QVERIFY(viewer->banner()->text().contains(QStringLiteral("Tài liệu đã được ký số")));
    QVERIFY(viewer->document()->pageCount() == 1);
    QVERIFY(viewer->signaturePanel()->findChild<QWidget *>(QStringLiteral("signature1")));
    QCOMPARE(viewer->reports().size(), 1);
    QCOMPARE(viewer->reports().first().certificate, signing::CertificateStatus::Trusted);
    test::screenshot(viewer, QStringLiteral("signing-viewer-signed"));
    QTemporaryDir out;
    QVERIFY(viewer->saveTo(out.filePath(QStringLiteral("tai-ve.pdf"))));
    QCOMPARE(readFile(out.filePath(QStringLiteral("tai-ve.pdf"))), m_signedPdf);
    viewer->close();

    // The same file with bytes added after signing.
    ui::SignedPdfViewer changed(m_signedPdf + "\n% changed after signing\n",
                                QStringLiteral("don-signed.pdf"));
    changed.show();
    QSignalSpy changedDone(&changed, &ui::SignedPdfViewer::verified);
    QVERIFY(changedDone.count() > 0 || changedDone.wait(20000));
    QCOMPARE(changed.verdict(), ui::SignedPdfViewer::Verdict::Changed);
    QVERIFY(
        changed.banner()->text().contains(QStringLiteral("Tài liệu đã bị thay đổi sau khi ký")));
    test::screenshot(&changed, QStringLiteral("signing-viewer-changed"));
}

void TestGuiSigning::scannedComponentsAreSignedBeforeAttaching_R05_1c()
{
    // What the scan dialog hands to the intake's components page (issue 8 item 5).
    auto *wizard = m_window->intake();
    wizard->draft().procedureCode = QStringLiteral("2.001417");
    const auto proc = wizard->procedure();
    QVERIFY(proc && !proc->components.isEmpty());
    const QString code = proc->components.first().documentTypeCode;
    ui::ScanDialog::Outcome outcome;
    ui::ScannedDocument doc;
    doc.pageCount = 1;
    doc.pdf = smallPdf("Ban giay so hoa");
    doc.text = QStringLiteral("Ban giay so hoa");
    outcome.documents = {doc, doc};
    m_window->signing()->logout(); // a new session: the PIN once for both documents
    PinAnswerer answers({QString::fromLatin1(PkiFixture::kPin)});
    QSignalSpy attached(wizard->componentsPage(), &ui::ComponentsPage::scanAttached);
    wizard->componentsPage()->attachScan(code, outcome);
    QVERIFY(attached.count() > 0 || attached.wait(20000));
    QCOMPARE(answers.messages.size(), 1);
    const auto files = wizard->draft().components.value(code).files;
    QVERIFY(files.size() >= 1);
    for (const auto &f : files) {
        QVERIFY(f.bytes != doc.pdf);
        const QByteArray report = pdfsig(f.bytes);
        QVERIFY2(report.contains("Signature is Valid"), report.constData());
        QCOMPARE(f.ocrText, doc.text); // the text layer's words stay searchable
        // Who signed goes with the file, for the dossier's signature record (R05.1c).
        QVERIFY(!f.signerName.isEmpty());
        QVERIFY(!f.certificateSerial.isEmpty());
    }
}

// R14.4, R15.13, R16.3: the leader selects the dossiers of the approval queue and signs their
// results at once (Ctrl+Alt+S): the newest result of each, the PIN once; a dossier without a
// draft result, or whose newest result the leader already signed, is named as left out.
void TestGuiSigning::signResultsFromTheApprovalQueue_R16_3()
{
    m_window->showSection(ui::MainWindow::Queues);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ui::QueuesPage *queues = m_window->queues();
    queues->showQueue(services::QueueId::LeaderAwaitingApproval);
    QTRY_COMPARE(queues->model()->rowCount(), 3);
    auto *action = queues->findChild<QAction *>(QStringLiteral("batch_sign_results"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    queues->table()->setFocus();
    queues->table()->selectAll();
    QVERIFY(action->isEnabled());
    PinAnswerer answers({QString::fromLatin1(PkiFixture::kPin)});
    QTest::keyClick(queues->table(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
    ui::SignDialog *dialog = nullptr;
    QTRY_VERIFY(
        (dialog = m_window->findChild<ui::SignDialog *>(QStringLiteral("dialog_sign_results")))
        != nullptr);
    QCOMPARE(dialog->batch()->targets().size(), 1);
    QCOMPARE(dialog->batch()->targets().first().dossierId, m_idB);
    QCOMPARE(dialog->batch()->targets().first().file.fileName, QStringLiteral("du-thao-b.pdf"));
    const QString leftOut = dialog->leftOutLabel()->text();
    QVERIFY(dialog->leftOutLabel()->isVisible());
    QVERIFY2(leftOut.contains(QStringLiteral("chưa có dự thảo kết quả"))
                 && leftOut.contains(QStringLiteral("đã ký du-thao-signed.pdf")),
             qPrintable(leftOut));
    test::screenshot(dialog, QStringLiteral("signing-queue-batch"));
    QVERIFY(waitFinished(dialog));
    QCOMPARE(dialog->batch()->signedCount(), 1);
    const domain::Dossier b = *m_ws->cache().dossier(m_idB).value();
    QCOMPARE(b.results.size(), 2);
    QCOMPARE(b.resultSignatures.size(), 1);
    QCOMPARE(b.resultSignatures.first().officerId, m_ws->officer().id);
    QCOMPARE(b.resultSignatures.first().fileSha256, b.results.last().sha256);
    QVERIFY(
        pdfsig(m_ws->cache().blob(b.results.last().sha256).value()).contains("Signature is Valid"));
    QVERIFY(m_ws->cache().dossier(m_idC).value()->resultSignatures.isEmpty());
    dialog->close();
    // Nothing left to sign in the queue: the action is off.
    queues->table()->selectAll();
    QVERIFY(!action->isEnabled());
}

QTEST_MAIN(TestGuiSigning)
#include "test_gui_signing.moc"
