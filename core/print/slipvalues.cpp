#include "slipvalues.h"

#include "slipformat.h"

#include <domain/action.h>
#include <domain/slipcatalogue.h>

namespace motcua::print {
namespace {

using namespace motcua::domain;

// Values an officer fills in by hand when the dossier has none: a dotted line, not a gap.
bool leftForHand(const QString &name)
{
    static const QStringList names{QStringLiteral("slip.number"),
                                   QStringLiteral("logbook.volume"),
                                   QStringLiteral("logbook.number"),
                                   QStringLiteral("agency.contact"),
                                   QStringLiteral("agency.locality"),
                                   QStringLiteral("dossier.returnPlace"),
                                   QStringLiteral("refusal.reason"),
                                   QStringLiteral("stop.reason"),
                                   QStringLiteral("extension.reason"),
                                   QStringLiteral("supplement.reason"),
                                   QStringLiteral("supplement.content"),
                                   QStringLiteral("extension.newDueAt"),
                                   QStringLiteral("stop.at"),
                                   QStringLiteral("officer.name"),
                                   QStringLiteral("applicant.phone"),
                                   QStringLiteral("applicant.address")};
    return names.contains(name);
}

QString cell(const QString &text, const char *attributes = "")
{
    return QStringLiteral("<td%1>%2</td>").arg(QString::fromLatin1(attributes), escapeHtml(text));
}

QString componentsTable(const Dossier &d)
{
    QString html = QStringLiteral(
        "<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"
        "<tr><th width=\"7%\">TT</th><th>Tên giấy tờ</th><th width=\"18%\">Bản chính / bản "
        "sao</th><th width=\"12%\">Số lượng</th></tr>");
    int n = 0;
    for (const auto &c : d.components) {
        html += QStringLiteral("<tr>") + cell(QString::number(++n), " class=\"center\"")
            + cell(c.name)
            + cell(c.original ? QStringLiteral("Bản chính") : QStringLiteral("Bản sao"),
                   " class=\"center\"")
            + cell(QString::number(c.copies), " class=\"center\"") + QStringLiteral("</tr>");
    }
    if (n == 0)
        html += QStringLiteral("<tr><td colspan=\"4\">%1</td></tr>").arg(blankLine(20));
    return html + QStringLiteral("</table>");
}

// TT | component | original / certified copy / photocopy: one row per line of what the applicant
// must supplement; the kind of copy is ticked by hand.
QString supplementTable(const std::optional<SupplementRequest> &s)
{
    QString html
        = QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"
                         "<tr><th width=\"7%\">TT</th><th>Tên giấy tờ cần bổ sung, hoàn thiện</th>"
                         "<th width=\"13%\">Bản chính</th><th width=\"15%\">Bản sao chứng thực</th>"
                         "<th width=\"13%\">Bản photocopy</th></tr>");
    QStringList lines;
    if (s) {
        for (const QString &line : s->content.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines.append(line.trimmed());
    }
    if (lines.isEmpty())
        lines.append(blankLine(20));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        html += QStringLiteral("<tr>") + cell(QString::number(i + 1), " class=\"center\"")
            + cell(lines.at(i)) + QStringLiteral("<td></td><td></td><td></td></tr>");
    }
    return html + QStringLiteral("</table>");
}

QString timing(const QDateTime &at, const QDateTime &due)
{
    if (!at.isValid() || !due.isValid())
        return {};
    if (at < due.addSecs(-24 * 3600))
        return QStringLiteral("Trước hạn");
    return at <= due ? QStringLiteral("Đúng hạn") : QStringLiteral("Quá hạn");
}

// Agency | handover (giao / nhận times with signatures) | result | notes: one row per step of the
// trail, handed over from the previous step's officer.
QString trailTable(const Dossier &d, const SlipContext &ctx)
{
    QString html = QStringLiteral(
        "<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"
        "<tr><th width=\"6%\">TT</th><th width=\"26%\">Tên cơ quan, bộ phận, người xử lý</th>"
        "<th width=\"34%\">Thời gian giao, nhận hồ sơ</th><th width=\"16%\">Kết quả giải quyết "
        "hồ sơ (trước hạn / đúng hạn / quá hạn)</th><th>Ghi chú</th></tr>");
    int n = 0;
    QString previous;
    for (const auto &e : d.trail) {
        if (e.type == ActionType::RecordPrint)
            continue; // a print hands the dossier to nobody
        const QString who = ctx.officerNames.value(e.actorId, e.actorId);
        const QString from = previous.isEmpty() ? who : previous;
        QString handover = QStringLiteral("Giao: %1 — %2<br>Nhận: %3<br>Người giao ký: %4<br>"
                                          "Người nhận ký: %4")
                               .arg(escapeHtml(shortDateTime(e.at)), escapeHtml(from),
                                    escapeHtml(who), blankLine(6));
        html += QStringLiteral("<tr>") + cell(QString::number(++n), " class=\"center\"")
            + cell(who
                   + (ctx.agency.name.isEmpty() ? QString()
                                                : QStringLiteral(", ") + ctx.agency.name))
            + QStringLiteral("<td>%1</td>").arg(handover)
            + cell(timing(e.at, d.dueAt), " class=\"center\"")
            + cell(e.note.isEmpty() ? actionTypeName(e.type) : e.note) + QStringLiteral("</tr>");
        previous = who;
    }
    if (n == 0)
        html += QStringLiteral("<tr><td colspan=\"5\">%1</td></tr>").arg(blankLine(20));
    return html + QStringLiteral("</table>");
}

QString feesText(const std::optional<Procedure> &p)
{
    if (!p || p->fees.isEmpty())
        return QStringLiteral("Không");
    QStringList parts;
    for (const auto &fee : p->fees)
        parts.append(fee.description.isEmpty()
                         ? vnd(fee.amountVnd)
                         : fee.description + QStringLiteral(": ") + vnd(fee.amountVnd));
    return parts.join(QStringLiteral("; "));
}

// When the action of `type` last happened, from the trail.
QDateTime lastAt(const Dossier &d, ActionType type)
{
    for (auto it = d.trail.crbegin(); it != d.trail.crend(); ++it) {
        if (it->type == type)
            return it->at;
    }
    return {};
}

QString lastNote(const Dossier &d, ActionType type)
{
    for (auto it = d.trail.crbegin(); it != d.trail.crend(); ++it) {
        if (it->type == type)
            return it->note;
    }
    return {};
}

QString howCollected(const Dossier &d)
{
    if (!d.returnRecord)
        return {};
    const QString &r = d.returnRecord->recipientRelation;
    if (r == QLatin1String("self"))
        return QStringLiteral("Trực tiếp");
    if (r == QLatin1String("proxy") || r == QLatin1String("authorised"))
        return QStringLiteral("Nhận thay (ủy quyền)");
    return r;
}

} // namespace

