#include "scanattach.h"

#include "../signing/documentsigner.h"
#include "../signing/signingsession.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeDatabase>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <domain/folding.h>

namespace motcua::ui {

QStringList chooseAttachments(QWidget *parent)
{
    return QFileDialog::getOpenFileNames(
        parent, QCoreApplication::translate("ScanAttach", "Attach files"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        QCoreApplication::translate(
            "ScanAttach", "Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
}

ReadAttachments readAttachments(const QStringList &paths)
{
    ReadAttachments out;
    QMimeDatabase mime;
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        QFile f(path);
        if (!QFileInfo::exists(path)) {
            out.problems
                << QCoreApplication::translate("ScanAttach", "\"%1\" was not found.").arg(name);
            continue;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            out.problems << QCoreApplication::translate("ScanAttach",
                                                        "\"%1\" could not be read: %2")
                                .arg(name, f.errorString());
            continue;
        }
        QByteArray bytes = f.readAll();
        if (bytes.isEmpty()) {
            out.problems << QCoreApplication::translate("ScanAttach",
                                                        "\"%1\" is empty and was not attached.")
                                .arg(name);
            continue;
        }
        out.files.append(
            {name, mime.mimeTypeForFileNameAndData(path, bytes).name(), std::move(bytes), {}});
    }
    return out;
}

QStringList componentsForScan(const ScanOutcome &outcome, const QString &code,
                              const QList<domain::RequiredComponent> &components)
{
    QStringList codes;
    for (const auto &rc : components)
        codes << rc.documentTypeCode;
    int at = int(codes.indexOf(code));
    if (at < 0)
        return {};
    QStringList out;
    for (int i = 0; i < outcome.documents.size(); ++i) {
        if (i > 0) {
            const QString wanted = domain::foldForSearch(outcome.documents.at(i).name);
            int named = -1;
            for (int c = 0; c < components.size() && !wanted.isEmpty(); ++c) {
                const auto &rc = components.at(c);
                if (domain::foldForSearch(rc.name) == wanted
                    || domain::foldForSearch(rc.documentTypeCode) == wanted)
                    named = c;
            }
            at = named >= 0 ? named : std::min(at + 1, int(codes.size()) - 1);
        }
        out << codes.at(at);
    }
    return out;
}

void signScannedDocuments(SigningSession *session, QWidget *parent, const ScanOutcome &outcome,
                          QObject *context,
                          std::function<void(const ScanOutcome &, const QString &status)> done)
{
    if (!session || !session->isConfigured() || outcome.documents.isEmpty())
        return done(outcome, {});
    auto credentials = session->unlock(parent);
    if (!credentials) {
        return done(outcome,
                    QCoreApplication::translate("ScanAttach",
                                                "The scanned documents were attached unsigned: %1")
                        .arg(SigningSession::messageFor(credentials.error())));
    }
    using Signed = std::pair<ScanOutcome, QString>;
    auto *watcher = new QFutureWatcher<Signed>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
            const auto [signedOutcome, problem] = watcher->result();
            watcher->deleteLater();
            done(signedOutcome,
                 problem.isEmpty()
                     ? QCoreApplication::translate(
                         "ScanAttach",
                         "%n scanned document(s) signed with your token and "
                         "attached.",
                         nullptr, int(signedOutcome.documents.size()))
                     : QCoreApplication::translate(
                           "ScanAttach", "The scanned documents were attached unsigned: %1")
                           .arg(problem));
        });
    const QString reason = QCoreApplication::translate(
        "ScanAttach", "Digitised from the paper original at the one-stop counter");
    watcher->setFuture(
        QtConcurrent::run([outcome, signer = std::move(credentials).value(), reason]() -> Signed {
            ScanOutcome result = outcome;
            for (auto &doc : result.documents) {
                auto signedPdf = signDocument(signer,
                                              {doc.pdf,
                                               QStringLiteral("scan.pdf"),
                                               QStringLiteral("application/pdf"),
                                               reason,
                                               {}});
                if (!signedPdf) // all or nothing: the originals, unsigned, and why
                    return {outcome, SigningSession::messageFor(signedPdf.error())};
                doc.pdf = signedPdf->bytes;
                doc.signerName = signerNameOf(signer.certificate.get());
                doc.certificateSerial = serialOf(signer.certificate.get());
            }
            return {result, QString()};
        }));
}

} // namespace motcua::ui
