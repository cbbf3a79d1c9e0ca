#include "receiptprinter.h"

namespace motcua::services {

domain::Check NoReceiptPrinter::printReceipt(const domain::Dossier &dossier, int copies)
{
    Q_UNUSED(copies)
    return domain::makeError(
        QStringLiteral("print.unavailable"),
        QStringLiteral("Máy trạm chưa có chức năng in phiếu tiếp nhận. Hồ sơ %1 đã được lưu; "
                       "hãy in phiếu khi chức năng in sẵn sàng.")
            .arg(dossier.code));
}

domain::Check NoReceiptPrinter::printSlip(const QString &kind, const domain::Dossier &dossier)
{
    Q_UNUSED(kind)
    return domain::makeError(
        QStringLiteral("print.unavailable"),
        QStringLiteral("Máy trạm chưa có chức năng in phiếu. Thao tác trên hồ sơ %1 đã được lưu; "
                       "hãy in phiếu khi chức năng in sẵn sàng.")
            .arg(dossier.code));
}

} // namespace motcua::services
