#include "syncstatusbar.h"

#include "labels.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include <services/syncstatus.h>

namespace motcua::ui {

SyncStatusBar::SyncStatusBar(services::SyncStatus &status, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
    , m_connection(new QLabel)
    , m_pending(new QLabel)
    , m_lastSync(new QLabel)
    , m_receiving(new QLabel)
    , m_problems(new QLabel)
{
    m_connection->setObjectName(QStringLiteral("syncConnection"));
    m_pending->setObjectName(QStringLiteral("syncPending"));
    m_lastSync->setObjectName(QStringLiteral("syncLast"));
    m_receiving->setObjectName(QStringLiteral("syncReceiving"));
    m_problems->setObjectName(QStringLiteral("syncProblems"));
    m_problems->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_connection);
    layout->addWidget(m_pending);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_receiving);
    layout->addWidget(m_problems);
    connect(m_problems, &QLabel::linkActivated, this, &SyncStatusBar::conflictsRequested);
    connect(&m_status, &services::SyncStatus::changed, this, &SyncStatusBar::refresh);
    refresh();
}

void SyncStatusBar::refresh()
{
    using C = services::SyncStatus::Connection;
    switch (m_status.connection()) {
    case C::Unknown:
        m_connection->setText(tr("● Checking connection…"));
        m_connection->setProperty("state", QStringLiteral("unknown"));
        break;
    case C::Online:
        m_connection->setText(tr("● Online"));
        m_connection->setProperty("state", QStringLiteral("online"));
        break;
    case C::Offline:
        m_connection->setText(tr("● Offline"));
        m_connection->setProperty("state", QStringLiteral("offline"));
        break;
    }
    m_connection->setToolTip(m_status.lastError());
    m_connection->setStyleSheet(m_status.connection() == C::Online ? QStringLiteral("color:#137333")
                                    : m_status.connection() == C::Offline
                                    ? QStringLiteral("color:#b00020")
                                    : QString());
    m_pending->setText(tr("Pending: %n action(s)", nullptr, int(m_status.pending())));
    m_lastSync->setText(m_status.lastSync().isValid()
                            ? tr("Last sync: %1").arg(Labels::dateTime(m_status.lastSync()))
                            : tr("Last sync: never"));
    // A long pull (a new workstation's first sync brings the agency's dossiers): say how far it
    // is. The few changes of an ordinary round would only make the label blink.
    constexpr qint64 kLongPull = 500;
    m_receiving->setVisible(m_status.receiving() >= kLongPull);
    m_receiving->setText(
        tr("Receiving from the server: %1…").arg(QLocale().toString(m_status.receiving())));
    const qint64 problems = m_status.conflicts() + m_status.stuck();
    m_problems->setVisible(problems > 0);
    m_problems->setText(
        QStringLiteral("<a href=\"#conflicts\">%1</a>")
            .arg(tr("%n conflict(s) or stuck item(s) — open", nullptr, int(problems))));
}

} // namespace motcua::ui
