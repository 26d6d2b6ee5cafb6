#include <cstdio>
#include <map>

#include "commands.h"
#include "progress.h"
#include "tiss/phantom/phantom.h"

namespace tissnet {

void addPhantomCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("phantom", "Write a synthetic MRI data set (BraTS or VS layout)");
  struct Args {
    std::string layout = "brats", anatomy = "template", templateDir, size, out;
    int cases = 4, threads = 2;
    uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--layout", args->layout, "brats (t1, t1ce, t2 -> flair) or vs (T2 -> ceT1)")
      ->check(CLI::IsMember({"brats", "vs"}))
      ->capture_default_str();
  cmd->add_option("--anatomy", args->anatomy,
                  "template (Colin27 from mricron-data, warped per case) or ellipsoid (no files, for tiny tests)")
      ->check(CLI::IsMember({"template", "ellipsoid"}))
      ->capture_default_str();
  cmd->add_option("--template", args->templateDir,
                  "folder with ch2.nii.gz and ch2bet.nii.gz (default: $TISS_TEMPLATE_DIR or "
                  "/usr/share/mricron/templates)");
  cmd->add_option("--cases", args->cases, "number of cases")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("--size", args->size, "DxHxW in voxels (default: brats 155x240x240, vs 48x512x512)");
  cmd->add_option("--seed", args->seed, "same seed, same bytes")->capture_default_str();
  cmd->add_option("--threads", args->threads, "worker threads")->check(CLI::Range(1, 256))->capture_default_str();
  cmd->add_option("--out", args->out, "data set folder to write")->required();
  cmd->callback([args, &exitCode] {
    tiss::PhantomOptions o;
    o.layout = args->layout == "vs" ? tiss::PhantomLayout::Vs : tiss::PhantomLayout::Brats;
    o.anatomy = args->anatomy == "ellipsoid" ? tiss::PhantomAnatomy::Ellipsoid : tiss::PhantomAnatomy::Template;
    o.templateDir = args->templateDir;
    o.cases = args->cases;
    o.seed = args->seed;
    o.out = args->out;
    o.threads = args->threads;
    if (!args->size.empty()) {
      auto size = tiss::parseSizeDHW(args->size);
      if (!size) {
        exitCode = fail(size.error());
        return;
      }
      o.size = *size;
    }
    if (auto st = tiss::writePhantomDataset(o, terminalProgress("phantom: cases")); !st) {
      exitCode = fail(st.error());
      return;
    }
    std::printf("wrote %d %s cases (%s anatomy) of %s voxels to %s\n", o.cases, args->layout.c_str(), args->anatomy.c_str(),
                tiss::formatSizeDHW(o.size[0] > 0 ? o.size : tiss::defaultPhantomSize(o.layout)).c_str(),
                o.out.c_str());
  });
}

}  // namespace tissnet
