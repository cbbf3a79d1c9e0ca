#include "unitspage.h"

#include "adminwidgets.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <domain/folding.h>
#include <reports/xlsxreader.h>
#include <services/csvexport.h>

namespace motcua::ui {

namespace {

using Level = domain::AdministrativeUnit::Level;

QString number(qsizetype n)
{
    return QLocale(QLocale::Vietnamese).toString(qlonglong(n));
}

} // namespace

UnitsPage::UnitsPage(services::AdminService &admin, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_search(new QLineEdit)
    , m_counts(new QLabel)
    , m_tree(new QTreeView)
    , m_model(new QStandardItemModel(this))
    , m_file(new QLabel(tr("No file chosen.")))
    , m_importSummary(new QLabel)
    , m_importTable(new QTableView)
    , m_importModel(new QStandardItemModel(this))
    , m_apply(new QPushButton(tr("&Apply the import (Ctrl+Enter)")))
{
    setObjectName(QStringLiteral("unitsPage"));
    m_search->setObjectName(QStringLiteral("unitSearch"));
    m_search->setPlaceholderText(tr("Search by name or code, accents optional (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_counts->setObjectName(QStringLiteral("unitCounts"));
    m_tree->setObjectName(QStringLiteral("unitTree"));
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_importSummary->setObjectName(QStringLiteral("unitImportSummary"));
    m_importSummary->setWordWrap(true);
    m_importTable->setObjectName(QStringLiteral("unitImportTable"));
    m_importTable->setModel(m_importModel);
    m_importTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_importTable->verticalHeader()->hide();
    m_importTable->horizontalHeader()->setStretchLastSection(true);
    m_importTable->hide();
    m_apply->setObjectName(QStringLiteral("applyUnitImport"));
    m_apply->setEnabled(false);

    const auto add = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    add(tr("Find"), {QKeySequence(Qt::CTRL | Qt::Key_F)}, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto *reload = add(tr("Reload (F5)"), {QKeySequence(Qt::Key_F5)}, [this] { refresh(); });
    auto *open = add(tr("Import the statistics office's list (Ctrl+O)"),
                     {QKeySequence(Qt::CTRL | Qt::Key_O)}, [this] {
                         const QString path = QFileDialog::getOpenFileName(
                             this, tr("List of administrative units"), {},
                             tr("Lists (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)"));
                         if (!path.isEmpty())
                             loadFile(path);
                     });
    auto *exportAction = add(tr("Export CSV (Ctrl+Shift+X)"),
                             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)}, [this] {
                                 const QString path = QFileDialog::getSaveFileName(
                                     this, tr("Export the administrative units"),
                                     QStringLiteral("don-vi-hanh-chinh.csv"), tr("CSV (*.csv)"));
                                 if (!path.isEmpty())
                                     exportCsv(path);
                             });
    add(tr("Apply the import"),
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, [this] {
            if (canApply())
                apply();
        });
    connect(m_apply, &QPushButton::clicked, this, &UnitsPage::apply);
    connect(m_search, &QLineEdit::textChanged, this, &UnitsPage::fill);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_counts);
    for (QAction *a : {reload, exportAction})
        bar->addWidget(admin::actionButton(a));
    auto *importBar = new QHBoxLayout;
    importBar->addWidget(admin::actionButton(open));
    importBar->addWidget(m_file, 1);
    importBar->addWidget(m_apply);
    auto *hint = new QLabel(
        tr("The National Statistics Office's list as CSV or Excel (.xlsx): columns level, code, "
           "name, division_type, parent_code, or the office's Mã TP, Tỉnh / Thành phố, Mã, Tên, "
           "Cấp. Nothing is written until you apply the preview."));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 3);
    layout->addWidget(hint);
    layout->addLayout(importBar);
    layout->addWidget(m_importSummary);
    layout->addWidget(m_importTable, 2);
    fill();
}

void UnitsPage::refresh()
{
    m_busy = true;
    m_counts->setText(tr("Reading…"));
    m_admin.adminUnits([this](const auto &result) {
        m_busy = false;
        if (!result) {
            m_counts->setText(result.error().message);
            return;
        }
        m_units = result.value();
        m_folded.clear();
        for (const auto &u : m_units)
            m_folded.append(domain::foldForSearch(u.name));
        fill();
        Q_EMIT loaded();
    });
}

void UnitsPage::setSearch(const QString &text)
{
    m_search->setText(text);
}

void UnitsPage::fill()
{
    const QString words = domain::foldForSearch(m_search->text());
    const QString code = m_search->text().trimmed();
    const auto matches = [&](qsizetype i) {
        return words.isEmpty() || m_folded.at(i).contains(words) || m_units.at(i).code == code;
    };
    QHash<QString, QList<qsizetype>> communes;
    QList<qsizetype> provinces;
    for (qsizetype i = 0; i < m_units.size(); ++i) {
        if (m_units.at(i).level == Level::Province)
            provinces.append(i);
        else
            communes[m_units.at(i).parentCode].append(i);
    }
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Type"), tr("Communes")});
    int shownProvinces = 0;
    int shownCommunes = 0;
    for (const qsizetype p : provinces) {
        const auto &province = m_units.at(p);
        const bool provinceMatches = matches(p);
        const QList<qsizetype> all = communes.value(province.code);
        QList<qsizetype> shown;
        for (const qsizetype c : all) {
            if (provinceMatches || matches(c))
                shown.append(c);
        }
        if (!provinceMatches && shown.isEmpty())
            continue;
        ++shownProvinces;
        shownCommunes += int(shown.size());
        QList<QStandardItem *> row{
            new QStandardItem(province.code), new QStandardItem(province.name),
            new QStandardItem(province.divisionType), new QStandardItem(number(all.size()))};
        for (const qsizetype c : shown) {
            const auto &u = m_units.at(c);
            row.first()->appendRow({new QStandardItem(u.code), new QStandardItem(u.name),
                                    new QStandardItem(u.divisionType), new QStandardItem});
        }
        m_model->appendRow(row);
        if (!words.isEmpty() && !provinceMatches)
            m_tree->expand(row.first()->index());
    }
    const qsizetype communeTotal = m_units.size() - provinces.size();
    if (words.isEmpty())
        m_counts->setText(tr("%1 provinces and cities, %2 communes, wards and special zones")
                              .arg(number(provinces.size()), number(communeTotal)));
    else
        m_counts->setText(tr("Found %1 of %2 provinces, %3 of %4 communes")
                              .arg(number(shownProvinces), number(provinces.size()),
                                   number(shownCommunes), number(communeTotal)));
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(1, 320);
    m_tree->resizeColumnToContents(2);
}

QString UnitsPage::counts() const
{
    return m_counts->text();
}

QString UnitsPage::importSummary() const
{
    return m_importSummary->text();
}

bool UnitsPage::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read %1.").arg(path));
        return false;
    }
    QByteArray data = file.readAll();
    if (path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        auto rows = reports::readXlsxRows(data);
        if (!rows) {
            fail(rows.error().message);
            return false;
        }
        data = services::toCsv(rows->value(0), rows->mid(1));
    }
    m_data = data;
    m_file->setText(QFileInfo(path).fileName());
    m_apply->setEnabled(false);
    m_busy = true;
    m_importSummary->setText(tr("Checking the list on the server…"));
    m_importSummary->setStyleSheet({});
    m_admin.importUnits(m_data, true, [this](const auto &result) {
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

void UnitsPage::apply()
{
    if (!canApply())
        return;
    m_busy = true;
    m_apply->setEnabled(false);
    m_admin.importUnits(m_data, false, [this](const auto &result) {
        m_busy = false;
        if (!result) {
            fail(result.error().message);
            return;
        }
        showPreview(result.value());
        Q_EMIT applied();
        refresh();
    });
}

bool UnitsPage::canApply() const
{
    return !m_busy && m_preview.problems.isEmpty() && !m_preview.applied
        && m_preview.added + m_preview.changed > 0;
}

void UnitsPage::showPreview(const services::UnitImportPreview &preview)
{
    m_preview = preview;
    m_importModel->clear();
    if (!preview.problems.isEmpty()) {
        m_importModel->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Problem")});
        for (const auto &p : preview.problems) {
            m_importModel->appendRow({new QStandardItem(p.row ? QString::number(p.row) : QString()),
                                      new QStandardItem(p.column), new QStandardItem(p.message)});
        }
        m_importSummary->setText(tr("The list has %n fault(s); nothing was imported. Correct the "
                                    "rows below and open the file again.",
                                    nullptr, int(preview.problems.size())));
        m_importSummary->setStyleSheet(QStringLiteral("color: #b00020;"));
    } else {
        m_importModel->setHorizontalHeaderLabels(
            {tr("Change"), tr("Level"), tr("Code"), tr("Name"), tr("Province"), tr("Fields")});
        for (const auto &r : preview.rows) {
            const bool added = r.kind == QLatin1String("added");
            auto *kind = new QStandardItem(added ? tr("New") : tr("Changed"));
            kind->setForeground(added ? QColor(0x1b, 0x5e, 0x20) : QColor(0xe6, 0x51, 0x00));
            m_importModel->appendRow(
                {kind,
                 new QStandardItem(r.level == QLatin1String("province") ? tr("Province")
                                                                        : tr("Commune")),
                 new QStandardItem(r.code), new QStandardItem(r.name),
                 new QStandardItem(r.parentCode),
                 new QStandardItem(r.fields.join(QStringLiteral(", ")))});
        }
        const QString counts
            = tr("%1 new, %2 changed, %3 unchanged.")
                  .arg(number(preview.added), number(preview.changed), number(preview.unchanged));
        m_importSummary->setText(preview.applied ? tr("Imported: %1").arg(counts)
                                                 : tr("Preview: %1").arg(counts));
        m_importSummary->setStyleSheet({});
    }
    m_importTable->setVisible(m_importModel->rowCount() > 0);
    m_importTable->resizeColumnsToContents();
    m_apply->setEnabled(canApply());
}

void UnitsPage::fail(const QString &message)
{
    m_importSummary->setText(message);
    m_importSummary->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_apply->setEnabled(false);
}

bool UnitsPage::exportCsv(const QString &path)
{
    QList<QStringList> rows;
    for (const auto &u : m_units)
        rows.append({domain::unitLevelKey(u.level), u.code, u.name, u.divisionType, u.parentCode});
    auto st = services::writeCsv(path,
                                 {QStringLiteral("level"), QStringLiteral("code"),
                                  QStringLiteral("name"), QStringLiteral("division_type"),
                                  QStringLiteral("parent_code")},
                                 rows);
    if (!st) {
        fail(st.error().message);
        return false;
    }
    m_importSummary->setText(tr("Exported %1 units to %2.").arg(number(m_units.size()), path));
    m_importSummary->setStyleSheet({});
    return true;
}

} // namespace motcua::ui
