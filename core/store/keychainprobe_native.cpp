// Windows Credential Manager and the macOS Keychain are part of the OS: always present.
#include "keychainprobe.h"

namespace motcua::store {

bool keychainServicePresent()
{
    return true;
}

} // namespace motcua::store
