#include "componentspage.h"

#include "../labels.h"
#include "../scan/scanattach.h"
#include "componentdatadialog.h"
#include "intakewizard.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <services/workstation.h>

namespace motcua::ui {

namespace {

enum Column {
    Received,
    Name,
    Kind,
    Copies,
    Data,
    Files,
    ColumnCount
};

} // namespace

ComponentsPage::ComponentsPage(IntakeWizard *wizard)
    : m_wizard(wizard)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_channel(new QComboBox)
    , m_componentsError(new QLabel)
{
    setTitle(tr("3. Components and channel"));
    setSubTitle(tr("Tick what the applicant handed in (Space), enter each document's data (F4), "
                   "attach files (Ctrl+O) or scan them (F7), choose how the dossier came in."));
    m_table->setObjectName(QStringLiteral("componentsTable"));
    m_table->setHorizontalHeaderLabels({tr("Handed in"), tr("Component"), tr("Original/copy"),
                                        tr("Copies"), tr("Data"), tr("Files")});
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_componentsError->setObjectName(QStringLiteral("error_components"));
    m_componentsError->setProperty("fieldError", true);
    m_componentsError->setWordWrap(true);
    m_componentsError->setVisible(false);
    m_channel->setObjectName(QStringLiteral("channel"));
    fillChannels();
    auto *channelLabel = new QLabel(tr("&Channel:"));
    channelLabel->setBuddy(m_channel);
    auto *channelError = m_errors.add(QStringLiteral("channel"), m_channel);

    auto *attach = new QPushButton(tr("&Attach files to the selected component… (Ctrl+O)"));
    attach->setObjectName(QStringLiteral("attachFiles"));
    auto *scanButton = new QPushButton(tr("&Scan for the selected component… (F7)"));
    scanButton->setObjectName(QStringLiteral("scanComponent"));
    auto *dataButton = new QPushButton(tr("Document &data… (F4)"));
    dataButton->setObjectName(QStringLiteral("componentData"));
    dataButton->setToolTip(tr("The electronic data of the selected document (R05.1b): holder, "
                              "issue date, validity and the fields its type asks for."));
    auto *all = new QPushButton(tr("Tick &all"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(scanButton);
    buttons->addWidget(dataButton);
    buttons->addWidget(all);
    buttons->addStretch();
    auto *channelRow = new QHBoxLayout;
    channelRow->addWidget(channelLabel);
    channelRow->addWidget(m_channel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_componentsError);
    layout->addLayout(buttons);
    layout->addLayout(channelRow);
    layout->addWidget(channelError);

    auto *open = new QShortcut(QKeySequence::Open, this);
    open->setContext(Qt::WidgetWithChildrenShortcut);
    const auto pick = [this] {
        const int row = std::max(0, m_table->currentRow());
        const QString code = codeOfRow(row);
        if (code.isEmpty())
            return;
        const QStringList paths = chooseAttachments(this);
        if (!paths.isEmpty())
            attachFiles(code, paths);
    };
    connect(open, &QShortcut::activated, this, pick);
    connect(attach, &QPushButton::clicked, this, pick);
    connect(all, &QPushButton::clicked, this, &ComponentsPage::tickAll);
    auto *scanKey = new QShortcut(QKeySequence(Qt::Key_F7), this);
    scanKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(scanKey, &QShortcut::activated, this, &ComponentsPage::openScanDialog);
    connect(scanButton, &QPushButton::clicked, this, &ComponentsPage::openScanDialog);
    auto *dataKey = new QShortcut(QKeySequence(Qt::Key_F4), this);
    dataKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(dataKey, &QShortcut::activated, this, &ComponentsPage::openDataForm);
    connect(dataButton, &QPushButton::clicked, this, &ComponentsPage::openDataForm);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int, int column) {
        if (column == Data)
            openDataForm();
    });
    // A tick answers the message about missing components.
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == Received && item->checkState() == Qt::Checked)
            m_componentsError->setVisible(false);
    });
}

void ComponentsPage::fillChannels()
{
    // The channels the agency accepts (R12.3b; none said: every one); a dossier from the national
    // portal is taken in from the online queue, not typed here.
    const auto agency = m_wizard->workstation().agency();
    const QList<domain::Channel> accepted
        = agency && !agency->channels.isEmpty() ? agency->channels : domain::allChannels();
    m_channel->clear();
    m_channel->addItem(QString());
    for (auto c : domain::allChannels()) {
        if (c != domain::Channel::NationalPortal && accepted.contains(c))
            m_channel->addItem(Labels::channel(c), domain::channelKey(c));
    }
}

QString ComponentsPage::codeOfRow(int row) const
{
    auto *item = m_table->item(row, Name);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ComponentsPage::initializePage()
{
    rebuild();
    m_table->setFocus();
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, Received);
}