SlipValues slipValues(const Dossier &d, const SlipContext &ctx)
{
    const QDateTime printedAt
        = ctx.printedAt.isValid() ? ctx.printedAt : QDateTime::currentDateTimeUtc();
    const std::optional<SupplementRequest> supplement
        = d.supplements.isEmpty() ? std::nullopt : std::optional(d.supplements.constLast());
    const std::optional<Extension> extension
        = d.extensions.isEmpty() ? std::nullopt : std::optional(d.extensions.constLast());
    const QString url = lookupUrl(ctx.lookupBaseUrl, d);

    QHash<QString, QString> text{
        {QStringLiteral("today"), administrativeDate(printedAt)},
        {QStringLiteral("agency.name"), ctx.agency.name},
        {QStringLiteral("agency.code"), ctx.agency.code},
        {QStringLiteral("agency.parentName"), ctx.agencyParentName},
        {QStringLiteral("agency.locality"), ctx.locality},
        {QStringLiteral("agency.contact"), ctx.contact},
        {QStringLiteral("officer.name"), ctx.officer ? ctx.officer->fullName : QString()},
        {QStringLiteral("officer.title"), ctx.officer ? ctx.officer->title : QString()},
        {QStringLiteral("dossier.code"), d.code},
        {QStringLiteral("dossier.receivedAt"), administrativeDateTime(d.receivedAt)},
        {QStringLiteral("dossier.dueAt"),
         d.dueAt.isValid() ? administrativeDateTime(d.dueAt)
                           : QStringLiteral("Không quy định thời hạn")},
        {QStringLiteral("dossier.completedAt"), administrativeDateTime(d.completedAt)},
        {QStringLiteral("dossier.channel"), channelName(d.channel)},
        {QStringLiteral("dossier.status"), statusName(d.status())},
        {QStringLiteral("dossier.lookupUrl"), url},
        {QStringLiteral("dossier.returnPlace"), ctx.returnPlace},
        {QStringLiteral("dossier.resultTiming"),
         timing(d.completedAt.isValid() ? d.completedAt : QDateTime(), d.dueAt)},
        {QStringLiteral("applicant.name"), d.applicant.fullName},
        {QStringLiteral("applicant.organisationName"), d.applicant.organisationName},
        {QStringLiteral("applicant.personalId"), d.applicant.personalId},
        {QStringLiteral("applicant.taxCode"), d.applicant.taxCode},
        {QStringLiteral("applicant.address"), d.applicant.address},
        {QStringLiteral("applicant.phone"), d.applicant.phone},
        {QStringLiteral("applicant.email"), d.applicant.email},
        {QStringLiteral("procedure.code"), d.procedureCode},
        {QStringLiteral("procedure.name"),
         d.procedureName.isEmpty() && ctx.procedure ? ctx.procedure->name : d.procedureName},
        {QStringLiteral("procedure.fieldName"),
         ctx.procedure ? ctx.procedure->fieldName : QString()},
        {QStringLiteral("procedure.deadline"),
         ctx.procedure ? deadlineText(ctx.procedure->deadline) : QString()},
        {QStringLiteral("procedure.fees"), feesText(ctx.procedure)},
        {QStringLiteral("components.count"), QStringLiteral("01")},
        {QStringLiteral("supplement.content"), supplement ? supplement->content : QString()},
        {QStringLiteral("supplement.reason"), supplement ? supplement->reason : QString()},
        {QStringLiteral("supplement.requestedAt"),
         supplement ? administrativeDateTime(supplement->requestedAt) : QString()},
        {QStringLiteral("refusal.reason"),
         d.stage == Stage::Refused ? d.stageNote : lastNote(d, ActionType::Refuse)},
        {QStringLiteral("extension.reason"), extension ? extension->reason : QString()},
        {QStringLiteral("extension.previousDueAt"),
         administrativeDateTime(extension ? extension->previousDue : d.dueAt)},
        {QStringLiteral("extension.newDueAt"),
         extension ? administrativeDateTime(extension->newDue) : QString()},
        {QStringLiteral("stop.reason"),
         d.stage == Stage::StoppedOnRequest ? d.stageNote : lastNote(d, ActionType::Stop)},
        {QStringLiteral("stop.at"), administrativeDateTime(lastAt(d, ActionType::Stop))},
        {QStringLiteral("return.recipientName"),
         d.returnRecord ? d.returnRecord->recipientName : QString()},
        {QStringLiteral("return.recipientRelation"), howCollected(d)},
        {QStringLiteral("return.returnedAt"),
         d.returnRecord ? administrativeDateTime(d.returnRecord->returnedAt) : QString()},
        {QStringLiteral("return.feeReceipt"),
         d.returnRecord ? d.returnRecord->feeReceipt : QString()},
        {QStringLiteral("return.note"), d.returnRecord ? d.returnRecord->note : QString()},
        {QStringLiteral("slip.number"), ctx.slipNumber},
        {QStringLiteral("slip.copyLabel"), QString()},
        {QStringLiteral("logbook.volume"), ctx.logbookVolume},
        {QStringLiteral("logbook.number"), ctx.logbookNumber},
    };
    QStringList results;
    for (const auto &f : d.results)
        results.append(f.fileName);
    text.insert(QStringLiteral("result.documents"), results.join(QStringLiteral("; ")));

    SlipValues values;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        const QString value = it.value().trimmed();
        values.insert(it.key(),
                      value.isEmpty() && leftForHand(it.key()) ? blankLine() : escapeHtml(value));
    }
    values.insert(QStringLiteral("dossier.qrCode"),
                  QStringLiteral("<img src=\"%1\" width=\"120\" height=\"120\">")
                      .arg(QLatin1String(kQrResource)));
    values.insert(QStringLiteral("components.table"), componentsTable(d));
    values.insert(QStringLiteral("supplement.table"), supplementTable(supplement));
    values.insert(QStringLiteral("dossier.trailTable"), trailTable(d, ctx));
    values.insert(QStringLiteral("logbook.rows"), logbookRows({d}, ctx));
    return values;
}

QString logbookRows(const QList<Dossier> &dossiers, const SlipContext &ctx)
{
    QString html;
    int n = 0;
    for (const auto &d : dossiers) {
        QStringList contact{d.applicant.address, d.applicant.phone};
        contact.removeAll(QString());
        const QString applicant = d.applicant.organisationName.isEmpty()
            ? d.applicant.fullName
            : d.applicant.organisationName + QStringLiteral(" (") + d.applicant.fullName
                + QLatin1Char(')');
        html += QStringLiteral("<tr>") + cell(QString::number(++n), " class=\"center\"")
            + cell(d.code) + cell(d.procedureName) + cell(applicant)
            + cell(contact.join(QStringLiteral(", "))) + cell(ctx.leadAgencyName)
            + cell(shortDate(d.receivedAt), " class=\"center\"")
            + cell(shortDate(d.dueAt), " class=\"center\"")
            + cell(d.returnRecord ? shortDate(d.returnRecord->returnedAt) : QString(),
                   " class=\"center\"")
            + cell(howCollected(d)) + QStringLiteral("<td></td></tr>");
    }
    return html;
}

} // namespace motcua::print
