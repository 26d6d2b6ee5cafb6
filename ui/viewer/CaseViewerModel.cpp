#include "viewer/CaseViewerModel.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QThreadPool>

#include "common/ErrorText.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/preprocess.h"

namespace tiss::ui {

using viewers::CaseImages;
using viewers::LayoutSpec;

QStringList CaseViewerModel::presetIds() { return {"modalities", "synthesis", "masks", "grid", "custom"}; }

QString CaseViewerModel::presetTitle(const QString& id) {
  if (id == "synthesis") return tr("Real | synthesized | difference");
  if (id == "masks") return tr("Ground truth | coarse | fine");
  if (id == "grid") return tr("All modalities and runs");
  if (id == "custom") return tr("Custom");
  return tr("Modalities with ground truth");
}

CaseViewerModel::CaseViewerModel(std::shared_ptr<const Dataset> dataset, const QString& caseId, QObject* parent)
    : QObject(parent), dataset_(std::move(dataset)), caseId_(caseId) {}

CaseViewerModel::~CaseViewerModel() { *alive_ = false; }

bool CaseViewerModel::addResultFolder(const QString& folder) {
  if (viewers::resultFiles(folder, caseId_).empty()) return false;
  if (!results_.contains(folder)) results_ << folder;
  Q_EMIT stateChanged();
  return true;
}

std::map<QString, QString> CaseViewerModel::files() const {
  std::map<QString, QString> f;
  if (const CaseFiles* c = dataset_->find(caseId_.toStdString()))
    for (const auto& [key, path] : c->paths)
      if (tiss::volumeExists(path)) f[QString::fromStdString(key)] = QString::fromStdString(path);
  for (const QString& folder : results_) f.merge(viewers::resultFiles(folder, caseId_));
  return f;
}

namespace {

bool hasName(const viewers::CaseImages& images, const QString& name) {
  for (const QString& k : images.keys())
    if (k.endsWith("/" + name)) return true;
  return false;
}

}  // namespace

// Inference never reads the real target, so x_t' is compared with the target normalized here
// exactly as the engine normalizes its inputs ([-1, 1], docs/data.md), under "engine/target_norm".
void CaseViewerModel::addNormalizedTarget(viewers::CaseImages& images, const QString& target) {
  const auto real = images.get(target);
  if (!real || !hasName(images, "synth") || hasName(images, "target_norm")) return;
  images.volumes["engine/target_norm"] = std::make_shared<const Volume>(normalizeIntensity(*real, PreprocessOptions()));
}

void CaseViewerModel::load() {
  loading_ = true;
  const auto files = this->files();
  const QString id = caseId_;
  auto alive = alive_;
  const int generation = ++generation_;
  const QString target = QString::fromStdString(dataset_->manifest.task.target);
  QThreadPool::globalInstance()->start([this, files, id, alive, generation, target] {
    auto result = viewers::loadCaseImages(id, files);
    if (result) addNormalizedTarget(*result, target);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, result, generation] {
      if (generation != generation_) return;  // a later load (more result folders) supersedes this one
      loading_ = false;
      if (!result) return Q_EMIT failed(errorText(result.error(), tr("Opening the case")));
      images_ = std::make_shared<const CaseImages>(*result);
      if (preset_ != "custom") layout_ = presetLayout(preset_, *images_, dataset_->manifest.task);
      Q_EMIT loaded();
      Q_EMIT layoutChanged();
    }, Qt::QueuedConnection);
  });
}

void CaseViewerModel::setPreset(const QString& id) {
  preset_ = presetIds().contains(id) ? id : "modalities";
  if (images_ && preset_ != "custom") layout_ = presetLayout(preset_, *images_, dataset_->manifest.task);
  Q_EMIT layoutChanged();
  Q_EMIT stateChanged();
}

void CaseViewerModel::setPanelImage(int panel, const QString& key) {
  if (panel < 0 || panel >= int(layout_.panels.size())) return;
  auto& p = layout_.panels[size_t(panel)];
  p.base = key;
  p.minus.clear();
  p.title = key;
  preset_ = "custom";
  Q_EMIT layoutChanged();
  Q_EMIT stateChanged();
}

void CaseViewerModel::setAxis(viewers::SliceAxis axis) {
  axis_ = axis;
  Q_EMIT layoutChanged();
  Q_EMIT stateChanged();
}

QJsonObject CaseViewerModel::state() const {
  return {{"results", QJsonArray::fromStringList(results_)}, {"preset", preset_}, {"axis", int(axis_)},
          {"layout", viewers::toJson(layout_)}};
}

void CaseViewerModel::restore(const QJsonObject& s) {
  for (const auto& r : s.value("results").toArray())
    if (!viewers::resultFiles(r.toString(), caseId_).empty() && !results_.contains(r.toString())) results_ << r.toString();
  preset_ = presetIds().contains(s.value("preset").toString()) ? s.value("preset").toString() : "modalities";
  axis_ = viewers::SliceAxis(std::clamp(s.value("axis").toInt(2), 0, 2));
  if (preset_ == "custom") layout_ = viewers::layoutFromJson(s.value("layout").toObject());
}

}  // namespace tiss::ui
