#include "signdialog.h"

#include "signingsession.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace motcua::ui {

namespace {
const QString kOkStyle = QStringLiteral(
    "background:#e3f4e1; color:#1b5e20; border:1px solid #7cb77a; padding:8px; font-weight:bold;");
const QString kBadStyle = QStringLiteral(
    "background:#fde4e1; color:#8b1a10; border:1px solid #d9877d; padding:8px; font-weight:bold;");
} // namespace

SignDialog::SignDialog(services::Workstation &workstation, SigningSession &session,
                       QList<SignTarget> targets, QWidget *parent)
    : QDialog(parent)
    , m_batch(new SignBatch(workstation, session, std::move(targets), this))
    , m_reason(new QLineEdit)
    , m_location(new QLineEdit)
    , m_keep(new QCheckBox(tr("&Keep the signed file and the signature information with the "
                              "dossier")))
    , m_list(new QListWidget)
    , m_progress(new QProgressBar)
    , m_notice(new QLabel)
    , m_leftOut(new QLabel)
    , m_sign(new QPushButton(tr("&Sign (Ctrl+Enter)")))
    , m_cancel(new QPushButton(tr("Stop (Esc)")))
    , m_save(new QPushButton(tr("Save the signed &files… (Ctrl+S)")))
    , m_close(new QPushButton(tr("Close")))
{
    setObjectName(QStringLiteral("signDialog"));
    const int count = int(m_batch->targets().size());
    setWindowTitle(tr("Digital signing — %n document(s)", nullptr, count));
    m_reason->setObjectName(QStringLiteral("signReason"));
    m_reason->setText(tr("Signed by the processing officer"));
    m_reason->setMaxLength(200);
    m_location->setObjectName(QStringLiteral("signLocation"));
    m_location->setMaxLength(200);
    m_keep->setObjectName(QStringLiteral("keepWithDossier"));
    m_keep->setChecked(true);
    m_keep->setToolTip(tr("Unticked: the document is signed and you save the signed file "
                          "yourself; nothing about this signing is stored with the dossier."));
    m_list->setObjectName(QStringLiteral("signList"));
    for (const auto &t : m_batch->targets())
        new QListWidgetItem(QStringLiteral("○ %1").arg(t.label), m_list);
    m_progress->setObjectName(QStringLiteral("signProgress"));
    m_progress->setRange(0, count);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m signed"));
    m_notice->setObjectName(QStringLiteral("signNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_leftOut->setObjectName(QStringLiteral("signLeftOut"));
    m_leftOut->setWordWrap(true);
    m_leftOut->hide();
    m_sign->setObjectName(QStringLiteral("startSigning"));
    m_sign->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sign->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("stopSigning"));
    m_cancel->setEnabled(false);
    m_save->setObjectName(QStringLiteral("saveSigned"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setEnabled(false);
    m_close->setObjectName(QStringLiteral("closeSigning"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Place:"), m_location);
    form->addRow(m_keep);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sign);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Documents to sign with your token (PDF: signature in the "
                                    "document; other files: a .p7s signature file):")));
    layout->addWidget(m_list, 1);
    layout->addWidget(m_leftOut);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_notice);
    layout->addLayout(buttons);
    resize(720, 480);

    connect(m_sign, &QPushButton::clicked, this, &SignDialog::startSigning);
    connect(m_cancel, &QPushButton::clicked, m_batch, &SignBatch::cancel);
    connect(m_save, &QPushButton::clicked, this, &SignDialog::askWhereToSave);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_batch, &SignBatch::itemFinished, this, &SignDialog::showOutcome);
    connect(m_batch, &SignBatch::progress, this, [this](int done, int) {
        m_progress->setValue(m_batch->signedCount());
        if (auto *item = m_list->item(done))
            item->setText(QStringLiteral("… %1").arg(m_batch->targets().at(done).label));
    });
    connect(m_batch, &SignBatch::finished, this, &SignDialog::showFinished);
}

void SignDialog::reject()
{
    if (m_batch->isRunning())
        return m_batch->cancel();
    QDialog::reject();
}

