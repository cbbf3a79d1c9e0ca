// The kinds of slips, the placeholders a template may use, and what makes a template storable.
#include "slip_templates.h"

#include <QHash>
#include <QRegularExpression>

namespace motcua::server {
namespace {

using domain::makeError;

const QString kCircular = QStringLiteral(
    "Thông tư 21/2023/TT-BTTTT (sửa đổi, bổ sung bởi Thông tư 11/2025/TT-BKHCN), Điều 5");
const QString kDecree = QStringLiteral(
    "Nghị định 118/2025/NĐ-CP ngày 09/6/2025 về thực hiện thủ tục hành chính theo cơ chế một "
    "cửa, một cửa liên thông");

QString printed(int number)
{
    return QStringLiteral("%1, mục 5 (khoản 2 điểm d) và mục 19 (giấy tờ số %2); %3.")
        .arg(kCircular)
        .arg(number)
        .arg(kDecree);
}

Error invalid(const QString &field, const QString &message)
{
    return makeError(QStringLiteral("slip_template.invalid"), message, field);
}

Error placeholderError(const QString &code, const QString &message, const QString &placeholder,
                       const QString &content, qsizetype offset)
{
    const int line = int(QStringView(content).left(offset).count(QLatin1Char('\n'))) + 1;
    Error e = makeError(code, message.arg(placeholder, QString::number(line)),
                        QStringLiteral("content"));
    e.details.insert(QStringLiteral("placeholder"), placeholder);
    e.details.insert(QStringLiteral("offset"), double(offset));
    e.details.insert(QStringLiteral("line"), line);
    return e;
}

bool isKnownPlaceholder(const QString &name)
{
    static const QHash<QString, bool> known = [] {
        QHash<QString, bool> h;
        for (const auto &p : slipPlaceholders())
            h.insert(p.name, true);
        return h;
    }();
    return known.contains(name);
}

// Every "{{" closes with "}}" around a known dotted name; no stray "}}".
Check checkPlaceholders(const QString &content)
{
    static const QRegularExpression name(
        QStringLiteral("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$"));
    const QString open = QStringLiteral("{{");
    const QString close = QStringLiteral("}}");
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = content.indexOf(open, from);
        const qsizetype stray = content.indexOf(close, from);
        if (stray >= 0 && (start < 0 || stray < start)) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral("Nội dung mẫu có \"%1\" không có \"{{\" mở tương ứng (dòng %2)."),
                close, content, stray);
        }
        if (start < 0)
            return {};
        const qsizetype end = content.indexOf(close, start + 2);
        const qsizetype nested = content.indexOf(open, start + 2);
        if (end < 0 || (nested >= 0 && nested < end)) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral(
                    "Chỗ điền bắt đầu bằng \"%1\" chưa được đóng bằng \"}}\" (dòng %2)."),
                open, content, start);
        }
        const QString inner = content.mid(start + 2, end - start - 2).trimmed();
        if (!name.match(inner).hasMatch()) {
            return placeholderError(
                QStringLiteral("slip_template.bad_placeholder"),
                QStringLiteral("Chỗ điền \"{{%1}}\" không đúng dạng (chữ cái Latinh, chữ số và "
                               "dấu chấm, ví dụ {{dossier.code}}) (dòng %2)."),
                inner.left(60), content, start);
        }
        if (!isKnownPlaceholder(inner)) {
            return placeholderError(QStringLiteral("slip_template.unknown_placeholder"),
                                    QStringLiteral("Chỗ điền \"{{%1}}\" không có trong danh sách "
                                                   "chỗ điền được hỗ trợ (dòng %2)."),
                                    inner, content, start);
        }
        from = end + 2;
    }
}

} // namespace

