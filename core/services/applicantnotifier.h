#pragma once

// Telling applicants about their dossier (R16.6: overdue dossiers; R18.3: when to pay fees and
// collect the result): a notice in Vietnamese, and the channel that carries it behind an
// interface. The first channel is e-mail (SmtpMailer); SMS, phone calls and social networks are
// further adapters of the same interface.
#include <QDateTime>
#include <QObject>
#include <QString>

#include <domain/directory.h>
#include <domain/entities.h>
#include <domain/result.h>

#include <functional>

namespace motcua::services {

struct ApplicantNotice
{
    QString toAddress; // e-mail address (or phone number, for other channels)
    QString toName;
    QString subject; // Vietnamese, one line
    QString body;    // Vietnamese, plain text
};

// The notice of an overdue dossier (R16.6): the due date, the days late, an apology and the new
// date the agency gives. Error notify.no_address when the applicant left no e-mail address.
domain::Result<ApplicantNotice> overdueNotice(const domain::Dossier &dossier, const QDateTime &now,
                                              const domain::Directory &directory,
                                              const QDateTime &newAppointment = {});
// The result is ready: when and where to collect it, and the fees to pay (R18.3).
domain::Result<ApplicantNotice> resultReadyNotice(const domain::Dossier &dossier,
                                                  const domain::Directory &directory);

class ApplicantNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Sends `notice`; `done` is called once, on this thread, with the outcome (a Vietnamese
    // message on failure).
    virtual void send(const ApplicantNotice &notice, std::function<void(domain::Check)> done) = 0;
};

} // namespace motcua::services
