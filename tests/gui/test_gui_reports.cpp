// The reports section (R23, R25, R27.2) on a real encrypted cache seeded with the hand-checked
// dossiers of tests/reports/statsdata.cpp (made by the domain engine: Tết, a supplement pause, an
// extension). The figures the table and the tiles show are checked against hand-made
// expectations; real mouse clicks on chart bars and slices open exactly the dossiers behind them;
// the table is exported in every format and printed to PDF. Charts and screens are saved as PNG
// under ${MOTCUA_SCREENSHOT_DIR}. No server: the reports read the local cache only.
#include "../reports/statsdata.h"
#include "guifixture.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPieSeries>
#include <QPieSlice>
#include <QPrinter>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

#include <domain/json.h>
#include <language.h>
#include <mainwindow.h>
#include <reports/applicantspanel.h>
#include <reports/dashboard.h>
#include <reports/dossierlistdialog.h>
#include <reports/periodpicker.h>
#include <reports/reportsource.h>
#include <reports/reportspage.h>
#include <reports/reporttablemodel.h>
#include <services/syncstatus.h>
#include <store/crypto.h>
#include <style.h>

#include <functional>

using namespace motcua;
using reports::Dimension;
using reports::Measure;

class TestGuiReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sectionOpensWithCtrl8();
    void tableShowsTheHandCheckedFigures();
    void tilesShowTheIndicators();
    void clickOnABarOpensItsDossiers();
    void clickOnASliceOpensItsDossiers();
    void tableCellOpensItsDossiers();
    void exportEveryFormat();
    void printToPdf();
    void applicantsSearchAndExport();
    void badPeriodIsRefused();
    void cleanupTestCase();

private:
    ui::DossierListDialog *waitForList(const std::function<void()> &click);
    QStringList codesOf(const QString &letters) const;

    QTemporaryDir m_profile;
    reports::testdata::Dataset m_data;
    std::unique_ptr<services::Workstation> m_ws;
    std::unique_ptr<services::SyncStatus> m_status;
    services::NoReceiptPrinter m_printer;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ReportsPage *m_page = nullptr;
};

QStringList TestGuiReports::codesOf(const QString &letters) const
{
    QStringList out;
    for (const QChar l : letters)
        out.append(m_data.dossiers.value(QString(l)).code);
    out.sort();
    return out;
}

