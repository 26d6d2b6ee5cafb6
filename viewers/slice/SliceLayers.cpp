#include "slice/SliceLayers.h"

#include <cmath>

namespace tiss::viewers {

QRgb blend(QRgb under, QRgb over, double a) {
  auto mix = [a](int u, int o) { return int(std::lround(u * (1 - a) + o * a)); };
  return qRgb(mix(qRed(under), qRed(over)), mix(qGreen(under), qGreen(over)), mix(qBlue(under), qBlue(over)));
}

namespace {

// Pixel (c, r) of a w x h slice image is inside the mask; outside the image counts as outside.
bool inside(const std::vector<uint8_t>& m, long w, long h, long c, long r) {
  return c >= 0 && r >= 0 && c < w && r < h && m[size_t(r * w + c)];
}

std::vector<uint8_t> maskSlice(const Volume& v, const SlicePlane& p, SliceAxis axis, long index, long w, long h) {
  std::vector<uint8_t> m(size_t(w * h));
  for (long r = 0; r < h; ++r)
    for (long c = 0; c < w; ++c) {
      const Index3 x = p.voxel(c, r, index, int(axis), v.size());
      m[size_t(r * w + c)] = v.at(x[0], x[1], x[2]) > 0.5f;
    }
  return m;
}

void drawLabel(QImage& img, const LabelLayer& l, const SlicePlane& p, SliceAxis axis, long index) {
  const long w = img.width(), h = img.height();
  const auto m = maskSlice(*l.mask, p, axis, index, w, h);
  const QRgb colour = l.colour.rgb();
  for (long r = 0; r < h; ++r) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(int(r)));
    for (long c = 0; c < w; ++c) {
      if (!m[size_t(r * w + c)]) continue;
      // A contour pixel is a mask pixel with a 4-neighbour outside the mask.
      const bool edge = !inside(m, w, h, c - 1, r) || !inside(m, w, h, c + 1, r) || !inside(m, w, h, c, r - 1) ||
                        !inside(m, w, h, c, r + 1);
      if (!l.contour || edge) line[c] = blend(line[c], colour, l.opacity);
    }
  }
}

void drawProbability(QImage& img, const ProbabilityLayer& l, const SlicePlane& p, SliceAxis axis, long index) {
  const auto& table = colorTable(l.colorMap);
  for (long r = 0; r < img.height(); ++r) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(int(r)));
    for (long c = 0; c < img.width(); ++c) {
      const Index3 x = p.voxel(c, r, index, int(axis), l.volume->size());
      const float v = l.volume->at(x[0], x[1], x[2]);
      if (v < l.threshold) continue;
      line[c] = blend(line[c], table[std::clamp(int(std::lround(v * 255)), 0, 255)], l.opacity);
    }
  }
}

}  // namespace

QImage composeSlice(const SliceLayers& layers, SliceAxis axis, long index) {
  const Volume* base = layers.base.volume.get();
  if (!base || index < 0 || index >= sliceCount(*base, axis)) return {};
  const SlicePlane p = slicePlane(axis);
  const long w = base->size()[size_t(p.column)], h = base->size()[size_t(p.row)];
  QImage img(int(w), int(h), QImage::Format_RGB32);
  const auto& table = colorTable(layers.base.colorMap);
  const WindowLevel& wl = layers.base.windowLevel;
  for (long r = 0; r < h; ++r) {
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(int(r)));
    for (long c = 0; c < w; ++c) {
      const Index3 x = p.voxel(c, r, index, int(axis), base->size());
      line[c] = table[wl.grey(base->at(x[0], x[1], x[2]))];
    }
  }
  for (const auto& l : layers.probabilities)
    if (l.volume && l.volume->size() == base->size()) drawProbability(img, l, p, axis, index);
  for (const auto& l : layers.labels)
    if (l.mask && l.mask->size() == base->size()) drawLabel(img, l, p, axis, index);
  return img;
}

}  // namespace tiss::viewers
