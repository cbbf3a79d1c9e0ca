#include <QTest>

#include <domain/cccd.h>

using namespace motcua::domain;

namespace {
const QString kSeven = QStringLiteral("056090001234|225123456|Nguyễn Văn Đức|12051990|Nam|12 Trần "
                                      "Phú, Nha Trang, Khánh Hòa|20042021");
const QString kSix = QStringLiteral(
    "001185012345|Trần Thị Hồng|01011985|Nữ|Số 5 Hàng Bài, Hoàn Kiếm, Hà Nội|15082022");
} // namespace

class TestCccd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSevenFields()
    {
        const auto card = parseCccdQr(kSeven);
        QVERIFY2(card.ok(), qPrintable(card.ok() ? QString() : card.error().message));
        QCOMPARE(card->id, QStringLiteral("056090001234"));
        QCOMPARE(card->oldId, QStringLiteral("225123456"));
        QCOMPARE(card->fullName, QStringLiteral("Nguyễn Văn Đức"));
        QCOMPARE(card->birthDate, QDate(1990, 5, 12));
        QCOMPARE(card->gender, QStringLiteral("Nam"));
        QCOMPARE(card->address, QStringLiteral("12 Trần Phú, Nha Trang, Khánh Hòa"));
        QCOMPARE(card->issueDate, QDate(2021, 4, 20));
    }
    void parsesSixFieldsWithoutOldId()
    {
        const auto card = parseCccdQr(kSix);
        QVERIFY(card.ok());
        QCOMPARE(card->oldId, QString());
        QCOMPARE(card->fullName, QStringLiteral("Trần Thị Hồng"));
        QCOMPARE(card->gender, QStringLiteral("Nữ"));
    }
    void parsesEmptyOldId()
    {
        QString text = kSeven;
        text.replace(QStringLiteral("|225123456|"), QStringLiteral("||"));
        const auto card = parseCccdQr(text);
        QVERIFY(card.ok());
        QVERIFY(card->oldId.isEmpty());
    }
    void toleratesWedgeScannerNoise_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("CRLF") << kSeven + QStringLiteral("\r\n");
        QTest::newRow("LF") << kSeven + QStringLiteral("\n");
        QTest::newRow("spaces") << QStringLiteral("  ") + kSeven + QStringLiteral("   ");
        QTest::newRow("trailing pipe") << kSeven + QStringLiteral("|\r");
        QTest::newRow("tab") << QStringLiteral("\t") + kSix + QStringLiteral("\r");
    }
    void toleratesWedgeScannerNoise()
    {
        QFETCH(QString, text);
        const auto card = parseCccdQr(text);
        QVERIFY2(card.ok(), qPrintable(card.ok() ? QString() : card.error().message));
        QVERIFY(card->id.size() == 12);
    }
    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << QStringLiteral("  \r\n") << QStringLiteral("cccd.empty")
                               << QString();
        QTest::newRow("too few fields") << QStringLiteral("056090001234|Nguyễn Văn A|12051990")
                                        << QStringLiteral("cccd.field_count") << QString();
        QTest::newRow("eight fields")
            << kSeven + QStringLiteral("|x|y") << QStringLiteral("cccd.field_count") << QString();
        QTest::newRow("11-digit id")
            << QString(kSeven).replace(0, 12, QStringLiteral("05609000123"))
            << QStringLiteral("cccd.invalid_id") << QStringLiteral("id");
        QTest::newRow("letters in id")
            << QString(kSeven).replace(0, 12, QStringLiteral("05609000123A"))
            << QStringLiteral("cccd.invalid_id") << QStringLiteral("id");
        QTest::newRow("province 000")
            << QString(kSeven).replace(0, 12, QStringLiteral("000090001234"))
            << QStringLiteral("cccd.invalid_id") << QStringLiteral("id");
        QTest::newRow("bad old id")
            << QString(kSeven).replace(QStringLiteral("225123456"), QStringLiteral("22512"))
            << QStringLiteral("cccd.invalid_old_id") << QStringLiteral("oldId");
        QTest::newRow("31 February")
            << QString(kSeven).replace(QStringLiteral("12051990"), QStringLiteral("31021990"))
            << QStringLiteral("cccd.invalid_date") << QStringLiteral("birthDate");
        QTest::newRow("short date")
            << QString(kSeven).replace(QStringLiteral("12051990"), QStringLiteral("1205199"))
            << QStringLiteral("cccd.invalid_date") << QStringLiteral("birthDate");
        QTest::newRow("bad gender")
            << QString(kSeven).replace(QStringLiteral("|Nam|"), QStringLiteral("|Male|"))
            << QStringLiteral("cccd.invalid_gender") << QStringLiteral("gender");
        QTest::newRow("empty name")
            << QString(kSeven).replace(QStringLiteral("Nguyễn Văn Đức"), QString())
            << QStringLiteral("cccd.invalid_name") << QStringLiteral("fullName");
        QTest::newRow("issue before birth")
            << QString(kSeven).replace(QStringLiteral("20042021"), QStringLiteral("20041980"))
            << QStringLiteral("cccd.invalid_date") << QStringLiteral("issueDate");
        QTest::newRow("empty address")
            << QString(kSeven).replace(QStringLiteral("12 Trần Phú, Nha Trang, Khánh Hòa"),
                                       QStringLiteral(" "))
            << QStringLiteral("cccd.invalid_address") << QStringLiteral("address");
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto card = parseCccdQr(text);
        QVERIFY(!card.ok());
        QCOMPARE(card.error().code, code);
        QCOMPARE(card.error().field, field);
        QVERIFY(!card.error().message.isEmpty());
    }
    void recognisesWedgeInput()
    {
        QVERIFY(looksLikeCccdQr(kSeven));
        QVERIFY(looksLikeCccdQr(kSix + QStringLiteral("\r")));
        QVERIFY(!looksLikeCccdQr(QStringLiteral("Nguyễn Văn A")));
        QVERIFY(!looksLikeCccdQr(QStringLiteral("056090001234")));
    }
};

QTEST_APPLESS_MAIN(TestCccd)
#include "test_cccd.moc"
