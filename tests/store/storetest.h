#pragma once

// Helpers for the store's tests: temporary profiles, random keys, realistic intake actions.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <domain/demo.h>
#include <domain/engine.h>
#include <domain/json.h>
#include <store/cache.h>
#include <store/crypto.h>

namespace motcua::store::test {

// The error of a failed result, for QVERIFY2 (which evaluates its message even on success).
template<typename R>
QByteArray why(const R &result)
{
    if (result)
        return {};
    return result.error().toString().toUtf8() + ' '
        + QJsonDocument(result.error().details).toJson(QJsonDocument::Compact);
}

inline QByteArray randomKey()
{
    return crypto::randomBytes(32);
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The example intake with its own dossier id, code and applicant.
inline domain::Action receive(const QUuid &dossierId, const QString &code,
                              const QString &applicantName,
                              const QString &address = QStringLiteral("12 Trần Phú, Nha Trang"))
{
    domain::Action a = domain::demo::exampleReceive();
    a.id = QUuid::createUuid();
    a.dossierId = dossierId;
    a.deviceTime = QDateTime::currentDateTimeUtc();
    QJsonObject applicant = a.payload.value(QStringLiteral("applicant")).toObject();
    applicant.insert(QStringLiteral("fullName"), applicantName);
    applicant.insert(QStringLiteral("address"), address);
    a.payload.insert(QStringLiteral("applicant"), applicant);
    a.payload.insert(QStringLiteral("code"), code);
    return a;
}

// A dossier as the server would send it: the fold of one intake.
inline domain::Dossier serverDossier(const domain::Action &intake,
                                     const domain::Directory &directory)
{
    auto d = domain::apply(domain::Dossier{}, intake, directory);
    if (!d)
        qFatal("fixture intake rejected: %s", qPrintable(d.error().toString()));
    return d.value();
}

inline QString code(int n)
{
    return QStringLiteral("000.17.22.H56-261128-%1").arg(n, 4, 10, QLatin1Char('0'));
}

} // namespace motcua::store::test
