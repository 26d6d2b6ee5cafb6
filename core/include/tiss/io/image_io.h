#pragma once
/// Reading and writing volumes through ITK: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr),
/// MetaImage (.mha, .mhd) and DICOM series (a folder of slices). Every failure comes back
/// as an Error naming the file and what is wrong; nothing throws.
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

/// Header of a volume file: geometry, scalar type and number of dimensions, without voxels.
struct VolumeHeader {
  Geometry geometry;
  PixelType pixelType = PixelType::Float32;
  unsigned dimensions = 3;  ///< as stored in the file (2D and 4D files are reported, not read)
  unsigned components = 1;  ///< scalar per voxel is 1
};

/// One channel of a 4D image, named in a data set's case paths as "FILE#N" (N from 0), for the
/// layouts that say which channel is which (MSD's Task01_BrainTumour: FLAIR, T1w, t1gd, T2w).
struct ChannelRef {
  std::string file;
  int channel = -1;  ///< -1: the path names a whole (3D) file
};
/// "FILE#N" -> {FILE, N} when FILE exists and `path` itself does not; else {path, -1}.
ChannelRef parseChannelRef(const std::string& path);
/// The case path of channel `channel` of the 4D image `file`.
std::string channelPath(const std::string& file, int channel);
/// True when `path` names an existing file or folder, or a channel of an existing file.
bool volumeExists(const std::string& path);

/// Reads only the header. Fails for a missing, empty or unreadable file. For a channel
/// reference the header is the channel's (3D) one, and a 3D file or a channel past the last
/// is an error naming the file.
Result<VolumeHeader> readHeader(const std::string& path);

/// Reads a 3D scalar volume (a DICOM series when `path` is a folder; one channel of a 4D
/// image for a channel reference). Fails on 2D or 4D images read whole, multi-component
/// voxels, truncated or corrupt files, and NaN or Inf voxels.
Result<Volume> readVolume(const std::string& path);

/// Reads the DICOM slices `files`, in this order, as one volume (ITK/GDCM: origin from the
/// first slice, spacing from the slice positions, direction from the orientation).
Result<Volume> readDicomFiles(const std::vector<std::string>& files);

/// Writes `v` in the format chosen by the file name, with the geometry and the pixel type
/// of `v` (values are rounded and clamped to integer types). Written to a temporary file
/// first and renamed, so a failure never leaves a half-written file under `path`.
Status writeVolume(const Volume& v, const std::string& path);

}  // namespace tiss
