// motcua [--server URL] [--profile DIR] [--user NAME]: the desktop client of the one-stop counter.
// The composition root: picks the real devices (OS keychain, system network monitor, tray,
// receipt printer seam), opens the login, then the main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QThread>

#include <language.h>
#include <logindialog.h>
#include <mainwindow.h>
#include <notifier.h>
#include <services/authservice.h>
#include <services/dossieractions.h>
#include <services/pdfreceiptprinter.h>
#include <services/sliptemplatecache.h>
#include <services/syncstatus.h>
#include <services/workstation.h>
#include <slippreview.h>
#include <store/cachekey.h>
#include <store/keystore.h>
#include <style.h>
#include <sync/api_client.h>
#include <sync/connectivity.h>
#include <sync/sync_engine.h>

using namespace motcua;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MotCua"));
    QApplication::setApplicationName(QStringLiteral("motcua"));
    QApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    ui::installLanguage(ui::savedLanguage());
    ui::applyStyle(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "MotCua: one-stop counter client (Circular 21/2023/TT-BTTTT)."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption server(QStringLiteral("server"),
                              QApplication::translate("main", "Server address (saved)."),
                              QStringLiteral("URL"));
    QCommandLineOption profile(QStringLiteral("profile"),
                               QApplication::translate("main", "Profile folder (cache, blobs)."),
                               QStringLiteral("DIR"));
    QCommandLineOption user(QStringLiteral("user"),
                            QApplication::translate("main", "Username to pre-fill."),
                            QStringLiteral("NAME"));
    parser.addOptions({server, profile, user});
    parser.process(app);

    QSettings settings;
    QString serverUrl = parser.value(server);
    if (serverUrl.isEmpty())
        serverUrl = settings.value(QStringLiteral("server/url")).toString();
    else
        settings.setValue(QStringLiteral("server/url"), serverUrl);
    const QString profileDir
        = parser.isSet(profile) ? parser.value(profile) : store::CacheKeys::defaultProfileDir();

    store::KeychainSecretStore secrets;
    sync::ApiClient::Options options;
    options.baseUrl = QUrl(serverUrl);
    options.userAgent = QByteArrayLiteral("motcua/") + MOTCUA_VERSION;
    sync::ApiClient api(options);
    services::AuthService auth(profileDir, secrets, api);

    ui::LoginDialog login(auth, serverUrl);
    if (parser.isSet(user))
        login.setUsername(parser.value(user));
    if (login.exec() != QDialog::Accepted)
        return 0;

    services::Workstation workstation(auth.takeCache(), login.officer(), &api);
    sync::SystemNetworkMonitor monitor;
    services::SyncStatus status(workstation, &monitor);
    if (login.online())
        status.reportReached();

    // The sync engine on its own thread with its own cache connection, opened with the key the
    // login unlocked (from the keychain, or from the officer's slot in officer-password mode).
    sync::SyncOptions syncOptions;
    syncOptions.api = options;
    auto *engine = new sync::SyncEngine(syncOptions, auth.cacheOpener());
    QThread syncThread;
    syncThread.setObjectName(QStringLiteral("sync"));
    engine->moveToThread(&syncThread);
    QObject::connect(&syncThread, &QThread::finished, engine, &QObject::deleteLater);
    QObject::connect(engine, &sync::SyncEngine::onlineChanged, &status,
                     &services::SyncStatus::setOnline);
    QObject::connect(engine, &sync::SyncEngine::pendingCountChanged, &status,
                     &services::SyncStatus::setPending);
    QObject::connect(engine, &sync::SyncEngine::lastSyncChanged, &status,
                     &services::SyncStatus::setLastSync);
    QObject::connect(engine, &sync::SyncEngine::openConflictsChanged, &status,
                     &services::SyncStatus::setConflicts);
    QObject::connect(
        engine, &sync::SyncEngine::stuck, &status,
        [&status](const sync::StuckItem &item) { status.setStuck(1, item.error.message); });
    QObject::connect(engine, &sync::SyncEngine::unstuck, &status,
                     [&status] { status.setStuck(0); });
    QObject::connect(engine, &sync::SyncEngine::sessionChanged, &api, &sync::ApiClient::setSession);
    // Views refresh when the engine changed dossiers; local actions wake the engine (not the
    // other way round).
    bool fromEngine = false;
    QObject::connect(engine, &sync::SyncEngine::dossiersChanged, &workstation, [&] {
        fromEngine = true;
        workstation.notifyDossiersChanged();
        fromEngine = false;
    });
    QObject::connect(engine, &sync::SyncEngine::pullProgress, &status,
                     [&status](qint64 received) { status.setReceiving(received); });
    QObject::connect(engine, &sync::SyncEngine::roundFinished, &workstation,
                     [&workstation, &status](bool ok) {
                         status.setReceiving(0);
                         if (ok)
                             (void)workstation.reloadCatalogues();
                     });
    QObject::connect(&workstation, &services::Workstation::dossiersChanged, engine, [&] {
        if (!fromEngine)
            QMetaObject::invokeMethod(engine, &sync::SyncEngine::localActionsRecorded);
    });
    syncThread.start();
    QMetaObject::invokeMethod(engine, &sync::SyncEngine::start);
    if (api.hasSession())
        QMetaObject::invokeMethod(
            engine, [engine, session = api.session()] { engine->setSession(session); });
    status.setProbeInterval(0); // the engine reports online/offline from now on

    // Receipts are rendered with core/print and kept in the profile (slips/) for reprinting.
    services::PdfReceiptPrinter printer(
        [&workstation]() -> const domain::Directory & { return workstation.directory(); },
        workstation.officer(), serverUrl, profileDir + QStringLiteral("/slips"));
    // The agency's slip templates as last brought from the server (the national defaults before).
    printer.setTemplates(services::slipTemplatesFromCache(workstation.cache()));
    QObject::connect(&workstation, &services::Workstation::cataloguesChanged, &app, [&] {
        printer.setTemplates(services::slipTemplatesFromCache(workstation.cache()));
    });
    ui::Notifier *notifier = ui::createTrayNotifier(&app);

    ui::MainWindow window(workstation, status, printer, notifier);
    window.setSecretStore(&secrets);
    // Each slip written (the receipt after intake or again from the dossier view, the slips of
    // processing actions) opens its preview, where Enter prints it; printing or saving it records
    // the print on the dossier (queued like every action).
    services::DossierActions printActions(workstation);
    printer.setSink([&window, &printActions](const services::SlipJob &job) -> domain::Check {
        ui::previewSlip(job, &printActions, &window);
        return {};
    });
    window.show();
    if (!login.warning().isEmpty())
        QMessageBox::warning(&window, QApplication::translate("main", "Catalogues not refreshed"),
                             login.warning());
    const int rc = QApplication::exec();
    QMetaObject::invokeMethod(engine, &sync::SyncEngine::stop, Qt::BlockingQueuedConnection);
    syncThread.quit();
    syncThread.wait();
    return rc;
}
