#pragma once

// Report templates in the database (R24): each officer's own and those shared with an agency.
// Who may see and change which is decided here, so every route and the CLI apply one rule:
//  - a personal template: its owner only;
//  - a shared one: read by the agency's report readers; written by its leaders and admins.
// Another agency's template, or someone else's personal one, is "not found" (404).
#include "database.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <reports/reporttemplate.h>

namespace motcua::server {

class ReportTemplateStore
{
public:
    explicit ReportTemplateStore(Database &db)
        : m_db(db)
    {}

    // The caller's personal templates, then the agency's shared ones, each by name.
    Result<QList<reports::ReportTemplate>> visibleTo(const domain::Officer &officer);
    // report_template.not_found (404) when the officer may not see it.
    Result<reports::ReportTemplate> find(const domain::Officer &officer, const QUuid &id);

    // Stores a new template (id, owner, agency, version 1 set here); report_template.forbidden
    // (403) for a shared one by someone who is neither leader nor admin;
    // report_template.duplicate_name (409) when the name is taken in its scope.
    Result<reports::ReportTemplate> create(const domain::Officer &officer,
                                           reports::ReportTemplate t);
    // Replaces the definition of template `id`; `t.version` must be the stored version
    // (report_template.version_conflict, 409, details.expected). A personal template may be
    // shared (by a leader or admin) and a shared one made personal by them.
    Result<reports::ReportTemplate> update(const domain::Officer &officer, const QUuid &id,
                                           reports::ReportTemplate t);
    Check remove(const domain::Officer &officer, const QUuid &id);

    // Whether the officer may write shared templates (leaders and admins).
    static bool canShare(const domain::Officer &officer);

private:
    Database &m_db;
};

} // namespace motcua::server