void TestGuiReports::initTestCase()
{
    QVERIFY(ui::installLanguage(QStringLiteral("vi"))); // the default language
    ui::applyStyle(*qApp);
    m_data = reports::testdata::build();
    QVERIFY2(m_data.error.isEmpty(), qPrintable(m_data.error));
    // What the tiles read beyond the statistics: A and C fully digitised, B only in part; D's
    // result document was never filed electronically.
    for (const char *letter : {"A", "C"}) {
        for (auto &c : m_data.dossiers[QLatin1String(letter)].components)
            c.digitised = true;
    }
    m_data.dossiers[QStringLiteral("B")].components.first().digitised = true;
    m_data.dossiers[QStringLiteral("D")].results.clear();
    // B was brought by an organisation (R23.5's list tells organisations from people).
    domain::Applicant &firm = m_data.dossiers[QStringLiteral("B")].applicant;
    firm.type = domain::ApplicantType::Organisation;
    firm.taxCode = QStringLiteral("4201234567");
    firm.organisationName = QStringLiteral("Công ty TNHH Hải Đăng");
    firm.fullName = QStringLiteral("Lê Văn Tâm");

    auto cache = store::Cache::open(m_profile.path(), store::crypto::randomBytes(32));
    QVERIFY2(cache, qPrintable(cache ? QString() : cache.error().message));
    QList<store::CatalogueEntry> entries;
    for (const QString &code :
         {domain::demo::kCentreCode, domain::demo::kJusticeCode, domain::demo::kCommuneCode})
        entries.append(
            {QStringLiteral("agency"), code, domain::toJson(*m_data.directory.agency(code))});
    for (const QString &code : {QStringLiteral("2.001417"), QStringLiteral("2.000815")})
        entries.append(
            {QStringLiteral("procedure"), code, domain::toJson(*m_data.directory.procedure(code))});
    for (const char *id :
         {"counter1", "counter9", "appraiser1", "appraiser2", "head1", "leader1", "archivist1"}) {
        const auto o = m_data.directory.officer(QLatin1String(id));
        QVERIFY2(o, id);
        entries.append({QStringLiteral("officer"), o->id, domain::toJson(*o)});
    }
    QVERIFY(cache.value()->putCatalogueEntries(entries));
    // The dossiers as the server's feed would bring them: the last action of each, with its fold.
    QHash<QUuid, domain::Action> last;
    for (const auto &a : std::as_const(m_data.actions))
        last.insert(a.dossierId, a);
    QList<store::PulledChange> changes;
    qint64 seq = 0;
    for (const auto &d : std::as_const(m_data.dossiers))
        changes.append({++seq, last.value(d.id), d});
    QVERIFY(cache.value()->applyChanges(changes, seq, m_data.directory));

    m_ws = std::make_unique<services::Workstation>(
        std::move(cache).value(), *m_data.directory.officer(QStringLiteral("leader1")), nullptr);
    m_status = std::make_unique<services::SyncStatus>(*m_ws, nullptr);
    m_window = std::make_unique<ui::MainWindow>(*m_ws, *m_status, m_printer, nullptr);
    m_window->show();
    m_page = m_window->reports();
    m_page->period()->setCustom(QDate(2026, 1, 1), QDate(2026, 6, 30));
    m_page->setGrouping({Dimension::Month});
}

void TestGuiReports::sectionOpensWithCtrl8()
{
    QSignalSpy ready(m_page, &ui::ReportsPage::ready);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Workspace);
    QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), ui::MainWindow::Reports);
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 10000);
    QCOMPARE(m_page->source()->facts().size(), 13); // A–M, K and M outside the figures
}

void TestGuiReports::tableShowsTheHandCheckedFigures()
{
    // Months of the first half of 2026, then the totals row: 11 received (K refused at intake,
    // M received in 2025), 6 resolved of which D late, on-time rate 5/6.
    m_page->setMeasures({Measure::Received, Measure::Resolved, Measure::Late, Measure::OnTimeRate});
    QSignalSpy ready(m_page, &ui::ReportsPage::ready);
    m_page->compute();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 10000);
    auto *model = m_page->model();
    QCOMPARE(model->columnCount(), 5);
    QCOMPARE(model->rowCount(), 7); // 6 months + totals (April has F only)
    const auto cell = [&](int r, int c) { return model->index(r, c).data().toString(); };
    QCOMPARE(cell(0, 0), QStringLiteral("Tháng 01/2026"));
    QCOMPARE((QStringList{cell(0, 1), cell(0, 2), cell(0, 3), cell(0, 4)}),
             QStringLiteral("3 3 1 66,67").split(u' '));
    QCOMPARE(cell(6, 0), QStringLiteral("Tổng cộng"));
    QCOMPARE((QStringList{cell(6, 1), cell(6, 2), cell(6, 3), cell(6, 4)}),
             QStringLiteral("11 6 1 83,33").split(u' '));
    m_page->tabs()->setCurrentIndex(0);
    QVERIFY(test::screenshot(m_window.get(), QStringLiteral("reports-table")));
}

