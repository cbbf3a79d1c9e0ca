#pragma once

// Separator sheets: a printed page with a QR code put between documents in the feeder, so that one
// ADF batch becomes several components. The QR text is "MOTCUA-TACH" optionally followed by ":"
// and the name of the component that follows. Separator pages themselves are dropped.
#include <QImage>
#include <QList>
#include <QString>

#include <optional>

namespace motcua::scan {

inline constexpr auto kSeparatorPrefix = "MOTCUA-TACH";

// An A4 separator page at `dpi` with the QR code and, printed under it, the component's name.
QImage separatorSheet(const QString &componentName = {}, int dpi = 200);
// The component name when `page` is a separator sheet ("" for an unnamed one); nullopt otherwise.
std::optional<QString> separatorOf(const QImage &page);

struct BatchPart
{
    QString name;     // from the separator before it; empty for the first part
    QList<int> pages; // indexes into the batch, separators left out
};
// Splits a batch at its separator sheets; parts without pages are left out.
QList<BatchPart> splitAtSeparators(const QList<QImage> &pages);

} // namespace motcua::scan
