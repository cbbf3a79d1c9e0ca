#pragma once

#include <QString>

namespace motcua::domain {

// Folds Vietnamese text for search: NFD, combining marks stripped, đ/Đ → d, lower case,
// runs of white space collapsed to one space, trimmed. "Nguyễn Văn  Đức" → "nguyen van duc".
QString foldForSearch(const QString &text);

} // namespace motcua::domain
