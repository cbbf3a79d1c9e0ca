// The kinds of slips and the placeholders their templates may use (slipcatalogue.h).
#include "slipcatalogue.h"

#include <QHash>

namespace motcua::domain {
namespace {

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
        {QStringLiteral("logbook"), QStringLiteral("Sổ theo dõi hồ sơ"),
         QStringLiteral("%1, mục 5 (khoản 2 điểm d: các mẫu biểu khác có liên quan); mẫu Sổ theo "
                        "dõi hồ sơ (Mẫu số 06, Thông tư 01/2018/TT-VPCP); %2.")
             .arg(kCircular, kDecree),
         SlipPage::A4Landscape},
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
        {QStringLiteral("agency.contact"),
         QStringLiteral("Địa chỉ, điện thoại liên hệ của bộ phận một cửa")},
        {QStringLiteral("dossier.returnPlace"), QStringLiteral("Nơi trả kết quả")},
        {QStringLiteral("dossier.resultTiming"),
         QStringLiteral("Kết quả giải quyết: trước hạn, đúng hạn, quá hạn")},
        {QStringLiteral("slip.number"), QStringLiteral("Số phiếu (…/HDHS, …/PXL)")},
        {QStringLiteral("slip.copyLabel"),
         QStringLiteral("Liên của phiếu (\"Liên 1: Lưu\", \"Liên 2: Giao người nộp\")")},
        {QStringLiteral("logbook.volume"), QStringLiteral("Quyển số (sổ theo dõi hồ sơ)")},
        {QStringLiteral("logbook.number"), QStringLiteral("Số thứ tự trong sổ theo dõi hồ sơ")},
        {QStringLiteral("logbook.rows"),
         QStringLiteral("Các dòng của sổ theo dõi hồ sơ (một dòng mỗi hồ sơ)"), true},
        {QStringLiteral("supplement.table"),
         QStringLiteral("Bảng giấy tờ cần bổ sung (bản chính, bản sao chứng thực, bản photocopy)"),
         true},
    };
    return all;
}

const SlipPlaceholder *findSlipPlaceholder(const QString &name)
{
    static const QHash<QString, const SlipPlaceholder *> index = [] {
        QHash<QString, const SlipPlaceholder *> h;
        for (const auto &p : slipPlaceholders())
            h.insert(p.name, &p);
        return h;
    }();
    return index.value(name, nullptr);
}

} // namespace motcua::domain
