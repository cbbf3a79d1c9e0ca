#pragma once

// The seam between intake and the official forms (core/print, issue 5 items 8–9). After the receive
// action is stored, the intake asks a ReceiptPrinter to print the receipt-and-appointment slip (two
// copies: "Liên 1: Lưu", "Liên 2: Giao người nộp"). Until core/print lands, the composition root
// wires NoReceiptPrinter, which prints nothing and says so: the dossier is saved either way, and
// the officer sees that the slip is still to be printed (never a fake printout).
#include <domain/entities.h>
#include <domain/result.h>

namespace motcua::services {

class ReceiptPrinter
{
public:
    virtual ~ReceiptPrinter() = default;
    // True when printReceipt() can produce the official slip on this workstation.
    [[nodiscard]] virtual bool isAvailable() const = 0;
    // Prints the receipt-and-appointment slip for a dossier just received. Errors are shown to the
    // officer; the dossier stays saved.
    virtual domain::Check printReceipt(const domain::Dossier &dossier, int copies = 2) = 0;
    // Prints another slip of the catalogue (domain::slipKinds(): "extension-request",
    // "stop-notice", "refusal"…) for the dossier as it now stands (processing actions, R19).
    virtual domain::Check printSlip(const QString &kind, const domain::Dossier &dossier) = 0;
};

// No printing yet: printReceipt() answers print.unavailable with a Vietnamese message.
class NoReceiptPrinter final : public ReceiptPrinter
{
public:
    [[nodiscard]] bool isAvailable() const override { return false; }
    domain::Check printReceipt(const domain::Dossier &dossier, int copies = 2) override;
    domain::Check printSlip(const QString &kind, const domain::Dossier &dossier) override;
};

} // namespace motcua::services
