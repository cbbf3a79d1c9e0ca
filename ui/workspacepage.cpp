#include "workspacepage.h"

#include "labels.h"
#include "notifier.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <services/workstation.h>

namespace motcua::ui {

using services::QueueId;

WorkspacePage::WorkspacePage(services::Workstation &workstation, Notifier *notifier,
                             QWidget *parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_notifier(notifier)
    , m_grid(new QGridLayout)
    , m_reminders(new QListWidget)
{
    setObjectName(QStringLiteral("workspacePage"));
    auto *title = new QLabel(tr("<h2>Workspace</h2>"));
    auto *who = new QLabel;
    QStringList roles;
    for (auto r : m_ws.officer().effectiveRoles())
        roles << Labels::role(r);
    who->setText(
        QStringLiteral("%1 — %2").arg(m_ws.officer().fullName, roles.join(QStringLiteral(", "))));
    auto *tiles = new QGroupBox(tr("My queues (Alt+1…Alt+9 opens one)"));
    tiles->setLayout(m_grid);
    auto *reminders = new QGroupBox(tr("Reminders"));
    auto *rl = new QVBoxLayout(reminders);
    m_reminders->setObjectName(QStringLiteral("reminders"));
    rl->addWidget(m_reminders);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(who);
    layout->addWidget(tiles);
    layout->addWidget(reminders, 1);
    rebuildTiles();

    connect(&m_ws, &services::Workstation::dossiersChanged, this, &WorkspacePage::refresh);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &WorkspacePage::refresh);
    timer->start(60 * 1000);
    refresh();
}

void WorkspacePage::rebuildTiles()
{
    const auto queues
        = services::queuesFor(m_ws.officer(), services::Workstation::now(), m_ws.calendar());
    int i = 0;
    for (const auto &q : queues) {
        auto *tile = new QToolButton;
        tile->setObjectName(QStringLiteral("tile_%1").arg(int(q.id)));
        tile->setToolButtonStyle(Qt::ToolButtonTextOnly);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        tile->setProperty("tile", true);
        // The count large, the queue's name and its key below it.
        auto *count = new QLabel(QStringLiteral("…"));
        count->setObjectName(QStringLiteral("count"));
        count->setProperty("tileCount", true);
        auto *name = new QLabel;
        name->setObjectName(QStringLiteral("name"));
        name->setWordWrap(true);
        for (auto *l : {count, name}) {
            l->setAlignment(Qt::AlignCenter);
            l->setAttribute(Qt::WA_TransparentForMouseEvents);
        }
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->addWidget(count);
        tileLayout->addWidget(name);
        tile->setMinimumHeight(tileLayout->sizeHint().height() + 24);
        const QueueId id = q.id;
        connect(tile, &QToolButton::clicked, this, [this, id] { Q_EMIT queueRequested(id); });
        m_grid->addWidget(tile, i / 4, i % 4);
        m_tiles.insert(int(id), tile);
        ++i;
    }
}

void WorkspacePage::refresh()
{
    const QDateTime now = services::Workstation::now();
    const auto before = m_counts;
    const auto queues = services::queuesFor(m_ws.officer(), now, m_ws.calendar());
    const auto all = services::countQueues(m_ws.cache(), queues);
    int i = 0;
    for (const auto &q : queues) {
        const domain::Result<qint64> n
            = all ? domain::Result<qint64>(all->at(i)) : domain::Result<qint64>(all.error());
        const qint64 value = n ? n.value() : -1;
        m_counts.insert(int(q.id), value);
        if (auto *tile = m_tiles.value(int(q.id))) {
            const QString key = i < 9 ? QStringLiteral("Alt+%1").arg(i + 1) : QString();
            tile->findChild<QLabel *>(QStringLiteral("count"))
                ->setText(n ? QLocale().toString(value) : QStringLiteral("?"));
            tile->findChild<QLabel *>(QStringLiteral("name"))
                ->setText(key.isEmpty() ? Labels::queue(q.id)
                                        : QStringLiteral("%1  (%2)").arg(Labels::queue(q.id), key));
            tile->setAccessibleName(QStringLiteral("%1: %2").arg(Labels::queue(q.id)).arg(value));
            tile->setToolTip(n ? QString() : n.error().message);
            if (i < 9) // setText() resets the shortcut to the text's mnemonic
                tile->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        }
        ++i;
    }
    remind(before);
}

void WorkspacePage::remind(const QHash<int, qint64> &before)
{
    // Overdue work (R20.5): appraisal and assignment overdue, and the counter's nearly due list.
    m_reminders->clear();
    const auto add = [this](const QString &text) { m_reminders->addItem(text); };
    for (QueueId id : {QueueId::AppraisalOverdue, QueueId::AssignmentOverdue}) {
        if (m_counts.value(int(id)) > 0)
            add(tr("Overdue: %1 — %2").arg(Labels::queue(id)).arg(m_counts.value(int(id))));
    }
    if (m_counts.value(int(QueueId::CounterNearlyDue)) > 0) {
        add(tr("Nearly due: %n dossier(s) within %1 working days", nullptr,
               int(m_counts.value(int(QueueId::CounterNearlyDue))))
                .arg(services::kNearlyDueWorkingDays));
    }
    // New work (R20.5): a queue that grew since the last count.
    QStringList arrived;
    for (QueueId id :
         {QueueId::CounterAwaitingIntake, QueueId::CounterSupplemented,
          QueueId::CounterAwaitingReturn, QueueId::AppraisalOnTime, QueueId::AssignmentOnTime,
          QueueId::HeadAwaitingApproval, QueueId::LeaderAwaitingApproval}) {
        const qint64 now = m_counts.value(int(id), 0);
        const qint64 was = before.value(int(id), now);
        if (!m_first && now > was)
            arrived << tr("New: %1 (+%2)").arg(Labels::queue(id)).arg(now - was);
    }
    for (const auto &a : arrived)
        add(a);
    if (m_reminders->count() == 0)
        add(tr("Nothing overdue, nothing new."));
    if (!arrived.isEmpty() && m_notifier && m_notifier->isAvailable())
        m_notifier->notify(tr("MotCua — new work"), arrived.join(QLatin1Char('\n')));
    m_first = false;
}

QStringList WorkspacePage::reminders() const
{
    QStringList out;
    for (int i = 0; i < m_reminders->count(); ++i)
        out << m_reminders->item(i)->text();
    return out;
}

} // namespace motcua::ui
