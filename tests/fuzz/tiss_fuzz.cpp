// A seeded mutation fuzzer for the readers that take user files: NIfTI headers and payloads
// (readHeader, readVolume: ITK plus our payload checks), training configs (configFromJson)
// sweep specs (sweepSpecFromJson, then expandSweep), and the data set layout detectors
// (openDataset over mutated file names, dataset.json and manifest.json), whose every case must
// obey the case-id rule and keep its files inside the data set folder. Each input is mutated from a valid
// seed (byte flips, cuts, splices, header fields set to extreme values, JSON tokens swapped).
// A reader must return a value or an error: an exception escaping it, a crash, or (in the
// sanitizer build) a memory error or undefined behaviour is a finding. The input being tried
// is kept in OUT/current.* so a crash leaves it behind; findings are copied to OUT/finding-*.
//
// Usage: tiss_fuzz --seconds N [--seed S] [--out DIR]   (scripts/fuzz SECONDS)
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "tiss/config/config.h"
#include "tiss/io/image_io.h"
#include "tiss/sweep/sweep.h"
#include "tiss/data/dataset.h"
#include "tiss/util/safe_path.h"
#include <stdexcept>

namespace fs = std::filesystem;

namespace {

using Bytes = std::string;
using Rng = std::mt19937_64;

Bytes readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const fs::path& p, const Bytes& b) { std::ofstream(p, std::ios::binary) << b; }

void writeGzip(const fs::path& p, const Bytes& b) {
  gzFile f = gzopen(p.c_str(), "wb");
  gzwrite(f, b.data(), unsigned(b.size()));
  gzclose(f);
}

size_t pick(Rng& r, size_t n) { return n == 0 ? 0 : size_t(r() % n); }

// Generic byte mutations: flips, random bytes, cuts, duplicated blocks, insertions.
void mutateBytes(Bytes& b, Rng& r) {
  const int n = 1 + int(r() % 8);
  for (int i = 0; i < n && !b.empty(); ++i) {
    switch (r() % 6) {
      case 0: b[pick(r, b.size())] ^= char(1 << (r() % 8)); break;
      case 1: b[pick(r, b.size())] = char(r()); break;
      case 2: b.resize(pick(r, b.size() + 1)); break;
      case 3: {
        const size_t at = pick(r, b.size()), len = std::min<size_t>(b.size() - at, 1 + r() % 64);
        b.insert(pick(r, b.size()), b.substr(at, len));
        break;
      }
      case 4: b.insert(pick(r, b.size()), 1 + r() % 16, char(r())); break;
      default: b.erase(pick(r, b.size()), 1 + r() % 16); break;
    }
  }
}

// NIfTI-1 header fields (offset, size) set to values that break naive readers.
void mutateNiftiHeader(Bytes& b, Rng& r) {
  struct Field { size_t offset, size; };
  static const Field fields[] = {{0, 4},   {40, 2},  {42, 2},  {44, 2},  {46, 2},  {48, 2},  {70, 2},  {72, 2},
                                 {76, 4},  {80, 4},  {84, 4},  {88, 4},  {108, 4}, {112, 4}, {116, 4}, {252, 2},
                                 {254, 2}, {256, 4}, {268, 4}, {280, 4}, {296, 4}, {312, 4}, {344, 4}};
  static const int64_t ints[] = {0, -1, 1, 2, 3, 7, 8, 16, 255, 256, 32767, -32768, 65535, 2147483647, -2147483647 - 1};
  static const float floats[] = {0.f, -1.f, 1e-30f, 1e30f, -1e30f, 3.4e38f, std::numeric_limits<float>::infinity(),
                                 std::numeric_limits<float>::quiet_NaN(), 352.f, 348.f, 1e9f};
  if (b.size() < 348) return;
  const int n = 1 + int(r() % 3);
  for (int i = 0; i < n; ++i) {
    const Field f = fields[pick(r, std::size(fields))];
    if (f.size == 2) {
      const int16_t v = int16_t(ints[pick(r, std::size(ints))]);
      std::memcpy(&b[f.offset], &v, 2);
    } else if (r() % 2) {
      const int32_t v = int32_t(ints[pick(r, std::size(ints))]);
      std::memcpy(&b[f.offset], &v, 4);
    } else {
      const float v = floats[pick(r, std::size(floats))];
      std::memcpy(&b[f.offset], &v, 4);
    }
  }
}

// JSON mutations: a token swapped for one that has the wrong type or an extreme value.
void mutateJson(Bytes& b, Rng& r) {
  static const char* tokens[] = {"0", "-1", "1e308", "-1e308", "2147483648", "9223372036854775808", "null", "true",
                                 "[]", "{}", "\"\"", "\"x\"", "[1,2]", "{\"a\":1}", ",", ":", "\"", "[", "{", "}", "]",
                                 "1.5", "\"../../etc\"", "\"t000\"", "\"\\n\"", "NaN", "-0", "1e-320"};
  if (r() % 3 == 0) return mutateBytes(b, r);
  const int n = 1 + int(r() % 4);
  for (int i = 0; i < n && !b.empty(); ++i) {
    const size_t at = pick(r, b.size());
    size_t end = at;
    while (end < b.size() && std::strchr(",:[]{}", b[end]) == nullptr) ++end;
    b.replace(at, end - at, tokens[pick(r, std::size(tokens))]);
  }
}

