#pragma once

// Saving a new dossier at the counter (R12.1, R12.3): the attachments go into the encrypted blob
// store, the next official code of the leased block is taken and the receive action is recorded,
// all in ONE cache transaction (nothing half-saved); the sync engine pushes it later. Then the
// receipt printer is asked for the slip (ReceiptPrinter; the dossier stays saved if it cannot).
#include "intakedraft.h"
#include "receiptprinter.h"

#include <domain/result.h>

namespace motcua::services {

class Workstation;

struct IntakeOutcome
{
    domain::Dossier dossier;
    domain::Check printed; // the receipt printer's answer
};

class IntakeService
{
public:
    IntakeService(Workstation &workstation, ReceiptPrinter &printer);

    // The procedure of the draft, from the catalogue.
    [[nodiscard]] std::optional<domain::Procedure> procedure(const QString &code) const;
    // The due instant if the dossier were received at `receivedAt` (invalid: untimed).
    [[nodiscard]] QDateTime dueDate(const domain::Procedure &procedure,
                                    const QDateTime &receivedAt) const;
    // How many official codes are left for today (leased blocks).
    [[nodiscard]] domain::Result<int> codesLeftToday() const;
    // Validates, then saves. A validation problem comes back as an Error whose field names the
    // first field at fault (see validateDraft()); nothing is written then.
    domain::Result<IntakeOutcome> save(const IntakeDraft &draft);

private:
    Workstation &m_ws;
    ReceiptPrinter &m_printer;
};

// A random secret for the slip's QR (R26): 24 characters, URL-safe.
QString makePublicToken();

} // namespace motcua::services
