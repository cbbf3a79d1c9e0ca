#pragma once

// Dossier search over the cache (R21): folded full text (domain::foldForSearch) in an FTS4 index
// over code, applicant name, business name, procedure name, address and OCR text, combined with
// structured filters. "nguyen van a" finds "Nguyễn Văn A".
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <domain/status.h>

namespace motcua::store {

struct SearchQuery
{
    QString text;                   // free text; empty = filters only
    QList<domain::Status> statuses; // any of; empty = all
    QList<domain::Stage> stages;    // any of; empty = all
    QStringList procedureCodes;     // any of
    QString agencyCode;             // receiving or handling agency
    QString departmentId;
    QString handlerId;
    QDate receivedFrom;           // inclusive, local date (UTC+7)
    QDate receivedTo;             // inclusive
    QDateTime dueBefore;          // due strictly before (e.g. now: overdue); invalid = no filter
    bool onlyWithPending = false; // dossiers with actions not yet confirmed
    // Not due before this instant: no due date, or due at or after it (e.g. now: on time).
    QDateTime notDueBefore;
    // The last supplement request has been answered (the applicant supplemented, R13).
    bool onlySupplementReceived = false;
    QString supplementRequestedBy; // who made the last supplement request
    QString submittedBy;           // the appraiser who submitted for approval
    enum class SignOffs {
        Any,
        None,
        Some
    };
    SignOffs signOffs = SignOffs::Any; // whether anyone signed off (R15)
    QString participantId;             // an officer who took part (R15.4)
    int limit = 50;                    // 1..500
    qint64 after = 0; // paging: SearchPage::next of the previous page; 0 = first page

    static SearchQuery forText(const QString &text)
    {
        SearchQuery q;
        q.text = text;
        return q;
    }
};

struct DossierSummary
{
    QUuid id;
    QString code;
    QString applicantName;
    QString organisationName;
    QString procedureCode;
    QString procedureName;
    domain::Stage stage = domain::Stage::Received;
    QString agencyCode;
    QString handlingAgencyCode;
    QString handlerId;
    QDateTime receivedAt;
    QDateTime dueAt;
    int version = 0;
    bool hasPending = false;
};

// Newest first (the order dossiers reached this cache, which follows intake).
struct SearchPage
{
    QList<DossierSummary> items;
    qint64 next = 0; // pass as SearchQuery::after for the next page
    bool more = false;
};

// The FTS4 MATCH expression for a user's text: folded, each word a term (the last one a prefix
// when it has 2+ characters), words with punctuation ("H56-240815-0001") a phrase. Empty when the
// text has no searchable character.
QString ftsMatchExpression(const QString &text);

} // namespace motcua::store
