#pragma once
/// Thumbnails of a case for the data set browser: for each image modality, the axial slice
/// through the tumor's largest slice, windowed and written as a small 8-bit PNG in a disk
/// cache. Cached files are reused as long as the case's files keep their size and time.
#include <map>
#include <string>

#include "tiss/data/dataset.h"
#include "tiss/util/result.h"

namespace tiss {

struct CaseThumbnails {
  std::string id;
  long slice = -1;                            ///< axial index z shown (the label's largest slice)
  std::map<std::string, std::string> files;   ///< image modality key -> PNG path
  bool fromCache = false;                     ///< true when nothing had to be read or drawn
};

struct ThumbnailOptions {
  int maxSide = 96;  ///< pixels; the head's box on the slice is subsampled by a whole step to fit
  double lowPercentile = 0.5, highPercentile = 99.5;  ///< of the slice's non-zero voxels
};

/// Makes (or finds in `cacheDir`) the thumbnails of case `c`. The slice is the label's
/// largest tumor slice, or the middle slice when there is no label or an empty one; each
/// image is cut to the box of non-zero voxels of the first image on that slice (the head). Modalities
/// whose file is missing or unreadable are left out; the result fails only when no image at all
/// could be drawn or the cache cannot be written (the error names the file).
Result<CaseThumbnails> makeThumbnails(const Dataset& dataset, const CaseFiles& c, const std::string& cacheDir,
                                      const ThumbnailOptions& options = {});

}  // namespace tiss
