// Pages of a scan session (R05.1e): transforms (rotate, crop, deskew, Otsu black and white),
// blank-page removal, reorder and delete, each undoable; the captured image never changes; the
// session on disk matches after every step and is reopened whole after the object is dropped
// without finishing, as after a crash.
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <scan/imageanalysis.h>
#include <scan/scansession.h>

using namespace motcua::scan;

namespace {

// An A4 page at 100 dpi with lines of text, optionally turned by `degrees`.
QImage textPage(double degrees = 0, int lines = 20)
{
    QImage page(827, 1169, QImage::Format_Grayscale8);
    page.fill(Qt::white);
    {
        QPainter p(&page);
        p.setPen(Qt::black);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(22);
        p.setFont(font);
        p.translate(page.width() / 2.0, page.height() / 2.0);
        p.rotate(-degrees); // negative: counter-clockwise on screen, the lines rise to the right
        p.translate(-page.width() / 2.0, -page.height() / 2.0);
        for (int i = 0; i < lines; ++i) {
            p.drawText(QPointF(90, 150 + i * 40),
                       QStringLiteral("Cộng hòa xã hội chủ nghĩa Việt Nam — dòng %1").arg(i + 1));
        }
    }
    return page;
}

// A white page with a little scanner noise: a few specks and a grey edge.
QImage blankPage()
{
    QImage page(827, 1169, QImage::Format_Grayscale8);
    page.fill(245);
    QPainter p(&page);
    p.fillRect(0, 0, 20, page.height(), QColor(90, 90, 90)); // shadow of the lid at the edge
    for (int i = 0; i < 30; ++i)
        p.fillRect((i * 97) % 780 + 40, (i * 131) % 1100 + 40, 2, 2, Qt::black);
    return page;
}

QImage greyPage(int level)
{
    QImage page(200, 300, QImage::Format_Grayscale8);
    page.fill(level);
    return page;
}

} // namespace

class TestScanPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
    }

    void otsuSeparatesInkFromPaper()
    {
        QImage page(100, 100, QImage::Format_Grayscale8);
        page.fill(220);
        QPainter(&page).fillRect(10, 10, 30, 30, QColor(40, 40, 40));
        const int t = otsuThreshold(page);
        QVERIFY2(t >= 40 && t < 220, qPrintable(QString::number(t)));
        const QImage bw = blackAndWhite(page, t);
        QCOMPARE(qGray(bw.pixel(20, 20)), 0);
        QCOMPARE(qGray(bw.pixel(80, 80)), 255);
    }

    void skewIsMeasuredAndStraightened()
    {
        const QImage skewed = textPage(3.0);
        const double measured = detectSkew(skewed);
        QVERIFY2(std::abs(measured - 3.0) < 0.3, qPrintable(QString::number(measured)));
        QVERIFY(std::abs(detectSkew(textPage(0))) < 0.2);
        const QImage straight = PageTransform::deskew(skewed).apply(skewed);
        const double after = detectSkew(straight);
        QVERIFY2(std::abs(after) < 0.3, qPrintable(QString::number(after)));
        QVERIFY(std::abs(detectSkew(textPage(-2.0)) + 2.0) < 0.3);
    }

    void blankPagesAreTold()
    {
        QVERIFY(isBlankPage(blankPage()));
        QVERIFY(isBlankPage(greyPage(255)));
        QVERIFY(!isBlankPage(textPage(0, 2)));
    }

    void transformsAreUndoableAndLeaveTheCaptureAlone_R05_1e()
    {
        auto session = ScanSession::create(m_root->path()).value();
        QVERIFY(session->addImages({textPage(), greyPage(0)}).ok());
        QCOMPARE(session->pageCount(), 2);
        const QString id = session->pages().first().id;
        const QString file = QDir(session->dir()).filePath(session->pages().first().imageFile);
        const QByteArray captured = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        session->rotate(id, 1);
        QCOMPARE(session->image(0).size(), QSize(1169, 827));
        session->rotate(id, 1); // two quarter turns merge into one transform
        QCOMPARE(session->pages().first().transforms.size(), 1);
        QCOMPARE(session->image(0).size(), QSize(827, 1169));
        session->crop(id, QRectF(0.1, 0.1, 0.5, 0.25));
        QCOMPARE(session->image(0).size(), QSize(414, 292));
        session->threshold(id);
        const QImage bw = session->image(0);
        for (int y = 0; y < bw.height(); y += 7) {
            for (int x = 0; x < bw.width(); x += 7) {
                const int g = qGray(bw.pixel(x, y));
                QVERIFY(g == 0 || g == 255);
            }
        }
        QCOMPARE(session->undoStack()->count(), 5); // add, rotate, rotate, crop, threshold

        session->undoStack()->undo(); // threshold
        session->undoStack()->undo(); // crop
        QCOMPARE(session->image(0).size(), QSize(827, 1169));
        session->undoStack()->undo();
        session->undoStack()->undo();
        QVERIFY(session->pages().first().transforms.isEmpty());
        QCOMPARE(session->image(0), textPage());
        session->undoStack()->redo();
        QCOMPARE(session->image(0).size(), QSize(1169, 827));

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), captured);
    }

    void reorderDeleteAndBlankRemovalAreUndoable()
    {
        auto session = ScanSession::create(m_root->path()).value();
        QVERIFY(
            session->addImages({textPage(0, 1), blankPage(), textPage(0, 3), greyPage(255)}).ok());
        QStringList ids;
        for (const ScanPage &p : session->pages())
            ids << p.id;

        QCOMPARE(session->removeBlankPages(), 2);
        QCOMPARE(session->pageCount(), 2);
        QCOMPARE(session->pages()[0].id, ids[0]);
        QCOMPARE(session->pages()[1].id, ids[2]);
        session->undoStack()->undo();
        QCOMPARE(session->pageCount(), 4);
        QCOMPARE(session->pages()[1].id, ids[1]);
        QCOMPARE(session->pages()[3].id, ids[3]);

        session->movePage(0, 2);
        QCOMPARE(session->pages()[2].id, ids[0]);
        QCOMPARE(session->pages()[0].id, ids[1]);
        session->deletePages({ids[2]});
        QCOMPARE(session->pageCount(), 3);
        QCOMPARE(session->indexOf(ids[2]), -1);
        session->undoStack()->undo();
        session->undoStack()->undo();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(session->pages()[i].id, ids[i]);
    }

    void thumbnailsAreSmall()
    {
        auto session = ScanSession::create(m_root->path()).value();
        QVERIFY(session->addImages({textPage()}).ok());
        const QImage thumb = session->thumbnail(0, 160);
        QCOMPARE(thumb.height(), 160);
        QCOMPARE(thumb.width(), 113);
        QVERIFY(session->thumbnail(5).isNull());
    }

    void anUnfinishedSessionIsReopenedAfterACrash()
    {
        QString dir;
        QList<ScanPage> before;
        QList<QImage> imagesBefore;
        {
            auto session
                = ScanSession::create(m_root->path(), QStringLiteral("Giấy khai sinh")).value();
            QVERIFY(session->addImages({textPage(2.0), textPage(0, 5), blankPage()}).ok());
            session->deskew(session->pages()[0].id);
            session->rotate(session->pages()[1].id, 3);
            session->movePage(2, 0);
            session->deletePages({session->pages()[0].id}); // the blank page
            dir = session->dir();
            before = session->pages();
            imagesBefore = session->images();
            // Dropped without finish(): as when the application dies.
        }
        const QStringList found = ScanSession::unfinished(m_root->path());
        QCOMPARE(found, QStringList{dir});
        auto reopened = ScanSession::open(found.first());
        QVERIFY(reopened.ok());
        const auto &session = reopened.value();
        QCOMPARE(session->title(), QStringLiteral("Giấy khai sinh"));
        QCOMPARE(session->pages(), before);
        QCOMPARE(session->pages()[0].transforms.first().kind, PageTransform::Kind::Deskew);
        QCOMPARE(session->images(), imagesBefore);
        // The deleted page's image was only kept for undo, which did not survive.
        QCOMPARE(QDir(dir).entryList({QStringLiteral("page-*")}, QDir::Files).size(), 2);

        session->finish();
        QVERIFY(!QDir(dir).exists());
        QVERIFY(ScanSession::unfinished(m_root->path()).isEmpty());
    }

    void aDamagedSessionFileIsAClearError()
    {
        QString dir;
        {
            auto session = ScanSession::create(m_root->path()).value();
            QVERIFY(session->addImages({greyPage(0)}).ok());
            dir = session->dir();
        }
        QFile f(QDir(dir).filePath(QStringLiteral("session.json")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"version\": 1, \"pages\": [");
        f.close();
        const auto reopened = ScanSession::open(dir);
        QVERIFY(!reopened.ok());
        QCOMPARE(reopened.error().code, QStringLiteral("scan.session_damaged"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_root;
};

QTEST_MAIN(TestScanPages)
#include "test_scan_pages.moc"
