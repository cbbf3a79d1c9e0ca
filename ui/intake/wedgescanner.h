#pragma once

// Recognises a keyboard-wedge QR scanner typing a CCCD's QR text into ANY field of a widget tree
// (the intake wizard): the scanner "types" the text much faster than a person and ends with Enter.
// An application-wide event filter watches key presses aimed at the tree; a burst of characters
// with gaps under `maxGapMs` that ends in Enter and looks like a CCCD QR is taken as a scan: the
// field it was typed into gets its previous text back, the Enter is swallowed, and cardScanned()
// (or scanRejected() with the parser's message) is emitted.
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QVariant>

#include <domain/cccd.h>

class QWidget;

namespace motcua::ui {

class WedgeScanner : public QObject
{
    Q_OBJECT
public:
    explicit WedgeScanner(QWidget *watched, int maxGapMs = 50);
    ~WedgeScanner() override;

    bool eventFilter(QObject *object, QEvent *event) override;

Q_SIGNALS:
    void cardScanned(const motcua::domain::CccdCard &card);
    void scanRejected(const QString &message);

private:
    void reset();
    void snapshot(QWidget *target);
    void restore();

    QPointer<QWidget> m_watched;
    int m_maxGapMs;
    QElapsedTimer m_lastKey;
    QString m_buffer;
    QPointer<QWidget> m_target;
    QVariant m_before; // the target's text before the burst
};

} // namespace motcua::ui
