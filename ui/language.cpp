#include "language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace motcua::ui {

QString savedLanguage()
{
    const QString lang
        = QSettings().value(QStringLiteral("ui/language"), QLatin1String(kVietnamese)).toString();
    return lang == QLatin1String(kEnglish) ? lang : QString::fromLatin1(kVietnamese);
}

void saveLanguage(const QString &language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

bool installLanguage(const QString &language)
{
    static QTranslator *ours = nullptr;
    static QTranslator *qt = nullptr;
    static QTranslator *admin = nullptr; // the Administration section's strings (issue 10)
    for (QTranslator **t : {&ours, &qt, &admin}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (language != QLatin1String(kVietnamese)) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return true;
    }
    QLocale::setDefault(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    bool ok = true;
    ours = new QTranslator;
    qt = new QTranslator;
    ok &= ours->load(QStringLiteral(":/i18n/motcua_vi.qm"));
    ok &= qt->load(QStringLiteral(":/i18n/qtstandard_vi.qm"));
    admin = new QTranslator;
    ok &= admin->load(QStringLiteral(":/i18n/motcua_admin_vi.qm"));
    QCoreApplication::installTranslator(qt);
    QCoreApplication::installTranslator(admin);
    QCoreApplication::installTranslator(ours);
    return ok;
}

} // namespace motcua::ui
