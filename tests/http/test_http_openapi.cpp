// docs/openapi.yaml documents exactly the routes the server registers (motcua-server
// --print-routes): a route added without documentation, or documentation of a route that does not
// exist, fails here.
#include "http_fixture.h"
#include "testpaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace motcua::test;

namespace {

// "METHOD /path" for every operation under `paths:` (two-space indented paths, four-space methods).
QStringList documentedOperations(const QString &yaml, QStringList *problems)
{
    static const QRegularExpression pathLine(QStringLiteral("^  (/[^:\\s]*):\\s*$"));
    static const QRegularExpression methodLine(
        QStringLiteral("^    (get|put|post|delete|patch|head|options):\\s*$"));
    static const QRegularExpression topLevel(QStringLiteral("^[A-Za-z]"));
    QStringList out;
    bool inPaths = false;
    QString path;
    QString operation;
    bool hasResponses = false;
    const auto closeOperation = [&] {
        if (!operation.isEmpty() && !hasResponses)
            problems->append(operation + QStringLiteral(": no responses"));
        operation.clear();
        hasResponses = false;
    };
    for (const QString &line : yaml.split(QLatin1Char('\n'))) {
        if (topLevel.match(line).hasMatch()) {
            closeOperation();
            inPaths = line.startsWith(QLatin1String("paths:"));
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            closeOperation();
            path = m.captured(1);
        } else if (const auto m2 = methodLine.match(line); m2.hasMatch()) {
            closeOperation();
            operation = m2.captured(1).toUpper() + QLatin1Char(' ') + path;
            out.append(operation);
        } else if (line.startsWith(QLatin1String("      responses:"))) {
            hasResponses = true;
        }
    }
    closeOperation();
    return out;
}

} // namespace

class TestHttpOpenApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRouteIsDocumented()
    {
        QFile file(motcua::testing::sourcePath(QStringLiteral("docs/openapi.yaml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString yaml = QString::fromUtf8(file.readAll());
        QVERIFY(yaml.startsWith(QStringLiteral("openapi: 3.")));
        QStringList problems;
        QStringList documented = documentedOperations(yaml, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QStringList served = serverRoutes();
        QVERIFY2(served.size() >= 20, "motcua-server --print-routes listed too few routes");

        QStringList undocumented;
        for (const QString &route : served) {
            if (!documented.contains(route))
                undocumented.append(route);
        }
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("routes missing from docs/openapi.yaml:\n")
                            + undocumented.join(QLatin1Char('\n'))));
        QStringList phantom;
        for (const QString &op : documented) {
            if (!served.contains(op))
                phantom.append(op);
        }
        QVERIFY2(phantom.isEmpty(),
                 qPrintable(QStringLiteral("documented but not served:\n")
                            + phantom.join(QLatin1Char('\n'))));
        QCOMPARE(documented.removeDuplicates(), 0);
    }

    void printRoutesListsAccess()
    {
        QProcess p;
        p.start(motcua::testing::serverPath(), {QStringLiteral("--print-routes")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(out.contains(QStringLiteral("GET /api/v1/health public -")));
        QVERIFY(out.contains(QStringLiteral("PUT /api/v1/agencies/{code} officer admin")));
        QVERIFY(out.contains(QStringLiteral("POST /api/v1/codes/lease officer counter,admin")));
    }
};

QTEST_GUILESS_MAIN(TestHttpOpenApi)
#include "test_http_openapi.moc"
