#pragma once
/// The one volume type of the program: voxels plus physical geometry.
///
/// Axes follow ITK and NIfTI: index (x, y, z) with x fastest in memory, so voxel (x, y, z)
/// lives at x + size[0] * (y + size[1] * z). In the paper's notation a patch of D x H x W
/// is z x y x x. Spacing and origin are in mm; direction is the row-major 3x3 cosine matrix
/// mapping index axes to physical (LPS) axes.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

using Index3 = std::array<long, 3>;   ///< voxel index (x, y, z)
using Size3 = std::array<long, 3>;    ///< voxel counts (x, y, z)
using Vec3 = std::array<double, 3>;   ///< physical vector in mm

/// Scalar type of the file a volume came from; writing uses it again so a read-write round
/// trip keeps both values and type.
enum class PixelType { UInt8, Int8, UInt16, Int16, UInt32, Int32, Float32, Float64 };

std::string toString(PixelType t);

/// Physical layout of a volume without its voxels: what a header read yields.
struct Geometry {
  Size3 size{0, 0, 0};
  Vec3 spacing{1, 1, 1};
  Vec3 origin{0, 0, 0};
  std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};

  long voxelCount() const { return size[0] * size[1] * size[2]; }
  /// Physical position (mm) of a continuous index.
  Vec3 indexToPhysical(const Vec3& index) const;
  /// True when size matches and spacing/origin/direction agree within `tolerance`
  /// (relative to spacing for spacing and origin, absolute for direction cosines).
  bool sameAs(const Geometry& other, double tolerance = 1e-4) const;
};

struct Volume {
  Geometry geometry;
  PixelType pixelType = PixelType::Float32;
  std::vector<float> voxels;  ///< geometry.voxelCount() values, x fastest

  Volume() = default;
  /// A volume of the given geometry filled with `value`.
  explicit Volume(const Geometry& g, float value = 0.f, PixelType type = PixelType::Float32);

  const Size3& size() const { return geometry.size; }
  const Vec3& spacing() const { return geometry.spacing; }
  size_t offset(long x, long y, long z) const {
    return static_cast<size_t>(x + geometry.size[0] * (y + geometry.size[1] * z));
  }
  float& at(long x, long y, long z) { return voxels[offset(x, y, z)]; }
  float at(long x, long y, long z) const { return voxels[offset(x, y, z)]; }
  bool contains(long x, long y, long z) const {
    return x >= 0 && y >= 0 && z >= 0 && x < geometry.size[0] && y < geometry.size[1] &&
           z < geometry.size[2];
  }
};

/// Axis-aligned box of voxels: [begin, begin + size) on each axis.
struct Box {
  Index3 begin{0, 0, 0};
  Size3 size{0, 0, 0};
  bool empty() const { return size[0] <= 0 || size[1] <= 0 || size[2] <= 0; }
  long end(int axis) const { return begin[axis] + size[axis]; }
};

/// Smallest box holding every voxel with value > threshold; empty box if there is none.
Box boundingBox(const Volume& v, float threshold = 0.f);

/// Copies `box` out of `v` (box must lie inside v); origin moves so physical positions keep.
Volume crop(const Volume& v, const Box& box);

/// The same image with its index axes along the closest physical axes (LPS): voxels permuted
/// and flipped so that the direction becomes the identity when the original was axis-aligned
/// (an oblique direction keeps its small rotation: it is reported by `obliquity`). Physical
/// positions of voxel centres are unchanged. Viewers show volumes this way, so axial means
/// axial whatever order the file stored its axes in.
Volume reorientToLps(const Volume& v);
/// Largest angle (degrees) between an index axis and its closest physical axis.
double obliquity(const Geometry& g);

/// Places `part` (cropped earlier with `box`) back into a volume of geometry `full`,
/// filling the rest with `fill`.
Volume uncrop(const Volume& part, const Box& box, const Geometry& full, float fill);

}  // namespace tiss

namespace tiss {
/// Parses the paper's "DxHxW" notation (e.g. "16x128x128") into (x, y, z) = (W, H, D).
/// Every part must be a positive integer.
Result<Size3> parseSizeDHW(const std::string& text);
/// Formats (x, y, z) back as "DxHxW".
std::string formatSizeDHW(const Size3& size);
}  // namespace tiss
