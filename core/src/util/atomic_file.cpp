#include "tiss/util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace tiss {
namespace {

// 64 unpredictable bits: a name another process (or user) cannot guess and plant a link at.
std::string randomHex() {
  static std::atomic<unsigned> counter{0};
  std::random_device device;
  const uint64_t bits = (uint64_t(device()) << 32) ^ device() ^ counter++;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(bits));
  return hex;
}

bool writeAll(int fd, const char* data, size_t n) {
  for (size_t done = 0; done < n;) {
    const ssize_t w = ::write(fd, data + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += size_t(w);
  }
  return true;
}

// Renames the written temporary file over `target`; on failure removes it.
Status moveIntoPlace(const fs::path& tmp, const fs::path& target, const std::string& what) {
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    return makeError(target.string(), what + ": " + why);
  }
  // The rename itself is durable only once the folder is synced.
  syncFolder(target.parent_path().string());
  return Status();
}

}  // namespace

Result<std::string> createTemporaryFile(const std::string& path, int* fdOut, const std::string& tempDir) {
  const fs::path target(path);
  // Host and pid too: processes on two cluster nodes share folders (sweep requests/).
  char host[64] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  const fs::path dir = tempDir.empty() ? target.parent_path() : fs::path(tempDir);
  for (int attempt = 0; attempt < 8; ++attempt) {
    const fs::path tmp = dir / (".partial-" + std::string(host) + "-" + std::to_string(::getpid()) + "-" + randomHex() + "-" +
                                target.filename().string());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0) {
      if (fdOut) *fdOut = fd;
      else ::close(fd);
      return tmp.string();
    }
    if (errno != EEXIST) break;
  }
  return makeError(path, std::string("cannot create the file (is the folder writable?): ") + std::strerror(errno));
}

Status syncFile(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return makeError(file, "cannot open to flush it");
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return makeError(file, "could not be flushed to disk (disk full?)");
  return Status();
}

void syncFolder(const std::string& dir) {
  const int d = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    ::fsync(d);
    ::close(d);
  }
}

Status writeFileAtomically(const std::string& path, const std::string& contents, const std::string& tempDir) {
  int fd = -1;
  auto tmp = createTemporaryFile(path, &fd, tempDir);
  if (!tmp) return makeError(path, "cannot create the file (is the folder writable?)");
  const bool written = writeAll(fd, contents.data(), contents.size()) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    std::error_code ec;
    fs::remove(*tmp, ec);
    return makeError(path, "could not write the file (disk full?); the previous version is kept");
  }
  return moveIntoPlace(*tmp, path, "could not replace the file");
}

Status copyFileAtomically(const std::string& from, const std::string& to) {
  const fs::path target(to);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  std::ifstream in(from, std::ios::binary);
  if (!in) return makeError(to, "could not copy " + from + " here (cannot read it)");
  int fd = -1;
  auto tmp = createTemporaryFile(to, &fd);
  if (!tmp) return tmp.error();
  std::vector<char> buffer(1 << 20);
  bool ok = true;
  while (ok && in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    ok = writeAll(fd, buffer.data(), size_t(in.gcount()));
  }
  ok = ok && in.eof() && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    fs::remove(*tmp, ec);
    return makeError(to, "could not copy " + from + " here (read or write error, disk full?)");
  }
  return moveIntoPlace(*tmp, target, "could not copy " + from + " here");
}

}  // namespace tiss
