#include "supplementdialog.h"

#include "labels.h"
#include "scan/scanattach.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace motcua::ui {

namespace {

enum Column {
    Arrived,
    Name,
    Held,
    Added,
    ColumnCount
};

QString describeHeld(const domain::Component &c)
{
    const QString kind = c.original ? SupplementDialog::tr("original")
                                    : SupplementDialog::tr("%n copy(ies)", nullptr, c.copies);
    int files = 0;
    for (const auto &f : c.files) {
        if (f.mediaType != QLatin1String("text/plain")) // recognised text travels beside scans
            ++files;
    }
    return files == 0 ? kind : SupplementDialog::tr("%1, %n file(s)", nullptr, files).arg(kind);
}

} // namespace

SupplementDialog::SupplementDialog(const domain::Dossier &dossier,
                                   const domain::Directory &directory, ScanSetup scanSetup,
                                   SigningSession *signing, QWidget *parent)
    : QDialog(parent)
    , m_dossier(dossier)
    , m_scanSetup(std::move(scanSetup))
    , m_signing(signing)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_note(new QPlainTextEdit)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("supplementDialog"));
    setWindowTitle(QStringLiteral("%1 — %2").arg(
        Labels::action(domain::ActionType::RecordSupplement), dossier.code));
    if (const auto procedure = directory.procedure(dossier.procedureCode))
        m_required = procedure->components;

    // The request as it was made, to check the paper against it (R12.2d: stated once).
    auto *request = new QLabel;
    request->setObjectName(QStringLiteral("supplementRequest"));
    request->setWordWrap(true);
    request->setTextFormat(Qt::PlainText);
    if (!dossier.supplements.isEmpty()) {
        const auto &s = dossier.supplements.constLast();
        QString text = tr("Requested on %1: %2")
                           .arg(QLocale().toString(s.requestedAt.toLocalTime().date(),
                                                   QStringLiteral("dd/MM/yyyy")),
                                s.reason);
        if (!s.content.isEmpty())
            text += QLatin1Char('\n') + s.content;
        request->setText(text);
    }

    // The procedure's components first, in its order, then any other the dossier holds.
    for (const auto &rc : m_required) {
        Row row{rc.documentTypeCode, rc.name, {}, {}};
        row.entry.original = rc.originals > 0;
        row.entry.copies = std::max(1, rc.originals > 0 ? rc.originals : rc.copies);
        m_rows.append(row);
    }
    for (const auto &c : dossier.components) {
        const QString code = c.documentTypeCode.isEmpty() ? c.id : c.documentTypeCode;
        const int at = rowOf(code);
        if (at >= 0) {
            m_rows[at].held = c;
            continue;
        }
        Row row{code, c.name, c, {}};
        row.entry.original = c.original;
        row.entry.copies = c.copies;
        m_rows.append(row);
    }

    m_table->setObjectName(QStringLiteral("supplementComponents"));
    m_table->setHorizontalHeaderLabels(
        {tr("Arrived"), tr("Component"), tr("In the dossier"), tr("Files added now")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->setRowCount(int(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        auto *tick = new QTableWidgetItem;
        tick->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        tick->setCheckState(Qt::Unchecked);
        m_table->setItem(r, Arrived, tick);
        auto *name = new QTableWidgetItem(m_rows.at(r).name);
        name->setData(Qt::UserRole, m_rows.at(r).code);
        m_table->setItem(r, Name, name);
        m_table->setItem(r, Held, new QTableWidgetItem);
        m_table->setItem(r, Added, new QTableWidgetItem);
        updateRow(r);
    }
    m_table->resizeColumnToContents(Arrived);
    m_table->setColumnWidth(Held, std::max(m_table->columnWidth(Held), 150));
    m_table->setColumnWidth(Added, std::max(m_table->columnWidth(Added), 200));
    if (!m_rows.isEmpty())
        m_table->setCurrentCell(0, Arrived);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == Arrived && item->row() < m_rows.size())
            m_rows[item->row()].entry.received = item->checkState() == Qt::Checked;
    });

    auto *attach = new QPushButton(tr("&Attach files… (Ctrl+O)"));
    attach->setObjectName(QStringLiteral("supplementAttach"));
    auto *scanButton = new QPushButton(tr("&Scan… (F7)"));
    scanButton->setObjectName(QStringLiteral("supplementScan"));
    auto *remove = new QPushButton(tr("&Take back the files added (Del)"));
    remove->setObjectName(QStringLiteral("supplementRemove"));
    auto *tools = new QHBoxLayout;
    tools->addWidget(attach);
    tools->addWidget(scanButton);
    tools->addWidget(remove);
    tools->addStretch();
    connect(attach, &QPushButton::clicked, this, &SupplementDialog::chooseFiles);
    connect(scanButton, &QPushButton::clicked, this, &SupplementDialog::openScanDialog);
    connect(remove, &QPushButton::clicked, this, &SupplementDialog::removeAdded);
    auto *open = new QShortcut(QKeySequence::Open, this);
    connect(open, &QShortcut::activated, this, &SupplementDialog::chooseFiles);
    auto *scanKey = new QShortcut(QKeySequence(Qt::Key_F7), this);
    connect(scanKey, &QShortcut::activated, this, &SupplementDialog::openScanDialog);
    auto *removeKey = new QShortcut(QKeySequence::Delete, m_table);
    removeKey->setContext(Qt::WidgetShortcut);
    connect(removeKey, &QShortcut::activated, this, &SupplementDialog::removeAdded);

    m_note->setObjectName(QStringLiteral("actionReason"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(80);
    auto *noteLabel = new QLabel(tr("&Note:"));
    noteLabel->setBuddy(m_note);
    m_message->setObjectName(QStringLiteral("supplementMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(Labels::action(domain::ActionType::RecordSupplement));
    connect(buttons, &QDialogButtonBox::accepted, this, &SupplementDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(request);
    layout->addWidget(m_table, 1);
    layout->addLayout(tools);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 460);
    m_table->setFocus();
}

int SupplementDialog::rowOf(const QString &code) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).code == code)
            return r;
    }
    return -1;
}

