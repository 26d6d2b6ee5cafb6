#include "io/nifti_payload.h"

#include <zlib.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace tiss::detail {
namespace {

template <class T>
T load(const unsigned char* p, bool swapped) {
  unsigned char b[sizeof(T)];
  for (size_t i = 0; i < sizeof(T); ++i) b[i] = p[swapped ? sizeof(T) - 1 - i : i];
  T v;
  std::memcpy(&v, b, sizeof(T));
  return v;
}

// Byte offset of the voxel data: vox_offset of a NIfTI-1 (348-byte) or NIfTI-2 (540) header.
Result<uint64_t> voxelOffset(gzFile f, const std::string& path, bool swapped) {
  unsigned char h[540];
  const int n = gzread(f, h, sizeof h);
  if (n < 348) return makeError(path, "NIfTI header is truncated");
  const int32_t size = load<int32_t>(h, swapped);
  if (size == 348) return uint64_t(load<float>(h + 108, swapped));
  if (size == 540 && n == 540) return uint64_t(load<int64_t>(h + 168, swapped));
  return makeError(path, "not a NIfTI-1 or NIfTI-2 header");
}

// Offsets of the header numbers checkNiftiHeader() reads, for one header version.
struct HeaderLayout {
  size_t dim, dimBytes;          // dim[8] (int16 or int64)
  size_t realBytes;              // float or double
  size_t pixdim;                 // pixdim[1] (the used ones are checked)
  std::vector<size_t> reals;     // scl_slope, scl_inter, quatern b/c/d, qoffset, srow
};

HeaderLayout layoutOf(bool nifti2) {
  HeaderLayout l;
  auto run = [&](size_t from, int count) {
    for (int i = 0; i < count; ++i) l.reals.push_back(from + size_t(i) * l.realBytes);
  };
  if (!nifti2) {
    l = {40, 2, 4, 80, {}};
    run(112, 2);   // scl_slope, scl_inter
    run(256, 18);  // quatern_b..qoffset_z, srow_x, srow_y, srow_z
  } else {
    l = {16, 8, 8, 112, {}};
    run(176, 2);
    run(352, 18);
  }
  return l;
}

}  // namespace

Status checkNiftiHeader(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return makeError(path, "cannot open the file");
  unsigned char h[540] = {};
  const int n = gzread(f, h, sizeof h);
  gzclose(f);
  if (n < 348) return Status();  // too short for NIfTI: ITK says what it is
  // The version by its magic (what nifticlib goes by), else by sizeof_hdr.
  const bool magic1 = std::memcmp(h + 344, "n+1", 4) == 0 || std::memcmp(h + 344, "ni1", 4) == 0;
  const bool magic2 = n == 540 && (std::memcmp(h + 4, "n+2", 4) == 0 || std::memcmp(h + 4, "ni2", 4) == 0);
  const int32_t size = load<int32_t>(h, false), sizeSwapped = load<int32_t>(h, true);
  const bool nifti2 = magic2 || (!magic1 && n == 540 && (size == 540 || sizeSwapped == 540));
  if (!magic1 && !nifti2 && size != 348 && sizeSwapped != 348) return Status();  // no NIfTI: left to ITK
  const HeaderLayout l = layoutOf(nifti2);
  // The byte order is the one that gives a valid dim[0] (as nifticlib decides it).
  auto dimIn = [&](int i, bool sw) {
    const unsigned char* p = h + l.dim + size_t(i) * l.dimBytes;
    return l.dimBytes == 2 ? int64_t(load<int16_t>(p, sw)) : load<int64_t>(p, sw);
  };
  const bool swapped = !(dimIn(0, false) >= 1 && dimIn(0, false) <= 7) && dimIn(0, true) >= 1 && dimIn(0, true) <= 7;
  auto dim = [&](int i) { return dimIn(i, swapped); };
  const int64_t rank = dim(0);
  if (rank < 1 || rank > 7) return makeError(path, "corrupt header: dim[0] is " + std::to_string(rank) + ", not 1 to 7");
  for (int i = 1; i <= rank; ++i)
    if (dim(i) < 1) return makeError(path, "corrupt header: dim[" + std::to_string(i) + "] is " + std::to_string(dim(i)));
  std::vector<size_t> reals = l.reals;
  for (int i = -1; i < rank; ++i) reals.push_back(l.pixdim + size_t(i + 1) * l.realBytes - l.realBytes);  // qfac too
  // Finite is not enough: squares of values near 1e30 overflow inside the orientation maths,
  // and an affine mixing 1e9 with 1e-30 made ITK's SVD (netlib) loop for ever (scripts/fuzz).
  // No scanner writes a spacing or coordinate beyond 100 m, nor a nonzero one under 1e-20.
  for (size_t at : reals) {
    const double v = l.realBytes == 4 ? double(load<float>(h + at, swapped)) : load<double>(h + at, swapped);
    if (!std::isfinite(v) || std::abs(v) > 1e5 || (v != 0 && std::abs(v) < 1e-20))
      return makeError(path, "corrupt header: a spacing, scaling or orientation value is " + std::to_string(v) + " (byte " +
                                 std::to_string(at) + ")");
  }
  return Status();
}

Status checkNiftiPayload(const std::string& path, const PayloadFacts& facts) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return makeError(path, "cannot open the file");
  auto offset = voxelOffset(f, path, facts.swapped);
  if (!offset) {
    gzclose(f);
    return offset.error();
  }
  gzrewind(f);
  std::vector<unsigned char> chunk(1 << 20);
  uint64_t skip = *offset, got = 0, nonFinite = 0;
  const unsigned cb = facts.componentBytes;
  for (;;) {
    const int n = gzread(f, chunk.data(), unsigned(chunk.size()));
    if (n <= 0) break;
    uint64_t start = std::min<uint64_t>(skip, uint64_t(n));
    skip -= start;
    // Chunks hold whole components: 1 MiB and the header offset are multiples of 4 and 8
    // only when vox_offset is, which the NIfTI standard requires (a multiple of 16).
    for (uint64_t i = start; facts.floating && i + cb <= uint64_t(n); i += cb) {
      const double v = cb == 8 ? load<double>(&chunk[i], facts.swapped) : load<float>(&chunk[i], facts.swapped);
      nonFinite += !std::isfinite(v);
    }
    got += uint64_t(n) - start;
  }
  int err = Z_OK;
  const std::string what = gzerror(f, &err);  // copied: zlib frees the message with the file
  gzclose(f);
  if (err != Z_OK && err != Z_STREAM_END) return makeError(path, std::string("truncated or corrupt compressed data: ") + what);
  if (got < facts.expectedBytes)
    return makeError(path, "truncated or corrupt voxel data: " + std::to_string(got) + " of " +
                               std::to_string(facts.expectedBytes) + " bytes present");
  if (nonFinite) return makeError(path, "contains " + std::to_string(nonFinite) + " NaN or Inf voxels");
  return Status();
}

}  // namespace tiss::detail
