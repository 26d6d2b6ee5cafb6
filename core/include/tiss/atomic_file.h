#pragma once
/// Durable file writes: the contents go to a hidden temporary file beside `path`, are
/// flushed, then renamed over `path`. A crash or a full disk leaves the previous file intact.
#include <string>

#include "tiss/result.h"

namespace tiss {

Status writeFileAtomically(const std::string& path, const std::string& contents);

}  // namespace tiss
