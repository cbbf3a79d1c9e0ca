// The National Database's procedure exports (R03): JSON and CSV read alike, codes and names
// standardised, every faulty row and column reported, and the preview of what would change.
#include "../testpaths.h"

#include <QFile>
#include <QTest>

#include <domain/adminunits.h>
#include <domain/procedureimport.h>

#include <algorithm>

using namespace motcua::domain;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(motcua::testing::testDataPath(QStringLiteral("admin/") + name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QStringList where(const QList<ImportProblem> &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out.append(QStringLiteral("%1:%2").arg(p.row).arg(p.column));
    return out;
}

} // namespace

class TestProcedureImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonExportIsReadAndStandardised_R03_3()
    {
        const ProcedureImport parsed
            = parseProcedureImport(fixture(QStringLiteral("procedures-good.json")));
        QVERIFY2(parsed.ok(), qPrintable(parsed.problems.value(0).toString()));
        QCOMPARE(parsed.procedures.size(), 3);
        const Procedure &copy = parsed.procedures.at(0);
        QCOMPARE(copy.code, QStringLiteral("2.000908")); // trimmed
        QCOMPARE(copy.name,
                 QStringLiteral("Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản"));
        QCOMPARE(copy.fieldCode, QStringLiteral("CT"));
        QCOMPARE(copy.deadline, (Deadline{Deadline::Unit::WorkingDays, 2}));
        QCOMPARE(copy.fees.size(), 1);
        QCOMPARE(copy.fees.first().amountVnd, 2000);
        QCOMPARE(copy.fees.first().description, QStringLiteral("Lệ phí"));
        QCOMPARE(copy.components.size(), 2);
        QCOMPARE(copy.components.at(0).documentTypeCode, QStringLiteral("GT01"));
        QCOMPARE(copy.components.at(1).formName, QStringLiteral("Mẫu 01"));
        QCOMPARE(copy.components.at(1).formUrl,
                 QStringLiteral("https://thutuc.dichvucong.gov.vn/mau/01.docx"));
        QCOMPARE(copy.legalBasis.first().number, QStringLiteral("23/2015/NĐ-CP"));
        QCOMPARE(copy.agencyCode, QStringLiteral("000.17.22.H56"));
        QCOMPARE(parsed.procedures.at(1).level, ProcedureLevel::FullOnline);
        QVERIFY(parsed.procedures.at(1).fees.isEmpty()); // "Không"
        QCOMPARE(parsed.procedures.at(2).fees.first().amountVnd, 200000);
        QVERIFY(parsed.procedures.at(2).agencyCode.isEmpty());
    }

    void csvExportGivesTheSameProcedures_R03_1()
    {
        const ProcedureImport json
            = parseProcedureImport(fixture(QStringLiteral("procedures-good.json")));
        const ProcedureImport csv
            = parseProcedureImport(fixture(QStringLiteral("procedures-good.csv")));
        QVERIFY2(csv.ok(), qPrintable(csv.problems.value(0).toString()));
        QCOMPARE(csv.procedures.size(), 2); // two rows of 2.000908 make one procedure
        QCOMPARE(csv.procedures.at(0), json.procedures.at(0));
        QCOMPARE(csv.procedures.at(1), json.procedures.at(1));
    }

    void decomposedAndOddSpacesAreStandardised_R03_3()
    {
        // "Đăng ký" in NFD, with a non-breaking space and a tab.
        const QString nfd
            = QStringLiteral("Đăng\u00A0\tký").normalized(QString::NormalizationForm_D);
        QCOMPARE(standardiseText(nfd), QStringLiteral("Đăng ký"));
        QVERIFY(standardiseText(nfd) != nfd);
    }

    void everyFaultyRowAndColumnIsReported_R03()
    {
        const ProcedureImport parsed
            = parseProcedureImport(fixture(QStringLiteral("procedures-bad.json")));
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.procedures.isEmpty()); // nothing to apply, not even the good first record
        QCOMPARE(
            where(parsed.problems),
            (QStringList{QStringLiteral("2:MaTTHC"), QStringLiteral("2:CachThucThucHien.DonViTinh"),
                         QStringLiteral("3:TenTTHC"), QStringLiteral("3:ThanhPhanHoSo[1].GiayTo"),
                         QStringLiteral("3:CanCuPhapLy[1].SoVanBan")}));
        QCOMPARE(
            parsed.problems.at(0).toString(),
            QStringLiteral("Dòng 2, cột MaTTHC: \"1-001194\" không đúng dạng mã thủ tục (ví dụ "
                           "1.001193)."));
    }

    void everyFaultyCsvRowIsReported_R03()
    {
        const ProcedureImport parsed
            = parseProcedureImport(fixture(QStringLiteral("procedures-bad.csv")));
        QCOMPARE(where(parsed.problems),
                 (QStringList{QStringLiteral("3:ThoiGianGiaiQuyet"), QStringLiteral("3:PhiLePhi"),
                              QStringLiteral("4:MaTTHC")}));
        QVERIFY(parsed.procedures.isEmpty());
    }

    void corruptFilesAreRefused()
    {
        QVERIFY(!parseProcedureImport(QByteArrayLiteral("[{\"MaTTHC\": ")).ok());
        QVERIFY(!parseProcedureImport(QByteArray()).ok());
        QVERIFY(!parseProcedureImport(QByteArrayLiteral("{\"a\":1}")).ok());
        const auto unknownColumn
            = parseProcedureImport(QByteArrayLiteral("MaTTHC,TenTTHC,Foo\n1.000001,A,x\n"));
        QCOMPARE(where(unknownColumn.problems), QStringList{QStringLiteral("1:Foo")});
        const auto latin1 = parseProcedureImport(
            QByteArrayLiteral("MaTTHC,TenTTHC\n1.000001,\xC0\xE9\n"), ImportFormat::Csv);
        QVERIFY(!latin1.ok());
        const auto unterminated
            = parseProcedureImport(QByteArrayLiteral("MaTTHC,TenTTHC\n1.000001,\"A\n"));
        QVERIFY(!unterminated.ok());
    }

    void previewSaysAddedChangedUnchanged_R03_1()
    {
        const auto before
            = parseProcedureImport(fixture(QStringLiteral("procedures-good.json"))).procedures;
        QList<Procedure> existing = before;
        existing[1].workflowId = QStringLiteral("wf-ks"); // kept through the update
        existing[1].applicantTypes = {ApplicantType::Person};
        const auto update = parseProcedureImport(fixture(QStringLiteral("procedures-update.json")));
        QVERIFY(update.ok());
        const QList<ImportChange> changes = previewProcedureImport(update.procedures, existing);
        QCOMPARE(changes.size(), 4);
        QCOMPARE(changes.at(0).kind, ImportChange::Kind::Unchanged);
        QCOMPARE(changes.at(1).kind, ImportChange::Kind::Changed);
        QCOMPARE(changes.at(1).fields, QStringList{QStringLiteral("name")});
        QCOMPARE(changes.at(1).procedure.workflowId, QStringLiteral("wf-ks"));
        QCOMPARE(changes.at(1).procedure.applicantTypes,
                 QList<ApplicantType>{ApplicantType::Person});
        QCOMPARE(changes.at(2).kind, ImportChange::Kind::Unchanged);
        QCOMPARE(changes.at(3).kind, ImportChange::Kind::Added);
        QCOMPARE(changes.at(3).procedure.code, QStringLiteral("1.005022"));
    }

    void theStatisticsOfficesListIsRead_R02_1()
    {
        const UnitImport all
            = parseAdministrativeUnits(fixture(QStringLiteral("administrative-units-2025.csv")));
        QVERIFY2(all.ok(), qPrintable(all.problems.value(0).toString()));
        QCOMPARE(all.units.size(), 34 + 3321);
        const auto provinces
            = std::count_if(all.units.cbegin(), all.units.cend(), [](const auto &u) {
                  return u.level == AdministrativeUnit::Level::Province;
              });
        QCOMPARE(int(provinces), 34);
        // The office's own layout: a commune per row, its province alongside.
        const UnitImport official
            = parseAdministrativeUnits(fixture(QStringLiteral("units-official.csv")));
        QVERIFY2(official.ok(), qPrintable(official.problems.value(0).toString()));
        QCOMPARE(official.units.size(), 3);
        QCOMPARE(official.units.at(0),
                 (AdministrativeUnit{QStringLiteral("56"),
                                     QStringLiteral("Tỉnh Khánh Hòa"),
                                     AdministrativeUnit::Level::Province,
                                     QStringLiteral("tỉnh"),
                                     {}}));
        QCOMPARE(
            official.units.at(1),
            (AdministrativeUnit{QStringLiteral("22333"), QStringLiteral("Phường Bắc Nha Trang"),
                                AdministrativeUnit::Level::Commune, QStringLiteral("phường"),
                                QStringLiteral("56")}));
    }

    void everyFaultyUnitRowIsReported_R02_1()
    {
        const UnitImport bad = parseAdministrativeUnits(fixture(QStringLiteral("units-bad.csv")));
        QVERIFY(bad.units.isEmpty());
        QCOMPARE(where(bad.problems),
                 (QStringList{QStringLiteral("3:code"), QStringLiteral("4:name"),
                              QStringLiteral("6:parent_code"), QStringLiteral("7:level")}));
        // A commune of a province already in the catalogue.
        const UnitImport known = parseAdministrativeUnits(
            QByteArrayLiteral("level,code,name,division_type,parent_code\ncommune,00004,Phường Ba "
                              "Đình,phường,01\n"),
            {QStringLiteral("01")});
        QVERIFY(known.ok());
    }
};

QTEST_APPLESS_MAIN(TestProcedureImport)
#include "test_procedureimport.moc"
