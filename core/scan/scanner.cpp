#include "scanner.h"

#include "logging.h"

Q_LOGGING_CATEGORY(lcScanDevice, "motcua.scan.device")
Q_LOGGING_CATEGORY(lcScanOcr, "motcua.scan.ocr")
Q_LOGGING_CATEGORY(lcScanSession, "motcua.scan.session")

namespace motcua::scan {

QString ScanDevice::displayName() const
{
    QString label = QStringList{vendor, model}.join(QLatin1Char(' ')).trimmed();
    if (label.isEmpty())
        return name;
    return QStringLiteral("%1 (%2)").arg(label, name);
}

} // namespace motcua::scan
