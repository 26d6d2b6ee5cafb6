#include "tiss/util/cache_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace tiss {
namespace {

// mkdir 0700, or accept an existing folder of ours (a symlink is not followed).
Status ownFolder(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return makeError(dir, std::string("cannot create the cache folder: ") + std::strerror(errno));
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return makeError(dir, "is not a folder (a cache folder was expected)");
  if (st.st_uid != ::geteuid()) return makeError(dir, "belongs to another user: not used as a cache folder");
  return Status();
}

}  // namespace

Result<std::string> userCacheDir(const std::string& name) {
  std::string base;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && x[0] == '/') base = x;
  else if (const char* home = std::getenv("HOME"); home && home[0] == '/') base = std::string(home) + "/.cache";
  else return makeError("HOME", "is not set: no per-user cache folder");
  if (::mkdir(base.c_str(), 0700) != 0 && errno != EEXIST)
    return makeError(base, std::string("cannot create the cache folder: ") + std::strerror(errno));
  const std::string top = base + "/tiss-workbench", dir = top + "/" + name;
  if (auto st = ownFolder(top); !st) return st.error();
  if (auto st = ownFolder(dir); !st) return st.error();
  return dir;
}

Result<std::string> scratchCacheDir(const std::string& name) {
  auto dir = userCacheDir(name);
  if (!dir) return dir.error();
  std::string pattern = *dir + "/run-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) return makeError(*dir, std::string("cannot create a scratch folder: ") + std::strerror(errno));
  return std::string(buf.data());
}

}  // namespace tiss
