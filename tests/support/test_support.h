#pragma once
// Helpers shared by the core tests: small volumes and phantom data sets on disk.
#include <QString>
#include <QTest>

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "tiss/phantom/phantom.h"
#include "tiss/io/volume.h"

namespace testsupport {

/// A volume of `size` with the given spacing, zero everywhere.
inline tiss::Volume blank(const tiss::Size3& size, const tiss::Vec3& spacing = {1, 1, 1}) {
  tiss::Geometry g;
  g.size = size;
  g.spacing = spacing;
  return tiss::Volume(g, 0.f);
}

/// Sets every voxel of `box` to `value`.
inline void fill(tiss::Volume& v, const tiss::Box& box, float value = 1.f) {
  for (long z = box.begin[2]; z < box.end(2); ++z)
    for (long y = box.begin[1]; y < box.end(1); ++y)
      for (long x = box.begin[0]; x < box.end(0); ++x) v.at(x, y, z) = value;
}

/// Writes a small phantom data set (24x48x48 voxels a case) into `dir`.
inline void writePhantom(const QString& dir, tiss::PhantomLayout layout, int cases, uint64_t seed = 5,
                         tiss::Size3 size = {48, 48, 24},
                         tiss::PhantomAnatomy anatomy = tiss::PhantomAnatomy::Template) {
  tiss::PhantomOptions o;
  o.layout = layout;
  o.anatomy = anatomy;
  o.cases = cases;
  o.size = size;
  o.seed = seed;
  o.out = dir.toStdString();
  const auto st = tiss::writePhantomDataset(o);
  QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
}

inline std::string path(const QString& dir, const QString& rel) { return (dir + "/" + rel).toStdString(); }

inline // A minimal NIfTI-1 file of float voxels with the given dim[] (dim[0] = number of dimensions).
void writeRawNifti(const std::string& path, std::vector<short> dims, float fill) {
  std::vector<char> h(352, 0);
  auto put = [&](size_t at, const void* p, size_t n) { std::memcpy(&h[at], p, n); };
  const int sizeofHdr = 348;
  put(0, &sizeofHdr, 4);
  dims.resize(8, 1);
  put(40, dims.data(), 16);
  const short datatype = 16, bitpix = 32;
  put(70, &datatype, 2);
  put(72, &bitpix, 2);
  const float pixdim[8] = {1, 1, 1, 1, 1, 1, 1, 1}, offset = 352;
  put(76, pixdim, 32);
  put(108, &offset, 4);
  put(344, "n+1", 4);
  long n = 1;
  for (int i = 1; i <= dims[0]; ++i) n *= dims[size_t(i)];
  std::ofstream out(path, std::ios::binary);
  out.write(h.data(), long(h.size()));
  std::vector<float> data(size_t(n), fill);
  out.write(reinterpret_cast<const char*>(data.data()), long(n * 4));
}

}  // namespace testsupport