QString SupplementDialog::currentCode() const
{
    const int row = std::max(0, m_table->currentRow());
    return row < m_rows.size() ? m_rows.at(row).code : QString();
}

void SupplementDialog::selectComponent(const QString &code)
{
    if (const int row = rowOf(code); row >= 0)
        m_table->setCurrentCell(row, Name);
}

QMap<QString, services::ComponentEntry> SupplementDialog::arrived() const
{
    QMap<QString, services::ComponentEntry> out;
    for (const auto &row : m_rows) {
        if (row.entry.received)
            out.insert(row.code, row.entry);
    }
    return out;
}

QString SupplementDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void SupplementDialog::updateRow(int row)
{
    const Row &r = m_rows.at(row);
    m_table->item(row, Held)->setText(r.held ? describeHeld(*r.held) : tr("not yet"));
    QStringList names;
    for (const auto &f : r.entry.files)
        names << f.fileName;
    m_table->item(row, Added)
        ->setText(names.isEmpty() ? tr("—") : names.join(QStringLiteral(", ")));
    const QSignalBlocker quiet(m_table);
    m_table->item(row, Arrived)->setCheckState(r.entry.received ? Qt::Checked : Qt::Unchecked);
}

void SupplementDialog::showMessage(const QString &text, bool problem)
{
    m_message->setProperty("fieldError", problem);
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        Q_EMIT message(text);
}

void SupplementDialog::addFiles(const QString &code, const QList<services::AttachedFile> &files,
                                const QList<services::ProposedValue> &confirmed)
{
    const int row = rowOf(code);
    if (row < 0)
        return;
    auto &entry = m_rows[row].entry;
    entry.files += files;
    entry.confirmedValues += confirmed;
    entry.received = true;
    updateRow(row);
    Q_EMIT attached(code);
}

void SupplementDialog::chooseFiles()
{
    const QString code = currentCode();
    if (code.isEmpty())
        return;
    const QStringList paths = chooseAttachments(this);
    if (!paths.isEmpty())
        attachFiles(code, paths);
}

void SupplementDialog::attachFiles(const QString &code, const QStringList &paths)
{
    ++m_busy;
    auto *watcher = new QFutureWatcher<ReadAttachments>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, code] {
        watcher->deleteLater();
        --m_busy;
        const ReadAttachments read = watcher->result();
        showMessage(read.problems.join(QLatin1Char('\n')), !read.problems.isEmpty());
        if (!read.files.isEmpty())
            addFiles(code, read.files);
    });
    watcher->setFuture(QtConcurrent::run(&readAttachments, paths));
}

void SupplementDialog::openScanDialog()
{
    const QString code = currentCode();
    if (code.isEmpty() || findChild<ScanDialog *>())
        return;
    auto *dialog = new ScanDialog(m_rows.at(rowOf(code)).name, m_scanSetup, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, code] { attachScan(code, dialog->outcome()); });
    dialog->open();
}

void SupplementDialog::attachScan(const QString &code, const ScanOutcome &outcome)
{
    ++m_busy;
    signScannedDocuments(
        m_signing, this, outcome, this,
        [this, code](const ScanOutcome &result, const QString &status) {
            --m_busy;
            showMessage(status);
            QList<domain::RequiredComponent> components = m_required;
            for (const auto &row : m_rows) { // components outside the procedure's list too
                if (std::none_of(components.cbegin(), components.cend(),
                                 [&](const auto &rc) { return rc.documentTypeCode == row.code; })) {
                    domain::RequiredComponent other;
                    other.documentTypeCode = row.code;
                    other.name = row.name;
                    components.append(other);
                }
            }
            const QStringList targets = componentsForScan(result, code, components);
            const QString stamp
                = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
            for (int i = 0; i < targets.size(); ++i) {
                const auto &doc = result.documents.at(i);
                const QString fileName = result.documents.size() > 1
                    ? tr("scan-%1-%2.pdf").arg(stamp).arg(i + 1)
                    : tr("scan-%1.pdf").arg(stamp);
                addFiles(targets.at(i),
                         {{fileName, QStringLiteral("application/pdf"), doc.pdf, doc.text,
                           doc.signerName, doc.certificateSerial}},
                         i < result.accepted.size() ? result.accepted.at(i)
                                                    : QList<services::ProposedValue>{});
            }
        });
}

void SupplementDialog::removeAdded()
{
    const int row = rowOf(currentCode());
    if (row < 0 || m_rows.at(row).entry.files.isEmpty())
        return;
    m_rows[row].entry.files.clear();
    m_rows[row].entry.confirmedValues.clear();
    updateRow(row);
}

void SupplementDialog::accept()
{
    if (isBusy()) {
        showMessage(tr("Still reading the files or signing the scans; try again in a moment."),
                    true);
        return;
    }
    QDialog::accept();
}

} // namespace motcua::ui
