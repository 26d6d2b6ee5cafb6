#pragma once
/// Colour maps for intensity-like layers (grey images, difference maps, probabilities) and the
/// colour bar image that explains them.
#include <QImage>
#include <QString>
#include <QVector>
#include <QtGui/qrgb.h>

namespace tiss::viewers {

enum class ColorMap { Grey, Hot, Viridis };

/// 256 colours from low to high.
const QVector<QRgb>& colorTable(ColorMap map);
/// Name for menus and files ("grey", "hot", "viridis").
QString colorMapName(ColorMap map);
/// A vertical bar, high values at the top, `width` x `height` pixels.
QImage colorBar(ColorMap map, int width, int height);

}  // namespace tiss::viewers
