#pragma once

// Import of procedures from the National Database on Administrative Procedures' exports: a JSON
// array of records with MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc, ThanhPhanHoSo, ThoiGianGiaiQuyet,
// DonViTinh, PhiLePhi, CanCuPhapLy, CoQuanThucHien. All or nothing: a malformed record is reported
// by its index and field and nothing is imported.
#include "catalogue_store.h"

namespace motcua::server {

Result<QList<domain::Procedure>> parseNationalProcedures(const QByteArray &json);
Result<int> importProcedures(CatalogueStore &catalogue, const QByteArray &json); // how many written

} // namespace motcua::server
