#pragma once

// Whether the platform's keychain service is there at all. QtKeychain answers "entry not found"
// when a D-Bus session has no Secret Service, which would read as "this key was lost"; the probe
// tells the two apart. One implementation per platform, chosen in CMakeLists.txt.
namespace motcua::store {

// False only when the platform's keychain service is certainly missing.
bool keychainServicePresent();

} // namespace motcua::store
