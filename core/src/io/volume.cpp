#include "tiss/io/volume.h"

#include <algorithm>
#include <cmath>

namespace tiss {

std::string toString(PixelType t) {
  switch (t) {
    case PixelType::UInt8: return "uint8";
    case PixelType::Int8: return "int8";
    case PixelType::UInt16: return "uint16";
    case PixelType::Int16: return "int16";
    case PixelType::UInt32: return "uint32";
    case PixelType::Int32: return "int32";
    case PixelType::Float32: return "float32";
    case PixelType::Float64: return "float64";
  }
  return "unknown";
}

Vec3 Geometry::indexToPhysical(const Vec3& index) const {
  Vec3 p = origin;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) p[r] += direction[r * 3 + c] * spacing[c] * index[c];
  return p;
}

bool Geometry::sameAs(const Geometry& o, double tol) const {
  if (size != o.size) return false;
  for (int a = 0; a < 3; ++a) {
    const double scale = std::max(std::abs(spacing[a]), 1e-6);
    if (std::abs(spacing[a] - o.spacing[a]) > tol * scale) return false;
    if (std::abs(origin[a] - o.origin[a]) > tol * scale) return false;
  }
  for (int i = 0; i < 9; ++i)
    if (std::abs(direction[i] - o.direction[i]) > tol) return false;
  return true;
}

Volume::Volume(const Geometry& g, float value, PixelType type)
    : geometry(g), pixelType(type), voxels(static_cast<size_t>(g.voxelCount()), value) {}

Box boundingBox(const Volume& v, float threshold) {
  Index3 lo{v.size()[0], v.size()[1], v.size()[2]};
  Index3 hi{-1, -1, -1};
  for (long z = 0; z < v.size()[2]; ++z)
    for (long y = 0; y < v.size()[1]; ++y)
      for (long x = 0; x < v.size()[0]; ++x) {
        if (!(v.at(x, y, z) > threshold)) continue;
        const Index3 p{x, y, z};
        for (int a = 0; a < 3; ++a) {
          lo[a] = std::min(lo[a], p[a]);
          hi[a] = std::max(hi[a], p[a]);
        }
      }
  Box b;
  if (hi[0] < 0) return b;
  for (int a = 0; a < 3; ++a) {
    b.begin[a] = lo[a];
    b.size[a] = hi[a] - lo[a] + 1;
  }
  return b;
}

Volume crop(const Volume& v, const Box& box) {
  Geometry g = v.geometry;
  g.size = box.size;
  g.origin = v.geometry.indexToPhysical(
      {double(box.begin[0]), double(box.begin[1]), double(box.begin[2])});
  Volume out(g, 0.f, v.pixelType);
  for (long z = 0; z < box.size[2]; ++z)
    for (long y = 0; y < box.size[1]; ++y) {
      const float* src = &v.voxels[v.offset(box.begin[0], box.begin[1] + y, box.begin[2] + z)];
      std::copy(src, src + box.size[0], &out.voxels[out.offset(0, y, z)]);
    }
  return out;
}

Volume uncrop(const Volume& part, const Box& box, const Geometry& full, float fill) {
  Volume out(full, fill, part.pixelType);
  for (long z = 0; z < box.size[2]; ++z)
    for (long y = 0; y < box.size[1]; ++y) {
      const float* src = &part.voxels[part.offset(0, y, z)];
      std::copy(src, src + box.size[0],
                &out.voxels[out.offset(box.begin[0], box.begin[1] + y, box.begin[2] + z)]);
    }
  return out;
}

}  // namespace tiss

namespace tiss {

Result<Size3> parseSizeDHW(const std::string& text) {
  Size3 dhw{0, 0, 0};
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    const size_t end = i < 2 ? text.find('x', pos) : text.size();
    const std::string part = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    if (end == std::string::npos || !digits || part.size() > 6 || std::stol(part) <= 0)
      return makeError("", "size '" + text + "' is not DxHxW with three positive integers");
    dhw[i] = std::stol(part);
    pos = end + 1;
  }
  return Size3{dhw[2], dhw[1], dhw[0]};
}

std::string formatSizeDHW(const Size3& s) {
  return std::to_string(s[2]) + "x" + std::to_string(s[1]) + "x" + std::to_string(s[0]);
}

}  // namespace tiss
