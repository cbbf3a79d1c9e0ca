// Every export format (R23.2, R24.4) written from one table with Vietnamese text, then opened the
// way people open it: LibreOffice converts the office files to PDF (one soffice run for all, with
// a private profile) and pdftotext reads every PDF back. PNGs of the first pages go to
// MOTCUA_SCREENSHOT_DIR for people to look at.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <poppler.h>
#include <reports/exporters.h>

#include <utility>

using namespace motcua;
using namespace motcua::reports;

namespace {

ReportTable sampleTable()
{
    ReportTable t;
    t.agencyName = QStringLiteral("Sở Tư pháp tỉnh Khánh Hòa");
    t.title = QStringLiteral("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ");
    t.period = QStringLiteral("Từ ngày 01/01/2026 đến ngày 30/06/2026");
    t.note = QStringLiteral("Số liệu tính đến 17:00 ngày 30/06/2026.");
    t.columns = {QStringLiteral("Lĩnh vực"), QStringLiteral("Tiếp nhận"),
                 QStringLiteral("Giải quyết đúng hạn"), QStringLiteral("Giải quyết quá hạn"),
                 QStringLiteral("Tỷ lệ đúng hạn (%)")};
    t.labelColumns = 1;
    t.rows
        = {{QStringLiteral("Lý lịch tư pháp"), qint64(1234), qint64(1100), qint64(34), 97.0},
           {QStringLiteral("Chứng thực, \"bản sao\""), qint64(56), qint64(50), qint64(6), 89.29}};
    t.totals = {QStringLiteral("Tổng cộng"), qint64(1290), qint64(1150), qint64(40), 96.64};
    return t;
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvHasBomAndQuotes_R23_2()
    {
        const QByteArray csv = csvOf(sampleTable());
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(
            text.contains(QStringLiteral("\"Chứng thực, \"\"bản sao\"\"\",56,50,6,\"89,29\"\r\n")));
        QVERIFY(text.contains(QStringLiteral("Tổng cộng,1290,1150,40,\"96,64\"\r\n")));
    }

    void unknownFormatAndUnwritablePathAreClearErrors()
    {
        QVERIFY(!exportFormatFromKey(QStringLiteral("doc")));
        QCOMPARE(exportFormatFromKey(QStringLiteral("XLSX")), ExportFormat::Xlsx);
        const auto st = writeReport(sampleTable(), ExportFormat::Csv,
                                    QStringLiteral("/nonexistent-dir/bao-cao.csv"));
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("reports.write_failed"));
        QVERIFY(st.error().message.contains(QStringLiteral("Không ghi được")));
    }

    void everyFormatOpensWithVietnameseText_R23_2_R24_4()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ReportTable table = sampleTable();
        QStringList office;
        for (const ExportFormat f : allExportFormats()) {
            const QString path
                = dir.filePath(QStringLiteral("bao-cao-%1.%1").arg(exportFormatKey(f)));
            const auto st = writeReport(table, f, path);
            QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
            QVERIFY(QFileInfo(path).size() > 0);
            if (f != ExportFormat::Pdf)
                office.append(path);
        }
        const QString outDir = dir.filePath(QStringLiteral("pdf"));
        QVERIFY(QDir().mkpath(outDir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        // One profile for the run. The office files go in one invocation; the CSV needs its own
        // (soffice --convert-to reads CSV as Latin-1 unless told UTF-8, whatever its BOM says;
        // spreadsheet programs that open it by double-click go by the BOM).
        const QString csv = office.takeFirst();
        QString sofficeErrors;
        for (const auto &[files, filter] :
             {std::pair{office, QStringList{}},
              std::pair{QStringList{csv},
                        QStringList{QStringLiteral("--infilter=CSV:44,34,76,1")}}}) {
            const auto soffice = test::run(
                QStringLiteral("soffice"),
                QStringList{
                    QStringLiteral("-env:UserInstallation=file://%1/profile").arg(dir.path()),
                    QStringLiteral("--headless"), QStringLiteral("--norestore")}
                    + filter
                    + QStringList{QStringLiteral("--convert-to"), QStringLiteral("pdf"),
                                  QStringLiteral("--outdir"), outDir}
                    + files,
                env);
            QVERIFY2(soffice.exitCode == 0, qPrintable(soffice.err + soffice.out));
            sofficeErrors += soffice.err;
        }

        const QString shots = qEnvironmentVariable("MOTCUA_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QDir().mkpath(shots);
        for (const ExportFormat f : allExportFormats()) {
            const QString key = exportFormatKey(f);
            const QString pdf = f == ExportFormat::Pdf
                ? dir.filePath(QStringLiteral("bao-cao-pdf.pdf"))
                : outDir + QStringLiteral("/bao-cao-%1.pdf").arg(key);
            QVERIFY2(QFile::exists(pdf),
                     qPrintable(key + QStringLiteral(": no PDF; ") + sofficeErrors));
            const QString text = test::pdfText(pdf);
            for (const QString &expected :
                 {QStringLiteral("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"),
                  QStringLiteral("Từ ngày 01/01/2026 đến ngày 30/06/2026"),
                  QStringLiteral("Lý lịch tư pháp"), QStringLiteral("Tổng cộng"),
                  QStringLiteral("Tiếp nhận")}) {
                QVERIFY2(text.contains(expected),
                         qPrintable(key + QStringLiteral(": missing \"") + expected
                                    + QStringLiteral("\" in: ") + text.left(600)));
            }
            QVERIFY2(text.contains(QStringLiteral("1290")) || text.contains(QStringLiteral("1,290"))
                         || text.contains(QStringLiteral("1.290")),
                     qPrintable(key + QStringLiteral(": total missing: ") + text.left(600)));
            if (f != ExportFormat::Csv && f != ExportFormat::Xlsx) {
                QVERIFY2(text.contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                         qPrintable(key + QStringLiteral(": motto missing: ") + text.left(600)));
            }
            if (!shots.isEmpty()) {
                test::run(QStringLiteral("pdftoppm"),
                          {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
                           QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                           QStringLiteral("1"), pdf, shots + QStringLiteral("/report-") + key});
            }
        }
    }
};

QTEST_MAIN(TestReportExport)
#include "test_report_export.moc"
