#pragma once

// Errors are values: every fallible operation on input or I/O returns a
// Result carrying either the value or a user-facing message that names the
// file / field at fault. The error type is Error unless a module needs more
// (the vault's errors also carry a kind callers branch on: vault/Vault.h).

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace holdfast {

struct Error
{
    QString message;
};

template <typename T, typename E = Error> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(E error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const E& error() const { return std::get<E>(m_state); }
    QString errorMessage() const { return ok() ? QString() : error().message; }
    // For error types with a kind (vault::VaultError); Invalid when ok.
    auto kind() const requires requires(const E& e) { e.kind; }
    {
        return ok() ? decltype(error().kind){} : error().kind;
    }

private:
    std::variant<T, E> m_state;
};

// Result for operations that produce no value.
template <typename E> class [[nodiscard]] Result<void, E>
{
public:
    Result() = default;
    Result(E error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E& error() const { return *m_error; }
    QString errorMessage() const { return ok() ? QString() : m_error->message; }
    auto kind() const requires requires(const E& e) { e.kind; }
    {
        return ok() ? decltype(m_error->kind){} : m_error->kind;
    }

private:
    std::optional<E> m_error;
};

using Status = Result<void>;

inline Error makeError(QString message)
{
    return Error{std::move(message)};
}

} // namespace holdfast
