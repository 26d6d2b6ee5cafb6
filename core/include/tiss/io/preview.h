#pragma once
/// Preview images of a run (validation slices for the dashboard): axial slices of several
/// volumes side by side in one 8-bit PNG.
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

struct PreviewPanel {
  const Volume* volume;
  bool image;  ///< true: intensities in [-1, 1]; false: probabilities in [0, 1]
};

/// Writes slice z of every panel (all of one size) left to right into `path` (PNG).
Status writePreviewPng(const std::vector<PreviewPanel>& panels, long z, const std::string& path);

/// The axial slice with the most voxels > 0.5 (the middle slice when there are none).
long largestSlice(const Volume& mask);

}  // namespace tiss
