#include "adminpage.h"

#include "accountspage.h"
#include "agencypage.h"
#include "calendarpage.h"
#include "cataloguepage.h"
#include "chartpage.h"
#include "groupspage.h"
#include "importpage.h"
#include "templatespage.h"
#include "unitspage.h"

#include <QAction>

#include <services/adminservice.h>
#include <services/workstation.h>
#include <sync/api_client.h>

namespace motcua::ui {

AdminPage::AdminPage(services::Workstation &workstation, QWidget *parent)
    : QTabWidget(parent)
    , m_admin(new services::AdminService(*workstation.api(), this))
    , m_accounts(new AccountsPage(*m_admin, workstation.officer().agencyCode,
                                  workstation.agency() ? workstation.agency()->name : QString()))
    , m_groups(new GroupsPage(*m_admin, workstation.officer().agencyCode))
    , m_import(new ImportPage(*m_admin))
    , m_templates(new TemplatesPage(*m_admin, workstation.api()->options().baseUrl.toString()))
    , m_calendar(new CalendarPage(*m_admin))
    , m_units(new UnitsPage(*m_admin))
    , m_documentTypes(new CataloguePage(*m_admin, CataloguePage::Kind::DocumentTypes))
    , m_fields(new CataloguePage(*m_admin, CataloguePage::Kind::Fields))
    , m_agency(new AgencyPage(*m_admin, workstation.officer().agencyCode))
    , m_chart(new ChartPage(*m_admin))
{
    setObjectName(QStringLiteral("adminPage"));
    // Groups came after the others: it takes the next number, so that the shortcuts officers
    // already know keep their screens. The tab shows the name (ten tabs with their shortcuts
    // spelled out did not fit a 1366-pixel screen); the shortcut is in its tooltip.
    const QList<std::pair<QWidget *, QString>> tabs{
        {m_accounts, tr("Accounts")},
        {m_import, tr("Procedure import")},
        {m_templates, tr("Form templates")},
        {m_calendar, tr("Work calendar")},
        {m_units, tr("Administrative units")},
        {m_groups, tr("Groups of officers")},
        {m_documentTypes, tr("Document types")},
        {m_fields, tr("Procedure fields")},
        {m_agency, tr("Agency")},
        {m_chart, tr("Status chart")},
    };
    for (qsizetype i = 0; i < tabs.size(); ++i) {
        const int index = addTab(tabs.at(i).first, tabs.at(i).second);
        const auto key = i < 9 ? Qt::Key(Qt::Key_1 + i) : Qt::Key_0; // the tenth: 0
        const QKeySequence shortcut(Qt::CTRL | Qt::ALT | key);
        setTabToolTip(index,
                      QStringLiteral("%1 (%2)").arg(tabs.at(i).second,
                                                    shortcut.toString(QKeySequence::NativeText)));
        auto *a = new QAction(this);
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, index] { setCurrentIndex(index); });
        addAction(a);
    }
}

void AdminPage::showEvent(QShowEvent *event)
{
    QTabWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        m_accounts->refresh();
        m_groups->refresh();
        m_templates->refresh();
        m_calendar->refresh();
        m_units->refresh();
        m_documentTypes->refresh();
        m_fields->refresh();
        m_agency->refresh();
        m_chart->refresh();
    }
}

} // namespace motcua::ui
