#include "action.h"

#include <array>

namespace motcua::domain {
namespace {

struct ActionInfo
{
    ActionType type;
    const char *key;
    const char *name; // UTF-8 Vietnamese
};

constexpr std::array kActions{
    ActionInfo{ActionType::SubmitOnline, "submit-online", "Nhận hồ sơ trực tuyến"},
    ActionInfo{ActionType::Receive, "receive", "Tiếp nhận hồ sơ"},
    ActionInfo{ActionType::RequestSupplement, "request-supplement", "Yêu cầu bổ sung hồ sơ"},
    ActionInfo{ActionType::RecordSupplement, "record-supplement", "Tiếp nhận hồ sơ bổ sung"},
    ActionInfo{ActionType::Refuse, "refuse", "Từ chối tiếp nhận"},
    ActionInfo{ActionType::Withdraw, "withdraw", "Trả lại hồ sơ theo yêu cầu rút"},
    ActionInfo{ActionType::Transfer, "transfer", "Chuyển hồ sơ"},
    ActionInfo{ActionType::Assign, "assign", "Phân công xử lý"},
    ActionInfo{ActionType::Reassign, "reassign", "Phân công lại"},
    ActionInfo{ActionType::Consult, "consult", "Xin ý kiến"},
    ActionInfo{ActionType::RecordOpinion, "record-opinion", "Ghi nhận ý kiến"},
    ActionInfo{ActionType::SubmitForApproval, "submit-for-approval", "Trình phê duyệt"},
    ActionInfo{ActionType::SendBack, "send-back", "Trả lại để xử lý lại"},
    ActionInfo{ActionType::Approve, "approve", "Phê duyệt"},
    ActionInfo{ActionType::Reject, "reject", "Không giải quyết"},
    ActionInfo{ActionType::Sign, "sign", "Ký số"},
    ActionInfo{ActionType::Extend, "extend", "Gia hạn xử lý"},
    ActionInfo{ActionType::Stop, "stop", "Dừng xử lý theo yêu cầu"},
    ActionInfo{ActionType::Complete, "complete", "Nhận kết quả để trả"},
    ActionInfo{ActionType::ReturnResult, "return-result", "Trả kết quả"},
    ActionInfo{ActionType::RecordPrint, "record-print", "In phiếu"},
};

} // namespace

const QList<ActionType> &allActionTypes()
{
    static const QList<ActionType> types = [] {
        QList<ActionType> list;
        for (const auto &info : kActions)
            list.append(info.type);
        return list;
    }();
    return types;
}

QString actionTypeKey(ActionType type)
{
    for (const auto &info : kActions) {
        if (info.type == type)
            return QString::fromLatin1(info.key);
    }
    return {};
}

std::optional<ActionType> actionTypeFromKey(const QString &key)
{
    for (const auto &info : kActions) {
        if (key == QLatin1String(info.key))
            return info.type;
    }
    return std::nullopt;
}

QString actionTypeName(ActionType type)
{
    for (const auto &info : kActions) {
        if (info.type == type)
            return QString::fromUtf8(info.name);
    }
    return {};
}

} // namespace motcua::domain
