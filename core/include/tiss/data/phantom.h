#pragma once
/// Synthetic MRI cases for demos and tests: a head with tissue classes (fat, skull, CSF,
/// grey and white matter, ventricles), a smooth random tumor and per-modality contrasts in
/// which the target (FLAIR for glioma, ceT1 for VS) is a nonlinear function of the sources
/// and shows the tumor clearly while the sources show it faintly. Bias field, texture and
/// Rician noise differ per case. Output depends only on the seed.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

enum class PhantomLayout {
  Brats,  ///< skull-stripped, 1 mm-like, t1/t1ce/t2/flair + seg labels {0,1,2,4}
  Vs      ///< whole head slab, anisotropic 0.4x0.4x1.5 mm-like, T2/ceT1 + seg {0,1}
};

struct PhantomOptions {
  PhantomLayout layout = PhantomLayout::Brats;
  int cases = 4;
  Size3 size{0, 0, 0};  ///< (x, y, z); zero means the layout's default
  uint64_t seed = 1;
  std::string out;      ///< data set folder to create
  int threads = 2;
};

/// Default size (x, y, z) of a layout: BraTS 240x240x155, VS 512x512x48 voxels.
Size3 defaultPhantomSize(PhantomLayout layout);

/// One case in memory: (modality key, volume) pairs in file order, the label last ("seg").
struct PhantomCase {
  std::string id;
  std::vector<std::pair<std::string, Volume>> volumes;
};

/// Builds case number `index` of the data set with seed `seed`.
PhantomCase makePhantomCase(PhantomLayout layout, const Size3& size, uint64_t seed, int index);

/// Writes `options.cases` cases, the layout's manifest (VS) and a split drawn from the seed.
/// `progress(done, total)` is called from worker threads after each case.
Status writePhantomDataset(const PhantomOptions& options,
                           const std::function<void(int, int)>& progress = {});

}  // namespace tiss
