#include "jsonreader.h"

#include "workcalendar.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace motcua::domain {

JsonReader::JsonReader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{}

QString JsonReader::fieldPath(const char *key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key)
                            : m_path + QLatin1Char('.') + QLatin1String(key);
}

bool JsonReader::has(const char *key) const
{
    const auto it = m_object.constFind(QLatin1String(key));
    return it != m_object.constEnd() && !it->isNull();
}

void JsonReader::fail(const char *key, const QString &code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, message, fieldPath(key));
}

void JsonReader::missing(const char *key)
{
    fail(key, QStringLiteral("json.missing_field"),
         QStringLiteral("Thiếu trường bắt buộc \"%1\".").arg(fieldPath(key)));
}

void JsonReader::wrongType(const char *key, const QString &expected)
{
    fail(key, QStringLiteral("json.wrong_type"),
         QStringLiteral("Trường \"%1\" phải là %2.").arg(fieldPath(key), expected));
}

bool JsonReader::markSeen(const char *key)
{
    for (const std::string &seen : m_seen) {
        if (seen == key)
            return false;
    }
    m_seen.emplace_back(key);
    return true;
}

void JsonReader::skip(const char *key)
{
    if (markSeen(key) && m_object.contains(QLatin1String(key)))
        ++m_present;
}

const QJsonValue *JsonReader::lookup(const char *key, bool required)
{
    const bool first = markSeen(key);
    const auto it = m_object.constFind(QLatin1String(key));
    if (first && it != m_object.constEnd())
        ++m_present;
    if (failed())
        return nullptr;
    if (it == m_object.constEnd() || it->isNull()) {
        if (required)
            missing(key);
        return nullptr;
    }
    m_current = *it;
    return &m_current;
}

QString JsonReader::string(const char *key, bool required, int maxLength)
{
    const QJsonValue *v = lookup(key, required);
    if (!v)
        return {};
    if (!v->isString()) {
        wrongType(key, QStringLiteral("chuỗi ký tự"));
        return {};
    }
    QString s = v->toString();
    if (required && s.trimmed().isEmpty()) {
        fail(key, QStringLiteral("json.empty_field"),
             QStringLiteral("Trường \"%1\" không được để trống.").arg(fieldPath(key)));
        return {};
    }
    if (s.size() > maxLength) {
        fail(key, QStringLiteral("json.too_long"),
             QStringLiteral("Trường \"%1\" dài quá %2 ký tự.").arg(fieldPath(key)).arg(maxLength));
        return {};
    }
    return s;
}

qint64 JsonReader::integer(const char *key, bool required, qint64 min, qint64 max, qint64 fallback)
{
    const QJsonValue *v = lookup(key, required);
    if (!v)
        return fallback;
    const double d = v->toDouble();
    if (!v->isDouble() || !std::isfinite(d) || d != std::trunc(d)) {
        wrongType(key, QStringLiteral("số nguyên"));
        return fallback;
    }
    // Compare as double first: converting an out-of-range double to an integer is undefined.
    if (d < double(min) || d > double(max)) {
        fail(key, QStringLiteral("json.out_of_range"),
             QStringLiteral("Trường \"%1\" phải nằm trong khoảng %2 đến %3.")
                 .arg(fieldPath(key))
                 .arg(min)
                 .arg(max));
        return fallback;
    }
    return qint64(d);
}

bool JsonReader::boolean(const char *key, bool fallback)
{
    const QJsonValue *v = lookup(key, false);
    if (!v)
        return fallback;
    if (!v->isBool()) {
        wrongType(key, QStringLiteral("true hoặc false"));
        return fallback;
    }
    return v->toBool();
}

