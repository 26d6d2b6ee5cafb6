#include "tiss/data/thumbnail.h"

#include "tiss/util/safe_path.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include "io/png_writer.h"
#include "tiss/util/atomic_file.h"
#include "tiss/io/image_io.h"
#include "tiss/io/preview.h"

namespace tiss {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Size and modification time of every file of the case: a thumbnail is valid while this holds.
json signatureOf(const CaseFiles& c) {
  json sig = json::object();
  for (const auto& [key, path] : c.paths) {
    std::error_code ec;
    const std::string file = parseChannelRef(path).file;  // a 4D image's channel: the file's
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec);
    sig[key] = ec ? json(nullptr) : json{size, int64_t(time.time_since_epoch().count())};
  }
  return sig;
}

std::optional<CaseThumbnails> cached(const std::string& indexFile, const json& signature) {
  std::ifstream in(indexFile);
  if (!in) return std::nullopt;
  const json index = json::parse(in, nullptr, false);
  if (index.is_discarded() || index.value("signature", json()) != signature) return std::nullopt;
  try {
    CaseThumbnails t;
    t.id = index.at("id").get<std::string>();
    t.slice = index.at("slice").get<long>();
    const json files = index.at("files");
    for (const auto& [key, file] : files.items()) {
      if (!fs::exists(file.get<std::string>())) return std::nullopt;
      t.files[key] = file.get<std::string>();
    }
    t.fromCache = true;
    return t;
  } catch (const json::exception&) {
    return std::nullopt;  // a damaged cache entry is simply drawn again
  }
}

// The in-plane box of voxels != 0 on slice z (the head), with a small margin; the whole slice
// when it is empty. Every modality is cut to the first one's box, so the strip lines up.
Box headBox(const Volume& v, long z) {
  long x0 = v.size()[0], y0 = v.size()[1], x1 = -1, y1 = -1;
  for (long y = 0; y < v.size()[1]; ++y)
    for (long x = 0; x < v.size()[0]; ++x)
      if (v.at(x, y, z) != 0.f) {
        x0 = std::min(x0, x), x1 = std::max(x1, x);
        y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
  if (x1 < 0) return Box{{0, 0, z}, {v.size()[0], v.size()[1], 1}};
  const long m = 2;
  x0 = std::max(0L, x0 - m), y0 = std::max(0L, y0 - m);
  x1 = std::min(v.size()[0] - 1, x1 + m), y1 = std::min(v.size()[1] - 1, y1 + m);
  return Box{{x0, y0, z}, {x1 - x0 + 1, y1 - y0 + 1, 1}};
}

// The box of slice z subsampled by a whole step, windowed to the percentiles of its non-zero voxels.
Status drawSlice(const Volume& v, const Box& box, const ThumbnailOptions& o, const std::string& path) {
  const long z = box.begin[2];
  const long step = std::max(1L, (std::max(box.size[0], box.size[1]) + o.maxSide - 1) / o.maxSide);
  const long w = (box.size[0] + step - 1) / step, h = (box.size[1] + step - 1) / step;
  std::vector<float> values;
  for (long y = box.begin[1]; y < box.end(1); y += step)
    for (long x = box.begin[0]; x < box.end(0); x += step) values.push_back(v.at(x, y, z));
  std::vector<float> nonZero;
  std::copy_if(values.begin(), values.end(), std::back_inserter(nonZero), [](float f) { return f != 0.f; });
  if (nonZero.empty()) nonZero = values;
  std::sort(nonZero.begin(), nonZero.end());
  auto pick = [&](double p) { return nonZero[size_t(std::lround(p / 100 * double(nonZero.size() - 1)))]; };
  const float lo = pick(o.lowPercentile), hi = std::max(pick(o.highPercentile), lo + 1e-6f);
  std::vector<uint8_t> pixels(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    pixels[i] = uint8_t(std::lround(std::clamp((values[i] - lo) / (hi - lo), 0.f, 1.f) * 255));
  return writeGreyPng(pixels, w, h, path);
}

long sliceToShow(const Dataset& d, const CaseFiles& c, long depth) {
  const auto label = c.paths.find(d.manifest.task.label);
  if (label == c.paths.end()) return depth / 2;
  const auto mask = readVolume(label->second);
  if (!mask || mask->size()[2] != depth) return depth / 2;
  return largestSlice(*mask);
}

}  // namespace

Result<CaseThumbnails> makeThumbnails(const Dataset& d, const CaseFiles& c, const std::string& cacheDir,
                                      const ThumbnailOptions& o) {
  // Confined to the cache folder whatever the id (a caller may pass a hand-made CaseFiles).
  auto indexPath = pathInside(cacheDir, c.id + ".json");
  if (!indexPath) return indexPath.error();
  const std::string indexFile = *indexPath;
  const json signature = signatureOf(c);
  if (auto hit = cached(indexFile, signature)) return *hit;
  std::error_code ec;
  fs::create_directories(cacheDir, ec);
  if (ec) return makeError(cacheDir, "cannot create the thumbnail cache folder: " + ec.message());
  CaseThumbnails t;
  t.id = c.id;
  json files = json::object();
  Box box;
  for (const auto& [key, path] : c.paths) {
    if (key == d.manifest.task.label) continue;
    auto v = readVolume(path);
    if (!v) continue;  // the check reports broken files; a thumbnail just leaves them out
    if (t.slice < 0) {
      t.slice = std::clamp(sliceToShow(d, c, v->size()[2]), 0L, v->size()[2] - 1);
      box = headBox(*v, t.slice);
    }
    if (v->size()[0] < box.end(0) || v->size()[1] < box.end(1) || v->size()[2] <= t.slice) continue;
    auto pngPath = pathInside(cacheDir, c.id + "_" + key + ".png");
    if (!pngPath) return pngPath.error();
    const std::string png = *pngPath;
    if (auto st = drawSlice(*v, box, o, png); !st) return st.error();
    t.files[key] = png;
    files[key] = png;
  }
  if (t.files.empty()) return makeError(c.id, "no image of this case could be read for a thumbnail");
  const json index{{"id", c.id}, {"slice", t.slice}, {"files", files}, {"signature", signature}};
  if (auto st = writeFileAtomically(indexFile, index.dump()); !st) return st.error();
  return t;
}

}  // namespace tiss
