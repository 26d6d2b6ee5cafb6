// Data set commands: check, manifest, split.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "commands.h"
#include "progress.h"
#include "tiss/data/check.h"
#include "tiss/data/folds.h"

namespace tissnet {

void addCheckCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("check", "Validate a data set: files, geometry, voxels, labels");
  auto dir = std::make_shared<std::string>();
  auto headersOnly = std::make_shared<bool>(false);
  auto threads = std::make_shared<int>(2);
  cmd->add_option("DIR", *dir, "data set folder")->required();
  cmd->add_flag("--headers-only", *headersOnly, "check geometry from headers only (no voxel reads)");
  cmd->add_option("--threads", *threads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  cmd->callback([=, &exitCode] {
    auto d = tiss::openDataset(*dir);
    if (!d) {
      exitCode = fail(d.error());
      return;
    }
    std::printf("%s\n", tiss::describeLayout(d->manifest).c_str());
    tiss::CheckOptions o;
    o.headersOnly = *headersOnly;
    o.threads = *threads;
    const auto reports = tiss::checkDataset(*d, o, terminalProgress("check: cases"));
    int bad = int(d->refused.size());
    for (const auto& e : d->refused) std::printf("PROBLEM  %s  %s\n", e.file.c_str(), e.message.c_str());
    for (const auto& r : reports) {
      bad += !r.ok();
      if (r.ok() && r.tumorVolumeMl < 0) std::printf("ok       %s  (no label)\n", r.id.c_str());
      else if (r.ok()) std::printf("ok       %s  tumor %.2f mL\n", r.id.c_str(), r.tumorVolumeMl);
      for (const auto& p : r.problems) std::printf("PROBLEM  %s  %s\n", r.id.c_str(), p.c_str());
    }
    std::printf("%zu cases (%s layout, task %s): %zu ok, %d with problems\n", reports.size() + d->refused.size(),
                d->manifest.layout.c_str(), d->manifest.task.name.c_str(), reports.size() + d->refused.size() - size_t(bad), bad);
    exitCode = bad ? 1 : 0;
  });
}

void addManifestCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("manifest", "Write a manifest.json guessed from a folder-per-case data set");
  auto dir = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  cmd->add_option("DIR", *dir, "data set folder")->required();
  cmd->add_flag("--force", *force, "replace an existing manifest.json");
  cmd->callback([=, &exitCode] {
    const std::string file = (std::filesystem::path(*dir) / tiss::kManifestFile).string();
    if (std::filesystem::exists(file) && !*force) {
      exitCode = fail(tiss::makeError(file, "already exists (use --force to replace it)"));
      return;
    }
    auto m = tiss::guessManifest(*dir);
    if (!m) {
      exitCode = fail(m.error());
      return;
    }
    if (auto st = tiss::writeManifest(*m, file); !st) {
      exitCode = fail(st.error());
      return;
    }
    std::printf("wrote %s (task %s, %zu patterns): edit it to set sources, target and label\n", file.c_str(),
                m->task.name.c_str(), m->patterns.size());
  });
}

// split --folds K: the folds over the labelled cases outside the fixed test set.
static int writeFoldsFile(const tiss::Dataset& d, int k, uint64_t seed, bool force) {
  const std::string file = (std::filesystem::path(d.root) / tiss::kFoldsFile).string();
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && !force)
    return fail(tiss::makeError(file, "already exists; add --force to replace it (runs keep the split they were created with)"));
  const auto ids = tiss::foldableIds(d);
  if (size_t(k) > ids.size())
    return fail(tiss::makeError(d.root, std::to_string(k) + " folds need at least " + std::to_string(k) + " labelled cases outside the test set; there are " +
                                            std::to_string(ids.size())));
  const auto folds = tiss::drawFolds(ids, k, seed);
  if (auto st = tiss::writeFolds(folds, file); !st) return fail(st.error());
  std::printf("wrote %s: %d folds over %zu cases (validation parts of", file.c_str(), k, ids.size());
  for (const auto& f : folds) std::printf(" %zu", f.val.size());
  std::printf(")%s\n", d.splitSaved ? "; split.json's test part is held out of every fold" : "; no fixed test set (no split.json)");
  return 0;
}

void addSplitCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("split", "Draw the train/val/test split from a seed and store it with the data set");
  auto dir = std::make_shared<std::string>();
  auto seed = std::make_shared<uint64_t>(0);
  auto fractions = std::make_shared<std::vector<double>>(std::vector<double>{0.7, 0.1, 0.2});
  cmd->add_option("DIR", *dir, "data set folder")->required();
  cmd->add_option("--seed", *seed, "random seed")->capture_default_str();
  cmd->add_option("--fractions", *fractions, "train val test shares")->expected(3)->delimiter(',')->capture_default_str();
  auto force = std::make_shared<bool>(false);
  cmd->add_flag("--force", *force, "replace an existing split.json / splits_final.json (runs keep the split they were created with)");
  auto folds = std::make_shared<int>(0);
  cmd->add_option("--folds", *folds, "K-fold cross-validation: write splits_final.json (nnU-Net's format) over the labelled cases "
                                     "not in split.json's test part; runs name a fold with data.fold")
      ->check(CLI::Range(2, 100));
  cmd->callback([=, &exitCode] {
    auto d = tiss::openDataset(*dir);
    if (!d) {
      exitCode = fail(d.error());
      return;
    }
    if (*folds > 0) {
      exitCode = writeFoldsFile(*d, *folds, *seed, *force);
      return;
    }
    const auto& f = *fractions;
    if (f[0] < 0 || f[1] < 0 || f[2] < 0 || std::abs(f[0] + f[1] + f[2] - 1) > 1e-6) {
      exitCode = fail(tiss::makeError("", "--fractions must be three non-negative shares adding up to 1"));
      return;
    }
    // Held-out cases (imagesTs/) have no label: never in a split.
    const auto split = tiss::drawSplit(tiss::splittableIds(*d), *seed, {f[0], f[1], f[2]});
    const std::string file = (std::filesystem::path(*dir) / tiss::kSplitFile).string();
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !*force) {
      exitCode = fail(tiss::makeError(file, "already exists; add --force to replace it (runs keep the split they were created with)"));
      return;
    }
    if (auto st = tiss::writeSplit(split, file); !st) {
      exitCode = fail(st.error());
      return;
    }
    std::printf("wrote %s: %zu train, %zu val, %zu test\n", file.c_str(), split.ids(tiss::SplitPart::Train).size(),
                split.ids(tiss::SplitPart::Val).size(), split.ids(tiss::SplitPart::Test).size());
  });
}

}  // namespace tissnet
