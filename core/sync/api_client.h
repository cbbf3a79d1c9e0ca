#pragma once

// The REST client of motcua-server (docs/openapi.yaml), on QNetworkAccessManager: asynchronous,
// one typed result per call (api_call.h), Vietnamese error messages (api_errors.h), an inactivity
// timeout per request, and the access token refreshed once on a 401 (or shortly before it
// expires) with the request replayed — concurrent calls share one refresh, since the server
// rotates the refresh token. Lives in one thread (the sync engine's): create it there.
#include "api_call.h"
#include "api_types.h"
#include "session_holder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <domain/chart.h>

#include <functional>

namespace motcua::sync {

class ApiClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl baseUrl;                    // "https://motcua.example.gov.vn" (no trailing /api)
        int timeoutMs = 30000;           // no byte sent or received for this long → sync.timeout
        int refreshMarginSeconds = 60;   // refresh the access token this long before it expires
        QByteArray userAgent = "motcua"; // plus the version, set by the application
        // Shared by every client of the process (UI, sync engine): one refresh at a time. Null:
        // this client keeps its own.
        std::shared_ptr<SessionHolder> session;
    };

    explicit ApiClient(Options options, QObject *parent = nullptr);
    ~ApiClient() override;

    [[nodiscard]] const Options &options() const { return m_options; }
    void setBaseUrl(const QUrl &url) { m_options.baseUrl = url; }

    // The session used for authenticated calls (restored from the keychain, or set by login()).
    void setSession(const Session &session);
    [[nodiscard]] Session session() const { return m_holder->session(); }
    [[nodiscard]] bool hasSession() const { return session().isValid(); }
    [[nodiscard]] const std::shared_ptr<SessionHolder> &sessionHolder() const { return m_holder; }
    // Forgets the tokens locally (no request).
    void clearSession();

    // ---- auth ----------------------------------------------------------------------------------
    Call<Session> *login(const QString &username, const QString &password);
    Call<Session> *refresh();
    Call<void> *logout(); // revokes the tokens on the server, then forgets them

    // ---- sync ----------------------------------------------------------------------------------
    // At most 500 actions, in device order, all by the session's officer. One outcome per action.
    Call<QList<PushOutcome>> *push(const QList<domain::Action> &actions);
    // Committed changes after `after` (a stored cursor), at most `limit` (1..1000).
    // `onEnvelope` (optional) gets nextAfter and more as soon as the answer is read, before its
    // changes are: a long pull asks for the next page while this one is still being decoded.
    using EnvelopeHandler = std::function<void(qint64 nextAfter, bool more)>;
    Call<ChangesPage> *changes(qint64 after, int limit = 500, EnvelopeHandler onEnvelope = {});
    // The agency's dossiers as they stand, in id order after `after` (empty: from the first), at
    // most `limit` (1..2000): a workstation's first sync. `onEnvelope` as for changes().
    using SnapshotEnvelopeHandler = std::function<void(qint64 seq, const QString &next, bool more)>;
    Call<SnapshotPage> *snapshot(const QString &after, int limit = 1000,
                                 SnapshotEnvelopeHandler onEnvelope = {});
    Call<domain::Dossier> *dossier(const QUuid &id);
    // A block of `count` daily sequence numbers of the officer's agency for `date`.
    Call<CodeLease> *leaseCodes(const QDate &date, int count);

    // ---- catalogues ----------------------------------------------------------------------------
    Call<QList<domain::Agency>> *agencies();
    Call<QList<domain::Procedure>> *procedures(const QString &agencyCode = {});
    Call<QList<domain::Officer>> *officers();    // the session's agency
    Call<QList<domain::OfficerGroup>> *groups(); // the session's agency's groups of officers
    Call<QList<domain::Workflow>> *workflows();  // the latest version of each
    // One version of a workflow (0: the latest).
    Call<domain::Workflow> *workflow(const QString &id, int version = 0);
    // Adds `workflow` as the next version of its id (admins of the procedure's agency); the
    // server validates it and answers 409 workflow.version_conflict when someone was faster.
    Call<domain::Workflow> *addWorkflowVersion(const domain::Workflow &workflow);
    Call<domain::HolidayCalendar> *holidayCalendar();
    // The province's shared catalogues (R02): document types with their data fields, fields.
    Call<QList<domain::DocumentType>> *documentTypes();
    Call<QList<domain::ProcedureField>> *procedureFields();
    // The province's changes to the standard transition chart (R04.2).
    Call<domain::ChartSettings> *transitionChart();

    // ---- lower level (blob transfers, tests) --------------------------------------------------
    struct Request
    {
        QByteArray method = "GET";
        QString path; // "/api/v1/…"
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool authenticated = true;
    };
    struct Response
    {
        int status = 0;
        QByteArray body;                       // empty when streamed to a sink
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    using Sink = std::function<bool(const QByteArray &chunk)>; // false: stop (abort)
    // Sends `request` for `owner` (its progress signal and abort() are wired); `done` gets the
    // answer of any HTTP status, or a transport error. With a `sink`, the body of a 2xx answer is
    // handed over in pieces as it arrives instead of being collected.
    void send(ApiCall *owner, const Request &request,
              std::function<void(domain::Result<Response>)> done, Sink sink = {});

Q_SIGNALS:
    // New tokens (login, refresh — by this client or another sharing the holder): persist them.
    // Never log them.
    void sessionChanged(const motcua::sync::Session &session);
    // The refresh token was refused (expired, revoked, officer deactivated): log in again.
    void sessionEnded(const motcua::domain::Error &reason);

private:
    struct Pending;
    void dispatch(const std::shared_ptr<Pending> &pending);
    void onReplyFinished(const std::shared_ptr<Pending> &pending);
    void waitForRefresh(const std::shared_ptr<Pending> &pending, const domain::Error &ifNone);
    void startRefresh();
    void onRefreshFinished(bool ok, const domain::Error &error);
    [[nodiscard]] bool tokenNearExpiry(const Session &session) const;

    // A typed call over send(): a 2xx JSON answer goes through `parse`; other statuses become
    // errors.
    template<typename T>
    Call<T> *jsonCall(const Request &request,
                      std::function<domain::Result<T>(const Response &)> parse);

    Options m_options;
    QNetworkAccessManager *m_nam;
    std::shared_ptr<SessionHolder> m_holder;
    bool m_refreshing = false; // this client holds the holder's refresh claim
    QList<std::shared_ptr<Pending>> m_waitingForRefresh;
    QList<QPointer<Call<Session>>> m_refreshCalls; // refresh() calls waiting for the refresh
};

} // namespace motcua::sync
