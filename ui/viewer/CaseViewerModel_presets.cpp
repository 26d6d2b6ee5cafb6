// CaseViewerModel: the layout presets, built from whatever keys a case and its runs have.
#include "viewer/CaseViewerModel.h"

namespace tiss::ui {

using viewers::CaseImages;
using viewers::LayoutSpec;

namespace {

// Keys of one output name across runs ("tissnet/synth", "other/synth").
QStringList runKeys(const CaseImages& images, const QString& name) {
  QStringList keys;
  for (const QString& k : images.keys())
    if (k.endsWith("/" + name)) keys << k;
  return keys;
}

QString firstOr(const QStringList& keys, const QString& fallback) { return keys.isEmpty() ? fallback : keys.first(); }

}  // namespace

LayoutSpec CaseViewerModel::presetLayout(const QString& id, const CaseImages& images, const Task& task) {
  const QString target = QString::fromStdString(task.target), label = QString::fromStdString(task.label);
  QStringList sources;
  for (const auto& s : task.sources) sources << QString::fromStdString(s);
  // Synthesis is compared in the networks' normalized units: the real target as they saw it.
  const QString real = firstOr(runKeys(images, "target_norm"), target);
  if (id == "synthesis") return viewers::synthesisLayout(real, firstOr(runKeys(images, "synth"), target));
  if (id == "masks")
    return viewers::maskLayout(real, label, firstOr(runKeys(images, "yc"), label), firstOr(runKeys(images, "yf"), label));
  if (id == "grid") return viewers::gridLayout(sources, runKeys(images, "synth"), real);
  LayoutSpec l = viewers::gridLayout(sources + QStringList{target}, {}, {});
  l.name = presetTitle("modalities");
  for (auto& p : l.panels) p.overlays.push_back({label, viewers::groundTruthColour(), 0.9, true, false});
  return l;
}

}  // namespace tiss::ui
