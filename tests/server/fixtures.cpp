#include "fixtures.h"

#include <QJsonArray>

#include <domain/demo.h>

namespace motcua::test {

namespace demo = domain::demo;

server::Check seedCatalogue(server::CatalogueStore &store, const QString &passwordHash)
{
    const auto dir = demo::directory();
    for (const QString &code : {demo::kCentreCode, demo::kJusticeCode, demo::kCommuneCode}) {
        if (auto st = store.putAgency(*dir.agency(code)); !st)
            return st;
    }
    for (const QString &id :
         {QStringLiteral("counter1"), QStringLiteral("admin1"), QStringLiteral("controller1"),
          QStringLiteral("appraiser1"), QStringLiteral("appraiser2"), QStringLiteral("head1"),
          QStringLiteral("leader1"), QStringLiteral("archivist1"), QStringLiteral("counter9")}) {
        if (auto st = store.putOfficer(*dir.officer(id), passwordHash); !st)
            return st;
    }
    domain::Procedure centre;
    centre.code = kCentreProcedure;
    centre.name = QStringLiteral("Thủ tục thử nghiệm do Trung tâm giải quyết");
    centre.applicantTypes = {domain::ApplicantType::Person};
    centre.components = {{QStringLiteral("TK"), QStringLiteral("Tờ khai"), 1, 0, true, {}, {}}};
    centre.deadline = {domain::Deadline::Unit::WorkingDays, 5};
    centre.agencyCode = demo::kCentreCode;
    return store.putProcedures({*dir.procedure(QStringLiteral("2.001417")),
                                *dir.procedure(QStringLiteral("2.000815")), centre});
}

domain::Officer demoOfficer(const QString &id)
{
    return demo::directory().officer(id).value_or(domain::Officer{});
}

namespace {

QString codeFor(int n)
{
    const QDate day = QDate(2026, 11, 28).addDays(n / 9999);
    return QStringLiteral("%1-%2-%3")
        .arg(demo::kCentreCode, day.toString(QStringLiteral("yyMMdd")))
        .arg(n % 9999 + 1, 4, 10, QLatin1Char('0'));
}

} // namespace

QList<domain::Action> journey(int n)
{
    QList<domain::Action> actions = demo::exampleJourney();
    const QUuid dossier = QUuid::createUuid();
    for (auto &a : actions) {
        a.id = QUuid::createUuid();
        a.dossierId = dossier;
    }
    actions[0].payload.insert(QStringLiteral("code"), codeFor(n));
    return actions;
}

domain::Action centreReceive(int n)
{
    domain::Action a = demo::exampleReceive();
    a.id = QUuid::createUuid();
    a.dossierId = QUuid::createUuid();
    a.payload.insert(QStringLiteral("code"), codeFor(n));
    a.payload.insert(QStringLiteral("procedureCode"), kCentreProcedure);
    a.payload.insert(
        QStringLiteral("components"),
        QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                               {QStringLiteral("documentTypeCode"), QStringLiteral("TK")},
                               {QStringLiteral("name"), QStringLiteral("Tờ khai")},
                               {QStringLiteral("original"), true},
                               {QStringLiteral("copies"), 1}}});
    return a;
}

domain::Action transferToJustice(const domain::Action &receive)
{
    domain::Action a = demo::exampleJourney().at(1);
    a.id = QUuid::createUuid();
    a.dossierId = receive.dossierId;
    a.baseVersion = 1;
    return a;
}

SyncFixture::SyncFixture(const TestDb &t)
{
    db = t.open();
    catalogue = std::make_unique<server::CatalogueStore>(*db);
    ok = bool(seedCatalogue(*catalogue));
    directory = std::make_unique<server::DbDirectory>(*catalogue);
    sync = std::make_unique<server::SyncStore>(*db, *directory);
}

} // namespace motcua::test