void ComponentsPage::rebuild()
{
    m_errors.clear();
    m_componentsError->setVisible(false);
    m_table->setRowCount(0);
    const auto proc = m_wizard->procedure();
    auto &draft = m_wizard->draft();
    fillChannels(); // the agency's accepted channels may have changed with the catalogues
    if (draft.channel)
        m_channel->setCurrentIndex(m_channel->findData(domain::channelKey(*draft.channel)));
    else
        m_channel->setCurrentIndex(0);
    if (!proc)
        return;
    m_table->setRowCount(int(proc->components.size()));
    for (int row = 0; row < proc->components.size(); ++row) {
        const auto &rc = proc->components.at(row);
        if (!draft.components.contains(rc.documentTypeCode)) {
            services::ComponentEntry e;
            e.original = rc.originals > 0;
            e.copies = std::max(1, rc.originals > 0 ? rc.originals : rc.copies);
            draft.components.insert(rc.documentTypeCode, e);
        }
        const auto &entry = draft.components.value(rc.documentTypeCode);
        auto *tick = new QTableWidgetItem;
        tick->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        tick->setCheckState(entry.received ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, Received, tick);
        auto *name = new QTableWidgetItem(rc.mandatory ? rc.name : tr("%1 (if any)").arg(rc.name));
        name->setData(Qt::UserRole, rc.documentTypeCode);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, Name, name);
        auto *kind = new QComboBox;
        kind->addItem(tr("Original"), true);
        kind->addItem(tr("Copy"), false);
        kind->setCurrentIndex(entry.original ? 0 : 1);
        m_table->setCellWidget(row, Kind, kind);
        auto *copies = new QSpinBox;
        copies->setRange(1, 100);
        copies->setValue(entry.copies);
        m_table->setCellWidget(row, Copies, copies);
        m_table->setItem(row, Files, new QTableWidgetItem);
        m_table->item(row, Files)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, Data, new QTableWidgetItem);
        m_table->item(row, Data)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        updateFilesCell(row);
        updateDataCell(row);
    }
    m_table->resizeColumnToContents(Received);
    m_table->setColumnWidth(Kind, std::max(m_table->columnWidth(Kind), 170));
    m_table->setColumnWidth(Files, std::max(m_table->columnWidth(Files), 200));
}

void ComponentsPage::updateFilesCell(int row)
{
    const auto entry = m_wizard->draft().components.value(codeOfRow(row));
    QStringList names;
    for (const auto &f : entry.files)
        names << f.fileName;
    m_table->item(row, Files)
        ->setText(names.isEmpty() ? tr("—") : names.join(QStringLiteral(", ")));
}

domain::DocumentType ComponentsPage::typeOfRow(int row) const
{
    const QString code = codeOfRow(row);
    const auto &types = m_wizard->workstation().documentTypes();
    if (types.contains(code))
        return types.value(code);
    return {}; // not in the catalogue: the standard items, none required
}

void ComponentsPage::updateDataCell(int row)
{
    const auto entry = m_wizard->draft().components.value(codeOfRow(row));
    const domain::DocumentType type = typeOfRow(row);
    int filled = 0;
    int missing = 0;
    for (const domain::DataField &f : type.form()) {
        if (!services::entryValue(entry, f.key).trimmed().isEmpty())
            ++filled;
        else if (f.required)
            ++missing;
    }
    QString text = filled > 0 ? tr("%n item(s)", nullptr, filled) : tr("—");
    if (missing > 0)
        text += QStringLiteral(" · ") + tr("%n required missing", nullptr, missing);
    auto *item = m_table->item(row, Data);
    item->setText(text);
    item->setToolTip(tr("F4: enter the document's data"));
}

void ComponentsPage::openDataForm()
{
    const int row = std::max(0, m_table->currentRow());
    const QString code = codeOfRow(row);
    if (code.isEmpty() || findChild<ComponentDataDialog *>())
        return;
    storeToDraft();
    const QString name = m_table->item(row, Name)->text();
    auto *dialog
        = new ComponentDataDialog(name, typeOfRow(row), m_wizard->draft().components.value(code),
                                  services::Workstation::now().date(), this);
    // Deleted after it has closed (not on close): the window gets the keyboard back first.
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog, code, row] {
        auto &entry = m_wizard->draft().components[code];
        entry.values = dialog->values();
        entry.received = true; // its data was entered: the document is here
        if (m_table->item(row, Received))
            m_table->item(row, Received)->setCheckState(Qt::Checked);
        updateDataCell(row);
        m_componentsError->setVisible(false); // answered; Next checks again
        window()->activateWindow();
        m_table->setFocus();
        Q_EMIT dataEntered(code);
    });
    dialog->open();
}

void ComponentsPage::storeToDraft()
{
    auto &draft = m_wizard->draft();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto &e = draft.components[codeOfRow(row)];
        e.received = m_table->item(row, Received)->checkState() == Qt::Checked;
        e.original
            = qobject_cast<QComboBox *>(m_table->cellWidget(row, Kind))->currentData().toBool();
        e.copies = qobject_cast<QSpinBox *>(m_table->cellWidget(row, Copies))->value();
    }
    const QString key = m_channel->currentData().toString();
    draft.channel = key.isEmpty() ? std::nullopt : domain::channelFromKey(key);
}

