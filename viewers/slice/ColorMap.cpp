#include "slice/ColorMap.h"

#include <QColor>

#include <algorithm>
#include <array>
#include <cmath>

namespace tiss::viewers {
namespace {

// Linear interpolation through control colours spread evenly over 0..255.
QVector<QRgb> interpolate(const std::vector<std::array<int, 3>>& stops) {
  QVector<QRgb> table(256);
  const double segments = double(stops.size() - 1);
  for (int i = 0; i < 256; ++i) {
    const double t = i / 255.0 * segments;
    const size_t k = std::min(size_t(t), stops.size() - 2);
    const double f = t - double(k);
    int c[3];
    for (int j = 0; j < 3; ++j) c[j] = int(std::lround(stops[k][size_t(j)] * (1 - f) + stops[k + 1][size_t(j)] * f));
    table[i] = qRgb(c[0], c[1], c[2]);
  }
  return table;
}

}  // namespace

const QVector<QRgb>& colorTable(ColorMap map) {
  static const QVector<QRgb> grey = interpolate({{0, 0, 0}, {255, 255, 255}});
  static const QVector<QRgb> hot = interpolate({{0, 0, 0}, {230, 0, 0}, {255, 210, 0}, {255, 255, 255}});
  // Viridis sampled at 0, 0.25, 0.5, 0.75, 1 (perceptually uniform, colour-blind safe).
  static const QVector<QRgb> viridis =
      interpolate({{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}});
  switch (map) {
    case ColorMap::Hot: return hot;
    case ColorMap::Viridis: return viridis;
    case ColorMap::Grey: break;
  }
  return grey;
}

QString colorMapName(ColorMap map) {
  switch (map) {
    case ColorMap::Hot: return "hot";
    case ColorMap::Viridis: return "viridis";
    case ColorMap::Grey: break;
  }
  return "grey";
}

QImage colorBar(ColorMap map, int width, int height) {
  QImage bar(width, height, QImage::Format_RGB32);
  const auto& table = colorTable(map);
  for (int y = 0; y < height; ++y) {
    const int i = height > 1 ? int(std::lround(255.0 * (height - 1 - y) / (height - 1))) : 255;
    std::fill_n(reinterpret_cast<QRgb*>(bar.scanLine(y)), width, table[i]);
  }
  return bar;
}

}  // namespace tiss::viewers
