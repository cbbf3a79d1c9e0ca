#include "session_holder.h"

namespace motcua::sync {

Session SessionHolder::session() const
{
    QMutexLocker lock(&m_mutex);
    return m_session;
}

void SessionHolder::set(const Session &session)
{
    {
        QMutexLocker lock(&m_mutex);
        if (session == m_session)
            return;
        m_session = session;
    }
    Q_EMIT changed(session);
}

void SessionHolder::clear()
{
    QMutexLocker lock(&m_mutex);
    m_session = {};
}

SessionHolder::Claim SessionHolder::claimRefresh(const QString &accessTokenUsed)
{
    QMutexLocker lock(&m_mutex);
    if (m_refreshing)
        return Claim::Wait;
    if (m_session.isValid() && m_session.accessToken != accessTokenUsed)
        return Claim::Retry;
    if (m_session.refreshToken.isEmpty())
        return Claim::None;
    m_refreshing = true;
    return Claim::Refresh;
}

void SessionHolder::refreshDone(const domain::Result<Session> &result, bool endsSession)
{
    {
        QMutexLocker lock(&m_mutex);
        m_refreshing = false;
        if (result)
            m_session = result.value();
        else if (endsSession)
            m_session = {};
    }
    if (result) {
        Q_EMIT changed(result.value());
        Q_EMIT refreshFinished(true, {});
        return;
    }
    if (endsSession)
        Q_EMIT ended(result.error());
    Q_EMIT refreshFinished(false, result.error());
}

} // namespace motcua::sync
