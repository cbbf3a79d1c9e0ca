#pragma once

// The driver of a platform this build does not run on: every call answers scan.unavailable.
#include "scanner.h"

namespace motcua::scan {

class UnavailableScanner final : public Scanner
{
public:
    UnavailableScanner(QString backendName, QString message);
    [[nodiscard]] QString backendName() const override { return m_backendName; }
    [[nodiscard]] domain::Result<QList<ScanDevice>> devices() override;
    [[nodiscard]] domain::Result<ScanCapabilities> capabilities(const QString &device) override;
    [[nodiscard]] domain::Result<int> scan(const QString &device, const ScanOptions &options,
                                           const ScanCallbacks &callbacks) override;

private:
    [[nodiscard]] domain::Error error() const;
    QString m_backendName;
    QString m_message;
};

} // namespace motcua::scan
