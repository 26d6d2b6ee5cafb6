#pragma once
/// Durable file writes: the contents go to a hidden temporary file beside `path`, are
/// flushed, then renamed over `path`. A crash or a full disk leaves the previous file intact.
/// Temporary files are created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW) under names no other
/// process can predict, so a link planted in the folder is never written through.
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// A new, empty, hidden file beside `path` (or in `tempDir`), created exclusively and without
/// following links: ".partial-HOST-PID-RANDOM-NAME", keeping `path`'s file name last, so its
/// extension too. With `fd`, the file stays open for writing and *fd is its descriptor (the
/// caller closes it); else it is closed. The error names the folder.
Result<std::string> createTemporaryFile(const std::string& path, int* fd = nullptr, const std::string& tempDir = "");
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
