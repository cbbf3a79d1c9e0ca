#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace motcua::domain {

// Result<T>: a value or an Error. A small stand-in for std::expected (C++23).
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_data(std::move(error))
    {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &value() & { return std::get<T>(m_data); }
    [[nodiscard]] T value() &&
    {
        return std::get<T>(std::move(m_data));
    } // by value: safe in range-for
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_data); }

    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, Error> m_data;
};

// Result<void>: success or an Error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Check = Result<void>;

} // namespace motcua::domain
