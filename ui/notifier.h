#pragma once

// Desktop notifications for reminders (R20.5), behind an interface: the system tray where the
// platform has one (TrayNotifier), nothing otherwise (the in-app list always shows them).
#include <QObject>
#include <QString>

namespace motcua::ui {

class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    [[nodiscard]] virtual bool isAvailable() const = 0;
    virtual void notify(const QString &title, const QString &message) = 0;

Q_SIGNALS:
    void activated(); // the officer clicked the notification
};

// QSystemTrayIcon when QSystemTrayIcon::isSystemTrayAvailable(); a no-op otherwise.
Notifier *createTrayNotifier(QObject *parent);

} // namespace motcua::ui
