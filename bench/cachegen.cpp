// The synthetic province of the cache benchmarks (cachegen.h).
#include "cachegen.h"

#include <QTimeZone>

namespace motcua::bench {
namespace {

struct Weighted
{
    const char *text;
    int weight;
};

// Family names by their approximate share of the population (per mille).
const Weighted kFamilies[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95},    {"Phạm", 70}, {"Hoàng", 50}, {"Huỳnh", 50},
    {"Phan", 45},    {"Vũ", 39},    {"Võ", 35},    {"Đặng", 21}, {"Bùi", 20},   {"Đỗ", 14},
    {"Hồ", 13},      {"Ngô", 13},   {"Dương", 10}, {"Lý", 5},    {"Đinh", 10},  {"Trương", 10},
};
const char *const kMiddles[] = {"Văn",   "Thị",   "Văn",  "Thị", "Hữu",   "Đức", "Minh", "Ngọc",
                                "Thanh", "Quang", "Xuân", "Thu", "Hoàng", "Kim", "Công", "Bảo"};
const char *const kGiven[]
    = {"An",    "Anh",  "Bình",  "Chi",   "Cường", "Dũng",   "Dung", "Duy",   "Đạt",   "Giang",
       "Hà",    "Hải",  "Hạnh",  "Hiền",  "Hiếu",  "Hoa",    "Hòa",  "Hùng",  "Hương", "Huy",
       "Khánh", "Khoa", "Lan",   "Linh",  "Long",  "Mai",    "Minh", "My",    "Nam",   "Nga",
       "Ngân",  "Ngọc", "Nhung", "Phong", "Phúc",  "Phương", "Quân", "Quang", "Quỳnh", "Sơn",
       "Tâm",   "Thảo", "Thắng", "Thành", "Trang", "Trung",  "Tuấn", "Tú",    "Vân",   "Việt",
       "Vy",    "Xuân", "Yến",   "A",     "Đức",   "Tùng"};
const char *const kStreets[] = {"Trần Phú", "Lê Thánh Tôn", "Nguyễn Trãi", "Hùng Vương",
                                "Đống Đa",  "Yersin",       "Thống Nhất",  "Lê Hồng Phong",
                                "Pasteur",  "Hai Bà Trưng", "Quang Trung", "Phạm Văn Đồng"};
const char *const kWards[]
    = {"phường Nha Trang",     "phường Bắc Nha Trang", "phường Nam Nha Trang",
       "phường Tây Nha Trang", "xã Cam Lâm",           "phường Cam Ranh",
       "xã Diên Khánh",        "phường Ninh Hòa",      "xã Vạn Ninh"};
struct Proc
{
    const char *code;
    const char *name;
    const char *agency;
};
const Proc kProcedures[] = {
    {"2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "000.18.22.H56"},
    {"2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "000.21.22.H56"},
    {"1.004227", "Đăng ký khai sinh", "000.21.22.H56"},
    {"1.001193", "Đăng ký kết hôn", "000.21.22.H56"},
    {"1.000656", "Đăng ký khai tử", "000.21.22.H56"},
    {"1.003005", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "000.19.22.H56"},
    {"1.004221", "Đăng ký biến động quyền sử dụng đất", "000.19.22.H56"},
    {"1.001612", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "000.20.22.H56"},
    {"2.000046", "Đăng ký thành lập hộ kinh doanh", "000.22.22.H56"},
    {"1.001088", "Cấp giấy phép lái xe", "000.23.22.H56"},
    {"1.000105", "Xác nhận tình trạng hôn nhân", "000.21.22.H56"},
    {"2.002154", "Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm", "000.24.22.H56"},
};
const char *const kKeywords[]
    = {"ly lich tu phap",     "khai sinh",       "ket hon",    "quyen su dung dat",
       "giay phep xay dung",  "ho kinh doanh",   "chung thuc", "an toan thuc pham",
       "tinh trang hon nhan", "giay phep lai xe"};
const domain::Stage kStages[] = {domain::Stage::ResultReturned, domain::Stage::ResultReturned,
                                 domain::Stage::ResultReturned, domain::Stage::ResultReturned,
                                 domain::Stage::ResultReturned, domain::Stage::ResultReady,
                                 domain::Stage::InAppraisal,    domain::Stage::AwaitingApproval,
                                 domain::Stage::Received,       domain::Stage::SupplementRequested,
                                 domain::Stage::Refused,        domain::Stage::Withdrawn};

template<typename T, size_t N>
const T &pick(QRandomGenerator &r, const T (&items)[N])
{
    return items[r.bounded(int(N))];
}

} // namespace

CacheGenerator::CacheGenerator(quint32 seed)
    : m_random(seed)
    , m_seed(seed)
{}

QString CacheGenerator::familyName()
{
    int total = 0;
    for (const auto &f : kFamilies)
        total += f.weight;
    int x = m_random.bounded(total);
    for (const auto &f : kFamilies) {
        if (x < f.weight)
            return QString::fromUtf8(f.text);
        x -= f.weight;
    }
    return QString::fromUtf8(kFamilies[0].text);
}

QString CacheGenerator::givenName()
{
    return QString::fromUtf8(pick(m_random, kGiven));
}

QString CacheGenerator::randomName()
{
    QString name = familyName() + QLatin1Char(' ') + QString::fromUtf8(pick(m_random, kMiddles));
    if (m_random.bounded(4) == 0)
        name += QLatin1Char(' ') + QString::fromUtf8(pick(m_random, kMiddles));
    return name + QLatin1Char(' ') + givenName();
}

QString CacheGenerator::procedureKeyword()
{
    return QString::fromLatin1(pick(m_random, kKeywords));
}

QStringList CacheGenerator::procedureCodes() const
{
    QStringList out;
    for (const auto &p : kProcedures)
        out.append(QString::fromLatin1(p.code));
    return out;
}

GeneratedDossier CacheGenerator::make(qint64 n, qint64 total)
{
    m_random.seed(m_seed + quint32(n)); // dossier n is the same whatever was made before
    const QTimeZone vn(7 * 3600);
    const QDate first(2024, 12, 1);
    const qint64 minutes = 730LL * 24 * 60 * n / qMax<qint64>(1, total);
    const QDateTime received = QDateTime(first, QTime(7, 30), vn).addSecs(minutes * 60);
    const Proc &proc = pick(m_random, kProcedures);

    domain::Dossier d;
    d.id = QUuid::createUuidV5(QUuid(), QString::number(n));
    d.agencyCode = QStringLiteral("000.17.22.H56");
    d.code = QStringLiteral("%1-%2-%3")
                 .arg(d.agencyCode, received.date().toString(QStringLiteral("yyMMdd")))
                 .arg(int(n % 9000) + 1, 4, 10, QLatin1Char('0'));
    d.handlingAgencyCode = QString::fromLatin1(proc.agency);
    d.departmentId = QStringLiteral("MC");
    d.handlerId = QStringLiteral("appraiser%1").arg(m_random.bounded(40));
    d.procedureCode = QString::fromLatin1(proc.code);
    d.procedureName = QString::fromUtf8(proc.name);
    d.applicant.personalId = QStringLiteral("0%1%2")
                                 .arg(m_random.bounded(10, 96), 2, 10, QLatin1Char('0'))
                                 .arg(m_random.bounded(100000000), 9, 10, QLatin1Char('0'));
    d.applicant.fullName = randomName();
    d.applicant.birthDate
        = QDate(1950 + m_random.bounded(55), 1 + m_random.bounded(12), 1 + m_random.bounded(28));
    d.applicant.address = QStringLiteral("%1 %2, %3, tỉnh Khánh Hòa")
                              .arg(m_random.bounded(1, 300))
                              .arg(QString::fromUtf8(pick(m_random, kStreets)),
                                   QString::fromUtf8(pick(m_random, kWards)));
    d.applicant.phone
        = QStringLiteral("09%1").arg(m_random.bounded(100000000), 8, 10, QLatin1Char('0'));
    if (m_random.bounded(8) == 0) {
        d.applicant.type = domain::ApplicantType::Organisation;
        d.applicant.organisationName
            = QStringLiteral("Công ty TNHH %1 %2").arg(givenName(), QStringLiteral("Khánh Hòa"));
        d.applicant.taxCode
            = QStringLiteral("42%1").arg(m_random.bounded(100000000), 8, 10, QLatin1Char('0'));
    }
    d.receivedAt = received.toUTC();
    d.dueAt = received.addDays(5 + m_random.bounded(20)).toUTC();
    d.stage = pick(m_random, kStages);
    domain::Component c;
    c.id = QStringLiteral("c1");
    c.documentTypeCode = QStringLiteral("TK");
    c.name = QStringLiteral("Tờ khai");
    c.original = true;
    d.components = {c};
    d.version = 1;

    domain::Action a;
    a.id = QUuid::createUuidV5(QUuid(), QStringLiteral("a") + QString::number(n));
    a.dossierId = d.id;
    a.type = domain::ActionType::Receive;
    a.actorId = QStringLiteral("counter1");
    a.deviceId = QStringLiteral("bench-device");
    a.deviceSeq = n + 1;
    a.deviceTime = d.receivedAt;
    a.payload
        = {{QStringLiteral("code"), d.code}, {QStringLiteral("procedureCode"), d.procedureCode}};
    d.trail = {{a.id, a.type, a.actorId, d.receivedAt, domain::Stage::Received, {}}};
    return {d, a};
}

} // namespace motcua::bench
