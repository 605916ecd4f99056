// Result of a pure parser: a value or one human-readable error.
//
// The error message names the source, the line, the key and the offending token,
// e.g. `meminfo:3: MemAvailable: expected integer, got "12x"`, because it ends up
// verbatim in `statline status` and in the journal.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace statline {

struct ParseError {
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
  Result(ParseError error) : state_(std::move(error)) {}    // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const std::string& error() const { return std::get<ParseError>(state_).message; }

 private:
  std::variant<T, ParseError> state_;
};

}  // namespace statline
