// Import of procedures from the National Database's JSON records: all or nothing, a malformed
// record reported by its number and field.
#include "fixtures.h"
#include "testdb.h"

#include <QTest>

#include <procedure_import.h>

using namespace motcua;
using namespace motcua::server;

namespace {

QByteArray records(const QByteArray &third)
{
    return QByteArray(R"json([
  {"MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh", "MaLinhVuc": "HT", "TenLinhVuc": "Hộ tịch",
   "ThanhPhanHoSo": [{"TenGiayTo": "Tờ khai đăng ký khai sinh", "SoBanChinh": 1, "SoBanSao": 0, "MauDon": "TK-KS"},
                     {"TenGiayTo": "Giấy chứng sinh", "MaGiayTo": "GCS", "SoBanChinh": "1", "BatBuoc": true}],
   "ThoiGianGiaiQuyet": 4, "DonViTinh": "Giờ làm việc", "PhiLePhi": [],
   "CanCuPhapLy": ["60/2014/QH13 Luật Hộ tịch"], "CoQuanThucHien": "000.21.22.H56", "MucDo": "Toàn trình",
   "NgayCapNhat": "2025-07-01"},
  {"MaTTHC": "2.000815", "TenTTHC": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
   "ThanhPhanHoSo": [{"TenGiayTo": "Bản chính giấy tờ", "SoBanChinh": 1}],
   "ThoiGianGiaiQuyet": "1", "DonViTinh": "ngay lam viec",
   "PhiLePhi": [{"MoTa": "Lệ phí chứng thực (mỗi trang)", "SoTien": 2000}],
   "CanCuPhapLy": [{"SoKyHieu": "23/2015/NĐ-CP", "TrichYeu": "Nghị định về chứng thực"}]},
  )json")
        + third + QByteArray("\n]");
}

const QByteArray kGoodThird
    = R"json({"MaTTHC": "1.010727", "TenTTHC": "Cấp giấy phép môi trường", "ThoiGianGiaiQuyet": 20,
   "DonViTinh": "Ngày làm việc", "CoQuanThucHien": "000.19.22.H56", "MucDo": "Một phần"})json";

} // namespace

class TestServerImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { test::addBackends(); }

    void parsesNationalRecords()
    {
        auto parsed = parseNationalProcedures(records(kGoodThird));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), 3);
        const auto &birth = parsed->at(0);
        QCOMPARE(birth.code, QStringLiteral("1.001193"));
        QCOMPARE(birth.fieldName, QStringLiteral("Hộ tịch"));
        QCOMPARE(birth.components.size(), 2);
        QCOMPARE(birth.components.at(0).originals, 1);
        QCOMPARE(birth.components.at(0).formName, QStringLiteral("TK-KS"));
        QCOMPARE(birth.components.at(1).documentTypeCode, QStringLiteral("GCS"));
        QCOMPARE(birth.deadline, (domain::Deadline{domain::Deadline::Unit::WorkingHours, 4}));
        QCOMPARE(birth.legalBasis.constFirst().number, QStringLiteral("60/2014/QH13"));
        QCOMPARE(birth.legalBasis.constFirst().title, QStringLiteral("Luật Hộ tịch"));
        QCOMPARE(birth.agencyCode, QStringLiteral("000.21.22.H56"));
        QCOMPARE(birth.level, domain::ProcedureLevel::FullOnline);
        const auto &copy = parsed->at(1);
        QCOMPARE(copy.deadline, (domain::Deadline{domain::Deadline::Unit::WorkingDays, 1}));
        QCOMPARE(copy.fees.constFirst().amountVnd, 2000);
        QCOMPARE(copy.legalBasis.constFirst().title, QStringLiteral("Nghị định về chứng thực"));
        QCOMPARE(parsed->at(2).level, domain::ProcedureLevel::PartialOnline);
    }

    void reportsTheRecordAndField_data()
    {
        QTest::addColumn<QByteArray>("third");
        QTest::addColumn<QString>("field");
        QTest::newRow("deadline not a number") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "ThoiGianGiaiQuyet": "mười"})json")
                                               << QStringLiteral("ThoiGianGiaiQuyet");
        QTest::newRow("negative deadline") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "ThoiGianGiaiQuyet": -2, "DonViTinh": "Ngày"})json")
                                           << QStringLiteral("ThoiGianGiaiQuyet");
        QTest::newRow("unknown unit") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "ThoiGianGiaiQuyet": 3, "DonViTinh": "tuần"})json")
                                      << QStringLiteral("DonViTinh");
        QTest::newRow("no code") << QByteArray(R"json({"TenTTHC": "X"})json")
                                 << QStringLiteral("MaTTHC");
        QTest::newRow("bad code") << QByteArray(
            R"json({"MaTTHC": "1.001193'; DROP TABLE procedures; --", "TenTTHC": "X"})json")
                                  << QStringLiteral("MaTTHC");
        QTest::newRow("duplicate code")
            << QByteArray(R"json({"MaTTHC": "1.001193", "TenTTHC": "X"})json")
            << QStringLiteral("MaTTHC");
        QTest::newRow("no name") << QByteArray(R"json({"MaTTHC": "1.000001", "TenTTHC": 5})json")
                                 << QStringLiteral("TenTTHC");
        QTest::newRow("component without name") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "ThanhPhanHoSo": [{"SoBanChinh": 1}]})json")
                                                << QStringLiteral("ThanhPhanHoSo[0]");
        QTest::newRow("fee in words") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "PhiLePhi": [{"MoTa": "Phí", "SoTien": "hai nghìn"}]})json")
                                      << QStringLiteral("PhiLePhi[0].SoTien");
        QTest::newRow("bad agency") << QByteArray(
            R"json({"MaTTHC": "1.000001", "TenTTHC": "X", "CoQuanThucHien": "Sở Tư pháp"})json")
                                    << QStringLiteral("CoQuanThucHien");
        QTest::newRow("not an object")
            << QByteArray(R"json("1.000001")json") << QStringLiteral("(bản ghi)");
    }
    void reportsTheRecordAndField()
    {
        QFETCH(QByteArray, third);
        QFETCH(QString, field);
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        auto imported = importProcedures(store, records(third));
        QVERIFY(!imported);
        QCOMPARE(imported.error().code, QStringLiteral("import.bad_record"));
        QCOMPARE(imported.error().details.value(QStringLiteral("record")).toInt(), 3);
        QCOMPARE(imported.error().details.value(QStringLiteral("recordField")).toString(), field);
        QVERIFY2(imported.error().message.startsWith(
                     QStringLiteral("Bản ghi 3, trường %1: ").arg(field)),
                 qPrintable(imported.error().message));
        QVERIFY(store.procedures()->isEmpty()); // nothing imported
    }

    void importsAllOrNothing()
    {
        MOTCUA_TEST_DB(t);
        auto db = t.open();
        CatalogueStore store(*db);
        auto imported = importProcedures(store, records(kGoodThird));
        QVERIFY(imported);
        QCOMPARE(imported.value(), 3);
        QCOMPARE(store.procedures()->size(), 3);
        QCOMPARE(store.procedure(QStringLiteral("1.010727")).value()->deadline.amount, 20);
        // Importing again updates in place.
        QCOMPARE(importProcedures(store, records(kGoodThird)).value(), 3);
        QCOMPARE(store.procedures()->size(), 3);

        for (const QByteArray &bad :
             {QByteArray("{\"MaTTHC\": 1}"), QByteArray("[{"), QByteArray("")}) {
            auto r = importProcedures(store, bad);
            QVERIFY(!r);
            QCOMPARE(r.error().code, QStringLiteral("import.malformed"));
        }
    }
};

QTEST_GUILESS_MAIN(TestServerImport)
#include "test_server_import.moc"
