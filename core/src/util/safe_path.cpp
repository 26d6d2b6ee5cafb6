#include "tiss/util/safe_path.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace tiss {
namespace {

// Length of the valid UTF-8 sequence starting at s[i] (1..4), or 0 when it is none: overlong
// forms, surrogates and code points above U+10FFFF are invalid (RFC 3629).
size_t utf8Length(const std::string& s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
  return n;
}

bool control(unsigned char c) { return c < 0x20 || c == 0x7F; }

bool isLink(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

}  // namespace

std::string printableName(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    const size_t n = utf8Length(name, i);
    if (n == 0 || (n == 1 && control(static_cast<unsigned char>(name[i])))) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(name[i]));
      out += hex;
      ++i;
    } else {
      out.append(name, i, n);
      i += n;
    }
  }
  return out;
}

Status checkCaseId(const std::string& id) {
  const std::string shown = "case id '" + printableName(id) + "'";
  if (id.empty()) return makeError("", "an empty case id is not allowed");
  if (id == "." || id == "..") return makeError("", shown + " names a folder, not a case: rename it");
  if (id.size() > kMaxCaseIdBytes)
    return makeError("", shown + " is longer than " + std::to_string(kMaxCaseIdBytes) + " bytes: rename it");
  for (size_t i = 0; i < id.size();) {
    const size_t n = utf8Length(id, i);
    if (n == 0) return makeError("", shown + " is not valid UTF-8 (bytes shown as \\xNN): rename it");
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (n == 1 && (control(c) || c == '/' || c == '\\'))
      return makeError("", shown + " holds a slash, a backslash or a control character: rename it");
    i += n;
  }
  return Status();
}

std::string expandCasePattern(const std::string& pattern, const std::string& id) {
  static const std::string kToken = "{case}";
  std::string out;
  size_t from = 0;
  for (size_t at; (at = pattern.find(kToken, from)) != std::string::npos; from = at + kToken.size())
    out.append(pattern, from, at - from).append(id);
  return out.append(pattern, from, std::string::npos);
}

Result<std::string> pathInside(const std::string& root, const std::string& relative) {
  const fs::path rel = fs::path(relative).lexically_normal();
  const auto refuse = [&](const std::string& why) {
    return makeError(root, "refused to use '" + printableName(relative) + "' here: " + why);
  };
  if (relative.empty() || rel.empty() || rel == ".") return refuse("it names the folder itself");
  if (rel.is_absolute() || rel.has_root_name() || rel.has_root_directory()) return refuse("it is an absolute path");
  if (*rel.begin() == "..") return refuse("it leads outside the folder");
  if (relative.find('\0') != std::string::npos) return refuse("it holds a NUL byte");
  fs::path at(root);
  for (const auto& part : rel) {
    at /= part;
    if (isLink(at)) return refuse("'" + printableName(at.string()) + "' is a symbolic link, which could lead outside it");
  }
  return at.string();
}

Status removeInside(const std::string& root, const std::string& relative) {
  auto path = pathInside(root, relative);
  if (!path) return path.error();
  std::error_code ec;
  fs::remove_all(*path, ec);  // removes links themselves, never what they point to
  if (ec) return makeError(*path, "could not be removed: " + ec.message());
  return Status();
}

uint64_t stableHash(const std::string& text) {
  uint64_t h = 0xcbf29ce484222325ull;  // the FNV-1a 64-bit offset basis
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace tiss
