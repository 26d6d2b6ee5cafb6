// CaseViewerModel: the layout presets, built from whatever keys a case and its runs have.
#include "viewer/CaseViewerModel.h"
#include "common/RunFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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
  const bool hasReal = images.keys().contains(real), hasTruth = images.keys().contains(label);
  const QString synth = firstOr(runKeys(images, "synth"), target);
  const QString context = hasReal ? real : images.keys().contains(synth) ? synth : firstOr(sources, target);
  if (id == "synthesis" && !hasReal) {
    // No real target (the clinical case): what exists, no difference map (notices() says why).
    LayoutSpec l = viewers::gridLayout(sources, runKeys(images, "synth"), {});
    l.name = presetTitle("synthesis");
    return l;
  }
  if (id == "synthesis") return viewers::synthesisLayout(real, synth);
  if (id == "masks") {
    const QStringList coarse = runKeys(images, "yc"), fine = runKeys(images, "yf"), seg = runKeys(images, "seg");
    LayoutSpec l = viewers::maskLayout(context, label, firstOr(coarse, label), firstOr(fine, firstOr(seg, label)));
    if (coarse.isEmpty() && fine.isEmpty() && !seg.isEmpty()) {
      // A U-Net run has no y_c / y_f: ground truth | its segmentation, titled by its key.
      l.panels.erase(l.panels.begin() + 1);
      l.panels.back().title = seg.first();
      l.columns = int(l.panels.size());
    }
    if (!hasTruth) {  // no ground truth: no panel of it, no Dice against it
      l.panels.erase(l.panels.begin());
      for (auto& p : l.panels) {
        p.diceAgainst.clear();
        auto& o = p.overlays;
        o.erase(std::remove_if(o.begin(), o.end(), [&](const viewers::OverlaySpec& s) { return !images.keys().contains(s.key); }), o.end());
      }
      l.columns = int(l.panels.size());
    }
    return l;
  }
  if (id == "grid") return viewers::gridLayout(sources, runKeys(images, "synth"), real);
  // The modalities the case has; without its real target, the synthesized one in its place.
  QStringList shown;
  for (const QString& k : sources + QStringList{target})
    if (images.keys().contains(k)) shown << k;
  if (!images.keys().contains(target)) shown << runKeys(images, "synth").mid(0, 1);
  LayoutSpec l = viewers::gridLayout(shown, {}, {});
  l.name = presetTitle("modalities");
  for (auto& p : l.panels) p.overlays.push_back({label, viewers::groundTruthColour(), 0.9, true, false});
  return l;
}

QStringList CaseViewerModel::notices() const {
  QStringList out;
  if (!images_) return out;
  const QString target = QString::fromStdString(task().target);
  const QStringList keys = images_->keys();
  if (!target.isEmpty() && !keys.contains(target))
    out << tr("No real %1 in this case: the synthesized image is shown alone, without a difference map.").arg(target);
  if (!keys.contains(labelKey())) out << tr("No ground truth in this case: masks are shown without Dice.");
  for (const QString& folder : results_) {
    const QString run = QFileInfo(folder).fileName();
    const QString gradient = coarseGradientOf(folder);
    if (keys.contains(run + "/yc") && !gradient.isEmpty() && gradient != "detached")
      out << tr("%1: y_c was trained by its Dice loss and by S's losses through it (loss.coarse_gradient = %2): "
                "S may use it as a code rather than a mask, so its Dice is not that of a coarse segmentation.")
                 .arg(run, gradient);
  }
  return out;
}

QString CaseViewerModel::coarseGradientOf(const QString& resultsFolder) {
  auto readJson = [](const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
  };
  const QJsonObject record = readJson(QDir(resultsFolder).filePath("inference.json"));
  if (record.value("stage").toString() != "tissnet") return {};
  QJsonValue v = record.value("coarse_gradient");
  if (v.isUndefined()) {  // results written before inference.json recorded it: the run's config
    const QJsonObject config = readJson(runFile(record.value("run").toString(), &RunFolder::configFile));
    v = config.value("loss").toObject().value("coarse_gradient");
    if (v.isUndefined()) return config.isEmpty() ? QString() : QStringLiteral("full");  // the key's default
  }
  return v.isString() ? v.toString() : QString::number(v.toDouble());
}

QStringList CaseViewerModel::overlayKeys() const {
  QStringList keys;
  if (!images_) return keys;
  for (const QString& k : images_->keys()) {
    const QString name = k.section('/', -1);
    if (k == labelKey() || name == "yc" || name == "yf" || name == "yr" || name == "ye" || name == "seg" || name == "sp_on_synth")
      keys << k;
  }
  return keys;
}

QColor CaseViewerModel::defaultColour(const QString& key) {
  const QString name = key.section('/', -1);
  if (!key.contains('/')) return viewers::groundTruthColour();
  if (name == "yc") return viewers::coarseColour();
  if (name == "yf" || name == "seg") return viewers::fineColour();
  if (name == "yr") return QColor(60, 140, 255);
  if (name == "ye") return QColor(230, 60, 230);
  return QColor(255, 150, 40);
}

std::optional<viewers::OverlaySpec> CaseViewerModel::overlay(const QString& key) const {
  for (const auto& p : layout_.panels)
    for (const auto& o : p.overlays)
      if (o.key == key) return o;
  return std::nullopt;
}

void CaseViewerModel::setOverlay(const QString& key, const std::optional<viewers::OverlaySpec>& spec) {
  for (auto& p : layout_.panels) {
    auto& o = p.overlays;
    o.erase(std::remove_if(o.begin(), o.end(), [&](const viewers::OverlaySpec& s) { return s.key == key; }), o.end());
    if (spec) o.push_back(*spec);
  }
  preset_ = "custom";
  Q_EMIT layoutChanged();
  Q_EMIT stateChanged();
}

}  // namespace tiss::ui