void TestGuiReports::tilesShowTheIndicators()
{
    m_page->tabs()->setCurrentIndex(1);
    auto *dash = m_page->dashboard();
    const auto figure = [&](const char *key) {
        return dash->tile(QLatin1String(key))->property("figure").toString();
    };
    QCOMPARE(figure("received"), QStringLiteral("11"));
    QCOMPARE(figure("onTime"), QStringLiteral("83,3%"));           // 5 of 6 resolved
    QCOMPARE(figure("early"), QStringLiteral("66,7%"));            // A, B, E, F
    QCOMPARE(figure("online"), QStringLiteral("9,1%"));            // B of 11
    QCOMPARE(figure("digitised"), QStringLiteral("18,2%"));        // A and C of 11
    QCOMPARE(figure("electronicResult"), QStringLiteral("83,3%")); // all resolved but D
    // (9d1h + 20d6h + 13d23h30 + 14d6h + 25d1h + 15d7h) / 6 = 16,31 days
    QCOMPARE(figure("processingDays"), QStringLiteral("16,3 ngày"));
    QVERIFY(!dash->tile(QStringLiteral("digitised"))->toolTip().isEmpty());
    QVERIFY(test::screenshot(m_window.get(), QStringLiteral("reports-dashboard")));
    QVERIFY(dash->grab().save(QDir(qEnvironmentVariable("MOTCUA_SCREENSHOT_DIR"))
                                  .filePath(QStringLiteral("reports-dashboard-whole.png"))));
    const QString dir = qEnvironmentVariable("MOTCUA_SCREENSHOT_DIR");
    for (int c = 0; c < ui::Dashboard::ChartCount; ++c) {
        QChartView *view = dash->chartView(ui::Dashboard::Chart(c));
        QVERIFY(view->grab().save(QDir(dir).filePath(QStringLiteral("chart-%1.png").arg(c))));
    }
}

ui::DossierListDialog *TestGuiReports::waitForList(const std::function<void()> &click)
{
    QSignalSpy shown(m_page, &ui::ReportsPage::dossierListShown);
    click();
    if (!QTest::qWaitFor([&] { return shown.count() == 1; }, 10000))
        return nullptr;
    return m_page->dossierList();
}

namespace {

// The centre of bar `index` of `set` on screen, through QChart's own mapping of values.
QPoint barAt(QChartView *view, QAbstractSeries *series, const QPointF &value)
{
    const QPointF scene = view->chart()->mapToPosition(value, series);
    return view->mapFromScene(scene);
}

} // namespace

void TestGuiReports::clickOnABarOpensItsDossiers()
{
    auto *dash = m_page->dashboard();
    // Trend: January's "received" bar (the left one of the pair: bar width 0.5, two sets).
    QChartView *trend = dash->chartView(ui::Dashboard::Trend);
    auto *series = trend->chart()->series().first();
    auto *list = waitForList([&] {
        QTest::mouseClick(trend->viewport(), Qt::LeftButton, {},
                          barAt(trend, series, QPointF(-0.125, 1.0)));
    });
    QVERIFY(list);
    QStringList codes = list->codes();
    codes.sort();
    QCOMPARE(codes, codesOf(QStringLiteral("ACD")));
    QVERIFY(test::screenshot(list, QStringLiteral("reports-dossiers-behind")));

    // By officer: appraiser1's "late" segment (percent bars: on time 0–80 %, late 80–100 %).
    QChartView *officers = dash->chartView(ui::Dashboard::ByOfficer);
    auto *bars = officers->chart()->series().first();
    // Categories with something resolved, most resolved first drawn lowest: appraiser2, appraiser1.
    auto *axis = qobject_cast<QBarCategoryAxis *>(officers->chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    int row = -1;
    for (int i = 0; i < axis->count(); ++i) {
        if (axis->at(i).startsWith(
                m_data.directory.officer(QStringLiteral("appraiser1"))->fullName))
            row = i;
    }
    QVERIFY(row >= 0);
    list = waitForList([&] {
        QTest::mouseClick(officers->viewport(), Qt::LeftButton, {},
                          barAt(officers, bars, QPointF(90, row)));
    });
    QVERIFY(list);
    QCOMPARE(list->codes(), codesOf(QStringLiteral("D")));

    // Enter on the list opens the dossier.
    QSignalSpy opened(m_page, &ui::ReportsPage::dossierRequested);
    list->activateWindow();
    QTest::keyClick(list->table(), Qt::Key_Return);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().value<QUuid>(), m_data.dossiers.value(QStringLiteral("D")).id);
    list->close();
}

