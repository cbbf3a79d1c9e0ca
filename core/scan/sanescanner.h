#pragma once

// The SANE driver (libsane's C API). SANE is initialised once per process while any SaneScanner
// lives; calls are serialised by a process-wide lock because backends are not thread-safe.
#include "scanner.h"

namespace motcua::scan {

class SaneScanner final : public Scanner
{
public:
    SaneScanner();
    ~SaneScanner() override;
    SaneScanner(const SaneScanner &) = delete;
    SaneScanner &operator=(const SaneScanner &) = delete;

    [[nodiscard]] QString backendName() const override { return QStringLiteral("SANE"); }
    [[nodiscard]] domain::Result<QList<ScanDevice>> devices() override;
    [[nodiscard]] domain::Result<ScanCapabilities> capabilities(const QString &device) override;
    [[nodiscard]] domain::Result<int> scan(const QString &device, const ScanOptions &options,
                                           const ScanCallbacks &callbacks) override;

private:
    bool m_initialised = false;
};

} // namespace motcua::scan
