#include "adminwidgets.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>

#include <domain/folding.h>

namespace motcua::ui::admin {

QToolButton *actionButton(QAction *action)
{
    auto *b = new QToolButton;
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

QAction *pageAction(QWidget *page, const QString &text, const QKeySequence &key)
{
    auto *a = new QAction(text, page);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
    page->addAction(a);
    return a;
}

void setUpRecordTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

void showStatus(QLabel *status, const QString &text, bool error)
{
    status->setText(text);
    status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

QGridLayout *roleBoxes(QList<QCheckBox *> *boxes, const QList<domain::Role> &checked)
{
    auto *grid = new QGridLayout;
    int i = 0;
    for (const domain::Role role : domain::allRoles()) {
        auto *box = new QCheckBox(domain::roleName(role));
        box->setObjectName(QStringLiteral("role-") + domain::roleKey(role));
        box->setProperty("role", domain::roleKey(role));
        box->setChecked(checked.contains(role));
        grid->addWidget(box, i / 2, i % 2);
        boxes->append(box);
        ++i;
    }
    return grid;
}

QList<domain::Role> checkedRoles(const QList<QCheckBox *> &boxes)
{
    QList<domain::Role> out;
    for (const QCheckBox *box : boxes) {
        if (box->isChecked()) {
            if (auto role = domain::roleFromKey(box->property("role").toString()))
                out.append(*role);
        }
    }
    return out;
}

QLabel *errorLabel()
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

QString codeFromText(const QString &text, int maxLength)
{
    QString out;
    for (const QChar c : domain::foldForSearch(text)) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out.append(c);
        else if (!out.isEmpty() && !out.endsWith(QLatin1Char('-')))
            out.append(QLatin1Char('-'));
    }
    out = out.left(maxLength);
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

} // namespace motcua::ui::admin