void TestGuiReports::clickOnASliceOpensItsDossiers()
{
    auto *dash = m_page->dashboard();
    QChartView *status = dash->chartView(ui::Dashboard::Status);
    auto *pie = qobject_cast<QPieSeries *>(status->chart()->series().first());
    QVERIFY(pie);
    QPieSlice *onTime = pie->slices().first(); // resolved on time: 5 of 11
    QCOMPARE(onTime->value(), 5.0);
    // The slice's middle: half its angle span, at half the radius outside the hole.
    const QRectF plot = status->chart()->plotArea();
    const qreal radius = std::min(plot.width(), plot.height()) / 2 * pie->pieSize();
    const qreal angle = qDegreesToRadians(onTime->startAngle() + onTime->angleSpan() / 2);
    const qreal r = radius * (0.35 + 1.0) / 2;
    const QPointF centre = plot.center();
    const QPointF scene(centre.x() + r * std::sin(angle), centre.y() - r * std::cos(angle));
    auto *list = waitForList([&] {
        QTest::mouseClick(status->viewport(), Qt::LeftButton, {}, status->mapFromScene(scene));
    });
    QVERIFY(list);
    QStringList codes = list->codes();
    codes.sort();
    QCOMPARE(codes, codesOf(QStringLiteral("ABCEF")));
    list->close();
}

void TestGuiReports::tableCellOpensItsDossiers()
{
    m_page->tabs()->setCurrentIndex(0);
    // March, "resolved": B (received in February) is not March's; E is.
    auto *table = m_page->table();
    const QModelIndex cell = m_page->model()->index(2, 2);
    QCOMPARE(m_page->model()->index(2, 0).data().toString(), QStringLiteral("Tháng 03/2026"));
    table->setCurrentIndex(cell);
    auto *list = waitForList([&] { QTest::keyClick(table, Qt::Key_Return); });
    QVERIFY(list);
    QCOMPARE(list->codes(), codesOf(QStringLiteral("E")));
    list->close();
}

void TestGuiReports::exportEveryFormat()
{
    QTemporaryDir dir;
    for (const auto format : reports::allExportFormats()) {
        const QString path
            = dir.filePath(QStringLiteral("bao-cao.") + reports::exportFormatKey(format));
        QSignalSpy done(m_page, &ui::ReportsPage::exported);
        m_page->exportTo(path, format);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 10000);
        QCOMPARE(done.first().at(1).toString(), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(8);
        switch (format) {
        case reports::ExportFormat::Csv:
            QVERIFY(head.startsWith("\xEF\xBB\xBF")); // UTF-8 with BOM
            QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("Tháng 03/2026")));
            break;
        case reports::ExportFormat::Pdf:
            QVERIFY(head.startsWith("%PDF-"));
            break;
        default:
            QVERIFY2(head.startsWith("PK\x03\x04"), qPrintable(path)); // OOXML and ODF: zip
            break;
        }
    }
    // The .xlsx read back by a real reader (the zip's sheet holds the figures).
    if (!QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty()) {
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), dir.filePath(QStringLiteral("bao-cao.xlsx")),
                     QStringLiteral("xl/sharedStrings.xml")});
        QVERIFY(unzip.waitForFinished(10000));
        QVERIFY(QString::fromUtf8(unzip.readAllStandardOutput())
                    .contains(QStringLiteral("Tháng 01/2026")));
    }
}