struct Target {
  const char* name;
  std::vector<Bytes> seeds;
  std::function<void(Bytes&, Rng&)> mutate;
  std::function<void(const Bytes&)> run;  // throws nothing when the reader is right
  long runs = 0;
};

std::vector<Bytes> niftiSeeds(const fs::path& dir) {
  std::vector<Bytes> seeds;
  for (auto type : {tiss::PixelType::UInt8, tiss::PixelType::Int16, tiss::PixelType::Float32}) {
    tiss::Geometry g;
    g.size = {6, 5, 4};
    g.spacing = {1.0, 1.5, 2.0};
    tiss::Volume v(g, 0.f, type);
    for (size_t i = 0; i < v.voxels.size(); ++i) v.voxels[i] = float(i % 7);
    const fs::path file = dir / "seed.nii";
    if (!tiss::writeVolume(v, file.string()).ok()) continue;
    seeds.push_back(readFile(file));
  }
  return seeds;
}

const char* kConfigSeed = R"({"preset": "cpu-small", "stage": "tissnet", "seed": 3,
 "data": {"patch": [16, 48, 48], "batch": 2, "workers": 2, "tumor_share": 0.5},
 "optim": {"lr": 0.002, "iterations_per_epoch": 20, "epochs_constant": 1, "epochs_decay": 1},
 "loss": {"lambda_p": 25, "lambda_c": 1, "lambda_s": 25},
 "checkpoint": {"every": 10}, "validation": {"every": 5, "select": "auto"},
 "net": {"channels": [4, 8, 16, 16, 32], "disc_channels": 4}})";

const char* kSpecSeed = R"({"name": "grid", "data": "/data", "preset": "cpu-small", "set": ["stage=tissnet", "runs.sp=@sp"],
 "shared": {"sp": ["stage=sp"]}, "mode": "grid", "seeds": [1, 2], "metric": "dice_pct", "split": "test",
 "max_parallel": 2, "threads_per_trial": 1,
 "axes": [{"key": "loss.lambda_c", "values": [0, 1, {"name": "off", "set": ["loss.lambda_c=0"]}]},
          {"key": "loss.lambda_s", "range": {"from": 1, "to": 25, "steps": 3}},
          {"key": "optim.lr", "log": {"from": 0.0001, "to": 0.01, "steps": 3}}]})";

const char* kDatasetJsonSeed = R"({"channel_names": {"0": "T1", "1": "T1ce", "2": "T2", "3": "Flair"},
 "labels": {"background": 0, "whole tumor": [1, 2, 3], "tumor core": [2, 3], "enhancing tumor": [3]},
 "regions_class_order": [1, 2, 3], "numTraining": 2, "file_ending": ".nii.gz",
 "training": [{"image": "./imagesTr/A.nii.gz", "label": "./labelsTr/A.nii.gz"}], "modality": {"0": "FLAIR"}})";

const char* kManifestSeed = R"({"layout": "manifest", "patterns": {"t1": "{case}/{case}_t1.nii.gz", "t1ce": "{case}/{case}_t1ce.nii.gz",
 "t2": "{case}/{case}_t2.nii.gz", "flair": "{case}/{case}_flair.nii.gz", "seg": "{case}/{case}_seg.nii.gz"},
 "cases": ["A", "..", "../../x", "{case}"], "names": {"flair": "t2f"},
 "task": {"name": "glioma", "sources": ["t1", "t1ce", "t2"], "target": "flair", "label": "seg", "label_values": [0, 1, 2, 4]}})";

const char* kNamesSeed = "A_0000.nii.gz\nA_0001.nii.gz\nA_0002.nii.gz\nA_0003.nii.gz\n.._0000.nii.gz\n{case}_0000.nii.gz\n"
                         "._A_0000.nii.gz\nB.nii.gz\nbad\xff_0000.nii.gz\nC-t2f.nii.gz\nD_flair.nii.gz";

// The invariants every opened data set keeps, whatever its files: each case id obeys the
// case-id rule and each of its layout paths stays inside the folder.
void checkDatasetInvariants(const fs::path& dir) {
  auto d = tiss::openDataset(dir.string());
  if (!d) return;
  for (const auto& c : d->cases) {
    if (!tiss::checkCaseId(c.id)) throw std::runtime_error("case id '" + tiss::printableName(c.id) + "' breaks the case-id rule");
    for (const auto& [key, rel] : c.relative) {
      // MSD names channel N of a 4D file "FILE#N": only that suffix is no part of the path.
      const size_t hash = rel.rfind('#');
      const bool channel = d->manifest.layout == "msd" && hash != std::string::npos;
      if (!tiss::pathInside(dir.string(), channel ? rel.substr(0, hash) : rel))
        throw std::runtime_error("case '" + c.id + "' key " + key + " leads outside the data set: " + tiss::printableName(rel));
    }
  }
  (void)tiss::describeLayout(d->manifest);
}

