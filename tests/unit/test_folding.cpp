#include <QTest>

#include <domain/folding.h>

using motcua::domain::foldForSearch;

class TestFolding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void folds_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << QStringLiteral("Nguyễn Văn Đức")
                              << QStringLiteral("nguyen van duc");
        QTest::newRow("d-stroke lower")
            << QStringLiteral("đường Điện Biên Phủ") << QStringLiteral("duong dien bien phu");
        QTest::newRow("spaces") << QStringLiteral("  Trần   Thị\tHồng \n")
                                << QStringLiteral("tran thi hong");
        QTest::newRow("all tones") << QStringLiteral("à á ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ")
                                   << QStringLiteral("a a a a a a a a a a a a a a a a a");
        QTest::newRow("horn letters")
            << QStringLiteral("Ơn Ưng ƯỚC Ở") << QStringLiteral("on ung uoc o");
        QTest::newRow("precomposed and decomposed agree")
            << QStringLiteral("Nguye\u0302\u0303n") << QStringLiteral("nguyen");
        QTest::newRow("digits kept") << QStringLiteral("Mã 000.17.22.H56-261128-0007")
                                     << QStringLiteral("ma 000.17.22.h56-261128-0007");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only spaces") << QStringLiteral("   ") << QString();
    }
    void folds()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(foldForSearch(input), expected);
    }
    void idempotent()
    {
        const QString once = foldForSearch(QStringLiteral("Phường Hòa Khánh, TP Đà Nẵng"));
        QCOMPARE(foldForSearch(once), once);
    }
};

QTEST_APPLESS_MAIN(TestFolding)
#include "test_folding.moc"
