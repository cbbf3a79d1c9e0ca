#pragma once

// The direction view (R27.4) for leaders and heads: where each dossier in progress is (stage,
// department, handler), the steps it has passed, which department and which officer hold overdue
// dossiers, and the dossiers nearly due. Read from the cache (what this workstation sees).
#include <QDateTime>
#include <QList>
#include <QString>

#include <domain/directory.h>
#include <domain/entities.h>
#include <domain/result.h>
#include <store/cache.h>

namespace motcua::services {

struct DirectionRow
{
    QUuid id;
    QString code;
    QString procedureName;
    domain::Stage stage = domain::Stage::Received;
    QString departmentId;
    QString departmentName;
    QString handlerId;
    QString handlerName;
    int stepsPassed = 0; // accepted actions so far (the trail)
    QString lastStep;    // the last action's name
    QDateTime dueAt;
    int daysOverdue = 0; // working days; 0 when on time
    bool nearlyDue = false;
};

struct DirectionLoad
{
    QString key;  // department id, or officer id
    QString name; // department name, or officer full name
    int inProgress = 0;
    int overdue = 0;
    int nearlyDue = 0;
};

struct DirectionReport
{
    QList<DirectionRow> dossiers; // overdue first (most days late), then nearly due, then by due
    QList<DirectionLoad> departments;
    QList<DirectionLoad> officers;
    int overdue = 0;
    int nearlyDue = 0;
};

// The dossiers in progress of `agencyCode` (received or handled there) as of `now`.
domain::Result<DirectionReport> directionReport(store::Cache &cache, const QString &agencyCode,
                                                const domain::Directory &directory,
                                                const QDateTime &now);

} // namespace motcua::services
