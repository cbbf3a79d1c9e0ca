#include "notifier.h"

#include <QApplication>
#include <QStyle>
#include <QSystemTrayIcon>

namespace motcua::ui {

namespace {

class TrayNotifier final : public Notifier
{
public:
    explicit TrayNotifier(QObject *parent)
        : Notifier(parent)
    {
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            return;
        m_icon
            = new QSystemTrayIcon(qApp->style()->standardIcon(QStyle::SP_FileDialogInfoView), this);
        m_icon->setToolTip(QStringLiteral("MotCua"));
        m_icon->show();
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
        connect(m_icon, &QSystemTrayIcon::activated, this, &Notifier::activated);
    }
    [[nodiscard]] bool isAvailable() const override { return m_icon != nullptr; }
    void notify(const QString &title, const QString &message) override
    {
        if (m_icon)
            m_icon->showMessage(title, message, QSystemTrayIcon::Information, 10000);
    }

private:
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace

Notifier *createTrayNotifier(QObject *parent)
{
    return new TrayNotifier(parent);
}

} // namespace motcua::ui
