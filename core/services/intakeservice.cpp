#include "intakeservice.h"

#include "componentfiles.h"
#include "logging.h"
#include "workstation.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QUuid>

#include <domain/json.h>

namespace motcua::services {

using domain::Check;
using domain::Result;

IntakeService::IntakeService(Workstation &workstation, ReceiptPrinter &printer)
    : m_ws(workstation)
    , m_printer(printer)
{}

std::optional<domain::Procedure> IntakeService::procedure(const QString &code) const
{
    return m_ws.directory().procedure(code);
}

QDateTime IntakeService::dueDate(const domain::Procedure &p, const QDateTime &receivedAt) const
{
    return m_ws.calendar().dueAt(receivedAt, p.deadline, p.cutoff);
}

Result<int> IntakeService::codesLeftToday() const
{
    return m_ws.cache().codesLeft(m_ws.officer().agencyCode, Workstation::now().date());
}

QString makePublicToken()
{
    QByteArray bytes(18, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<IntakeOutcome> IntakeService::save(const IntakeDraft &draft)
{
    const auto proc = procedure(draft.procedureCode);
    const auto problems = validateDraft(draft, proc ? &*proc : nullptr, Workstation::now().date(),
                                        m_ws.documentTypes());
    if (!problems.isEmpty()) {
        return domain::makeError(QStringLiteral("intake.invalid"), problems.first().message,
                                 problems.first().field);
    }

    store::Cache &cache = m_ws.cache();
    domain::Dossier saved;
    const QUuid dossierId = QUuid::createUuid();
    const Check st = cache.transaction([&]() -> Check {
        QJsonArray components;
        QStringList ocrTexts; // of the scanned documents, for the search index (R21)
        for (const auto &rc : proc->components) {
            const auto entry = draft.components.value(rc.documentTypeCode);
            if (!entry.received)
                continue;
            domain::Component c;
            c.id = rc.documentTypeCode.isEmpty()
                ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                : rc.documentTypeCode;
            c.documentTypeCode = rc.documentTypeCode;
            c.name = rc.name;
            c.original = entry.original;
            c.copies = entry.copies;
            if (auto stored = storeComponentFiles(cache, c, entry.files, &ocrTexts); !stored)
                return stored;
            applyEntryValues(c, entry);
            components.append(domain::toJson(c));
        }
        auto code = cache.takeNextCode(m_ws.officer().agencyCode, Workstation::now().date(),
                                       m_ws.codePattern());
        if (!code)
            return code.error();
        domain::Action a;
        a.id = QUuid::createUuid();
        a.dossierId = dossierId;
        if (!ocrTexts.isEmpty()) {
            // Kept beside the dossier in the cache and indexed when the dossier is recorded.
            if (auto ocr = cache.setOcrText(dossierId, ocrTexts.join(QLatin1Char('\f'))); !ocr)
                return ocr;
        }
        a.type = domain::ActionType::Receive;
        a.actorId = m_ws.officer().id;
        a.baseVersion = 0;
        a.deviceTime = Workstation::now();
        a.payload = QJsonObject{
            {QStringLiteral("code"), code->code},
            {QStringLiteral("procedureCode"), proc->code},
            {QStringLiteral("applicant"), domain::toJson(draft.applicant)},
            {QStringLiteral("channel"), domain::channelKey(*draft.channel)},
            {QStringLiteral("components"), components},
            {QStringLiteral("publicToken"), makePublicToken()},
        };
        auto dossier = cache.recordAction(a, m_ws.directory());
        if (!dossier)
            return dossier.error();
        saved = dossier.value();
        return {};
    });
    if (!st) {
        qCWarning(lcServicesIntake) << "intake not saved:" << st.error().code;
        return st.error();
    }
    qCInfo(lcServicesIntake) << "dossier received" << saved.code;
    m_ws.notifyDossiersChanged();
    return IntakeOutcome{saved, m_printer.printReceipt(saved)};
}

} // namespace motcua::services
