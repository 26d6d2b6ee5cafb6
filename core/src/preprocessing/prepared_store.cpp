#include "tiss/preprocessing/prepared_store.h"

#include <cstdio>
#include <cstdlib>

#include "tiss/util/cache_dir.h"
#include "tiss/util/safe_path.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tiss/util/atomic_file.h"
#include "tiss/util/parallel.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {
namespace {

json boxJson(const Box& b) { return {{"begin", b.begin}, {"size", b.size}}; }
Box boxFrom(const json& j) { return Box{j.at("begin").get<Index3>(), j.at("size").get<Size3>()}; }

// What a cached case was made from: the preprocessing, the manifest keys in channel order and
// each input file's path, size and modification time. Any change rebuilds the case.
std::string caseSignature(const Dataset& d, const CaseFiles& c, const std::string& prep) {
  std::ostringstream s;
  s << prep;
  const Task& t = d.manifest.task;
  std::vector<std::string> keys = t.sources;
  keys.push_back(t.target);
  keys.push_back(t.label);
  for (const auto& key : keys) {
    const auto it = c.paths.find(key);
    const std::string path = it == c.paths.end() ? "" : it->second;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    s << " | " << key << "=" << path << " " << (ec ? -1 : long(size)) << " " << (ec ? 0 : long(time));
  }
  return s.str();
}

// A cached case is used only when its sidecar has the signature and its data file is whole.
bool cachedCaseValid(const fs::path& sidecar, const fs::path& data, const std::string& signature) {
  std::ifstream in(sidecar);
  if (!in) return false;
  try {
    const json j = json::parse(in);
    if (j.value("signature", "") != signature) return false;
    const auto size = j.at("size").get<Size3>();
    const size_t expected = (j.at("channels").size() + 1) * size_t(size[0] * size[1] * size[2]) * sizeof(float);
    std::error_code ec;
    return fs::file_size(data, ec) == expected && !ec;
  } catch (const json::exception&) {
    return false;
  }
}

}  // namespace

Result<std::string> preparedCacheDir(const std::string& configured, const std::string& dataDir, const std::string& key) {
  std::string root = configured;
  if (root.empty())
    if (const char* env = std::getenv(kPreprocessedEnv); env && *env) root = env;
  if (root.empty()) {
    auto user = userCacheDir("preprocessed");
    if (!user) return user.error();
    root = *user;
  }
  std::error_code ec;
  const fs::path data = fs::weakly_canonical(fs::absolute(dataDir, ec), ec);
  char name[17];
  std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(stableHash(data.string() + "\n" + key)));
  const fs::path dir = fs::path(root) / name;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    return makeError(dir.string(), "cannot create the preprocessed cache folder (set data.cache or " + std::string(kPreprocessedEnv) +
                                       " to a writable folder)");
  return dir.string();
}

Status savePrepared(const PreparedCase& c, const std::string& dir, const std::string& signature) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  const Size3 size = c.channels.front().size();
  const bool labelled = !c.label.voxels.empty();
  std::string blob;
  blob.reserve((c.channels.size() + 1) * c.channels.front().voxels.size() * sizeof(float));
  auto append = [&](const std::vector<float>& v) { blob.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float)); };
  for (const auto& ch : c.channels) append(ch.voxels);
  append(labelled ? c.label.voxels : std::vector<float>(c.channels.front().voxels.size(), 0.f));
  const Box tumor = labelled ? boundingBox(c.label, 0.5f) : Box{};
  long tumorVoxels = 0;
  if (labelled)
    for (float v : c.label.voxels) tumorVoxels += v > 0.5f;
  const json meta = {{"id", c.id}, {"size", size}, {"channels", c.channelKeys}, {"crop", boxJson(c.crop)},
                     {"tumor_box", boxJson(tumor)}, {"tumor_voxels", tumorVoxels}, {"labelled", labelled},
                     {"signature", signature}};
  // Data first, sidecar last: a sidecar only ever describes a complete data file.
  if (auto st = writeFileAtomically((fs::path(dir) / (c.id + ".f32")).string(), blob); !st) return st;
  return writeFileAtomically((fs::path(dir) / (c.id + ".json")).string(), meta.dump(1));
}

Status prepareDataset(const Dataset& d, const std::vector<std::string>& ids, const PreprocessOptions& o,
                      const std::string& dir, int threads, const std::function<void(int, int)>& progress) {
  const std::string prep = o.signature();
  std::vector<Error> errors(ids.size());
  std::vector<char> failed(ids.size(), 0);
  std::atomic<int> done{0};
  parallelFor(ids.size(), threads, [&](size_t i) {
    const fs::path sidecar = fs::path(dir) / (ids[i] + ".json"), data = fs::path(dir) / (ids[i] + ".f32");
    const CaseFiles* c = d.find(ids[i]);
    const std::string signature = c ? caseSignature(d, *c, prep) : "";
    if (!c) {
      errors[i] = makeError(d.root, "has no case '" + ids[i] + "'");
      failed[i] = 1;
    } else if (!cachedCaseValid(sidecar, data, signature)) {
      // A task without a target (segmentation only) caches its sources and label.
      auto p = prepareCase(d, *c, o, d.manifest.task.target.empty() ? Need::No : Need::Yes);
      Status st = p ? savePrepared(*p, dir, signature) : Status(p.error());
      if (!st) {
        errors[i] = st.error();
        failed[i] = 1;
      }
    }
    if (progress) progress(++done, int(ids.size()));
  });
  for (size_t i = 0; i < ids.size(); ++i)
    if (failed[i]) return errors[i];
  return Status();
}

Result<std::shared_ptr<const MappedCase>> MappedCase::open(const std::string& dir, const std::string& id) {
  const fs::path sidecar = fs::path(dir) / (id + ".json"), data = fs::path(dir) / (id + ".f32");
  std::shared_ptr<MappedCase> m(new MappedCase());
  std::ifstream in(sidecar);
  if (!in) return makeError(sidecar.string(), "prepared case not found (run the preprocessing again)");
  try {
    const json j = json::parse(in);
    m->id_ = id;
    m->size_ = j.at("size").get<Size3>();
    m->channelKeys_ = j.at("channels").get<std::vector<std::string>>();
    m->channels_ = int(m->channelKeys_.size());
    m->tumorBox_ = boxFrom(j.at("tumor_box"));
    m->tumorVoxels_ = j.at("tumor_voxels").get<long>();
    m->signature_ = j.value("signature", "");
  } catch (const json::exception& e) {
    return makeError(sidecar.string(), std::string("corrupt sidecar: ") + e.what());
  }
  m->bytes_ = size_t(m->channels_ + 1) * m->voxels() * sizeof(float);
  const int fd = ::open(data.c_str(), O_RDONLY);
  if (fd < 0) return makeError(data.string(), "cannot open the prepared data");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || size_t(st.st_size) != m->bytes_) {
    ::close(fd);
    return makeError(data.string(), "size does not match its sidecar (truncated?)");
  }
  void* p = ::mmap(nullptr, m->bytes_, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return makeError(data.string(), "cannot map the prepared data");
  m->data_ = static_cast<const float*>(p);
  return std::shared_ptr<const MappedCase>(m);
}

MappedCase::~MappedCase() {
  if (data_) ::munmap(const_cast<float*>(data_), bytes_);
}

}  // namespace tiss
