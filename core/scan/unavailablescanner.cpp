#include "unavailablescanner.h"

namespace motcua::scan {

UnavailableScanner::UnavailableScanner(QString backendName, QString message)
    : m_backendName(std::move(backendName))
    , m_message(std::move(message))
{}

domain::Error UnavailableScanner::error() const
{
    return domain::makeError(QStringLiteral("scan.unavailable"), m_message);
}

domain::Result<QList<ScanDevice>> UnavailableScanner::devices()
{
    return error();
}

domain::Result<ScanCapabilities> UnavailableScanner::capabilities(const QString &)
{
    return error();
}

domain::Result<int> UnavailableScanner::scan(const QString &, const ScanOptions &,
                                             const ScanCallbacks &)
{
    return error();
}

} // namespace motcua::scan