// A fresh folder holding empty files named by `names` (one a line) in imagesTr/ and imagesTs/,
// or, with `folders`, one case folder NAME/NAME_flair.nii.gz per name (BraTS naming).
void layFiles(const fs::path& dir, const Bytes& names, bool folders) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir / "imagesTr", ec);
  fs::create_directories(dir / "imagesTs", ec);
  size_t from = 0;
  while (from <= names.size()) {
    size_t end = names.find('\n', from);
    if (end == Bytes::npos) end = names.size();
    const Bytes name = names.substr(from, end - from);
    from = end + 1;
    if (name.empty() || name == "." || name == ".." || name.find('/') != Bytes::npos || name.find('\0') != Bytes::npos || name.size() > 200)
      continue;
    if (folders) {
      fs::create_directories(dir / name, ec);
      std::ofstream(dir / name / (name + "_flair.nii.gz"));
    } else {
      std::ofstream(dir / "imagesTr" / name);
      std::ofstream(dir / "imagesTs" / name);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 10;
  uint64_t seed = 1;
  fs::path out = "fuzz-out";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--seconds") seconds = std::atof(argv[i + 1]);
    else if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (a == "--out") out = argv[i + 1];
    else return std::fprintf(stderr, "usage: tiss_fuzz --seconds N [--seed S] [--out DIR]\n"), 2;
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return std::fprintf(stderr, "tiss_fuzz: cannot create %s: %s\n", out.c_str(), ec.message().c_str()), 1;
  const fs::path nii = out / "current.nii", niigz = out / "current.nii.gz", json = out / "current.json";

  std::vector<Target> targets;
  targets.push_back({"nifti (.nii)", niftiSeeds(out),
                     [](Bytes& b, Rng& r) { r() % 2 ? mutateNiftiHeader(b, r) : mutateBytes(b, r); },
                     [&](const Bytes& b) {
                       writeFile(nii, b);
                       if (tiss::readHeader(nii.string()).ok()) (void)tiss::readVolume(nii.string());
                     }});
  targets.push_back({"nifti (.nii.gz)", targets[0].seeds, targets[0].mutate, [&](const Bytes& b) {
                       writeGzip(niigz, b);
                       if (tiss::readHeader(niigz.string()).ok()) (void)tiss::readVolume(niigz.string());
                     }});
  targets.push_back({"config", {kConfigSeed}, mutateJson, [](const Bytes& b) {
                       auto c = tiss::configFromJson(b, "fuzz.json");
                       if (c) (void)c->totalIterations();
                     }});
  targets.push_back({"sweep spec", {kSpecSeed}, mutateJson, [](const Bytes& b) {
                       auto s = tiss::sweepSpecFromJson(b, "fuzz-spec.json");
                       if (s) (void)tiss::expandSweep(*s);
                     }});

  const fs::path nnDir = out / "layout-nnunet", bratsDir = out / "layout-brats", manifestDir = out / "layout-manifest";
  targets.push_back({"layout file names", {kNamesSeed}, mutateBytes, [&](const Bytes& b) {
                       layFiles(nnDir, b, false);
                       std::ofstream(nnDir / "dataset.json") << kDatasetJsonSeed;
                       checkDatasetInvariants(nnDir);
                       layFiles(bratsDir, b, true);
                       checkDatasetInvariants(bratsDir);
                     }});
  targets.push_back({"dataset.json", {kDatasetJsonSeed}, mutateJson, [&](const Bytes& b) {
                       layFiles(nnDir, kNamesSeed, false);
                       std::ofstream(nnDir / "dataset.json", std::ios::binary) << b;
                       checkDatasetInvariants(nnDir);
                     }});
  targets.push_back({"manifest.json", {kManifestSeed}, mutateJson, [&](const Bytes& b) {
                       layFiles(manifestDir, "A\n{case}\nB", true);
                       std::ofstream(manifestDir / "manifest.json", std::ios::binary) << b;
                       checkDatasetInvariants(manifestDir);
                     }});

  Rng rng(seed);
  long findings = 0;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  for (long round = 0; elapsed() < seconds; ++round) {
    Target& t = targets[size_t(round) % targets.size()];
    if (t.seeds.empty()) continue;
    Bytes input = t.seeds[pick(rng, t.seeds.size())];
    t.mutate(input, rng);
    writeFile(json, input);  // a crash leaves the input behind
    ++t.runs;
    try {
      t.run(input);
    } catch (const std::exception& e) {
      ++findings;
      writeFile(out / ("finding-" + std::to_string(findings) + ".bin"), input);
      std::fprintf(stderr, "tiss_fuzz: FINDING in %s: an exception escaped: %s\n", t.name, e.what());
    }
  }
  std::printf("tiss_fuzz: %.0f s, seed %llu:", elapsed(), static_cast<unsigned long long>(seed));
  for (const auto& t : targets) std::printf(" %s %ld inputs;", t.name, t.runs);
  std::printf(" %ld findings\n", findings);
  return findings ? 1 : 0;
}
