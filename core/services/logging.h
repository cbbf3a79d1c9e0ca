#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServicesAuth)
Q_DECLARE_LOGGING_CATEGORY(lcServicesIntake)
Q_DECLARE_LOGGING_CATEGORY(lcServicesSync)
