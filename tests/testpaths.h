#pragma once

#include <QString>
#include <QtGlobal>

namespace motcua::testing {

// Paths of the source tree and of the built programs a test starts. CTest hands them over in the
// environment (cmake/MotcuaTesting.cmake) instead of compiling them in, so a test's object file is
// the same in every clone and ccache shares it between them.
inline QString testPath(const char *variable, const QString &suffix = {})
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        qFatal("%s is not set: run the test through ctest, or set it by hand", variable);
    return value + suffix;
}

inline QString sourcePath(const QString &relative)
{
    return testPath("MOTCUA_SOURCE_DIR", QLatin1Char('/') + relative);
}

inline QString testDataPath(const QString &relative)
{
    return sourcePath(QLatin1String("tests/data/") + relative);
}

inline QString motcuactlPath()
{
    return testPath("MOTCUACTL_PATH");
}
inline QString serverPath()
{
    return testPath("MOTCUA_SERVER_PATH");
}

} // namespace motcua::testing
