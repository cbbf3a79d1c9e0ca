#pragma once

// The UI language: Vietnamese by default, English selectable (Settings → Language). Our own
// translation of Qt's standard strings (buttons, wizard, line-edit menu) ships with ours, since
// Debian's Qt 6.4 has no qtbase_vi.qm. The choice is kept in QSettings and applies at start.
#include <QString>

class QCoreApplication;

namespace motcua::ui {

inline constexpr auto kVietnamese = "vi";
inline constexpr auto kEnglish = "en";

// "vi" or "en" as chosen (default "vi").
QString savedLanguage();
void saveLanguage(const QString &language);
// Installs the translators for `language` ("vi": ours and Qt's standard strings; "en": none) and
// sets the default locale. Returns false when a translation file is missing.
bool installLanguage(const QString &language);

} // namespace motcua::ui
