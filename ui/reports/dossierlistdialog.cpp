#include "dossierlistdialog.h"

#include "labels.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <services/workstation.h>

namespace motcua::ui {

DossierListDialog::DossierListDialog(services::Workstation &workstation, const QString &title,
                                     const QList<QUuid> &ids, QWidget *parent)
    : QDialog(parent)
    , m_ids(ids)
    , m_model(new QStandardItemModel(this))
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("dossierListDialog"));
    setWindowTitle(title);
    m_model->setHorizontalHeaderLabels(
        {tr("Code"), tr("Applicant"), tr("Procedure"), tr("Status"), tr("Received"), tr("Due")});
    QString problem;
    for (const QUuid &id : ids.mid(0, kMaxRows)) {
        auto d = workstation.cache().dossier(id);
        if (!d || !d.value()) {
            problem = d ? tr("A dossier is no longer in the local cache.") : d.error().message;
            continue;
        }
        const domain::Dossier &x = *d.value();
        const QString applicant = x.applicant.organisationName.isEmpty()
            ? x.applicant.fullName
            : x.applicant.organisationName;
        QList<QStandardItem *> row{new QStandardItem(x.code),
                                   new QStandardItem(applicant),
                                   new QStandardItem(x.procedureName),
                                   new QStandardItem(Labels::stage(x.stage)),
                                   new QStandardItem(Labels::dateTime(x.receivedAt)),
                                   new QStandardItem(Labels::dateTime(x.dueAt))};
        for (auto *item : row)
            item->setEditable(false);
        row.first()->setData(id, Qt::UserRole);
        m_model->appendRow(row);
    }
    m_table->setObjectName(QStringLiteral("dossierList"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 220);
    m_table->setColumnWidth(1, 180);
    m_table->setColumnWidth(2, 260);
    m_table->setColumnWidth(3, 160);
    m_table->setColumnWidth(4, 130);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT dossierRequested(m_model->item(index.row(), 0)->data(Qt::UserRole).value<QUuid>());
    });

    auto *count = new QLabel(
        ids.size() > kMaxRows
            ? tr("%1 dossiers; the first %2 are listed.").arg(ids.size()).arg(kMaxRows)
            : tr("%n dossier(s). Enter or double-click opens one.", nullptr, int(ids.size())));
    count->setObjectName(QStringLiteral("dossierCount"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(count);
    if (!problem.isEmpty()) {
        auto *warning = new QLabel(problem);
        warning->setStyleSheet(QStringLiteral("color: #b00020"));
        layout->addWidget(warning);
    }
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1100, 480);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_table->setFocus();
}

QStringList DossierListDialog::codes() const
{
    QStringList out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        out.append(m_model->item(r, 0)->text());
    return out;
}

} // namespace motcua::ui
