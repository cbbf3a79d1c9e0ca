#include "signbatch.h"

#include "signingsession.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

#include <domain/engine.h>
#include <domain/json.h>
#include <domain/status.h>
#include <services/dossieractions.h>
#include <services/workstation.h>

namespace motcua::ui {

namespace {
Q_LOGGING_CATEGORY(lcBatch, "motcua.ui.signing.batch")
}

SignBatch::SignBatch(services::Workstation &workstation, SigningSession &session,
                     QList<SignTarget> targets, QObject *parent)
    : QObject(parent)
    , m_ws(workstation)
    , m_session(session)
    , m_targets(std::move(targets))
    , m_outcomes(m_targets.size())
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this,
            [this] { store(m_current, m_watcher.result()); });
}

SignBatch::~SignBatch()
{
    m_cancelled = true;
    m_watcher.waitForFinished(); // the worker holds references to this batch's credentials
}

QList<SignTarget> SignBatch::newestResults(const QList<domain::Dossier> &dossiers,
                                           const domain::Officer &me,
                                           const domain::Directory &directory, QStringList *leftOut)
{
    static const QString kDetached = QStringLiteral("application/pkcs7-signature");
    QList<SignTarget> out;
    const auto note = [leftOut](const domain::Dossier &d, const QString &why) {
        if (leftOut)
            leftOut->append(QStringLiteral("%1: %2").arg(
                d.code.isEmpty() ? d.id.toString(QUuid::WithoutBraces) : d.code, why));
    };
    for (const domain::Dossier &d : dossiers) {
        if (!directory.chart().actionsFrom(d.stage).contains(domain::ActionType::Sign)
            || !domain::permitted(d, domain::ActionType::Sign, me, directory)) {
            note(d, tr("its results cannot be signed by you at this stage"));
            continue;
        }
        const auto newest = std::find_if(d.results.crbegin(), d.results.crend(),
                                         [](const auto &f) { return f.mediaType != kDetached; });
        if (newest == d.results.crend()) {
            note(d, tr("no draft result yet"));
            continue;
        }
        // Signed by me: a record of mine names the file itself (PAdES: the signed copy is the
        // newest) or its detached signature "<name>.p7s".
        const auto mine = [&](const QString &sha) {
            return std::any_of(
                d.resultSignatures.cbegin(), d.resultSignatures.cend(),
                [&](const auto &r) { return r.officerId == me.id && r.fileSha256 == sha; });
        };
        const bool signedByMe
            = mine(newest->sha256)
            || std::any_of(d.results.cbegin(), d.results.cend(), [&](const auto &f) {
                   return f.fileName == newest->fileName + QStringLiteral(".p7s") && mine(f.sha256);
               });
        if (signedByMe) {
            note(d, tr("you have already signed %1").arg(newest->fileName));
            continue;
        }
        out.append(
            {d.id, QString(), *newest, QStringLiteral("%1 — %2").arg(d.code, newest->fileName)});
    }
    return out;
}

int SignBatch::signedCount() const
{
    return int(std::count_if(m_outcomes.cbegin(), m_outcomes.cend(),
                             [](const SignOutcome &o) { return o.state == SignOutcome::Signed; }));
}

bool SignBatch::start(const Options &options, QWidget *parent, QString *error)
{
    if (m_running || m_targets.isEmpty())
        return false;
    auto credentials = m_session.unlock(parent); // the PIN once for the whole batch
    if (!credentials) {
        if (error)
            *error = credentials.error().message;
        return false;
    }
    m_credentials = std::move(credentials).value();
    m_options = options;
    m_running = true;
    m_cancelled = false;
    m_current = -1;
    qCInfo(lcBatch) << "signing" << m_targets.size() << "document(s)";
    next();
    return true;
}

void SignBatch::cancel()
{
    m_cancelled = true;
}

void SignBatch::next()
{
    ++m_current;
    Q_EMIT progress(m_current, int(m_targets.size()));
    if (m_current >= m_targets.size() || m_cancelled) {
        for (int i = m_current; i < m_targets.size(); ++i) {
            m_outcomes[i].state = SignOutcome::NotSigned;
            m_outcomes[i].message = tr("Not signed: the batch was cancelled.");
            Q_EMIT itemFinished(i);
        }
        m_running = false;
        m_credentials = {};
        Q_EMIT finished(m_cancelled);
        return;
    }
    const SignTarget &target = m_targets.at(m_current);
    auto bytes = m_ws.cache().blob(target.file.sha256);
    if (!bytes) {
        store(m_current, bytes.error());
        return;
    }
    DocumentToSign document{bytes.value(), target.file.fileName, target.file.mediaType,
                            m_options.reason, m_options.location};
    m_watcher.setFuture(QtConcurrent::run(
        [credentials = m_credentials, document] { return signDocument(credentials, document); }));
}

void SignBatch::store(int index, domain::Result<SignedDocument> result)
{
    SignOutcome &outcome = m_outcomes[index];
    const SignTarget &target = m_targets.at(index);
    if (!result) {
        outcome.state = SignOutcome::Failed;
        outcome.message = SigningSession::messageFor(result.error());
        if (signing::kindOf(result.error()) == signing::SigningError::TokenRemoved) {
            m_session.logout(); // the next signing asks for the token and the PIN again
            m_cancelled = true;
        }
    } else if (!m_options.keepWithDossier) {
        outcome.state = SignOutcome::Signed;
        outcome.document = std::move(result).value();
        outcome.message = tr("Signed; not stored with the dossier (save the signed file).");
    } else {
        SignedDocument document = std::move(result).value();
        auto stored = [&]() -> domain::Result<domain::Dossier> {
            auto blob = m_ws.cache().putBlob(document.bytes, document.mediaType);
            if (!blob)
                return blob.error();
            auto dossier = m_ws.cache().dossier(target.dossierId);
            if (!dossier)
                return dossier.error();
            if (!dossier.value())
                return domain::makeError(QStringLiteral("signing.no_dossier"),
                                         tr("The dossier is no longer in this workstation's "
                                            "cache."));
            domain::FileRef signedFile{blob->sha256, document.fileName, document.mediaType,
                                       document.bytes.size()};
            QJsonObject payload{
                {QStringLiteral("fileSha256"), target.file.sha256},
                {QStringLiteral("signerName"),
                 signerNameOf(m_credentials.certificate.get()).left(300)},
                {QStringLiteral("certificateSerial"), serialOf(m_credentials.certificate.get())},
                {QStringLiteral("signedFiles"), QJsonArray{domain::toJson(signedFile)}}};
            if (!target.componentId.isEmpty())
                payload.insert(QStringLiteral("componentId"), target.componentId);
            services::DossierActions actions(m_ws);
            return actions.perform(*dossier.value(), domain::ActionType::Sign, payload);
        }();
        if (stored) {
            outcome.state = SignOutcome::Signed;
            outcome.message
                = tr("Signed and stored with the dossier as %1.").arg(document.fileName);
            outcome.document = std::move(document);
        } else {
            outcome.state = SignOutcome::Failed;
            outcome.message = stored.error().message;
        }
    }
    Q_EMIT itemFinished(index);
    if (m_options.keepWithDossier && outcome.state == SignOutcome::Signed)
        m_ws.notifyDossiersChanged();
    next();
}

} // namespace motcua::ui
