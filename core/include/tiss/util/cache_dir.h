#pragma once
/// Per-user cache folders: never a predictable path in /tmp that another user could create
/// first (or link elsewhere) on a shared machine.
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// $XDG_CACHE_HOME/tiss-workbench/`name` (else ~/.cache/tiss-workbench/`name`), created with
/// mode 0700 as are its tiss-workbench parent; fails naming the folder when it cannot be
/// created, is not a folder, or belongs to another user.
Result<std::string> userCacheDir(const std::string& name);

/// A new, uniquely named 0700 folder inside userCacheDir(`name`) (mkdtemp), for one process's
/// scratch work; the caller removes it.
Result<std::string> scratchCacheDir(const std::string& name);

}  // namespace tiss
