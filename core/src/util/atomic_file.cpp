#include "tiss/util/atomic_file.h"

#include <atomic>
#include <cstdio>
#include <string>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tiss {

std::string temporaryPathFor(const std::string& path, const std::string& tempDir) {
  const fs::path target(path);
  // Unique per process and call: two processes writing the same file (two trials preparing
  // one data set's cache) must not share a temporary file.
  // Host too: processes on two cluster nodes sharing a folder may have the same pid.
  static std::atomic<unsigned> counter{0};
  char host[64] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  const fs::path dir = tempDir.empty() ? target.parent_path() : fs::path(tempDir);
  return (dir / (".partial-" + std::string(host) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                 target.filename().string()))
      .string();
}

Status syncFile(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
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
  const fs::path target(path);
  const fs::path tmp = temporaryPathFor(path, tempDir);
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return makeError(path, "cannot create the file (is the folder writable?)");
  const bool written = std::fwrite(contents.data(), 1, contents.size(), f) == contents.size() &&
                       std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  std::error_code ec;
  if (!written || !closed) {
    fs::remove(tmp, ec);
    return makeError(path, "could not write the file (disk full?); the previous version is kept");
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    return makeError(path, "could not replace the file: " + why);
  }
  // The rename itself is durable only once the folder is synced.
  syncFolder(target.parent_path().string());
  return Status();
}

}  // namespace tiss

namespace tiss {

Status copyFileAtomically(const std::string& from, const std::string& to) {
  const fs::path target(to);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const fs::path tmp = temporaryPathFor(to);
  fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
  if (!ec) {
    if (auto st = syncFile(tmp.string()); !st) ec = std::make_error_code(std::errc::io_error);
  }
  if (!ec) fs::rename(tmp, target, ec);
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    return makeError(to, "could not copy " + from + " here (" + why + ")");
  }
  syncFolder(target.parent_path().string());
  return Status();
}

}  // namespace tiss
