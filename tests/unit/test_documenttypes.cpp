// Document types and fields (R02, R05.1b): the catalogue entries' JSON is strict, a component's
// data is checked field by field as the counter types it, written into the component and read
// back, and absent from the component's JSON when there is none (the audit chain's canonical JSON
// of older actions is unchanged). National lists are read from CSV with every faulty row named.
#include <QTest>

#include <domain/documenttypes.h>
#include <domain/json.h>

using namespace motcua::domain;

namespace {

DocumentType landCertificate()
{
    DocumentType t;
    t.code = QStringLiteral("GCN");
    t.name = QStringLiteral("Giấy chứng nhận quyền sử dụng đất");
    t.requiredStandard = {QStringLiteral("holderId"), QStringLiteral("issueDate")};
    t.fields = {
        {QStringLiteral("so-thua"), QStringLiteral("Thửa đất số"), DataFieldKind::Number, true, {}},
        {QStringLiteral("muc-dich"),
         QStringLiteral("Mục đích sử dụng"),
         DataFieldKind::Choice,
         false,
         {QStringLiteral("Đất ở"), QStringLiteral("Đất nông nghiệp")}},
        {QStringLiteral("het-han"),
         QStringLiteral("Thời hạn sử dụng"),
         DataFieldKind::Date,
         false,
         {}}};
    return t;
}

} // namespace

class TestDocumentTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentTypeRoundTripsThroughJson_R05_1b()
    {
        const DocumentType t = landCertificate();
        auto back = documentTypeFromJson(toJson(t));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back.value(), t);
        // The form: the eight standard items (two required), then the type's own fields.
        const QList<DataField> form = t.form();
        QCOMPARE(form.size(), 8 + 3);
        QCOMPARE(form.at(0).key, QStringLiteral("holderId"));
        QVERIFY(form.at(0).required);
        QVERIFY(!form.at(1).required);
        QCOMPARE(form.at(8).key, QStringLiteral("so-thua"));
    }

    void malformedDocumentTypesAreRefusedByField_R02()
    {
        QJsonObject o = toJson(landCertificate());
        const auto refused = [](const QJsonObject &json) {
            auto r = documentTypeFromJson(json);
            return r ? QString() : r.error().field;
        };
        QJsonObject badCode = o;
        badCode.insert(QStringLiteral("code"), QStringLiteral("G C N"));
        QCOMPARE(refused(badCode), QStringLiteral("code"));
        QJsonObject unknownRequired = o;
        unknownRequired.insert(QStringLiteral("required"), QJsonArray{QStringLiteral("colour")});
        QCOMPARE(refused(unknownRequired), QStringLiteral("required"));
        QJsonArray fields = o.value(QStringLiteral("fields")).toArray();
        QJsonObject choice = fields.at(1).toObject();
        choice.remove(QStringLiteral("choices"));
        QJsonObject noChoices = o;
        noChoices.insert(QStringLiteral("fields"), QJsonArray{choice});
        QCOMPARE(refused(noChoices), QStringLiteral("fields[0].choices"));
        QJsonObject twice = o;
        twice.insert(QStringLiteral("fields"), QJsonArray{fields.at(0), fields.at(0)});
        QCOMPARE(refused(twice), QStringLiteral("fields"));
        QJsonObject standardAgain = o;
        QJsonObject holder = fields.at(0).toObject();
        holder.insert(QStringLiteral("key"), QStringLiteral("holderId"));
        standardAgain.insert(QStringLiteral("fields"), QJsonArray{holder});
        QCOMPARE(refused(standardAgain), QStringLiteral("fields[0].key"));
        QJsonObject unknownField = o;
        unknownField.insert(QStringLiteral("colour"), QStringLiteral("red"));
        QVERIFY(!refused(unknownField).isEmpty());
        // National codes keep their Vietnamese letters.
        QVERIFY(validateCatalogueCode(QStringLiteral("QĐ-TL")));
        QVERIFY(!validateCatalogueCode(QStringLiteral("../x")));
    }

    void valuesAreCheckedAsTyped_R05_1b()
    {
        const QDate today(2026, 11, 30);
        const QList<DataField> form = landCertificate().form();
        const auto field = [&form](const char *key) {
            return *std::find_if(form.cbegin(), form.cend(),
                                 [key](const DataField &f) { return f.key == QLatin1String(key); });
        };
        QVERIFY(checkDataValue(field("holderId"), QString(), today)
                    .contains(QStringLiteral("Hãy nhập")));
        QVERIFY(!checkDataValue(field("holderId"), QStringLiteral("12345"), today).isEmpty());
        QVERIFY(checkDataValue(field("holderId"), QStringLiteral("0312345678"), today).isEmpty());
        QVERIFY(
            checkDataValue(field("holderId"), QStringLiteral("0312345678-001"), today).isEmpty());
        QVERIFY(checkDataValue(field("issueDate"), QStringLiteral("15/08/2025"), today).isEmpty());
        QVERIFY(!checkDataValue(field("issueDate"), QStringLiteral("31/02/2025"), today).isEmpty());
        QVERIFY(!checkDataValue(field("holderBirthYear"), QStringLiteral("2030"), today).isEmpty());
        QVERIFY(checkDataValue(field("holderBirthYear"), QString(), today).isEmpty()); // optional
        QVERIFY(!checkDataValue(field("so-thua"), QStringLiteral("12a"), today).isEmpty());
        QVERIFY(checkDataValue(field("so-thua"), QStringLiteral("125"), today).isEmpty());
        QVERIFY(!checkDataValue(field("muc-dich"), QStringLiteral("Đất rừng"), today).isEmpty());
        QVERIFY(checkDataValue(field("muc-dich"), QStringLiteral("Đất ở"), today).isEmpty());
    }

    void valuesAreKeptInTheComponentAndItsJson_R05_1b()
    {
        Component c;
        c.id = QStringLiteral("GCN");
        c.name = QStringLiteral("Giấy chứng nhận");
        // No data: no "data" key, so older actions hash as before.
        QVERIFY(!toJson(c).contains(QStringLiteral("data")));
        setComponentValue(c, QStringLiteral("holderId"), QStringLiteral("0312345678"));
        setComponentValue(c, QStringLiteral("issueDate"), QStringLiteral("15/08/2025"));
        setComponentValue(c, QStringLiteral("so-thua"), QStringLiteral("125"));
        QCOMPARE(c.holderId, QStringLiteral("0312345678"));
        QCOMPARE(c.issueDate, QDate(2025, 8, 15));
        QCOMPARE(componentValue(c, QStringLiteral("issueDate")), QStringLiteral("15/08/2025"));
        QCOMPARE(componentValue(c, QStringLiteral("so-thua")), QStringLiteral("125"));
        auto back = componentFromJson(toJson(c));
        QVERIFY(back);
        QCOMPARE(back.value(), c);
        const DocumentType type = landCertificate();
        const auto shown = filledValues(c, &type);
        QCOMPARE(shown.size(), 3);
        QCOMPARE(shown.at(2), (std::pair{QStringLiteral("Thửa đất số"), QStringLiteral("125")}));
        // Emptied: the value goes.
        setComponentValue(c, QStringLiteral("so-thua"), QString());
        QVERIFY(c.data.isEmpty());
        // A hostile "data" object is refused, not kept.
        QJsonObject json = toJson(c);
        json.insert(QStringLiteral("data"), QJsonObject{{QStringLiteral("x"), 5}});
        QVERIFY(!componentFromJson(json));
    }

    void nationalListsAreReadRowByRow_R02_1()
    {
        const QByteArray good = QByteArrayLiteral("\xEF\xBB\xBF")
            + QStringLiteral("Mã lĩnh vực;Tên lĩnh vực\r\nHT;Hộ tịch\r\nDD;Đất đai\r\n;\r\n")
                  .toUtf8();
        auto list = parseCatalogueListCsv(good);
        QVERIFY(list.ok());
        QCOMPARE(list.rows.size(), 2);
        QCOMPARE(list.rows.at(1),
                 (CatalogueListRow{QStringLiteral("DD"), QStringLiteral("Đất đai"), {}}));
        // Written back, read the same.
        auto again = parseCatalogueListCsv(catalogueListCsv(list.rows));
        QVERIFY(again.ok());
        QCOMPARE(again.rows, list.rows);

        const QByteArray bad
            = QStringLiteral("MaGiayTo,TenGiayTo\nGT 1,Giấy một\nGT2,\nGT3,Ba\nGT3,Ba lần nữa\n")
                  .toUtf8();
        auto refused = parseCatalogueListCsv(bad);
        QVERIFY(refused.rows.isEmpty());
        QCOMPARE(refused.problems.size(), 3);
        QCOMPARE(refused.problems.at(0).row, 2);
        QCOMPARE(refused.problems.at(0).column, QStringLiteral("MaGiayTo"));
        QCOMPARE(refused.problems.at(1).row, 3);
        QCOMPARE(refused.problems.at(1).column, QStringLiteral("TenGiayTo"));
        QCOMPARE(refused.problems.at(2).row, 5);
        QVERIFY(refused.problems.at(2).message.contains(QStringLiteral("dòng 4")));

        auto noHeader = parseCatalogueListCsv(QByteArrayLiteral("a,b\n1,2\n"));
        QCOMPARE(noHeader.problems.size(), 2);
        QVERIFY(!parseCatalogueListCsv(QByteArrayLiteral("Ma,Ten\n\xC3\x28,x\n")).ok());
    }
};

QTEST_GUILESS_MAIN(TestDocumentTypes)
#include "test_documenttypes.moc"
