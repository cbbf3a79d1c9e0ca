#pragma once

// Attaching paper to a dossier's components, the same way at the intake (ComponentsPage) and when
// a supplement arrives (SupplementDialog): files read off the GUI thread, every unreadable one
// named; scanned documents signed with the officer's token before they are attached (R05.1c).
#include "scanresultview.h"

#include <QStringList>

#include <domain/entities.h>
#include <services/intakedraft.h>

#include <functional>

class QObject;
class QWidget;

namespace motcua::ui {

class SigningSession;

struct ReadAttachments
{
    QList<services::AttachedFile> files;
    QStringList problems; // one sentence per file not read, in the UI's language
};

// Asks for the files to attach (PDF and images first, any file allowed), starting in the
// officer's Documents folder; empty when cancelled.
QStringList chooseAttachments(QWidget *parent);

// Reads `paths` (call it on a worker thread: files may be large or on a slow share). An empty
// or unreadable file is not attached and is named in `problems`.
ReadAttachments readAttachments(const QStringList &paths);

// Signs the scanned documents with the officer's token when one is configured (PIN once per
// session) on a worker thread, then calls `done` on `context`'s thread with the documents to
// attach and a sentence for the status bar (empty when there was nothing to sign): all signed,
// or — when unlocking or signing failed — all unsigned with the reason. `done` runs at once when
// no token is configured.
// The component each scanned document goes to: the first to `code`; each further one (split off by
// a separator sheet) to the component its sheet names (name or document type code, diacritics
// and case aside), else to the component after the previous one. Empty when `code` is not one of
// `components`.
QStringList componentsForScan(const ScanOutcome &outcome, const QString &code,
                              const QList<domain::RequiredComponent> &components);

void signScannedDocuments(SigningSession *session, QWidget *parent, const ScanOutcome &outcome,
                          QObject *context,
                          std::function<void(const ScanOutcome &, const QString &status)> done);

} // namespace motcua::ui