void TestGuiReports::printToPdf()
{
    const QString dir = qEnvironmentVariable("MOTCUA_SCREENSHOT_DIR");
    const QString pdf = QDir(dir).filePath(QStringLiteral("reports-printed.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(pdf);
    m_page->preparePrinter(printer);
    QVERIFY(m_page->printTo(printer));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(10000));
    const QString out = QString::fromUtf8(text.readAllStandardOutput());
    // (The month column may wrap "Tháng" and "01/2026" onto two lines on A4 portrait.)
    QVERIFY2(out.contains(QStringLiteral("01/2026")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("Tổng cộng")));
    QVERIFY(out.contains(QStringLiteral("83,33")));
    QProcess png;
    png.start(QStringLiteral("pdftoppm"),
              {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
               QStringLiteral("-singlefile"), pdf,
               QDir(dir).filePath(QStringLiteral("reports-printed"))});
    QVERIFY(png.waitForFinished(10000));
}

void TestGuiReports::applicantsSearchAndExport()
{
    auto *panel = m_page->applicants();
    m_page->tabs()->setCurrentWidget(panel);
    QSignalSpy searched(panel, &ui::ApplicantsPanel::searched);
    QTest::keyClick(panel->searchField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(searched.count() == 1, 10000);
    // Received in the first half of 2026: B from the firm; the ten others from one person (K was
    // refused at intake, M came in 2025).
    auto *model = panel->model();
    QCOMPARE(model->rowCount(), 3); // two applicants and the totals row
    const auto cell = [&](int r, int c) { return model->index(r, c).data().toString(); };
    QCOMPARE(cell(0, 2), QStringLiteral("Công ty TNHH Hải Đăng"));
    QCOMPARE(cell(0, 3), QStringLiteral("4201234567"));
    QCOMPARE(cell(0, 8), QStringLiteral("1"));
    QCOMPARE(cell(1, 1), QStringLiteral("Nguyễn Văn Đức"));
    QCOMPARE(cell(1, 8), QStringLiteral("10"));
    QCOMPARE(cell(1, 7), QStringLiteral("22/06/2026")); // I, the latest
    QVERIFY(test::screenshot(m_window.get(), QStringLiteral("reports-applicants")));

    test::typeText(panel->searchField(), QStringLiteral("hai dang"));
    QTest::keyClick(panel->searchField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(searched.count() == 2, 10000);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(cell(0, 1), QStringLiteral("Lê Văn Tâm"));

    QTemporaryDir dir;
    QSignalSpy done(panel, &ui::ApplicantsPanel::exported);
    const QString csv = dir.filePath(QStringLiteral("nguoi-nop.csv"));
    panel->exportTo(csv, reports::ExportFormat::Csv);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 10000);
    QCOMPARE(done.first().at(1).toString(), QString());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("Công ty TNHH Hải Đăng")));
    QVERIFY(!QString::fromUtf8(bytes).contains(QStringLiteral("Nguyễn Văn Đức")));
    const QString xlsx = dir.filePath(QStringLiteral("nguoi-nop.xlsx"));
    panel->exportTo(xlsx, reports::ExportFormat::Xlsx);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 2, 10000);
    QFile x(xlsx);
    QVERIFY(x.open(QIODevice::ReadOnly));
    QVERIFY(x.read(4).startsWith("PK\x03\x04"));
    panel->searchField()->clear();
    m_page->tabs()->setCurrentIndex(0);
}

void TestGuiReports::badPeriodIsRefused()
{
    m_page->period()->setCustom(QDate(2026, 6, 30), QDate(2026, 1, 1));
    QSignalSpy ready(m_page, &ui::ReportsPage::ready);
    m_page->compute();
    auto *message = m_page->findChild<QLabel *>(QStringLiteral("reportMessage"));
    QCOMPARE(message->text(), QStringLiteral("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."));
    QCOMPARE(ready.count(), 0);
    m_page->period()->setCustom(QDate(2026, 1, 1), QDate(2026, 6, 30));
}

void TestGuiReports::cleanupTestCase()
{
    m_window.reset();
    m_status.reset();
    m_ws.reset();
}

QTEST_MAIN(TestGuiReports)
#include "test_gui_reports.moc"
