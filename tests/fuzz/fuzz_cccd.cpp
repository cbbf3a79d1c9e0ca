// Fuzzes the CCCD QR parser: whatever a wedge scanner types must give a card or an Error.
#include <domain/cccd.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto card = motcua::domain::parseCccdQr(text);
    if (card.ok()) {
        // A parsed card is always well formed.
        if (card->id.size() != 12 || !card->birthDate.isValid() || !card->issueDate.isValid()
            || card->fullName.isEmpty())
            __builtin_trap();
    } else if (card.error().message.isEmpty()) {
        __builtin_trap();
    }
    (void)motcua::domain::looksLikeCccdQr(text);
    return 0;
}
