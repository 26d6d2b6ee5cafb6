#pragma once
/// Synthetic MRI cases for demos and tests.
///
/// The default anatomy is the Colin27 T1 template (`ch2.nii.gz` and its brain-extracted
/// `ch2bet.nii.gz`, 1 mm MNI space, Debian's mricron-data): tissue classes from a 3-class Otsu
/// split of the brain's T1 histogram with linear partial volume between class means, warped by
/// a random affine and a smooth random deformation per case, a tumor grown in a plausible place
/// (glioma: necrotic core and enhancing rim in deep white matter, edema following the white
/// matter around it; VS: at the internal auditory canal) with mass effect, and per-sequence
/// tissue contrasts as in real MRI (CSF bright in T2, dark in FLAIR; edema bright in both).
/// Bias field, texture and Rician noise differ per case. `PhantomAnatomy::Ellipsoid` keeps a
/// template-free ellipsoid head for tiny tests. Output depends only on the seed.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

enum class PhantomLayout {
  Brats,  ///< skull-stripped, 240x240x155 at 1 mm, t1/t1ce/t2/flair + seg labels {0,1,2,4}
  Vs      ///< whole-head slab through the posterior fossa, 0.4x0.4x1.5 mm, T2/ceT1 + seg {0,1}
};

enum class PhantomAnatomy {
  Template,  ///< the Colin27 template, warped per case (needs mricron-data)
  Ellipsoid  ///< nested ellipsoids: no files needed, for tiny tests
};

namespace phantom {
/// Tissue classes of the generator; `PhantomCase::tissue` holds the dominant one per voxel.
enum Tissue { Background, Fat, Skull, Csf, Gm, Wm, Edema, Necrosis, Enhancing, TissueCount };
}  // namespace phantom

struct PhantomOptions {
  PhantomLayout layout = PhantomLayout::Brats;
  PhantomAnatomy anatomy = PhantomAnatomy::Template;
  int cases = 4;
  Size3 size{0, 0, 0};      ///< (x, y, z); zero means the layout's default
  uint64_t seed = 1;
  std::string out;          ///< data set folder to create
  std::string templateDir;  ///< folder with ch2.nii.gz and ch2bet.nii.gz; empty: defaultTemplateDir()
  int threads = 2;
};

/// Default size (x, y, z) of a layout: BraTS 240x240x155, VS 512x512x48 voxels.
Size3 defaultPhantomSize(PhantomLayout layout);

/// $TISS_TEMPLATE_DIR when set, else /usr/share/mricron/templates (mricron-data).
std::string defaultTemplateDir();

/// One case in memory: (modality key, volume) pairs in file order, the label last ("seg"),
/// and the dominant tissue class per voxel (`phantom::Tissue`; not written to disk).
struct PhantomCase {
  std::string id;
  std::vector<std::pair<std::string, Volume>> volumes;
  Volume tissue;
};

/// Builds case number `index` of the data set described by `options` (its out, cases and
/// threads aside: `threads` workers share the slices of this one case). Fails, naming the
/// file, when the template anatomy is asked for and its files are missing or unreadable.
Result<PhantomCase> makePhantomCase(const PhantomOptions& options, int index);

/// Writes `options.cases` cases, the layout's manifest (VS) and a split drawn from the seed.
/// `progress(done, total)` is called from worker threads after each case.
Status writePhantomDataset(const PhantomOptions& options,
                           const std::function<void(int, int)>& progress = {});

}  // namespace tiss