void SignDialog::startSigning()
{
    m_notice->hide();
    m_sign->setEnabled(false);
    m_close->setEnabled(false);
    QString error;
    const SignBatch::Options options{m_reason->text().trimmed(), m_location->text().trimmed(),
                                     m_keep->isChecked()};
    if (!m_batch->start(options, this, &error)) {
        // Nothing was signed nor written: say why, and let the officer try again.
        m_notice->setStyleSheet(kBadStyle);
        m_notice->setText(QStringLiteral("✘ ") + error);
        m_notice->show();
        m_sign->setEnabled(true);
        m_close->setEnabled(true);
        return;
    }
    m_reason->setEnabled(false);
    m_location->setEnabled(false);
    m_keep->setEnabled(false);
    m_cancel->setEnabled(m_batch->isRunning());
}

void SignDialog::showOutcome(int index)
{
    const SignOutcome &o = m_batch->outcomes().at(index);
    auto *item = m_list->item(index);
    if (!item)
        return;
    const QString mark = o.state == SignOutcome::Signed ? QStringLiteral("✔")
        : o.state == SignOutcome::Failed                ? QStringLiteral("✘")
                                                        : QStringLiteral("–");
    item->setText(
        QStringLiteral("%1 %2 — %3").arg(mark, m_batch->targets().at(index).label, o.message));
    item->setForeground(o.state == SignOutcome::Signed       ? QColor(0x1b, 0x5e, 0x20)
                            : o.state == SignOutcome::Failed ? QColor(0x8b, 0x1a, 0x10)
                                                             : QColor(0x60, 0x60, 0x60));
    m_progress->setValue(m_batch->signedCount());
}

void SignDialog::showFinished(bool cancelled)
{
    const int total = int(m_batch->targets().size());
    const int done = m_batch->signedCount();
    QString text;
    if (done == total)
        text
            = QStringLiteral("✔ ") + tr("Signing succeeded: %n document(s) signed.", nullptr, done);
    else if (cancelled)
        text = QStringLiteral("✘ ")
            + tr("Signing stopped: %1 of %2 document(s) signed; the others were left as they were.")
                  .arg(done)
                  .arg(total);
    else
        text = QStringLiteral("✘ ")
            + tr("Signing failed for %1 of %2 document(s); see the list.")
                  .arg(total - done)
                  .arg(total);
    m_notice->setStyleSheet(done == total ? kOkStyle : kBadStyle);
    m_notice->setText(text);
    m_notice->show();
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    m_close->setFocus();
    m_save->setEnabled(done > 0);
    Q_EMIT signingFinished();
}

void SignDialog::askWhereToSave()
{
    QList<const SignedDocument *> docs;
    for (const auto &o : m_batch->outcomes()) {
        if (o.state == SignOutcome::Signed)
            docs << &o.document;
    }
    if (docs.isEmpty())
        return;
    const QString path = docs.size() == 1
        ? QFileDialog::getSaveFileName(this, tr("Save the signed file"), docs.first()->fileName)
        : QFileDialog::getExistingDirectory(this, tr("Folder for the signed files"));
    if (!path.isEmpty())
        saveSigned(path);
}

bool SignDialog::saveSigned(const QString &path)
{
    QStringList failures;
    int n = 0;
    for (const auto &o : m_batch->outcomes()) {
        if (o.state != SignOutcome::Signed)
            continue;
        ++n;
        const QString target
            = QFileInfo(path).isDir() ? QDir(path).filePath(o.document.fileName) : path;
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(o.document.bytes) != o.document.bytes.size() || !file.commit())
            failures << QStringLiteral("%1: %2").arg(target, file.errorString());
    }
    if (!failures.isEmpty()) {
        QMessageBox::warning(this, tr("Signed files not saved"), failures.join(QLatin1Char('\n')));
        return false;
    }
    m_notice->setText(m_notice->text() + QLatin1Char(' ')
                      + tr("%n signed file(s) saved.", nullptr, n));
    return n > 0;
}

void SignDialog::setLeftOut(const QStringList &reasons)
{
    m_leftOut->setText(tr("Not in this list (%n dossier(s)): %1.", nullptr, int(reasons.size()))
                           .arg(reasons.join(QStringLiteral("; "))));
    m_leftOut->setVisible(!reasons.isEmpty());
}

} // namespace motcua::ui
