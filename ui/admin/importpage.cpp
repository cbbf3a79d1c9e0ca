#include "importpage.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace motcua::ui {

ImportPage::ImportPage(services::AdminService &admin, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_file(new QLabel(tr("No file chosen.")))
    , m_summary(new QLabel)
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_apply(new QPushButton(tr("&Apply the import (Ctrl+Enter)")))
{
    setObjectName(QStringLiteral("importPage"));
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_apply->setObjectName(QStringLiteral("applyImport"));
    m_apply->setEnabled(false);

    auto *open = new QPushButton(tr("&Open an export… (Ctrl+O)"));
    auto *openAction = new QAction(this);
    openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    openAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(openAction);
    const auto choose = [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("National procedure export"), {},
            tr("Exports (*.json *.csv);;JSON (*.json);;CSV (*.csv)"));
        if (!path.isEmpty())
            loadFile(path);
    };
    connect(open, &QPushButton::clicked, this, choose);
    connect(openAction, &QAction::triggered, this, choose);
    auto *applyAction = new QAction(this);
    applyAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    applyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(applyAction);
    connect(applyAction, &QAction::triggered, this, [this] {
        if (canApply())
            apply();
    });
    connect(m_apply, &QPushButton::clicked, this, &ImportPage::apply);

    auto *hint = new QLabel(
        tr("JSON or CSV exported from the National Database on Administrative Procedures "
           "(MaTTHC, TenTTHC, MaLinhVuc/TenLinhVuc, CachThucThucHien, ThanhPhanHoSo, CanCuPhapLy, "
           "CoQuanThucHien). Nothing is written until you apply the preview."));
    hint->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(m_file, 1);
    top->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

bool ImportPage::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read %1.").arg(path));
        return false;
    }
    m_data = file.readAll();
    m_csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    m_file->setText(QFileInfo(path).fileName());
    m_apply->setEnabled(false);
    m_busy = true;
    m_summary->setText(tr("Checking the file on the server…"));
    m_admin.importProcedures(m_data, m_csv, true, [this](const auto &result) {
        m_busy = false;
        if (!result) {
            fail(result.error().message);
            return;
        }
        showPreview(result.value());
        Q_EMIT previewed();
    });
    return true;
}

void ImportPage::apply()
{
    if (!canApply())
        return;
    m_busy = true;
    m_apply->setEnabled(false);
    m_admin.importProcedures(m_data, m_csv, false, [this](const auto &result) {
        m_busy = false;
        if (!result) {
            fail(result.error().message);
            return;
        }
        showPreview(result.value());
        Q_EMIT applied();
    });
}

bool ImportPage::canApply() const
{
    return !m_busy && m_preview.problems.isEmpty() && !m_preview.applied
        && m_preview.added + m_preview.changed > 0;
}

QString ImportPage::summary() const
{
    return m_summary->text();
}

void ImportPage::showPreview(const services::ImportPreview &preview)
{
    m_preview = preview;
    m_model->clear();
    if (!preview.problems.isEmpty()) {
        m_model->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Problem")});
        for (const auto &p : preview.problems) {
            m_model->appendRow({new QStandardItem(p.row ? QString::number(p.row) : QString()),
                                new QStandardItem(p.column), new QStandardItem(p.message)});
        }
        m_summary->setText(tr("The file has %n fault(s); nothing was imported. Correct the rows "
                              "below and open the file again.",
                              nullptr, int(preview.problems.size())));
        m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        m_model->setHorizontalHeaderLabels({tr("Change"), tr("Code"), tr("Name"), tr("Fields")});
        for (const auto &r : preview.rows) {
            const QString kind = r.kind == QLatin1String("added") ? tr("New")
                : r.kind == QLatin1String("changed")              ? tr("Changed")
                                                                  : tr("Unchanged");
            auto *kindItem = new QStandardItem(kind);
            if (r.kind == QLatin1String("added"))
                kindItem->setForeground(QColor(0x1b, 0x5e, 0x20));
            else if (r.kind == QLatin1String("changed"))
                kindItem->setForeground(QColor(0xe6, 0x51, 0x00));
            m_model->appendRow({kindItem, new QStandardItem(r.code), new QStandardItem(r.name),
                                new QStandardItem(r.fields.join(QStringLiteral(", ")))});
        }
        const QString counts = tr("%1 new, %2 changed, %3 unchanged.")
                                   .arg(preview.added)
                                   .arg(preview.changed)
                                   .arg(preview.unchanged);
        m_summary->setText(preview.applied ? tr("Imported: %1").arg(counts)
                                           : tr("Preview: %1").arg(counts));
        m_summary->setStyleSheet({});
    }
    m_table->resizeColumnsToContents();
    m_apply->setEnabled(canApply());
}

void ImportPage::fail(const QString &message)
{
    m_summary->setText(message);
    m_summary->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_apply->setEnabled(false);
}

} // namespace motcua::ui
