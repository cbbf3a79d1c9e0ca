#include "scanresultview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace motcua::ui {

ScanResultView::ScanResultView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_proposals(new QTreeWidget)
    , m_signingNote(new QLabel)
{
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setWordWrap(true);
    m_proposals->setObjectName(QStringLiteral("proposals"));
    m_proposals->setHeaderLabels({tr("Value read"), tr("Fills the field"), tr("From the line")});
    m_proposals->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_signingNote->setObjectName(QStringLiteral("signingNote"));
    m_signingNote->setWordWrap(true);
    // The client has no signing token configuration yet (R05.1c): say so instead of pretending.
    m_signingNote->setText(tr("No signing token is configured on this workstation: the scanned "
                              "documents are attached without a digital signature."));
    auto *back = new QPushButton(tr("&Back to the pages (Alt+Left)"));
    auto *attach = new QPushButton(tr("&Attach to the component (Ctrl+Enter)"));
    attach->setObjectName(QStringLiteral("attachResult"));
    connect(back, &QPushButton::clicked, this, &ScanResultView::backRequested);
    connect(attach, &QPushButton::clicked, this, &ScanResultView::attachRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(attach);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Values read from the pages: tick those to fill in (Space).")));
    layout->addWidget(m_proposals, 1);
    layout->addWidget(m_signingNote);
    layout->addLayout(buttons);
    setFocusProxy(m_proposals);
}

void ScanResultView::setDocuments(const QList<ScannedDocument> &documents,
                                  const QString &componentName)
{
    m_documents = documents;
    m_proposals->clear();
    QStringList lines;
    for (int i = 0; i < documents.size(); ++i) {
        const auto &doc = documents.at(i);
        const QString name = doc.name.isEmpty() ? componentName : doc.name;
        lines << tr("%1: searchable PDF of %n page(s)", nullptr, doc.pageCount).arg(name);
        auto *top = new QTreeWidgetItem(m_proposals, {name});
        top->setData(0, Qt::UserRole, i);
        top->setFirstColumnSpanned(true);
        if (doc.extraction.card) {
            auto *card = new QTreeWidgetItem(top,
                                             {doc.extraction.card->fullName,
                                              tr("Applicant (from the CCCD QR code)"),
                                              doc.extraction.card->id});
            card->setData(0, Qt::UserRole, -1);
            card->setFlags(card->flags() | Qt::ItemIsUserCheckable);
            card->setCheckState(0, Qt::Checked);
        }
        for (int p = 0; p < doc.extraction.proposals.size(); ++p) {
            const auto &proposal = doc.extraction.proposals.at(p);
            auto *item = new QTreeWidgetItem(
                top, {proposal.value, proposal.label, proposal.context.simplified()});
            item->setData(0, Qt::UserRole, p);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            // "date" has no field of its own: offered, never ticked for the officer.
            item->setCheckState(
                0, proposal.field == QLatin1String("date") ? Qt::Unchecked : Qt::Checked);
        }
    }
    m_proposals->expandAll();
    m_proposals->resizeColumnToContents(0);
    m_proposals->resizeColumnToContents(1);
    if (documents.size() > 1)
        lines.prepend(tr("Separator sheets split the batch into %n document(s).", nullptr,
                         int(documents.size())));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    if (m_proposals->topLevelItemCount() > 0)
        m_proposals->setCurrentItem(m_proposals->topLevelItem(0));
}

ScanOutcome ScanResultView::outcome() const
{
    ScanOutcome outcome;
    outcome.documents = m_documents;
    for (int i = 0; i < m_proposals->topLevelItemCount(); ++i) {
        auto *top = m_proposals->topLevelItem(i);
        const auto &doc = m_documents.at(top->data(0, Qt::UserRole).toInt());
        QList<services::ProposedValue> accepted;
        for (int c = 0; c < top->childCount(); ++c) {
            auto *item = top->child(c);
            if (item->checkState(0) != Qt::Checked)
                continue;
            const int p = item->data(0, Qt::UserRole).toInt();
            if (p < 0)
                outcome.applicantCard = doc.extraction.card;
            else
                accepted << doc.extraction.proposals.at(p);
        }
        outcome.accepted << accepted;
    }
    return outcome;
}

} // namespace motcua::ui