QDate JsonReader::date(const char *key, bool required)
{
    const QString s = string(key, required, 10);
    if (s.isEmpty())
        return {};
    static const QRegularExpression re(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QDate d = QDate::fromString(s, Qt::ISODate);
    if (!re.match(s).hasMatch() || !d.isValid()) {
        fail(key, QStringLiteral("json.bad_date"),
             QStringLiteral("Trường \"%1\" phải là ngày có thật dạng YYYY-MM-DD, nhận được \"%2\".")
                 .arg(fieldPath(key), s));
        return {};
    }
    return d;
}

QDateTime JsonReader::dateTime(const char *key, bool required)
{
    const QString s = string(key, required, 40);
    if (s.isEmpty())
        return {};
    static const QRegularExpression re(
        QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?("
                       "Z|[+-][0-9]{2}:[0-9]{2})$"));
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!re.match(s).hasMatch() || !dt.isValid()) {
        fail(key, QStringLiteral("json.bad_datetime"),
             QStringLiteral("Trường \"%1\" phải là thời điểm dạng ISO 8601 có múi giờ (ví dụ "
                            "2026-11-28T09:15:00+07:00), nhận được \"%2\".")
                 .arg(fieldPath(key), s));
        return {};
    }
    return toVietnamTime(dt);
}

QTime JsonReader::time(const char *key, bool required)
{
    const QString s = string(key, required, 5);
    if (s.isEmpty())
        return {};
    const QTime t = QTime::fromString(s, QStringLiteral("HH:mm"));
    if (!t.isValid() || s.size() != 5) {
        fail(key, QStringLiteral("json.bad_time"),
             QStringLiteral("Trường \"%1\" phải là giờ dạng HH:mm, nhận được \"%2\".")
                 .arg(fieldPath(key), s));
        return {};
    }
    return t;
}

QUuid JsonReader::uuid(const char *key, bool required)
{
    const QString s = string(key, required, 40);
    if (s.isEmpty())
        return {};
    const QUuid id = QUuid::fromString(s);
    if (id.isNull()) {
        fail(key, QStringLiteral("json.bad_uuid"),
             QStringLiteral("Trường \"%1\" phải là một UUID, nhận được \"%2\".")
                 .arg(fieldPath(key), s));
        return {};
    }
    return id;
}

QJsonObject JsonReader::object(const char *key, bool required)
{
    const QJsonValue *v = lookup(key, required);
    if (!v)
        return {};
    if (!v->isObject()) {
        wrongType(key, QStringLiteral("một đối tượng JSON"));
        return {};
    }
    return v->toObject();
}

QJsonArray JsonReader::array(const char *key, bool required)
{
    const QJsonValue *v = lookup(key, required);
    if (!v)
        return {};
    if (!v->isArray()) {
        wrongType(key, QStringLiteral("một mảng JSON"));
        return {};
    }
    return v->toArray();
}

QStringList JsonReader::stringList(const char *key, bool required)
{
    QStringList out;
    const QJsonArray items = array(key, required);
    for (const auto &item : items) {
        if (!item.isString()) {
            wrongType(key, QStringLiteral("một mảng chuỗi ký tự"));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

Check JsonReader::finish()
{
    if (m_error)
        return *m_error;
    if (m_present == m_object.size())
        return {};
    const auto seen = [this](const QString &key) {
        return std::any_of(m_seen.cbegin(), m_seen.cend(), [&](const std::string &k) {
            return key == QLatin1String(k.data(), qsizetype(k.size()));
        });
    };
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!seen(it.key())) {
            const QString path = m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key();
            return makeError(QStringLiteral("json.unknown_field"),
                             QStringLiteral("Trường \"%1\" không được hỗ trợ.").arg(path), path);
        }
    }
    return {};
}

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(QStringLiteral("json.malformed"),
                         QStringLiteral("Dữ liệu JSON không hợp lệ tại vị trí %1: %2.")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    }
    if (!doc.isObject()) {
        return makeError(QStringLiteral("json.not_object"),
                         QStringLiteral("Dữ liệu JSON phải là một đối tượng { … }."));
    }
    return doc.object();
}

QString formatInstant(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime vn = toVietnamTime(instant);
    return vn.toString(vn.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

} // namespace motcua::domain
