// Fuzzes action decoding (the server's push path) and applying it to the example dossier.
#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>

#include <cstddef>
#include <cstdint>

using namespace motcua::domain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const InMemoryDirectory directory = demo::directory();
    static const Dossier received = fold({demo::exampleReceive()}, directory).value();

    const auto json
        = parseJsonObject(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!json.ok())
        return 0;
    const auto action = actionFromJson(json.value());
    if (!action.ok()) {
        if (action.error().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    // Round trip: what we decode, we encode and decode to the same action.
    const auto again = actionFromJson(toJson(action.value()));
    if (!again.ok() || !(again.value() == action.value()))
        __builtin_trap();
    // Applying never crashes; a rejection always explains itself.
    for (const Dossier &d : {Dossier{}, received}) {
        const auto next = apply(d, action.value(), directory);
        if (!next.ok() && next.error().message.isEmpty())
            __builtin_trap();
    }
    return 0;
}
