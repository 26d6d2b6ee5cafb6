#pragma once
/// Errors as values for the whole core: a Result<T> holds either a T or an Error.
/// The ui layer turns Error::what/Error::file into translated words; core never throws
/// across its public API.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tiss {

/// What went wrong, and with which file (empty when no file is concerned).
struct Error {
  std::string message;  ///< plain English, one sentence, no trailing newline
  std::string file;     ///< the file or folder concerned

  /// "FILE: message", or just the message when no file is set.
  std::string describe() const { return file.empty() ? message : file + ": " + message; }
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation that yields nothing but may fail.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

inline Error makeError(std::string file, std::string message) {
  return Error{std::move(message), std::move(file)};
}

}  // namespace tiss
