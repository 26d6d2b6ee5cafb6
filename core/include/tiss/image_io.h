#pragma once
/// Reading and writing volumes through ITK: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr),
/// MetaImage (.mha, .mhd) and DICOM series (a folder of slices). Every failure comes back
/// as an Error naming the file and what is wrong; nothing throws.
#include <string>

#include "tiss/result.h"
#include "tiss/volume.h"

namespace tiss {

/// Header of a volume file: geometry, scalar type and number of dimensions, without voxels.
struct VolumeHeader {
  Geometry geometry;
  PixelType pixelType = PixelType::Float32;
  unsigned dimensions = 3;  ///< as stored in the file (2D and 4D files are reported, not read)
  unsigned components = 1;  ///< scalar per voxel is 1
};

/// Reads only the header. Fails for a missing, empty or unreadable file.
Result<VolumeHeader> readHeader(const std::string& path);

/// Reads a 3D scalar volume (a DICOM series when `path` is a folder). Fails on 2D or 4D
/// images, multi-component voxels, truncated or corrupt files, and NaN or Inf voxels.
Result<Volume> readVolume(const std::string& path);

/// Writes `v` in the format chosen by the file name, with the geometry and the pixel type
/// of `v` (values are rounded and clamped to integer types). Written to a temporary file
/// first and renamed, so a failure never leaves a half-written file under `path`.
Status writeVolume(const Volume& v, const std::string& path);

}  // namespace tiss