const QList<SlipKind> &slipKinds()
{
    static const QList<SlipKind> kinds{
        {QStringLiteral("receipt"), QStringLiteral("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
         printed(1)},
        {QStringLiteral("supplement-request"),
         QStringLiteral("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"), printed(2)},
        {QStringLiteral("refusal"),
         QStringLiteral("Phiếu từ chối giải quyết hồ sơ thủ tục hành chính"), printed(3)},
        {QStringLiteral("extension-request"),
         QStringLiteral("Phiếu đề nghị gia hạn thời gian giải quyết"), printed(4)},
        {QStringLiteral("process-control"),
         QStringLiteral("Phiếu kiểm soát quá trình giải quyết hồ sơ"), printed(5)},
        {QStringLiteral("evaluation"), QStringLiteral("Phiếu đánh giá"), printed(6)},
        {QStringLiteral("stop-notice"),
         QStringLiteral("Thông báo dừng thực hiện thủ tục hành chính"),
         QStringLiteral("%1, mục 17; Điều 21 %2.").arg(kCircular, kDecree)},
        {QStringLiteral("result-handover"),
         QStringLiteral("Biên bản bàn giao kết quả giải quyết thủ tục hành chính"),
         QStringLiteral("%1, mục 18 (khoản 4, 5 và 6); %2.").arg(kCircular, kDecree)},
    };
    return kinds;
}

const SlipKind *findSlipKind(const QString &key)
{
    for (const auto &kind : slipKinds()) {
        if (kind.key == key)
            return &kind;
    }
    return nullptr;
}

const QList<SlipPlaceholder> &slipPlaceholders()
{
    static const QList<SlipPlaceholder> all{
        {QStringLiteral("today"), QStringLiteral("Ngày in: \"ngày … tháng … năm …\"")},
        {QStringLiteral("agency.name"), QStringLiteral("Tên cơ quan")},
        {QStringLiteral("agency.code"), QStringLiteral("Mã định danh cơ quan")},
        {QStringLiteral("agency.parentName"), QStringLiteral("Tên cơ quan chủ quản")},
        {QStringLiteral("agency.locality"), QStringLiteral("Địa danh ghi trước ngày tháng")},
        {QStringLiteral("officer.name"), QStringLiteral("Họ tên cán bộ lập phiếu")},
        {QStringLiteral("officer.title"), QStringLiteral("Chức danh cán bộ lập phiếu")},
        {QStringLiteral("dossier.code"), QStringLiteral("Mã số hồ sơ")},
        {QStringLiteral("dossier.receivedAt"), QStringLiteral("Thời điểm tiếp nhận")},
        {QStringLiteral("dossier.dueAt"), QStringLiteral("Thời điểm hẹn trả kết quả")},
        {QStringLiteral("dossier.completedAt"), QStringLiteral("Thời điểm có kết quả")},
        {QStringLiteral("dossier.channel"), QStringLiteral("Hình thức tiếp nhận")},
        {QStringLiteral("dossier.status"), QStringLiteral("Trạng thái hồ sơ")},
        {QStringLiteral("dossier.lookupUrl"), QStringLiteral("Địa chỉ tra cứu hồ sơ")},
        {QStringLiteral("dossier.qrCode"), QStringLiteral("Mã QR tra cứu hồ sơ (hình)"), true},
        {QStringLiteral("dossier.trailTable"),
         QStringLiteral("Bảng quá trình giải quyết (bước, cán bộ, thời điểm)"), true},
        {QStringLiteral("applicant.name"), QStringLiteral("Họ tên người nộp / người đại diện")},
        {QStringLiteral("applicant.organisationName"), QStringLiteral("Tên tổ chức")},
        {QStringLiteral("applicant.personalId"), QStringLiteral("Số định danh cá nhân")},
        {QStringLiteral("applicant.taxCode"), QStringLiteral("Mã số thuế của tổ chức")},
        {QStringLiteral("applicant.address"), QStringLiteral("Địa chỉ")},
        {QStringLiteral("applicant.phone"), QStringLiteral("Số điện thoại")},
        {QStringLiteral("applicant.email"), QStringLiteral("Thư điện tử")},
        {QStringLiteral("procedure.code"), QStringLiteral("Mã thủ tục hành chính")},
        {QStringLiteral("procedure.name"), QStringLiteral("Tên thủ tục hành chính")},
        {QStringLiteral("procedure.fieldName"), QStringLiteral("Lĩnh vực")},
        {QStringLiteral("procedure.deadline"), QStringLiteral("Thời hạn giải quyết theo quy định")},
        {QStringLiteral("procedure.fees"), QStringLiteral("Phí, lệ phí")},
        {QStringLiteral("components.table"),
         QStringLiteral("Bảng thành phần hồ sơ (tên giấy tờ, bản chính, bản sao)"), true},
        {QStringLiteral("components.count"), QStringLiteral("Số bộ hồ sơ")},
        {QStringLiteral("supplement.content"),
         QStringLiteral("Nội dung cần bổ sung, hoàn thiện và hướng dẫn")},
        {QStringLiteral("supplement.reason"), QStringLiteral("Lý do yêu cầu bổ sung")},
        {QStringLiteral("supplement.requestedAt"), QStringLiteral("Thời điểm yêu cầu bổ sung")},
        {QStringLiteral("refusal.reason"), QStringLiteral("Lý do từ chối")},
        {QStringLiteral("extension.reason"), QStringLiteral("Lý do gia hạn")},
        {QStringLiteral("extension.previousDueAt"), QStringLiteral("Thời điểm hẹn trả trước đó")},
        {QStringLiteral("extension.newDueAt"), QStringLiteral("Thời điểm hẹn trả mới")},
        {QStringLiteral("stop.reason"), QStringLiteral("Lý do dừng thực hiện thủ tục")},
        {QStringLiteral("stop.at"), QStringLiteral("Thời điểm dừng")},
        {QStringLiteral("result.documents"), QStringLiteral("Tên các giấy tờ kết quả")},
        {QStringLiteral("return.recipientName"), QStringLiteral("Họ tên người nhận kết quả")},
        {QStringLiteral("return.recipientRelation"),
         QStringLiteral("Tư cách người nhận (chính chủ, ủy quyền…)")},
        {QStringLiteral("return.returnedAt"), QStringLiteral("Thời điểm trả kết quả")},
        {QStringLiteral("return.feeReceipt"), QStringLiteral("Số biên lai phí, lệ phí")},
        {QStringLiteral("return.note"), QStringLiteral("Ghi chú khi trả kết quả")},
    };
    return all;
}

QJsonObject toJson(const SlipTemplate &slip)
{
    return {{QStringLiteral("kind"), slip.kind},
            {QStringLiteral("agencyCode"), slip.agencyCode},
            {QStringLiteral("version"), slip.version},
            {QStringLiteral("title"), slip.title},
            {QStringLiteral("legalBasis"), slip.legalBasis},
            {QStringLiteral("format"), slip.format},
            {QStringLiteral("content"), slip.content},
            {QStringLiteral("updatedAt"), slip.updatedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("updatedBy"), slip.updatedBy}};
}

Check validateSlipTemplate(const SlipTemplate &slip)
{
    if (!findSlipKind(slip.kind)) {
        QStringList keys;
        for (const auto &kind : slipKinds())
            keys.append(kind.key);
        return makeError(QStringLiteral("slip_template.unknown_kind"),
                         QStringLiteral("Loại mẫu phiếu \"%1\" không được hỗ trợ (các loại: %2).")
                             .arg(slip.kind.left(60), keys.join(QStringLiteral(", "))),
                         QStringLiteral("kind"));
    }
    if (slip.title.trimmed().isEmpty() || slip.title.size() > 300)
        return invalid(QStringLiteral("title"),
                       QStringLiteral("Tên mẫu phiếu không được để trống và không quá 300 ký tự."));
    if (slip.legalBasis.trimmed().isEmpty() || slip.legalBasis.size() > 2000) {
        return invalid(QStringLiteral("legalBasis"),
                       QStringLiteral("Căn cứ pháp lý của mẫu phiếu không được để trống và không "
                                      "quá 2000 ký tự."));
    }
    if (slip.format != QLatin1String("html")) {
        return invalid(QStringLiteral("format"),
                       QStringLiteral("Định dạng mẫu phiếu \"%1\" không được hỗ trợ: chỉ dùng "
                                      "\"html\".")
                           .arg(slip.format.left(40)));
    }
    if (slip.content.trimmed().isEmpty())
        return invalid(QStringLiteral("content"),
                       QStringLiteral("Nội dung mẫu phiếu không được để trống."));
    if (slip.content.toUtf8().size() > kMaxSlipContentBytes) {
        return invalid(
            QStringLiteral("content"),
            QStringLiteral("Nội dung mẫu phiếu vượt quá %1 KiB.").arg(kMaxSlipContentBytes / 1024));
    }
    static const QRegularExpression active(
        QStringLiteral("<\\s*(script|iframe|object|embed)\\b|javascript\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = active.match(slip.content); m.hasMatch()) {
        return invalid(QStringLiteral("content"),
                       QStringLiteral("Nội dung mẫu phiếu không được chứa mã chạy được (\"%1\").")
                           .arg(m.captured(0)));
    }
    return checkPlaceholders(slip.content);
}

} // namespace motcua::server
