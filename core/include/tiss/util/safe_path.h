#pragma once
/// The rules that keep a user's files safe from odd data sets (docs/data.md, "Odd data sets"):
/// one rule for case ids, one way to build a path under an output folder, one confined delete,
/// one single-pass expansion of `{case}` patterns, and a stable hash for seeds and cache keys.
#include <cstdint>
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// Longest case id accepted, in bytes (a file name has 255; room is left for suffixes).
inline constexpr size_t kMaxCaseIdBytes = 128;

/// The case-id rule, applied where ids are born (layout readers, manifests, loose cases,
/// --cases): a single path component of 1..kMaxCaseIdBytes bytes of valid UTF-8, without
/// '/', '\\', NUL or control characters, and neither "." nor "..". The error names the id as
/// printableName() writes it.
Status checkCaseId(const std::string& id);

/// `name` with every byte that is not printable UTF-8 written as \xNN, for messages and JSON
/// (json::dump throws on invalid UTF-8).
std::string printableName(const std::string& name);

/// `pattern` with every "{case}" replaced by `id` in one pass: text inserted is never searched
/// again, so an id that is itself "{case}" terminates.
std::string expandCasePattern(const std::string& pattern, const std::string& id);

/// `root`/`relative`, refused (an error naming both) when `relative` is absolute, climbs out
/// with "..", or when an existing folder on the way below `root` is a symbolic link (a link
/// could lead anywhere: into a data set, another user's folder). `root` itself may be a link.
Result<std::string> pathInside(const std::string& root, const std::string& relative);

/// Removes `root`/`relative` (a file or a whole folder, links themselves and never what they
/// point to) when pathInside() accepts it; a missing path is no error.
Status removeInside(const std::string& root, const std::string& relative);

/// FNV-1a 64-bit of `text`: the same value with every compiler and standard library (unlike
/// std::hash), for per-case random streams and cache folder names.
uint64_t stableHash(const std::string& text);

}  // namespace tiss
