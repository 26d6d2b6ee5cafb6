#pragma once
/// Durable file writes: the contents go to a hidden temporary file beside `path`, are
/// flushed, then renamed over `path`. A crash or a full disk leaves the previous file intact.
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// A hidden temporary path beside `path` (or in `tempDir`), unique across processes and hosts
/// (".partial-HOST-PID-N-NAME"); it keeps `path`'s file name last, so its extension too.
std::string temporaryPathFor(const std::string& path, const std::string& tempDir = "");
/// Flushes `file` to disk (fsync); fails naming it when the kernel reports a write error.
Status syncFile(const std::string& file);
/// Makes renames in `dir` durable (fsync of the folder); best effort.
void syncFolder(const std::string& dir);

/// `tempDir`: where the temporary file goes (same file system as `path`); empty: beside
/// `path`. Used when another process consumes every file of path's folder (sweep requests/).
Status writeFileAtomically(const std::string& path, const std::string& contents, const std::string& tempDir = "");

/// Copies `from` to `to` through a temporary file renamed into place (parent folders made):
/// `to` is the old file or the whole new one, never half of it. The error names the file.
Status copyFileAtomically(const std::string& from, const std::string& to);

}  // namespace tiss
