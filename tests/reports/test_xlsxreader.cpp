// Reading the first worksheet of an .xlsx: a workbook saved by LibreOffice Calc (shared strings,
// codes kept as text), one written by our own libxlsxwriter exporter (numbers, merged title rows),
// and files that are not workbooks.
#include "reports/exporters.h"
#include "reports/xlsxreader.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace motcua::reports;

class TestXlsxReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void calcWorkbook()
    {
        QFile file(motcua::testing::testDataPath(QStringLiteral("admin/units-official.xlsx")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto rows = readXlsxRows(file.readAll());
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0),
                 (QStringList{QStringLiteral("Mã TP"), QStringLiteral("Tỉnh / Thành phố"),
                              QStringLiteral("Mã"), QStringLiteral("Tên"), QStringLiteral("Cấp")}));
        QCOMPARE(rows->at(2),
                 (QStringList{QStringLiteral("56"), QStringLiteral("Tỉnh Khánh Hòa"),
                              QStringLiteral("22366"), QStringLiteral("Phường Nha Trang"),
                              QStringLiteral("Phường")}));
    }

    void ourOwnWorkbook()
    {
        ReportTable t;
        t.agencyName = QStringLiteral("UBND Phường Ba Đình");
        t.title = QStringLiteral("Báo cáo");
        t.columns = {QStringLiteral("Lĩnh vực"), QStringLiteral("Số hồ sơ")};
        t.labelColumns = 1;
        t.rows = {{QStringLiteral("Hộ tịch"), qint64(42)}};
        const auto xlsx = xlsxOf(t);
        QVERIFY(xlsx);
        const auto rows = readXlsxRows(xlsx.value());
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        const auto at = std::find_if(rows->cbegin(), rows->cend(), [](const QStringList &r) {
            return r.value(0) == QStringLiteral("Hộ tịch");
        });
        QVERIFY(at != rows->cend());
        QCOMPARE(at->value(1), QStringLiteral("42"));
        QCOMPARE(rows->at(0).value(0), QStringLiteral("UBND PHƯỜNG BA ĐÌNH"));
    }

    void notAWorkbook()
    {
        const auto csv = readXlsxRows(QByteArrayLiteral("level,code,name\n"));
        QVERIFY(!csv);
        QCOMPARE(csv.error().code, QStringLiteral("xlsx.unreadable"));
        QVERIFY(!readXlsxRows({}));
    }
};

QTEST_MAIN(TestXlsxReader)
#include "test_xlsxreader.moc"
