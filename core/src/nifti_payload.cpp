#include "nifti_payload.h"

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

}  // namespace

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
  const char* what = gzerror(f, &err);
  gzclose(f);
  if (err != Z_OK && err != Z_STREAM_END) return makeError(path, std::string("truncated or corrupt compressed data: ") + what);
  if (got < facts.expectedBytes)
    return makeError(path, "truncated or corrupt voxel data: " + std::to_string(got) + " of " +
                               std::to_string(facts.expectedBytes) + " bytes present");
  if (nonFinite) return makeError(path, "contains " + std::to_string(nonFinite) + " NaN or Inf voxels");
  return Status();
}

}  // namespace tiss::detail
