#pragma once
/// Durable file writes: the contents go to a hidden temporary file beside `path`, are
/// flushed, then renamed over `path`. A crash or a full disk leaves the previous file intact.
#include <string>

#include "tiss/result.h"

namespace tiss {

/// `tempDir`: where the temporary file goes (same file system as `path`); empty: beside
/// `path`. Used when another process consumes every file of path's folder (sweep requests/).
Status writeFileAtomically(const std::string& path, const std::string& contents, const std::string& tempDir = "");

}  // namespace tiss
