#include "layout/LayoutSpec.h"

#include <QJsonArray>

namespace tiss::viewers {

QColor groundTruthColour() { return QColor(255, 220, 0); }  // yellow, as the paper's figures
QColor coarseColour() { return QColor(255, 60, 60); }
QColor fineColour() { return QColor(40, 220, 80); }          // green, as the paper's results

QStringList LayoutSpec::keys() const {
  QStringList k;
  for (const auto& p : panels) {
    k << p.base;
    if (!p.minus.isEmpty()) k << p.minus;
    if (!p.diceAgainst.isEmpty()) k << p.diceAgainst;
    for (const auto& o : p.overlays) k << o.key;
  }
  k.removeDuplicates();
  k.removeAll(QString());
  return k;
}

QJsonObject toJson(const LayoutSpec& l) {
  QJsonArray panels;
  for (const auto& p : l.panels) {
    QJsonArray overlays;
    for (const auto& o : p.overlays)
      overlays.append(QJsonObject{{"key", o.key}, {"colour", o.colour.name()}, {"opacity", o.opacity},
                                  {"contour", o.contour}, {"probability", o.probability}});
    panels.append(QJsonObject{{"title", p.title}, {"base", p.base}, {"minus", p.minus},
                              {"colormap", colorMapName(p.colorMap)}, {"colorbar", p.colorBar},
                              {"dice_against", p.diceAgainst}, {"overlays", overlays}});
  }
  return {{"name", l.name}, {"columns", l.columns}, {"panels", panels}};
}

LayoutSpec layoutFromJson(const QJsonObject& j) {
  LayoutSpec l;
  l.name = j.value("name").toString();
  l.columns = std::max(1, j.value("columns").toInt(3));
  for (const auto& pv : j.value("panels").toArray()) {
    const QJsonObject po = pv.toObject();
    PanelSpec p;
    p.title = po.value("title").toString();
    p.base = po.value("base").toString();
    p.minus = po.value("minus").toString();
    const QString map = po.value("colormap").toString();
    p.colorMap = map == "hot" ? ColorMap::Hot : map == "viridis" ? ColorMap::Viridis : ColorMap::Grey;
    p.colorBar = po.value("colorbar").toBool();
    p.diceAgainst = po.value("dice_against").toString();
    for (const auto& ov : po.value("overlays").toArray()) {
      const QJsonObject oo = ov.toObject();
      p.overlays.push_back({oo.value("key").toString(), QColor(oo.value("colour").toString()),
                            oo.value("opacity").toDouble(0.5), oo.value("contour").toBool(), oo.value("probability").toBool()});
    }
    l.panels.push_back(p);
  }
  return l;
}

LayoutSpec synthesisLayout(const QString& real, const QString& synth) {
  LayoutSpec l{QObject::tr("Real vs synthesized"), 3, {}};
  l.panels.push_back({QObject::tr("Real target"), real, {}, ColorMap::Grey, false, {}, {}});
  l.panels.push_back({QObject::tr("Synthesized target"), synth, {}, ColorMap::Grey, false, {}, {}});
  l.panels.push_back({QObject::tr("|Real − synthesized|"), real, synth, ColorMap::Hot, true, {}, {}});
  return l;
}

LayoutSpec maskLayout(const QString& background, const QString& truth, const QString& coarse, const QString& fine) {
  LayoutSpec l{QObject::tr("Ground truth vs coarse vs fine"), 3, {}};
  l.panels.push_back({QObject::tr("Ground truth"), background, {}, ColorMap::Grey, false, {}, {{truth, groundTruthColour(), 0.45}}});
  l.panels.push_back({QObject::tr("Coarse y_c"), background, {}, ColorMap::Grey, false, truth, {{coarse, coarseColour(), 0.45}}});
  l.panels.push_back({QObject::tr("Fine y_f"), background, {}, ColorMap::Grey, false, truth, {{fine, fineColour(), 0.45}}});
  return l;
}

LayoutSpec gridLayout(const QStringList& sources, const QStringList& synths, const QString& real) {
  LayoutSpec l{QObject::tr("All modalities"), 0, {}};
  for (const auto& s : sources) l.panels.push_back({s, s, {}, ColorMap::Grey, false, {}, {}});
  for (const auto& s : synths) l.panels.push_back({s, s, {}, ColorMap::Grey, false, {}, {}});
  if (!real.isEmpty()) l.panels.push_back({real, real, {}, ColorMap::Grey, false, {}, {}});
  l.columns = std::max(1, int(l.panels.size()));
  return l;
}

}  // namespace tiss::viewers