void ComponentsPage::tickAll()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->item(row, Received)->setCheckState(Qt::Checked);
}

void ComponentsPage::attachFiles(const QString &code, const QStringList &paths)
{
    ++m_reading;
    auto *watcher = new QFutureWatcher<ReadAttachments>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, code] {
        watcher->deleteLater();
        --m_reading;
        const ReadAttachments read = watcher->result();
        if (!read.problems.isEmpty())
            Q_EMIT m_wizard->status(read.problems.join(QLatin1Char(' ')));
        if (read.files.isEmpty())
            return;
        auto &e = m_wizard->draft().components[code];
        e.files += read.files;
        e.received = true;
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (codeOfRow(row) == code) {
                m_table->item(row, Received)->setCheckState(Qt::Checked);
                updateFilesCell(row);
            }
        }
        Q_EMIT filesAttached(code);
    });
    watcher->setFuture(QtConcurrent::run(&readAttachments, paths));
}

void ComponentsPage::openScanDialog()
{
    const int row = std::max(0, m_table->currentRow());
    const QString code = codeOfRow(row);
    if (code.isEmpty() || findChild<ScanDialog *>())
        return;
    auto *dialog = new ScanDialog(m_table->item(row, Name)->text(), m_scanSetup, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, code] { attachScan(code, dialog->outcome()); });
    dialog->open();
}

void ComponentsPage::attachScan(const QString &code, const ScanDialog::Outcome &outcome)
{
    ++m_reading;
    signScannedDocuments(m_signing, this, outcome, this,
                         [this, code](const ScanDialog::Outcome &result, const QString &status) {
                             --m_reading;
                             if (!status.isEmpty())
                                 Q_EMIT m_wizard->status(status);
                             attachScanned(code, result);
                         });
}

void ComponentsPage::attachScanned(const QString &code, const ScanDialog::Outcome &outcome)
{
    const auto proc = m_wizard->procedure();
    if (!proc || outcome.documents.isEmpty())
        return;
    const QStringList targets = componentsForScan(outcome, code, proc->components);
    if (targets.isEmpty())
        return;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (int i = 0; i < outcome.documents.size(); ++i) {
        const auto &doc = outcome.documents.at(i);
        auto &entry = m_wizard->draft().components[targets.at(i)];
        const QString fileName = outcome.documents.size() > 1
            ? tr("scan-%1-%2.pdf").arg(stamp).arg(i + 1)
            : tr("scan-%1.pdf").arg(stamp);
        entry.files.append({fileName, QStringLiteral("application/pdf"), doc.pdf, doc.text,
                            doc.signerName, doc.certificateSerial});
        if (i < outcome.accepted.size())
            entry.confirmedValues += outcome.accepted.at(i);
        entry.received = true;
    }
    if (outcome.applicantCard)
        m_wizard->applyCard(*outcome.applicantCard);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (targets.contains(codeOfRow(row))) {
            m_table->item(row, Received)->setCheckState(Qt::Checked);
            updateFilesCell(row);
            updateDataCell(row);
        }
    }
    Q_EMIT scanAttached(targets);
}

bool ComponentsPage::validatePage()
{
    storeToDraft();
    const auto proc = m_wizard->procedure();
    auto problems = services::validateDraft(m_wizard->draft(), proc ? &*proc : nullptr,
                                            services::Workstation::now().date(),
                                            m_wizard->workstation().documentTypes());
    problems.erase(std::remove_if(problems.begin(), problems.end(),
                                  [](const auto &e) {
                                      return !e.field.startsWith(QLatin1String("components."))
                                          && e.field != QLatin1String("channel");
                                  }),
                   problems.end());
    showErrors(problems);
    return problems.isEmpty();
}

void ComponentsPage::showErrors(const QList<services::FieldError> &errors)
{
    QStringList messages;
    QList<services::FieldError> mine;
    for (const auto &e : errors) {
        if (e.field.startsWith(QLatin1String("components.")))
            messages << e.message;
        if (e.field == QLatin1String("channel"))
            mine << e;
    }
    m_errors.show(mine);
    m_componentsError->setText(messages.join(QLatin1Char('\n')));
    m_componentsError->setVisible(!messages.isEmpty());
    // Mark the rows at fault.
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool bad = std::any_of(errors.cbegin(), errors.cend(), [&](const auto &e) {
            return e.field == QStringLiteral("components.") + codeOfRow(row);
        });
        m_table->item(row, Name)->setData(Qt::ForegroundRole,
                                          bad ? QVariant(QColor(0xb0, 0x00, 0x20)) : QVariant());
        if (bad && messages.size() == 1)
            m_table->setCurrentCell(row, Received);
    }
}

} // namespace motcua::ui
