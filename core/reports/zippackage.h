#pragma once

// A ZIP package (OOXML .docx, .pptx) built in memory with libzip: parts are added by name, then
// the archive's bytes are produced at once.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <domain/result.h>

namespace motcua::reports {

class ZipPackage
{
public:
    void add(const QString &name, const QByteArray &content) { m_parts.append({name, content}); }
    // reports.export_failed when libzip refuses.
    [[nodiscard]] domain::Result<QByteArray> bytes() const;

private:
    QList<QPair<QString, QByteArray>> m_parts;
};

// Text for XML character data and attribute values: escaped, and the control characters XML 1.0
// does not allow left out.
QString xmlText(const QString &text);

} // namespace motcua::reports
