#pragma once

// The officer's session shared by every ApiClient of the process (the UI's and the sync engine's,
// on different threads). The server rotates the refresh token at each refresh and ends the whole
// session when an old one is presented again, so two clients must never refresh on their own:
// the holder lets one client refresh while the others wait for its answer, then all go on with
// the new tokens. Thread-safe.
#include "api_types.h"

#include <QMutex>
#include <QObject>

#include <domain/error.h>
#include <domain/result.h>

namespace motcua::sync {

class SessionHolder : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    [[nodiscard]] Session session() const;
    void set(const Session &session); // login, restore from the keychain: emits changed
    void clear();                     // logout: forgets the tokens (no signal)

    enum class Claim {
        Refresh, // the caller refreshes and reports with refreshDone()
        Wait,    // another client is refreshing: wait for refreshFinished()
        Retry,   // the tokens changed since the caller's request: send it again
        None,    // no refresh token: the officer must log in
    };
    // Called by a client whose request with `accessTokenUsed` got a 401 (or whose token is about to
    // expire).
    Claim claimRefresh(const QString &accessTokenUsed);
    // The claimant's result. A refusal for good (not transient) ends the session.
    void refreshDone(const domain::Result<Session> &result, bool endsSession);

Q_SIGNALS:
    void changed(const motcua::sync::Session &session);
    void refreshFinished(bool ok, const motcua::domain::Error &error);
    void ended(const motcua::domain::Error &reason);

private:
    mutable QMutex m_mutex;
    Session m_session;
    bool m_refreshing = false;
};

} // namespace motcua::sync
