#include "cataloguepage.h"

#include "../intake/componentdatadialog.h"
#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <domain/folding.h>
#include <domain/json.h>
#include <reports/xlsxreader.h>

namespace motcua::ui {

namespace {

enum FieldColumn {
    FieldLabel,
    FieldKey,
    FieldKind,
    FieldRequired,
    FieldChoices,
    FieldColumnCount
};

QString kindLabel(domain::DataFieldKind kind)
{
    switch (kind) {
    case domain::DataFieldKind::Text:
        return QObject::tr("Text");
    case domain::DataFieldKind::Number:
        return QObject::tr("Number");
    case domain::DataFieldKind::Date:
        return QObject::tr("Date");
    case domain::DataFieldKind::Choice:
        return QObject::tr("List to choose from");
    }
    return {};
}

} // namespace

// ---- DocumentTypeDialog --------------------------------------------------------------------

DocumentTypeDialog::DocumentTypeDialog(const domain::DocumentType *existing, QWidget *parent)
    : QDialog(parent)
    , m_editing(existing != nullptr)
    , m_code(new QLineEdit)
    , m_name(new QLineEdit)
    , m_description(new QLineEdit)
    , m_fields(new QTableWidget(0, FieldColumnCount))
    , m_error(admin::errorLabel())
{
    setObjectName(QStringLiteral("documentTypeDialog"));
    setWindowTitle(existing ? tr("Document type %1").arg(existing->code) : tr("New document type"));
    m_code->setObjectName(QStringLiteral("typeCode"));
    m_code->setMaxLength(40);
    m_code->setPlaceholderText(tr("The national code, e.g. GCN"));
    m_code->setToolTip(
        tr("Procedures name their components by this code; it cannot change later."));
    m_name->setObjectName(QStringLiteral("typeName"));
    m_name->setMaxLength(300);
    m_description->setObjectName(QStringLiteral("typeDescription"));
    m_description->setMaxLength(2000);
    m_fields->setObjectName(QStringLiteral("ownFields"));
    m_fields->setHorizontalHeaderLabels(
        {tr("Label"), tr("Key"), tr("Kind"), tr("Required"), tr("Choices (separated by ;)")});
    m_fields->horizontalHeader()->setSectionResizeMode(FieldLabel, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(FieldChoices, QHeaderView::Stretch);
    m_fields->verticalHeader()->setVisible(false);
    m_fields->setColumnWidth(FieldKind, 180);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *required = new QGroupBox(tr("Common data that must be entered at intake"));
    auto *grid = new QGridLayout(required);
    const QList<domain::DataField> &standard = domain::standardDataFields();
    for (qsizetype i = 0; i < standard.size(); ++i) {
        auto *box = new QCheckBox(standard.at(i).label);
        box->setObjectName(QStringLiteral("required_") + standard.at(i).key);
        box->setProperty("key", standard.at(i).key);
        box->setChecked(existing && existing->requiredStandard.contains(standard.at(i).key));
        grid->addWidget(box, int(i / 2), int(i % 2));
        m_required.append(box);
    }

    auto *add = new QPushButton(tr("&Add a field"));
    add->setObjectName(QStringLiteral("addField"));
    auto *remove = new QPushButton(tr("&Remove the field"));
    remove->setObjectName(QStringLiteral("removeField"));
    auto *preview = new QPushButton(tr("&Preview the form (Ctrl+P)"));
    preview->setObjectName(QStringLiteral("previewForm"));
    connect(add, &QPushButton::clicked, this, [this] {
        addField({{}, {}, domain::DataFieldKind::Text, false, {}});
        m_fields->setCurrentCell(m_fields->rowCount() - 1, FieldLabel);
        m_fields->editItem(m_fields->item(m_fields->rowCount() - 1, FieldLabel));
    });
    connect(remove, &QPushButton::clicked, this, &DocumentTypeDialog::removeSelectedField);
    connect(preview, &QPushButton::clicked, this, &DocumentTypeDialog::previewForm);
    auto *previewKey = new QShortcut(QKeySequence::Print, this);
    connect(previewKey, &QShortcut::activated, this, &DocumentTypeDialog::previewForm);
    // A key made from the label while the key is still empty.
    connect(m_fields, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() != FieldLabel)
            return;
        QTableWidgetItem *key = m_fields->item(item->row(), FieldKey);
        if (key && key->text().isEmpty())
            key->setText(admin::codeFromText(item->text(), 40));
    });

