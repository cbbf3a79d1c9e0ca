#pragma once

// Signs several documents of dossiers with one login (R14.4, R16.3): the PIN once, then each
// document on a worker thread, one after the other; after each, in the GUI thread, the signed file
// goes into the cache's blob store and a Sign action records it with the dossier (R10.4: or, when
// the officer chose not to keep it, it is only held for saving). cancel() stops before the next
// document: the ones not reached stay untouched.
#include "documentsigner.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUuid>

#include <domain/directory.h>
#include <domain/entities.h>
#include <signing/token.h>

namespace motcua::services {
class Workstation;
}

namespace motcua::ui {

class SigningSession;

struct SignTarget
{
    QUuid dossierId;
    QString componentId; // empty: a (draft) result of the dossier
    domain::FileRef file;
    QString label; // what the officer reads in the list
};

struct SignOutcome
{
    enum State {
        Waiting,
        Signed,
        Failed,
        NotSigned // cancelled before its turn
    };
    State state = Waiting;
    QString message;
    SignedDocument document; // the signed bytes (Signed)
};

class SignBatch : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString reason;
        QString location;
        bool keepWithDossier = true;
    };

    SignBatch(services::Workstation &workstation, SigningSession &session,
              QList<SignTarget> targets, QObject *parent = nullptr);
    ~SignBatch() override;

    // Asks the PIN if needed (parent for the dialog), then signs; false when not started
    // (the login failed or was cancelled: `error` says why, nothing was written).
    bool start(const Options &options, QWidget *parent, QString *error);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const QList<SignTarget> &targets() const { return m_targets; }
    [[nodiscard]] const QList<SignOutcome> &outcomes() const { return m_outcomes; }
    [[nodiscard]] int signedCount() const;

    // From a queue (R14.4, R15.13, R16.3): of each dossier, the newest result document — the
    // draft the leader approves, or its latest signed copy, so that a second signer adds a
    // signature (R16.2). A dossier whose stage does not allow signing for `me`, without a result,
    // or whose newest result `me` already signed is left out, with the reason in `leftOut`.
    static QList<SignTarget> newestResults(const QList<domain::Dossier> &dossiers,
                                           const domain::Officer &me,
                                           const domain::Directory &directory,
                                           QStringList *leftOut);

Q_SIGNALS:
    void itemFinished(int index);
    void progress(int done, int total);
    void finished(bool cancelled);

private:
    void next();
    void store(int index, domain::Result<SignedDocument> result);

    services::Workstation &m_ws;
    SigningSession &m_session;
    QList<SignTarget> m_targets;
    QList<SignOutcome> m_outcomes;
    Options m_options;
    signing::SignerCredentials m_credentials;
    QFutureWatcher<domain::Result<SignedDocument>> m_watcher;
    int m_current = -1;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace motcua::ui
