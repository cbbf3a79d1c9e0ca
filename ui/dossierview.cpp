#include "dossierview.h"

#include "actionrunner.h"
#include "filepreview.h"
#include "labels.h"
#include "signing/documentsigner.h"
#include "signing/signdialog.h"
#include "signing/signedpdfviewer.h"
#include "signing/signingsession.h"
#include "workflow/workflowdiagram.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <domain/documenttypes.h>
#include <domain/engine.h>
#include <domain/slipcatalogue.h>
#include <services/receiptprinter.h>
#include <services/workflows.h>
#include <services/workstation.h>

#include <functional>

namespace motcua::ui {

DossierView::DossierView(services::Workstation &workstation, ActionRunner &runner, const QUuid &id,
                         QWidget *parent)
    : QDialog(parent)
    , m_ws(workstation)
    , m_runner(runner)
    , m_id(id)
    , m_header(new QLabel)
    , m_fields(new QLabel)
    , m_files(new QListWidget)
    , m_preview(new FilePreview)
    , m_trail(new QTreeWidget)
    , m_prints(new QTreeWidget)
    , m_tabs(new QTabWidget)
    , m_actionRow(new QHBoxLayout)
    , m_diagram(new WorkflowDiagram)
{
    setObjectName(QStringLiteral("dossierView"));
    m_header->setObjectName(QStringLiteral("dossierHeader"));
    m_header->setWordWrap(true);
    m_fields->setObjectName(QStringLiteral("dossierFields"));
    m_fields->setWordWrap(true);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_files->setObjectName(QStringLiteral("componentFiles"));
    m_trail->setObjectName(QStringLiteral("trail"));
    m_trail->setHeaderLabels({tr("When"), tr("Who"), tr("Where"), tr("What"), tr("Status")});
    m_trail->setRootIsDecorated(false);
    m_trail->setUniformRowHeights(true);
    m_trail->header()->setStretchLastSection(false);
    m_trail->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_prints->setObjectName(QStringLiteral("prints"));
    m_prints->setHeaderLabels(
        {tr("Slip name"), tr("When"), tr("Who"), tr("Copies"), tr("Printed")});
    m_prints->setRootIsDecorated(false);
    m_prints->setUniformRowHeights(true);
    m_prints->header()->setStretchLastSection(false);
    m_prints->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto *fieldsScroll = new QScrollArea;
    fieldsScroll->setWidget(m_fields);
    fieldsScroll->setWidgetResizable(true);
    auto *componentsBox = new QSplitter(Qt::Vertical);
    componentsBox->addWidget(m_files);
    componentsBox->addWidget(m_preview);
    componentsBox->setStretchFactor(1, 3);
    auto *top = new QSplitter;
    top->addWidget(fieldsScroll);
    top->addWidget(componentsBox);
    m_fields->setMinimumWidth(460);
    top->setSizes({620, 440});
    auto *main = new QSplitter(Qt::Vertical);
    main->addWidget(top);
    // The trail and, read-only, the dossier's workflow with its current step (R09).
    // The slips printed have their own tab (issue 5 item 7): the question "was the receipt
    // given?" is answered at a glance, not by reading the trail.
    auto *below = m_tabs;
    below->setObjectName(QStringLiteral("dossierTabs"));
    below->addTab(m_trail, tr("Processing &trail"));
    below->addTab(m_prints, tr("Slips &printed"));
    below->addTab(m_diagram, tr("&Workflow diagram"));
    main->addWidget(below);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_actionRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(m_actionRow);
    layout->addWidget(main, 1);
    layout->addWidget(close);
    resize(1100, 760);

    connect(m_files, &QListWidget::currentRowChanged, this, &DossierView::previewFile);
    connect(m_files, &QListWidget::itemActivated, this, [this] {
        if (m_signing)
            viewSelected();
    });
    connect(&m_runner, &ActionRunner::done, this, [this] { reload(); });
    // A print recorded from a slip's preview, or the server's answer brought by sync: shown when
    // the dossier changed.
    connect(&m_ws, &services::Workstation::dossiersChanged, this, [this] {
        const auto d = m_ws.cache().dossier(m_id);
        if (d && d.value() && d.value()->version != m_dossier.version)
            reload();
    });
    reload();
}

void DossierView::reload()
{
    auto d = m_ws.cache().dossier(m_id);
    if (!d || !d.value()) {
        m_header->setText(d ? tr("The dossier is not in this workstation's cache.")
                            : d.error().message);
        return;
    }
    m_dossier = *d.value();
    setWindowTitle(tr("Dossier %1").arg(m_dossier.code));
    m_header->setText(
        QStringLiteral("<h2>%1</h2><p><b>%2</b> — %3</p>")
            .arg(m_dossier.code.isEmpty() ? tr("(no code yet)") : m_dossier.code,
                 Labels::stage(m_dossier.stage),
                 domain::statusLine(m_dossier, services::Workstation::now(), m_ws.directory())
                     .toHtmlEscaped()));
    fillFields();
    fillComponents();
    fillTrail();
    fillPrints();
    fillActions();
    fillDiagram();
}

void DossierView::fillPrints()
{
    m_prints->clear();
    for (const auto &p : m_dossier.prints) {
        const auto officer = m_ws.directory().officer(p.officerId);
        const domain::SlipKind *kind = domain::findSlipKind(p.form);
        new QTreeWidgetItem(m_prints,
                            {kind ? kind->title : p.form, Labels::dateTime(p.at),
                             officer ? officer->fullName : p.officerId, QString::number(p.copies),
                             p.reprint ? tr("Reprint") : tr("First print")});
    }
    for (int c : {1, 2, 3, 4})
        m_prints->resizeColumnToContents(c);
    m_tabs->setTabText(m_tabs->indexOf(m_prints),
                       m_dossier.prints.isEmpty()
                           ? tr("Slips &printed")
                           : tr("Slips &printed (%1)").arg(m_dossier.prints.size()));
}

void DossierView::fillDiagram()
{
    const auto workflow
        = services::cachedWorkflow(m_ws.cache(), m_dossier.workflowId, m_dossier.workflowVersion);
    if (!workflow) {
        m_diagram->scene()->clear();
        m_diagram->scene()->addText(tr("This workstation does not hold the dossier's workflow."));
        return;
    }
    m_diagram->setAssigneeNamer([this](const domain::WorkflowStep &step) {
        if (step.assigneeKind == domain::AssigneeKind::Person) {
            if (const auto o = m_ws.directory().officer(step.assignee))
                return o->fullName;
        } else if (step.assigneeKind == domain::AssigneeKind::Department) {
            if (const auto agency = m_ws.agency()) {
                for (const auto &d : agency->departments) {
                    if (d.id == step.assignee)
                        return d.name;
                }
            }
        } else if (step.assigneeKind == domain::AssigneeKind::Group) {
            if (auto groups = m_ws.cache().catalogueEntries(QStringLiteral("group"))) {
                for (const auto &e : groups.value()) {
                    if (e.key == step.assignee)
                        return tr("Group %1").arg(e.json.value(QStringLiteral("name")).toString());
                }
            }
        }
        return WorkflowDiagram::defaultAssigneeName(step);
    });
    const auto *step = domain::currentStep(*workflow, m_dossier);
    (void)m_diagram->setWorkflow(*workflow, step ? step->id : QString());
}

void DossierView::fillFields()
{
    const auto &d = m_dossier;
    const auto &a = d.applicant;
    const auto agencyName = [this](const QString &code) {
        const auto ag = m_ws.directory().agency(code);
        return ag ? ag->name : code;
    };
    const auto officerName = [this](const QString &id) {
        const auto o = m_ws.directory().officer(id);
        return o ? o->fullName : id;
    };
    QString html = QStringLiteral("<table cellpadding='3'>");
    const auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(label, value.toHtmlEscaped());
    };
    row(tr("Procedure"), QStringLiteral("%1 — %2").arg(d.procedureCode, d.procedureName));
    row(tr("Channel"), Labels::channel(d.channel));
    row(tr("Received on"), Labels::dateTime(d.receivedAt));
    row(tr("Due"), Labels::dateTime(d.dueAt));
    row(tr("Completed"), Labels::dateTime(d.completedAt));
    row(tr("Receiving agency"), agencyName(d.agencyCode));
    row(tr("Handling agency"), agencyName(d.handlingAgencyCode));
    row(tr("Department"), d.departmentId);
    row(tr("Handler"), officerName(d.handlerId));
    row(tr("Applicant"), a.fullName);
    row(tr("Organisation"), a.organisationName);
    row(tr("Tax code"), a.taxCode);
    row(tr("Personal ID"), a.personalId);
    row(tr("Date of birth"), Labels::date(a.birthDate));
    row(tr("Gender"), a.gender);
    row(tr("Address"), a.address);
    row(tr("Phone"), a.phone);
    row(tr("E-mail"), a.email);
    row(tr("Note"), d.stageNote);
    for (const auto &s : d.supplements) {
        row(tr("Supplement requested"),
            QStringLiteral("%1: %2 — %3")
                .arg(Labels::dateTime(s.requestedAt), s.reason, s.content));
        row(tr("Supplement received"), Labels::dateTime(s.receivedAt));
    }
    for (const auto &e : d.extensions)
        row(tr("Extension"),
            QStringLiteral("%1 → %2: %3")
                .arg(Labels::dateTime(e.previousDue), Labels::dateTime(e.newDue), e.reason));
    if (d.returnRecord)
        row(tr("Returned to"),
            QStringLiteral("%1, %2").arg(d.returnRecord->recipientName,
                                         Labels::dateTime(d.returnRecord->returnedAt)));
    html += QStringLiteral("</table><h3>%1</h3><ul>").arg(tr("Components"));
    const auto &types = m_ws.documentTypes();
    for (const auto &c : d.components) {
        // The document's electronic data (R05.1b), labelled as its type's form labels it.
        QString data;
        const auto type = types.constFind(c.documentTypeCode);
        for (const auto &[label, value] :
             domain::filledValues(c, type == types.constEnd() ? nullptr : &*type)) {
            data += QStringLiteral("<br><small>%1: %2</small>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
        }
        html += QStringLiteral("<li>%1 — %2 × %3%4%5</li>")
                    .arg(c.name.toHtmlEscaped(), c.original ? tr("original") : tr("copy"))
                    .arg(c.copies)
                    .arg(c.signatures.isEmpty() ? QString() : tr(", signed"), data);
    }
    html += QStringLiteral("</ul>");
    m_fields->setText(html);
}

void DossierView::fillComponents()
{
    m_files->clear();
    for (const auto &c : m_dossier.components) {
        for (const auto &f : c.files) {
            auto *item
                = new QListWidgetItem(QStringLiteral("%1 — %2").arg(c.name, f.fileName), m_files);
            item->setData(Qt::UserRole, f.sha256);
            item->setData(Qt::UserRole + 1, f.mediaType);
            item->setData(Qt::UserRole + 2, f.fileName);
            item->setData(Qt::UserRole + 3, c.id);
            item->setData(Qt::UserRole + 4, f.size);
        }
    }
    for (const auto &f : m_dossier.results) { // draft and final results (no component)
        auto *item = new QListWidgetItem(tr("Result — %1").arg(f.fileName), m_files);
        item->setData(Qt::UserRole, f.sha256);
        item->setData(Qt::UserRole + 1, f.mediaType);
        item->setData(Qt::UserRole + 2, f.fileName);
        item->setData(Qt::UserRole + 4, f.size);
    }
    if (m_files->count() == 0)
        m_preview->showMessage(tr("No file attached."));
    else
        m_files->setCurrentRow(0);
}

void DossierView::previewFile(int row)
{
    auto *item = m_files->item(row);
    if (!item)
        return;
    auto bytes = m_ws.cache().blob(item->data(Qt::UserRole).toString());
    if (!bytes)
        return m_preview->showMessage(bytes.error().message);
    m_preview->show(bytes.value(), item->data(Qt::UserRole + 1).toString(),
                    item->data(Qt::UserRole + 2).toString());
}

void DossierView::fillTrail()
{
    m_trail->clear();
    for (const auto &e : m_dossier.trail) {
        const auto officer = m_ws.directory().officer(e.actorId);
        QString where;
        if (officer) {
            const auto agency = m_ws.directory().agency(officer->agencyCode);
            where = agency ? agency->name : officer->agencyCode;
        }
        auto *item = new QTreeWidgetItem(
            m_trail,
            {Labels::dateTime(e.at), officer ? officer->fullName : e.actorId, where,
             e.note.isEmpty() ? Labels::action(e.type) : e.note, Labels::stage(e.stage)});
        item->setToolTip(3, Labels::action(e.type));
    }
    if (auto pending = m_ws.cache().unconfirmedActions(m_id); pending && !pending->isEmpty()) {
        auto *item
            = new QTreeWidgetItem(m_trail,
                                  {QString(), QString(), QString(),
                                   tr("%n action(s) made here, not yet confirmed by the server",
                                      nullptr, int(pending->size())),
                                   QString()});
        item->setForeground(3, QColor(0x80, 0x60, 0x00));
    }
    for (int c : {0, 1, 2, 4})
        m_trail->resizeColumnToContents(c);
}

void DossierView::fillActions()
{
    for (int i = m_actionRow->count() - 1; i >= 0; --i) { // the buttons go, the stretch stays
        if (m_actionRow->itemAt(i)->widget()) {
            auto *item = m_actionRow->takeAt(i);
            delete item->widget();
            delete item;
        }
    }
    QList<domain::ActionType> allowed;
    for (auto type : m_runner.allowedNow(m_dossier)) {
        if (ActionRunner::isSupported(type))
            allowed << type;
    }
    int i = 0;
    for (auto type : allowed) {
        const QKeySequence key = ActionRunner::shortcutFor(type);
        auto *b = new QPushButton(
            key.isEmpty() ? Labels::action(type)
                          : QStringLiteral("%1 (%2)").arg(Labels::action(type),
                                                          key.toString(QKeySequence::NativeText)));
        b->setObjectName(QStringLiteral("do_") + domain::actionTypeKey(type));
        if (!key.isEmpty())
            b->setShortcut(key);
        connect(b, &QPushButton::clicked, this, [this, type] { m_runner.run(m_dossier, type); });
        m_actionRow->insertWidget(i++, b);
    }
    if (allowed.isEmpty())
        m_actionRow->insertWidget(
            0, new QLabel(tr("No action is yours to take on this dossier now.")));
    if (m_printer && m_printer->isAvailable() && !m_dossier.code.isEmpty()) {
        // After the stretch: printing is not a step of the procedure.
        auto *print = new QPushButton(tr("Print the receipt (Ctrl+P)"));
        print->setObjectName(QStringLiteral("printReceipt"));
        print->setShortcut(QKeySequence::Print);
        connect(print, &QPushButton::clicked, this, [this] {
            if (auto st = m_printer->printReceipt(m_dossier); !st)
                QMessageBox::warning(this, tr("Receipt not printed"), st.error().message);
        });
        m_actionRow->addWidget(print);
    }
    if (m_signing) {
        const QList<std::tuple<QString, QString, QKeySequence, std::function<void()>>> buttons{
            {QStringLiteral("signFile"), tr("Sign the file (Ctrl+Shift+U)"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { signSelected(); }},
            {QStringLiteral("signAllComponents"), tr("Sign all components (Ctrl+Alt+U)"),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U), [this] { signAllComponents(); }},
            {QStringLiteral("viewSignatures"), tr("Signatures (Ctrl+Shift+V)"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] { viewSelected(); }},
        };
        for (const auto &[name, text, key, act] : buttons) {
            auto *b = new QPushButton(text);
            b->setObjectName(name);
            b->setShortcut(key);
            b->setEnabled(m_files->count() > 0);
            connect(b, &QPushButton::clicked, this, act);
            m_actionRow->addWidget(b);
        }
    }
}

void DossierView::setSigningSession(SigningSession *session)
{
    m_signing = session;
    fillActions();
}

QList<SignTarget> DossierView::targetsOf(const QList<QListWidgetItem *> &items) const
{
    QList<SignTarget> targets;
    for (auto *item : items) {
        domain::FileRef file{
            item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 2).toString(),
            item->data(Qt::UserRole + 1).toString(), item->data(Qt::UserRole + 4).toLongLong()};
        targets.append({m_id, item->data(Qt::UserRole + 3).toString(), file, item->text()});
    }
    return targets;
}

