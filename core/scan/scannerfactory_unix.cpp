// Scanner drivers on Linux and other Unix systems: SANE; WIA and TWAIN exist only on Windows.
#include "sanescanner.h"
#include "unavailablescanner.h"

namespace motcua::scan {

std::unique_ptr<Scanner> createScanner(ScanBackend backend)
{
    if (backend == ScanBackend::Sane)
        return std::make_unique<SaneScanner>();
    return std::make_unique<UnavailableScanner>(
        QStringLiteral("WIA"),
        QStringLiteral("Trình điều khiển máy quét WIA/TWAIN không có trên hệ thống này "
                       "(chỉ có trên Windows). Hãy dùng SANE."));
}

ScanBackend defaultScanBackend()
{
    return ScanBackend::Sane;
}

} // namespace motcua::scan
