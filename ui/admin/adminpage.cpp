#include "adminpage.h"

#include "accountspage.h"
#include "agencypage.h"
#include "calendarpage.h"
#include "cataloguepage.h"
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
{
    setObjectName(QStringLiteral("adminPage"));
    // Groups came after the others: it takes the next number, so that the shortcuts officers
    // already know keep their screens.
    addTab(m_accounts, tr("Accounts (Ctrl+Alt+1)"));
    addTab(m_import, tr("Procedure import (Ctrl+Alt+2)"));
    addTab(m_templates, tr("Form templates (Ctrl+Alt+3)"));
    addTab(m_calendar, tr("Work calendar (Ctrl+Alt+4)"));
    addTab(m_units, tr("Administrative units (Ctrl+Alt+5)"));
    addTab(m_groups, tr("Groups of officers (Ctrl+Alt+6)"));
    addTab(m_documentTypes, tr("Document types (Ctrl+Alt+7)"));
    addTab(m_fields, tr("Fields (Ctrl+Alt+8)"));
    addTab(m_agency, tr("Agency (Ctrl+Alt+9)"));
    for (int i = 0; i < count(); ++i) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, i] { setCurrentIndex(i); });
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
    }
}

} // namespace motcua::ui
