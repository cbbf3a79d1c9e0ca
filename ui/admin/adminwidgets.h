#pragma once

// Pieces every Administration screen is built from, so that they look and behave alike: a
// text-only button for a page action, a page action whose shortcut works while the focus is in
// the page (and shows in its tooltip), a read-only one-row-at-a-time record table, and the status
// line under the page (red for an error).
#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <domain/roles.h>

class QCheckBox;
class QGridLayout;
class QLabel;
class QTableView;
class QToolButton;
class QWidget;

namespace motcua::ui::admin {

QToolButton *actionButton(QAction *action);
// Added to `page`; the caller connects triggered().
QAction *pageAction(QWidget *page, const QString &text, const QKeySequence &key);
// The same, running `slot` (in `page`'s context) when triggered.
template<typename Slot>
QAction *pageAction(QWidget *page, const QString &text, const QKeySequence &key, Slot slot)
{
    QAction *a = pageAction(page, text, key);
    QObject::connect(a, &QAction::triggered, page, std::move(slot));
    return a;
}
void setUpRecordTable(QTableView *table);
void showStatus(QLabel *status, const QString &text, bool error);
// The red message line of an admin dialog (object name "error"), hidden until it has something
// to say.
QLabel *errorLabel();
// One check box per role, two columns, `checked` ticked; the boxes are appended to `boxes`.
QGridLayout *roleBoxes(QList<QCheckBox *> *boxes, const QList<domain::Role> &checked);
QList<domain::Role> checkedRoles(const QList<QCheckBox *> &boxes);
// "Tổ thẩm định đất đai" → "to-tham-dinh-dat-dai": the code proposed for what is being named
// (a group, a data field), at most `maxLength` characters.
QString codeFromText(const QString &text, int maxLength);

} // namespace motcua::ui::admin
