#include "conflictspanel.h"

#include "labels.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <services/dossieractions.h>
#include <services/workstation.h>

namespace motcua::ui {

ConflictsPanel::ConflictsPanel(services::Workstation &workstation, QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("conflictsPanel"));
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *redoButton = new QPushButton(tr("&Redo on the current dossier (Ctrl+R)"));
    redoButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    auto *discardButton = new QPushButton(tr("&Discard (Ctrl+D)"));
    discardButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(redoButton);
    buttons->addWidget(discardButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Conflicts</h2><p>Actions the server did not accept, "
                                    "with its reason. Nothing is lost until you decide.</p>")));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(redoButton, &QPushButton::clicked, this,
            [this] { redo(m_table->currentIndex().row()); });
    connect(discardButton, &QPushButton::clicked, this,
            [this] { discard(m_table->currentIndex().row()); });
    connect(&m_ws, &services::Workstation::dossiersChanged, this, &ConflictsPanel::refresh);
    refresh();
}

void ConflictsPanel::refresh()
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("When"), tr("Dossier"), tr("Action"), tr("Server's reason")});
    auto conflicts = m_ws.cache().conflicts();
    if (!conflicts) {
        m_message->setText(conflicts.error().message);
        return;
    }
    for (const auto &c : conflicts.value()) {
        QList<QStandardItem *> row{
            new QStandardItem(Labels::dateTime(c.at)), new QStandardItem(c.dossierCode),
            new QStandardItem(Labels::action(c.action.type)), new QStandardItem(c.message)};
        row.first()->setData(c.id, Qt::UserRole);
        m_model->appendRow(row);
    }
    m_message->setText(m_model->rowCount() == 0 ? tr("No conflict.") : QString());
    m_table->resizeColumnsToContents();
}

bool ConflictsPanel::redo(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const qint64 id = m_model->item(row, 0)->data(Qt::UserRole).toLongLong();
    auto conflicts = m_ws.cache().conflicts();
    if (!conflicts)
        return false;
    for (const auto &c : conflicts.value()) {
        if (c.id != id)
            continue;
        auto d = m_ws.cache().dossier(c.dossierId);
        if (!d || !d.value()) {
            m_message->setText(d ? tr("The dossier is no longer in the cache.")
                                 : d.error().message);
            return false;
        }
        services::DossierActions actions(m_ws);
        auto r = actions.perform(*d.value(), c.action.type, c.action.payload);
        if (!r) {
            m_message->setText(r.error().message);
            return false;
        }
        (void)m_ws.cache().resolveConflict(id);
        m_ws.notifyDossiersChanged();
        return true;
    }
    return false;
}

bool ConflictsPanel::discard(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const qint64 id = m_model->item(row, 0)->data(Qt::UserRole).toLongLong();
    if (auto st = m_ws.cache().resolveConflict(id); !st) {
        m_message->setText(st.error().message);
        return false;
    }
    m_ws.notifyDossiersChanged();
    return true;
}

} // namespace motcua::ui
