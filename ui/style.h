#pragma once

class QApplication;

namespace motcua::ui {

// The application's look: the platform style, plus the field-error labels, red frames on invalid
// inputs, and the workspace tiles. Sizes in points/ems so it scales on high-DPI screens.
void applyStyle(QApplication &app);

} // namespace motcua::ui
