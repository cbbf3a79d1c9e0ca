#include "batchdialog.h"

#include "labels.h"

#include <QBrush>
#include <QColor>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace motcua::ui::processing {

BatchDialog::BatchDialog(domain::ActionType type, QList<domain::Dossier> dossiers,
                         PayloadFor payloadFor, Perform perform, QWidget *parent)
    : QDialog(parent)
    , m_type(type)
    , m_dossiers(std::move(dossiers))
    , m_payloadFor(std::move(payloadFor))
    , m_perform(std::move(perform))
    , m_summary(new QLabel)
    , m_progress(new QProgressBar)
    , m_results(new QTreeWidget)
{
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(
        tr("%1 — %n dossier(s)", nullptr, int(m_dossiers.size())).arg(Labels::action(type)));
    m_progress->setRange(0, int(m_dossiers.size()));
    m_progress->setValue(0);
    m_results->setObjectName(QStringLiteral("batchResults"));
    m_results->setHeaderLabels({tr("Dossier"), tr("Applicant"), tr("Result")});
    m_results->setRootIsDecorated(false);
    m_results->header()->setStretchLastSection(true);
    m_results->setColumnWidth(0, 220);
    m_results->setColumnWidth(1, 180);
    auto *buttons = new QDialogButtonBox;
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_cancelled = true; });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

void BatchDialog::start()
{
    QTimer::singleShot(0, this, &BatchDialog::step);
}

void BatchDialog::step()
{
    if (!isFinished()) {
        const domain::Dossier &d = m_dossiers.at(m_next++);
        auto done = m_perform(d, m_payloadFor(d));
        auto *item = new QTreeWidgetItem(m_results,
                                         {d.code, d.applicant.fullName,
                                          done ? tr("Done: %1").arg(Labels::stage(done->stage))
                                               : tr("Not done: %1").arg(done.error().message)});
        item->setForeground(2, done ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb0, 0x00, 0x20));
        if (done)
            ++m_succeeded;
        m_progress->setValue(m_next);
        m_summary->setText(tr("%1 of %2 done").arg(m_succeeded).arg(m_dossiers.size()));
    }
    if (!isFinished())
        return QTimer::singleShot(0, this, &BatchDialog::step);
    if (m_cancelled)
        m_summary->setText(tr("Cancelled: %1 of %2 done, the others untouched.")
                               .arg(m_succeeded)
                               .arg(m_dossiers.size()));
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    m_close->setFocus();
    Q_EMIT finished();
}

QStringList BatchDialog::outcomes() const
{
    QStringList out;
    for (int i = 0; i < m_results->topLevelItemCount(); ++i) {
        const auto *item = m_results->topLevelItem(i);
        out << QStringLiteral("%1: %2").arg(item->text(0), item->text(2));
    }
    return out;
}

} // namespace motcua::ui::processing
