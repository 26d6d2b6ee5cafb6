#pragma once
// 8-bit grey PNG files through ITK, shared by previews and thumbnails.
#include <cstdint>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

/// Writes `pixels` (width x height, row by row) as a grey PNG at `path`.
Status writeGreyPng(const std::vector<uint8_t>& pixels, long width, long height, const std::string& path);

}  // namespace tiss
