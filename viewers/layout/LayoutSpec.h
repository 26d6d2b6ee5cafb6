#pragma once
/// What a comparison layout shows, panel by panel, as plain values that are saved with the
/// workspace (JSON). Presets build the paper's comparisons from the keys a case has.
#include <QColor>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

#include "slice/ColorMap.h"

namespace tiss::viewers {

struct OverlaySpec {
  QString key;                 ///< a CaseImages key
  QColor colour = Qt::red;
  double opacity = 0.5;
  bool contour = false;
  bool probability = false;    ///< colour-mapped probability instead of a binary mask
};

struct PanelSpec {
  QString title;
  QString base;                ///< image key
  QString minus;               ///< when set, the panel shows |base - minus|
  ColorMap colorMap = ColorMap::Grey;
  bool colorBar = false;
  QString diceAgainst;         ///< when set, the caption gives the Dice of the first overlay vs this mask
  std::vector<OverlaySpec> overlays;
};

struct LayoutSpec {
  QString name;
  int columns = 3;
  std::vector<PanelSpec> panels;
  /// Every key a panel uses.
  QStringList keys() const;
};

QJsonObject toJson(const LayoutSpec& layout);
LayoutSpec layoutFromJson(const QJsonObject& json);

/// Ground-truth, coarse and fine mask colours (the 2D overlays and the 3D surfaces share them).
QColor groundTruthColour();
QColor coarseColour();
QColor fineColour();

/// Real target | synthesized target | |difference| (hot colour map with a colour bar).
LayoutSpec synthesisLayout(const QString& real, const QString& synth);
/// The same background three times with the ground truth, coarse and fine masks; the coarse and
/// fine panels give their Dice against the ground truth.
LayoutSpec maskLayout(const QString& background, const QString& truth, const QString& coarse, const QString& fine);
/// Every source, then the synthesized and real targets; `runs` adds one synthesized column per
/// further run key.
LayoutSpec gridLayout(const QStringList& sources, const QStringList& synths, const QString& real);

}  // namespace tiss::viewers
