#pragma once

// What the server answers, as typed values (read with the domain's strict JSON readers).
#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <domain/action.h>
#include <domain/documenttypes.h>
#include <domain/entities.h>
#include <domain/holidays.h>
#include <domain/workflow.h>

namespace motcua::sync {

// A logged-in officer's tokens. The access token expires (8 h on the server), the refresh token
// is rotated at each refresh; the owner of an ApiClient persists them (keychain) on change.
struct Session
{
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // of the access token
    domain::Officer officer;

    [[nodiscard]] bool isValid() const { return !accessToken.isEmpty(); }
    bool operator==(const Session &) const = default;
};

// The server's verdict on one pushed action (ARCHITECTURE.md, Sync → Push).
struct PushOutcome
{
    enum class Status {
        Accepted,  // applied: seq and version set
        Duplicate, // already applied earlier: the first answer again (seq, version)
        Rejected,  // refused by the domain engine or the server: code and Vietnamese message
    };
    QUuid actionId;
    Status status = Status::Rejected;
    qint64 seq = 0;
    int version = 0;
    QString code;
    QString message;
    QString field;
    bool operator==(const PushOutcome &) const = default;
};

// One committed change of the feed: the action and the dossier as it stood after it.
struct Change
{
    qint64 seq = 0;
    domain::Action action;
    domain::Dossier dossier;
    // What they were read from, for the cache to store as is: the action's JSON (without its
    // seq), the dossier's text as the server sent it.
    QJsonObject actionObject = {};
    QByteArray dossierJson = {};
};

struct ChangesPage
{
    QList<Change> changes;
    qint64 nextAfter = 0; // the cursor to store once the page is applied
    bool more = false;
};

// A page of the agency's dossiers as they stand (a workstation's first sync).
struct SnapshotDossier
{
    qint64 seq = 0; // the seq of the dossier's last change
    domain::Dossier dossier;
    QByteArray json; // the server's text of `dossier`, for the cache to store as it came
};

struct SnapshotPage
{
    qint64 seq = 0; // the feed's committed seq when the page was read
    QList<SnapshotDossier> dossiers;
    QString next; // the `after` of the next page
    bool more = false;
};

// A leased block of daily sequence numbers for the officer's agency (codes first..last of `date`).
struct CodeLease
{
    QString agencyCode;
    QDate date;
    int first = 0;
    int last = 0;
    QString pattern; // the agency's code pattern, e.g. "{agency}-{yyMMdd}-{seq:4}"
    bool operator==(const CodeLease &) const = default;
};

// What the server holds of a blob (the resumable upload's state).
struct BlobState
{
    bool complete = false; // the whole blob is stored and verified
    qint64 received = 0;   // bytes of an unfinished upload the server keeps (resume from here)
    qint64 size = 0;       // total size when known
};

} // namespace motcua::sync
