#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace motcua::domain {

// Reads a JSON object strictly: wrong types, missing required fields and unknown fields become an
// Error naming the field by its path ("applicant.personalId", "components[2].name"). The first
// error wins; later reads return defaults. Call finish() last.
class JsonReader
{
public:
    JsonReader(const QJsonObject &object, QString path = {});

    QString string(const char *key, bool required = false, int maxLength = 4000);
    qint64 integer(const char *key, bool required = false, qint64 min = 0, qint64 max = 2147483647,
                   qint64 fallback = 0);
    bool boolean(const char *key, bool fallback = false);
    QDate date(const char *key, bool required = false);         // "yyyy-MM-dd"
    QDateTime dateTime(const char *key, bool required = false); // ISO 8601 with an offset or Z
    QTime time(const char *key, bool required = false);         // "HH:mm"
    QUuid uuid(const char *key, bool required = false);
    QJsonObject object(const char *key, bool required = false);
    QJsonArray array(const char *key, bool required = false);
    QStringList stringList(const char *key, bool required = false);

    template<typename E>
    E enumeration(const char *key, const std::function<std::optional<E>(const QString &)> &fromKey,
                  E fallback, bool required = false)
    {
        const QString text = string(key, required, 100);
        if (failed() || text.isEmpty())
            return fallback;
        if (auto v = fromKey(text))
            return *v;
        fail(key, QStringLiteral("json.bad_value"),
             QStringLiteral("Giá trị \"%1\" của trường \"%2\" không hợp lệ.")
                 .arg(text, fieldPath(key)));
        return fallback;
    }

    // Reads each element of an array of objects with `read(reader, index)`.
    template<typename T>
    QList<T> objects(const char *key, const std::function<T(JsonReader &)> &read,
                     bool required = false)
    {
        QList<T> out;
        const QJsonArray items = array(key, required);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(fieldPath(key)).arg(i);
            if (!items.at(i).isObject()) {
                m_error = makeError(
                    QStringLiteral("json.wrong_type"),
                    QStringLiteral("Phần tử \"%1\" phải là một đối tượng JSON.").arg(itemPath),
                    itemPath);
                break;
            }
            JsonReader child(items.at(i).toObject(), itemPath);
            T value = read(child);
            if (auto st = child.finish(); !st) {
                m_error = st.error();
                break;
            }
            out.append(std::move(value));
        }
        return out;
    }

    // Reads a nested object with `read(reader)`; absent and not required → std::nullopt.
    template<typename T>
    std::optional<T> nested(const char *key, const std::function<T(JsonReader &)> &read,
                            bool required = false)
    {
        if (!has(key)) {
            if (required)
                missing(key);
            skip(key);
            return std::nullopt;
        }
        const QJsonObject obj = object(key, required);
        if (failed())
            return std::nullopt;
        JsonReader child(obj, fieldPath(key));
        T value = read(child);
        if (auto st = child.finish(); !st) {
            m_error = st.error();
            return std::nullopt;
        }
        return value;
    }

    // Marks a key as known without reading it.
    void skip(const char *key);
    [[nodiscard]] bool has(const char *key) const;
    void fail(const char *key, const QString &code, const QString &message);

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] QString fieldPath(const char *key) const;
    // The first error, or an unknown field.
    Check finish();

private:
    const QJsonValue *lookup(const char *key, bool required);
    bool markSeen(const char *key); // true the first time `key` is seen
    void missing(const char *key);
    void wrongType(const char *key, const QString &expected);

    QJsonObject m_object;
    QString m_path;
    // The keys read, looked up or skipped (copies: a key need not outlive the call), and how many
    // of them the object has — when that is all of its keys, finish() has nothing to look for.
    std::vector<std::string> m_seen;
    qsizetype m_present = 0;
    std::optional<Error> m_error;
    QJsonValue m_current;
};

// Parses a JSON document that must be an object; errors in Vietnamese with the offset.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

// ISO 8601 for instants in Vietnam time ("2026-11-28T09:15:00+07:00"), with milliseconds when set.
QString formatInstant(const QDateTime &instant);

} // namespace motcua::domain
