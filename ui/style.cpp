#include "style.h"

#include <QApplication>

namespace motcua::ui {

void applyStyle(QApplication &app)
{
    app.setStyleSheet(QStringLiteral(
        "QLabel[fieldError=\"true\"] { color: #b00020; }"
        "QLineEdit[invalid=\"true\"], QComboBox[invalid=\"true\"] { border: 1px solid #b00020; }"
        "QLabel[emphasis=\"true\"] { font-size: 12pt; font-weight: bold; color: #0b57d0; }"
        "QLabel[muted=\"true\"] { color: #5f6368; }"
        "QToolButton[tile=\"true\"] { padding: 6px; }"
        "QLabel[tileCount=\"true\"] { font-size: 20pt; font-weight: bold; color: #0b57d0; }"
        "QListWidget#sidebar { font-size: 11pt; }"
        "QListWidget#sidebar::item { padding: 4px 8px; }"
        "QListWidget#sidebar::item:selected { background: #0b57d0; color: white; }"));
}

} // namespace motcua::ui
