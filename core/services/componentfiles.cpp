#include "componentfiles.h"

#include <QFileInfo>

#include <store/cache.h>

namespace motcua::services {

using domain::Check;

Check storeComponentFiles(store::Cache &cache, domain::Component &c,
                          const QList<AttachedFile> &files, QStringList *ocrTexts)
{
    for (const auto &f : files) {
        auto blob = cache.putBlob(f.bytes, f.mediaType);
        if (!blob)
            return blob.error();
        c.files.append({blob->sha256, f.fileName, f.mediaType, blob->size});
        if (!f.signerName.isEmpty()) {
            domain::SignatureRecord s;
            s.fileSha256 = blob->sha256;
            s.signerName = f.signerName.left(300);
            s.certificateSerial = f.certificateSerial;
            c.signatures.append(s);
        }
        if (f.ocrText.trimmed().isEmpty())
            continue;
        auto text = cache.putBlob(f.ocrText.toUtf8(), QStringLiteral("text/plain"));
        if (!text)
            return text.error();
        c.files.append({text->sha256,
                        QFileInfo(f.fileName).completeBaseName() + QStringLiteral(".txt"),
                        QStringLiteral("text/plain"), text->size});
        if (ocrTexts)
            ocrTexts->append(f.ocrText);
    }
    if (!c.files.isEmpty())
        c.digitised = true;
    return {};
}

QString componentsText(store::Cache &cache, const domain::Dossier &dossier)
{
    QStringList texts;
    for (const auto &c : dossier.components) {
        for (const auto &f : c.files) {
            if (f.mediaType != QLatin1String("text/plain"))
                continue;
            if (auto bytes = cache.blob(f.sha256); bytes)
                texts << QString::fromUtf8(bytes.value());
        }
    }
    return texts.join(QLatin1Char('\f'));
}

} // namespace motcua::services
