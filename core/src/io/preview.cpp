#include "tiss/io/preview.h"

#include <algorithm>
#include <cmath>

#include "io/png_writer.h"

namespace tiss {

long largestSlice(const Volume& m) {
  long best = m.size()[2] / 2, bestCount = 0;
  for (long z = 0; z < m.size()[2]; ++z) {
    long count = 0;
    for (long y = 0; y < m.size()[1]; ++y)
      for (long x = 0; x < m.size()[0]; ++x) count += m.at(x, y, z) > 0.5f;
    if (count > bestCount) {
      bestCount = count;
      best = z;
    }
  }
  return best;
}

Status writePreviewPng(const std::vector<PreviewPanel>& panels, long z, const std::string& path) {
  if (panels.empty()) return makeError(path, "nothing to preview");
  const Size3 n = panels.front().volume->size();
  const long width = n[0] * long(panels.size());
  std::vector<uint8_t> pixels(size_t(width * n[1]));
  for (size_t p = 0; p < panels.size(); ++p)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) {
        const float v = panels[p].volume->at(x, y, std::clamp(z, 0L, n[2] - 1));
        const double t = panels[p].image ? (v + 1) / 2 : v;
        pixels[size_t(y * width + long(p) * n[0] + x)] = static_cast<uint8_t>(std::lround(std::clamp(t, 0.0, 1.0) * 255));
      }
  return writeGreyPng(pixels, width, n[1], path);
}

}  // namespace tiss
