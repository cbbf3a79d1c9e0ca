#pragma once

// Finding a procedure at the counter by name, national code or field, without diacritics:
// "chung thuc ban sao" finds "Chứng thực bản sao từ bản chính…", "2.0008" finds "2.000815".
#include <QList>
#include <QString>

#include <domain/entities.h>

namespace motcua::services {

// Every word of `query` (folded) must occur in the procedure's folded code, name, field code or
// field name. An empty query matches everything. Order: code prefix matches first, then by name.
QList<domain::Procedure> findProcedures(const QList<domain::Procedure> &procedures,
                                        const QString &query);

// What findProcedures() compares against (folded): code, name, field code and field name.
QString procedureSearchText(const domain::Procedure &procedure);

} // namespace motcua::services
