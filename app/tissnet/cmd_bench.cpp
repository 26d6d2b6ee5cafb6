// tissnet bench: figures for the README, measured on the machine at hand.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <unistd.h>

#include "commands.h"
#include "progress.h"
#include "tiss/util/cache_dir.h"
#include "tiss/engine/bench.h"
#include "tiss/data/check.h"
#include "tiss/engine/device.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/util/parallel.h"
#include "tiss/preprocessing/patch_sampler.h"
#include "tiss/data/thumbnail.h"

namespace tissnet {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct IoArgs {
  std::string dir, patch = "16x128x128";
  int patches = 200;
};

int benchIo(const IoArgs& a) {
  auto d = tiss::openDataset(a.dir);
  if (!d) return fail(d.error());
  auto patch = tiss::parseSizeDHW(a.patch);
  if (!patch) return fail(patch.error());
  std::printf("machine: %u hardware threads\n", std::thread::hardware_concurrency());

  const tiss::CaseFiles& first = d->cases.front();
  auto t0 = Clock::now();
  long voxels = 0;
  for (const auto& [key, path] : first.paths) {
    auto v = tiss::readVolume(path);
    if (!v) return fail(v.error());
    voxels += v->geometry.voxelCount();
  }
  std::printf("load one case (%s, %zu files, %.1f M voxels): %.3f s\n", first.id.c_str(), first.paths.size(),
              double(voxels) / 1e6, secondsSince(t0));

  auto cacheFolder = tiss::preparedCacheDir("", a.dir, "bench");
  if (!cacheFolder) return fail(cacheFolder.error());
  const std::string cache = *cacheFolder;
  std::vector<std::string> ids;
  for (const auto& c : d->cases) ids.push_back(c.id);
  auto options = tiss::PreprocessOptions::forTask(d->manifest.task);
  options.minSize = *patch;
  t0 = Clock::now();
  if (auto st = tiss::prepareDataset(*d, ids, options, cache, 2, terminalProgress("bench: preprocessing")); !st)
    return fail(st.error());
  std::printf("preprocess %zu cases (2 threads, skipped when cached): %.2f s\n", ids.size(), secondsSince(t0));

  std::vector<std::shared_ptr<const tiss::MappedCase>> cases;
  for (const auto& id : ids) {
    auto m = tiss::MappedCase::open(cache, id);
    if (!m) return fail(m.error());
    cases.push_back(*m);
  }
  for (int workers : {1, 2}) {
    tiss::SamplerOptions so;
    so.patch = *patch;
    so.workers = workers;
    tiss::PatchSampler sampler(cases, so);
    t0 = Clock::now();
    for (int i = 0; i < a.patches; ++i) sampler.next();
    std::printf("sampler, %s patches, %d worker(s): %.1f patches/s\n", a.patch.c_str(), workers,
                a.patches / secondsSince(t0));
  }
  return 0;
}

// Headers-only scan of a data set, as the workbench's browser does when opening it.
int benchScan(const std::string& dir, int threads) {
  auto t0 = Clock::now();
  auto d = tiss::openDataset(dir);
  if (!d) return fail(d.error());
  const double listSeconds = secondsSince(t0);
  tiss::CheckOptions o;
  o.headersOnly = true;
  o.threads = threads;
  const auto reports = tiss::checkDataset(*d, o);
  long files = 0, problems = 0;
  for (const auto& r : reports) {
    files += long(r.headers.size());
    problems += !r.ok();
  }
  std::printf("scan %zu cases (%ld headers, %d threads): list %.3f s, list + validate headers %.3f s; %ld with problems\n",
              reports.size(), files, threads, listSeconds, secondsSince(t0), problems);
  return 0;
}

// Thumbnail throughput of the data set browser: every case drawn into a fresh cache, then
// served again from it.
int benchThumbs(const std::string& dir, int threads) {
  auto d = tiss::openDataset(dir);
  if (!d) return fail(d.error());
  auto scratch = tiss::scratchCacheDir("bench");  // per user, 0700: never a guessable /tmp path
  if (!scratch) return fail(scratch.error());
  const std::filesystem::path cache(*scratch);
  auto pass = [&] {
    const auto t0 = Clock::now();
    std::atomic<long> failed{0};
    tiss::parallelFor(d->cases.size(), threads, [&](size_t i) {
      failed += !tiss::makeThumbnails(*d, d->cases[i], cache.string()).ok();
    });
    return std::make_pair(secondsSince(t0), failed.load());
  };
  const auto [cold, failed] = pass();
  const auto [warm, unused] = pass();
  (void)unused;
  std::filesystem::remove_all(cache);
  const double n = double(d->cases.size());
  std::printf("thumbnails of %zu cases (%d threads): drawn %.3f s (%.1f cases/s), from the disk cache %.3f s (%.0f cases/s); %ld failed\n",
              d->cases.size(), threads, cold, n / cold, warm, n / warm, failed);
  return 0;
}

}  // namespace

void addBenchCommand(CLI::App& app, int& exitCode) {
  auto* bench = app.add_subcommand("bench", "Benchmarks (figures for the README)");
  bench->require_subcommand(1);
  auto* io = bench->add_subcommand("io", "Case load time and patch sampler throughput on a data set");
  auto args = std::make_shared<IoArgs>();
  io->add_option("DIR", args->dir, "data set folder (e.g. a BraTS-sized phantom)")->required();
  io->add_option("--patch", args->patch, "patch size DxHxW")->capture_default_str();
  io->add_option("--patches", args->patches, "patches to draw per measurement")->check(CLI::Range(1, 1000000))->capture_default_str();
  io->callback([args, &exitCode] { exitCode = benchIo(*args); });

  auto scanDir = std::make_shared<std::string>();
  auto scanThreads = std::make_shared<int>(2);
  auto* scan = bench->add_subcommand("scan", "Seconds to list a data set and validate its headers (no voxel reads)");
  scan->add_option("DIR", *scanDir, "data set folder")->required();
  scan->add_option("--threads", *scanThreads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  scan->callback([scanDir, scanThreads, &exitCode] { exitCode = benchScan(*scanDir, *scanThreads); });

  auto* thumbs = bench->add_subcommand("thumbs", "Thumbnail throughput of the data set browser (drawn, then cached)");
  thumbs->add_option("DIR", *scanDir, "data set folder")->required();
  thumbs->add_option("--threads", *scanThreads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  thumbs->callback([scanDir, scanThreads, &exitCode] { exitCode = benchThumbs(*scanDir, *scanThreads); });

  addEngineBenchCommands(bench, exitCode);
  addSweepBench(bench, exitCode);
}

}  // namespace tissnet
