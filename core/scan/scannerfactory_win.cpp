// Scanner drivers on Windows. The WIA/TWAIN driver is not written yet: the slot answers with a
// clear message instead of pretending to scan. SANE does not run on Windows.
#include "unavailablescanner.h"

namespace motcua::scan {

std::unique_ptr<Scanner> createScanner(ScanBackend backend)
{
    if (backend == ScanBackend::Sane) {
        return std::make_unique<UnavailableScanner>(
            QStringLiteral("SANE"),
            QStringLiteral("Trình điều khiển máy quét SANE không có trên hệ thống này."));
    }
    return std::make_unique<UnavailableScanner>(
        QStringLiteral("WIA"),
        QStringLiteral("Quét qua WIA/TWAIN chưa có trong phiên bản này. Hãy quét bằng phần mềm "
                       "của máy quét rồi nhập tệp ảnh hoặc PDF."));
}

ScanBackend defaultScanBackend()
{
    return ScanBackend::Wia;
}

} // namespace motcua::scan
