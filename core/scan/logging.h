#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcScanDevice)
Q_DECLARE_LOGGING_CATEGORY(lcScanOcr)
Q_DECLARE_LOGGING_CATEGORY(lcScanSession)
