#pragma once
// Internal to image_io: checks of a NIfTI file's voxel payload that ITK's reader does not
// make (nifticlib silently zero-fills a short payload and replaces NaN/Inf with 0).
#include <cstdint>
#include <string>

#include "tiss/util/result.h"

namespace tiss::detail {

struct PayloadFacts {
  uint64_t expectedBytes = 0;  ///< voxel data size from the header
  bool floating = false;       ///< float32 (4 bytes) or float64 (8 bytes) components
  unsigned componentBytes = 4;
  bool swapped = false;        ///< stored in the other byte order
};

/// Checks the numbers of a NIfTI-1 or NIfTI-2 header that ITK trusts: dim[0] in 1..7 and each
/// used dim >= 1, and pixdim, scaling, quaternion and affine rows finite (ITK's VNL aborts the
/// process on a NaN orientation). A file that is no NIfTI is left to ITK.
Status checkNiftiHeader(const std::string& path);

/// Reads (decompressing if needed) the payload of `path`: fails when it is shorter than
/// expected or, for floating types, holds NaN or Inf values (counted in the message).
Status checkNiftiPayload(const std::string& path, const PayloadFacts& facts);

}  // namespace tiss::detail
