// Fuzzes dossier-code patterns and parsing: a parsed code must make the same text again.
#include <domain/dossiercode.h>

#include <cstddef>
#include <cstdint>

using namespace motcua::domain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    // First line: a pattern to try; the whole input: a code to parse with the standard pattern.
    const auto standard = DossierCodePattern::standard();
    if (const auto code = standard.parse(input); code.ok()) {
        const auto again = standard.make(code.value());
        if (!again.ok() || again.value() != input.trimmed())
            __builtin_trap();
    }
    const QString firstLine = input.section(QLatin1Char('\n'), 0, 0);
    if (const auto pattern = DossierCodePattern::compile(firstLine); pattern.ok()) {
        const QString rest = input.section(QLatin1Char('\n'), 1);
        if (const auto code = pattern->parse(rest); code.ok()) {
            if (!pattern->make(code.value()).ok())
                __builtin_trap();
        }
    }
    return 0;
}