SignDialog *DossierView::openSignDialog(const QList<SignTarget> &targets)
{
    if (!m_signing || targets.isEmpty())
        return nullptr;
    auto *dialog = new SignDialog(m_ws, *m_signing, targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignDialog::signingFinished, this, [this] { reload(); });
    dialog->show();
    return dialog;
}

SignDialog *DossierView::signSelected()
{
    if (auto *item = m_files->currentItem())
        return openSignDialog(targetsOf({item}));
    return nullptr;
}

SignDialog *DossierView::signAllComponents()
{
    QList<QListWidgetItem *> items;
    for (int i = 0; i < m_files->count(); ++i) {
        auto *item = m_files->item(i);
        const bool signatureFile = item->data(Qt::UserRole + 1).toString()
            == QLatin1String("application/pkcs7-signature");
        if (!item->data(Qt::UserRole + 3).toString().isEmpty() && !signatureFile)
            items << item;
    }
    return openSignDialog(targetsOf(items));
}

SignedPdfViewer *DossierView::viewSelected()
{
    auto *item = m_files->currentItem();
    if (!item)
        return nullptr;
    auto bytes = m_ws.cache().blob(item->data(Qt::UserRole).toString());
    if (!bytes) {
        QMessageBox::warning(this, tr("File not opened"), bytes.error().message);
        return nullptr;
    }
    if (!isPdf(bytes.value(), item->data(Qt::UserRole + 1).toString())) {
        QMessageBox::information(this, tr("Not a PDF"),
                                 tr("Only PDF documents carry their signature inside; this file "
                                    "can be signed with a separate .p7s signature file."));
        return nullptr;
    }
    auto *viewer
        = new SignedPdfViewer(bytes.value(), item->data(Qt::UserRole + 2).toString(), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
    return viewer;
}

void DossierView::setReceiptPrinter(services::ReceiptPrinter *printer)
{
    m_printer = printer;
    fillActions();
}

} // namespace motcua::ui
