#include "wedgescanner.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace motcua::ui {

WedgeScanner::WedgeScanner(QWidget *watched, int maxGapMs)
    : QObject(watched)
    , m_watched(watched)
    , m_maxGapMs(maxGapMs)
{
    qApp->installEventFilter(this);
}

WedgeScanner::~WedgeScanner()
{
    qApp->removeEventFilter(this);
}

void WedgeScanner::reset()
{
    m_buffer.clear();
    m_target = nullptr;
    m_before = {};
}

void WedgeScanner::snapshot(QWidget *target)
{
    m_target = target;
    if (auto *e = qobject_cast<QLineEdit *>(target))
        m_before = e->text();
    else if (auto *p = qobject_cast<QPlainTextEdit *>(target))
        m_before = p->toPlainText();
    else if (auto *t = qobject_cast<QTextEdit *>(target))
        m_before = t->toPlainText();
    else if (auto *c = qobject_cast<QComboBox *>(target); c && c->isEditable())
        m_before = c->currentText();
    else
        m_before = {};
}

void WedgeScanner::restore()
{
    if (!m_target || !m_before.isValid())
        return;
    const QString text = m_before.toString();
    if (auto *e = qobject_cast<QLineEdit *>(m_target))
        e->setText(text);
    else if (auto *p = qobject_cast<QPlainTextEdit *>(m_target))
        p->setPlainText(text);
    else if (auto *t = qobject_cast<QTextEdit *>(m_target))
        t->setPlainText(text);
    else if (auto *c = qobject_cast<QComboBox *>(m_target))
        c->setEditText(text);
}

bool WedgeScanner::eventFilter(QObject *object, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !m_watched)
        return false;
    auto *widget = qobject_cast<QWidget *>(object);
    if (!widget || !m_watched->isAncestorOf(widget) || !widget->hasFocus())
        return false;
    // Key events are delivered to the focus widget and then propagated to its parents; only the
    // first delivery counts.
    auto *key = static_cast<QKeyEvent *>(event);
    // A scan is typed into one field: a key for another field (or after a pause) starts over.
    const bool fast = m_lastKey.isValid() && m_lastKey.elapsed() <= m_maxGapMs
        && (m_buffer.isEmpty() || widget == m_target);
    m_lastKey.restart();
    if (!fast)
        reset();

    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        const QString text = m_buffer;
        const bool scanned = fast && domain::looksLikeCccdQr(text);
        if (!scanned) {
            reset();
            return false;
        }
        restore();
        reset();
        if (auto card = domain::parseCccdQr(text))
            Q_EMIT cardScanned(card.value());
        else
            Q_EMIT scanRejected(card.error().message);
        return true; // the Enter belongs to the scan, not to the wizard
    }
    const QString typed = key->text();
    if (typed.isEmpty() || !typed.at(0).isPrint()) {
        reset();
        return false;
    }
    if (m_buffer.isEmpty())
        snapshot(widget);
    m_buffer += typed;
    return false;
}

} // namespace motcua::ui
