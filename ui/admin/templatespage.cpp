#include "templatespage.h"

#include "../labels.h"
#include "../slippreview.h"
#include "adminwidgets.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <domain/demo.h>
#include <domain/engine.h>
#include <print/sliprenderer.h>

namespace motcua::ui {

TemplatesPage::TemplatesPage(services::AdminService &admin, QString serverUrl, QWidget *parent)
    : QWidget(parent)
    , m_admin(admin)
    , m_serverUrl(std::move(serverUrl))
    , m_table(new QTableView)
    , m_model(new QStandardItemModel(this))
    , m_versions(new QComboBox)
    , m_details(new QLabel)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("templatesPage"));
    m_table->setObjectName(QStringLiteral("templatesTable"));
    m_table->setModel(m_model);
    admin::setUpRecordTable(m_table);
    m_versions->setObjectName(QStringLiteral("templateVersions"));
    m_details->setObjectName(QStringLiteral("templateDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    const auto add = [this](const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_P), [this] { preview(); });
    add(QKeySequence(Qt::Key_F5), [this] { refresh(); });
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] {
        m_versions->setFocus();
        m_versions->showPopup();
    });
    auto *previewButton = new QPushButton(tr("&Preview with a sample dossier (Ctrl+P)"));
    previewButton->setObjectName(QStringLiteral("previewTemplate"));
    connect(previewButton, &QPushButton::clicked, this, [this] { preview(); });
    connect(m_versions, &QComboBox::activated, this,
            [this](int index) { showVersion(m_versions->itemData(index).toInt()); });

    auto *versionRow = new QHBoxLayout;
    versionRow->addWidget(new QLabel(tr("Version (Ctrl+Shift+V):")));
    versionRow->addWidget(m_versions);
    versionRow->addStretch(1);
    versionRow->addWidget(previewButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(versionRow);
    layout->addWidget(m_details);
    layout->addWidget(m_status);
}

void TemplatesPage::refresh()
{
    m_busy = true;
    m_admin.formTemplates([this](const auto &result) {
        m_busy = false;
        if (!result) {
            report(result.error().message, true);
            return;
        }
        m_templates = result.value();
        m_model->clear();
        m_model->setHorizontalHeaderLabels(
            {tr("Form"), tr("Version"), tr("Source"), tr("Updated"), tr("Legal basis")});
        for (const auto &t : m_templates) {
            m_model->appendRow(
                {new QStandardItem(t.title), new QStandardItem(QString::number(t.version)),
                 new QStandardItem(t.agencyCode.isEmpty() ? tr("National default")
                                                          : tr("This agency")),
                 new QStandardItem(t.updatedAt.isValid() ? Labels::dateTime(t.updatedAt)
                                                         : QString()),
                 new QStandardItem(t.legalBasis)});
        }
        m_table->resizeColumnsToContents();
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &TemplatesPage::onSelected, Qt::UniqueConnection);
        if (!m_templates.isEmpty())
            m_table->selectRow(0);
        report(tr("%n form template(s).", nullptr, int(m_templates.size())));
    });
}

void TemplatesPage::selectKind(const QString &kind)
{
    for (qsizetype i = 0; i < m_templates.size(); ++i) {
        if (m_templates.at(i).kind == kind)
            m_table->selectRow(int(i));
    }
}

void TemplatesPage::onSelected()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_templates.size())
        return;
    m_shown = m_templates.at(row);
    m_versions->clear();
    for (int v = m_shown.version; v >= 1; --v)
        m_versions->addItem(tr("Version %1").arg(v), v);
    m_details->setText(tr("%1 — version %2 — legal basis: %3")
                           .arg(m_shown.title)
                           .arg(m_shown.version)
                           .arg(m_shown.legalBasis));
}

void TemplatesPage::showVersion(int version)
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_templates.size())
        return;
    const services::FormTemplate &current = m_templates.at(row);
    m_busy = true;
    m_admin.formTemplate(current.kind, version, current.agencyCode.isEmpty(),
                         [this](const auto &result) {
                             m_busy = false;
                             if (!result) {
                                 report(result.error().message, true);
                                 return;
                             }
                             m_shown = result.value();
                             m_details->setText(tr("%1 — version %2 — legal basis: %3")
                                                    .arg(m_shown.title)
                                                    .arg(m_shown.version)
                                                    .arg(m_shown.legalBasis));
                         });
}

QString TemplatesPage::preview()
{
    if (m_shown.kind.isEmpty()) {
        report(tr("Select a form template first."), true);
        return {};
    }
    // The sample: the demo province's example dossier, from intake to the return of its result.
    const auto directory = domain::demo::directory();
    auto dossier = domain::fold(domain::demo::exampleJourney(), directory);
    if (!dossier) {
        report(dossier.error().message, true);
        return {};
    }
    const auto context
        = print::contextFor(dossier.value(), directory, QStringLiteral("counter1"), m_serverUrl);
    auto rendered = print::renderSlip(m_shown.kind, m_shown.content, {dossier.value()}, context);
    if (!rendered) {
        report(rendered.error().message, true);
        return {};
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = QDir(dir).filePath(
        QStringLiteral("motcua-mau-%1-v%2.pdf").arg(m_shown.kind).arg(m_shown.version));
    if (auto st = print::writePdf(rendered->pdf, path); !st) {
        report(st.error().message, true);
        return {};
    }
    auto *dialog = new SlipPreview(
        path, tr("%1 (version %2, sample dossier)").arg(m_shown.title).arg(m_shown.version), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    report(tr("Preview of %1, version %2, with the sample dossier.")
               .arg(m_shown.title)
               .arg(m_shown.version));
    return path;
}

QString TemplatesPage::lastMessage() const
{
    return m_status->text();
}

void TemplatesPage::report(const QString &text, bool error)
{
    admin::showStatus(m_status, text, error);
}

} // namespace motcua::ui