    if (existing) {
        m_code->setText(existing->code);
        m_code->setReadOnly(true);
        m_name->setText(existing->name);
        m_description->setText(existing->description);
        for (const auto &f : existing->fields)
            addField(f);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("Type &name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    auto *fieldButtons = new QHBoxLayout;
    fieldButtons->addWidget(add);
    fieldButtons->addWidget(remove);
    fieldButtons->addStretch(1);
    fieldButtons->addWidget(preview);
    auto *own = new QGroupBox(tr("Its own data fields"));
    auto *ownLayout = new QVBoxLayout(own);
    ownLayout->addWidget(m_fields, 1);
    ownLayout->addLayout(fieldButtons);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &DocumentTypeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(required);
    layout->addWidget(own, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(820, 640);
    (existing ? m_name : m_code)->setFocus();
}

void DocumentTypeDialog::addField(const domain::DataField &field)
{
    const int row = m_fields->rowCount();
    m_fields->insertRow(row);
    m_fields->setItem(row, FieldLabel, new QTableWidgetItem(field.label));
    m_fields->setItem(row, FieldKey,
                      new QTableWidgetItem(field.key.isEmpty() && !field.label.isEmpty()
                                               ? admin::codeFromText(field.label, 40)
                                               : field.key));
    auto *kind = new QComboBox;
    for (const auto k : domain::allDataFieldKinds())
        kind->addItem(kindLabel(k), domain::dataFieldKindKey(k));
    kind->setCurrentIndex(kind->findData(domain::dataFieldKindKey(field.kind)));
    m_fields->setCellWidget(row, FieldKind, kind);
    auto *required = new QTableWidgetItem;
    required->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    required->setCheckState(field.required ? Qt::Checked : Qt::Unchecked);
    m_fields->setItem(row, FieldRequired, required);
    m_fields->setItem(row, FieldChoices,
                      new QTableWidgetItem(field.choices.join(QStringLiteral("; "))));
}

void DocumentTypeDialog::removeSelectedField()
{
    const int row = m_fields->currentRow();
    if (row >= 0)
        m_fields->removeRow(row);
}

domain::DocumentType DocumentTypeDialog::documentType() const
{
    domain::DocumentType t;
    t.code = m_code->text().trimmed();
    t.name = m_name->text().trimmed();
    t.description = m_description->text().trimmed();
    for (const QCheckBox *box : m_required) {
        if (box->isChecked())
            t.requiredStandard.append(box->property("key").toString());
    }
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_fields->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        domain::DataField f;
        f.label = text(FieldLabel);
        f.key = text(FieldKey).isEmpty() ? admin::codeFromText(f.label, 40) : text(FieldKey);
        if (f.label.isEmpty() && f.key.isEmpty())
            continue; // a row added and left empty
        const auto *kind = qobject_cast<QComboBox *>(m_fields->cellWidget(row, FieldKind));
        f.kind = domain::dataFieldKindFromKey(kind->currentData().toString())
                     .value_or(domain::DataFieldKind::Text);
        f.required = m_fields->item(row, FieldRequired)->checkState() == Qt::Checked;
        if (f.kind == domain::DataFieldKind::Choice) {
            for (const QString &c :
                 text(FieldChoices).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                if (!c.trimmed().isEmpty())
                    f.choices.append(c.trimmed());
            }
        }
        t.fields.append(f);
    }
    return t;
}

void DocumentTypeDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void DocumentTypeDialog::previewForm()
{
    services::ComponentEntry sample;
    const domain::DocumentType t = documentType();
    auto *dialog = new ComponentDataDialog(t.name.isEmpty() ? tr("(no name yet)") : t.name, t,
                                           sample, QDate::currentDate(), this);
    dialog->setObjectName(QStringLiteral("formPreview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DocumentTypeDialog::accept()
{
    // The server reads it with the same reader: its message, with the row of a field at fault.
    const domain::DocumentType t = documentType();
    auto checked = domain::documentTypeFromJson(domain::toJson(t));
    if (!checked) {
        QString message = checked.error().message;
        if (checked.error().field.startsWith(QLatin1String("fields["))) {
            const int row = checked.error().field.mid(7).section(QLatin1Char(']'), 0, 0).toInt();
            message = tr("Field %1: %2").arg(row + 1).arg(message);
            m_fields->setCurrentCell(row, FieldLabel);
        }
        showError(message);
        return;
    }
    showError({});
    QDialog::accept();
}

// ---- FieldDialog ---------------------------------------------------------------------------

FieldDialog::FieldDialog(const domain::ProcedureField *existing, QWidget *parent)
    : QDialog(parent)
    , m_code(new QLineEdit)
    , m_name(new QLineEdit)
    , m_error(admin::errorLabel())
{
    setObjectName(QStringLiteral("fieldDialog"));
    setWindowTitle(existing ? tr("Field %1").arg(existing->code) : tr("New field"));
    m_code->setObjectName(QStringLiteral("fieldCode"));
    m_code->setMaxLength(40);
    m_code->setPlaceholderText(tr("The national code (MaLinhVuc)"));
    m_name->setObjectName(QStringLiteral("fieldName"));
    m_name->setMaxLength(300);
    if (existing) {
        m_code->setText(existing->code);
        m_code->setReadOnly(true);
        m_name->setText(existing->name);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("Field &name:"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &FieldDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 160);
    (existing ? m_name : m_code)->setFocus();
}

domain::ProcedureField FieldDialog::field() const
{
    return {m_code->text().trimmed(), m_name->text().trimmed()};
}

void FieldDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void FieldDialog::accept()
{
    auto checked = domain::procedureFieldFromJson(domain::toJson(field()));
    if (!checked) {
        showError(checked.error().message);
        return;
    }
    showError({});
    QDialog::accept();
}

// ---- CataloguePage -------------------------------------------------------------------------

CataloguePage::CataloguePage(services::AdminService &admin, Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_kind(kind)
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_status(new QLabel)
{
    const bool types = kind == Kind::DocumentTypes;
    setObjectName(types ? QStringLiteral("documentTypesPage") : QStringLiteral("fieldsPage"));
    m_table->setObjectName(QStringLiteral("catalogueTable"));
    m_table->setModel(m_model);
    admin::setUpRecordTable(m_table);
    m_status->setObjectName(QStringLiteral("catalogueStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter->setObjectName(QStringLiteral("catalogueFilter"));
    m_filter->setPlaceholderText(tr("Find by code or name (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(280);
    connect(m_filter, &QLineEdit::textChanged, this, [this] { show(); });

    auto *create
        = admin::pageAction(this, types ? tr("New document type") : tr("New field"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { newEntry(); });
    auto *edit = admin::pageAction(this, tr("Edit"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                                   [this] { editEntry(); });
    auto *remove = admin::pageAction(this, tr("Delete"), QKeySequence(Qt::Key_Delete),
                                     [this] { deleteEntry(); });
    auto *import
        = admin::pageAction(this, tr("Import a national list…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] {
                                const QString path = QFileDialog::getOpenFileName(
                                    this, tr("National catalogue list"), {},
                                    tr("Lists (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"));
                                if (!path.isEmpty())
                                    importFile(path);
                            });
    auto *exportList = admin::pageAction(
        this, tr("Export as CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this, types] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export the catalogue"),
                types ? QStringLiteral("loai-giay-to.csv") : QStringLiteral("linh-vuc.csv"),
                tr("CSV (*.csv)"));
            if (!path.isEmpty())
                exportFile(path);
        });
    auto *reload
        = admin::pageAction(this, tr("Refresh"), QKeySequence(Qt::Key_F5), [this] { refresh(); });
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    connect(m_table, &QTableView::activated, this, [this] { editEntry(); });

    auto *intro = new QLabel(
        types ? tr("The province's document types. Each says what data its documents carry "
                   "(holder, issue date, validity…, and its own fields): the counter's intake form "
                   "for a component is built from it (F4 at intake).")
              : tr("The province's fields (lĩnh vực) procedures are classified in, with their "
                   "national codes."));
    intro->setWordWrap(true);
    intro->setProperty("muted", true);
    auto *bar = new QHBoxLayout;
    for (QAction *a : {create, edit, remove, import, exportList, reload})
        bar->addWidget(admin::actionButton(a));
    bar->addStretch(1);
    bar->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void CataloguePage::refresh()
{
    ++m_busy;
    const auto finish = [this](const QString &error, int count) {
        --m_busy;
        if (!error.isEmpty()) {
            report(error, true);
        } else {
            show();
            const QString total = m_kind == Kind::DocumentTypes
                ? tr("%n document type(s).", nullptr, count)
                : tr("%n field(s).", nullptr, count);
            report(m_outcome.isEmpty() ? total : QString(m_outcome + QLatin1Char(' ') + total));
            m_outcome.clear();
        }
        Q_EMIT loaded();
    };
    if (m_kind == Kind::DocumentTypes) {
        m_admin.documentTypes([this, finish](const auto &result) {
            if (result)
                m_types = result.value();
            finish(result ? QString() : result.error().message, int(m_types.size()));
        });
    } else {
        m_admin.procedureFields([this, finish](const auto &result) {
            if (result)
                m_fields = result.value();
            finish(result ? QString() : result.error().message, int(m_fields.size()));
        });
    }
}

QList<domain::CatalogueListRow> CataloguePage::listRows() const
{
    QList<domain::CatalogueListRow> out;
    for (const auto &t : m_types)
        out.append({t.code, t.name, t.description});
    for (const auto &f : m_fields)
        out.append({f.code, f.name, {}});
    return out;
}

void CataloguePage::show()
{
    const auto current = selectedCode();
    m_model->clear();
    const QString filter = domain::foldForSearch(m_filter->text().trimmed());
    const auto matches = [&filter](const QString &code, const QString &name) {
        return filter.isEmpty() || domain::foldForSearch(code).contains(filter)
            || domain::foldForSearch(name).contains(filter);
    };
    if (m_kind == Kind::DocumentTypes) {
        m_model->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Required at intake"),
                                            tr("Own data fields"), tr("Description")});
        for (const auto &t : m_types) {
            if (!matches(t.code, t.name))
                continue;
            QStringList required;
            for (const auto &f : t.form()) {
                if (f.required)
                    required.append(f.label);
            }
            QStringList own;
            for (const auto &f : t.fields)
                own.append(f.label);
            auto *code = new QStandardItem(t.code);
            code->setData(t.code, Qt::UserRole);
            m_model->appendRow({code, new QStandardItem(t.name),
                                new QStandardItem(required.join(QStringLiteral(", "))),
                                new QStandardItem(own.join(QStringLiteral(", "))),
                                new QStandardItem(t.description)});
        }
    } else {
        m_model->setHorizontalHeaderLabels({tr("Code"), tr("Name")});
        for (const auto &f : m_fields) {
            if (!matches(f.code, f.name))
                continue;
            auto *code = new QStandardItem(f.code);
            code->setData(f.code, Qt::UserRole);
            m_model->appendRow({code, new QStandardItem(f.name)});
        }
    }
    m_table->resizeColumnsToContents();
    for (int column = 1; column < m_model->columnCount(); ++column) {
        if (m_table->columnWidth(column) > 420)
            m_table->setColumnWidth(column, 420);
    }
    // The entry selected before stays selected; when the filter hides it, the first row is.
    if (current && codes().contains(*current))
        selectCode(*current);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

QStringList CataloguePage::codes() const
{
    QStringList out;
    for (int row = 0; row < m_model->rowCount(); ++row)
        out.append(m_model->item(row, 0)->data(Qt::UserRole).toString());
    return out;
}

void CataloguePage::selectCode(const QString &code)
{
    const int row = int(codes().indexOf(code));
    if (row >= 0)
        m_table->selectRow(row);
}

void CataloguePage::setFilter(const QString &text)
{
    m_filter->setText(text);
}

std::optional<QString> CataloguePage::selectedCode() const
{
    const QModelIndexList rows
        = m_table->selectionModel() ? m_table->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty() || !m_model->item(rows.first().row(), 0))
        return std::nullopt;
    return m_model->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

void CataloguePage::newEntry()
{
    openDialog({});
}

void CataloguePage::editEntry()
{
    const auto code = selectedCode();
    if (!code) {
        report(tr("Select an entry first."), true);
        return;
    }
    openDialog(*code);
}

void CataloguePage::saved(const QString &code, const QString &outcome)
{
    m_outcome = outcome;
    connect(
        this, &CataloguePage::loaded, this, [this, code] { selectCode(code); },
        Qt::SingleShotConnection);
    refresh();
}

void CataloguePage::openDialog(const QString &code)
{
    const bool creating = code.isEmpty();
    if (m_kind == Kind::DocumentTypes) {
        const auto found = std::find_if(m_types.cbegin(), m_types.cend(),
                                        [&code](const auto &t) { return t.code == code; });
        const domain::DocumentType *existing = found == m_types.cend() ? nullptr : &*found;
        auto *dialog = new DocumentTypeDialog(creating ? nullptr : existing, this);
        connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
        connect(dialog, &QDialog::accepted, this, [this, dialog, creating] {
            const domain::DocumentType t = dialog->documentType();
            if (creating && std::any_of(m_types.cbegin(), m_types.cend(), [&t](const auto &o) {
                    return o.code == t.code;
                })) {
                dialog->showError(tr("The catalogue already has the code \"%1\".").arg(t.code));
                dialog->open();
                return;
            }
            ++m_busy;
            m_admin.saveDocumentType(t, [this, dialog](const auto &result) {
                --m_busy;
                if (!result) {
                    dialog->showError(result.error().message);
                    dialog->open(); // what the admin typed is kept
                    return;
                }
                dialog->deleteLater();
                saved(result->code,
                      tr("Document type %1 saved; workstations use its form after their next "
                         "sync.")
                          .arg(result->code));
            });
        });
        dialog->open();
        return;
    }
    const auto found = std::find_if(m_fields.cbegin(), m_fields.cend(),
                                    [&code](const auto &f) { return f.code == code; });
    auto *dialog = new FieldDialog(creating || found == m_fields.cend() ? nullptr : &*found, this);
    connect(dialog, &QDialog::rejected, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog, creating] {
        const domain::ProcedureField f = dialog->field();
        if (creating && std::any_of(m_fields.cbegin(), m_fields.cend(), [&f](const auto &o) {
                return o.code == f.code;
            })) {
            dialog->showError(tr("The catalogue already has the code \"%1\".").arg(f.code));
            dialog->open();
            return;
        }
        ++m_busy;
        m_admin.saveProcedureField(f, [this, dialog](const auto &result) {
            --m_busy;
            if (!result) {
                dialog->showError(result.error().message);
                dialog->open();
                return;
            }
            dialog->deleteLater();
            saved(result->code, tr("Field %1 saved.").arg(result->code));
        });
    });
    dialog->open();
}

void CataloguePage::deleteEntry()
{
    const auto code = selectedCode();
    if (!code) {
        report(tr("Select an entry first."), true);
        return;
    }
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Delete"),
                                tr("Delete \"%1\" from the catalogue? Workstations drop it at "
                                   "their next sync.")
                                    .arg(*code),
                                QMessageBox::Yes | QMessageBox::No, this);
    ask->setObjectName(QStringLiteral("confirmDelete"));
    ask->setDefaultButton(QMessageBox::No);
    connect(ask, &QMessageBox::finished, this, [this, ask, code = *code] {
        ask->deleteLater();
        if (ask->clickedButton() != ask->button(QMessageBox::Yes))
            return;
        ++m_busy;
        m_admin.deleteCatalogueEntry(m_kind, code, [this, code](const auto &result) {
            --m_busy;
            if (!result) {
                report(result.error().message, true);
                return;
            }
            m_outcome = tr("%1 deleted.").arg(code);
            refresh();
        });
    });
    ask->open();
}

void CataloguePage::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return;
    }
    const QByteArray data = file.readAll();
    domain::CatalogueListImport list;
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        auto rows = reports::readXlsxRows(data);
        if (!rows) {
            report(rows.error().message, true);
            return;
        }
        list = domain::parseCatalogueList(rows.value());
    } else {
        list = domain::parseCatalogueListCsv(data);
    }
    if (!list.ok()) {
        QStringList lines;
        for (const auto &p : list.problems)
            lines.append(p.toString());
        report(tr("Nothing was imported; correct the file and import it again:") + QLatin1Char('\n')
                   + lines.join(QLatin1Char('\n')),
               true);
        return;
    }
    sendImport(list.rows);
}

void CataloguePage::sendImport(const QList<domain::CatalogueListRow> &rows)
{
    const auto done = [this, count = int(rows.size())](const auto &result) {
        --m_busy;
        if (!result) {
            report(tr("Nothing was imported: %1").arg(result.error().message), true);
            return;
        }
        m_outcome = tr("%n entry(ies) imported.", nullptr, count);
        refresh();
    };
    ++m_busy;
    if (m_kind == Kind::DocumentTypes) {
        // A type already in the catalogue keeps what its documents carry; the list gives its
        // name (and description, when the list has one).
        QList<domain::DocumentType> types;
        for (const auto &r : rows) {
            const auto known = std::find_if(m_types.cbegin(), m_types.cend(),
                                            [&r](const auto &t) { return t.code == r.code; });
            domain::DocumentType t = known == m_types.cend() ? domain::DocumentType{} : *known;
            t.code = r.code;
            t.name = r.name;
            if (!r.description.isEmpty())
                t.description = r.description;
            types.append(t);
        }
        m_admin.importDocumentTypes(types, done);
    } else {
        QList<domain::ProcedureField> fields;
        for (const auto &r : rows)
            fields.append({r.code, r.name});
        m_admin.importProcedureFields(fields, done);
    }
}

bool CataloguePage::exportFile(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(domain::catalogueListCsv(listRows())) < 0
        || !file.commit()) {
        report(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    report(tr("Catalogue written to %1.").arg(path));
    return true;
}

QString CataloguePage::lastMessage() const
{
    return m_status->text();
}

void CataloguePage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
}

} // namespace motcua::ui
