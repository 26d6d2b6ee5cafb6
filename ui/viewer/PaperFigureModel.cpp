#include "viewer/PaperFigureModel.h"

#include <QFileInfo>
#include <QThreadPool>

#include "common/ErrorText.h"

namespace tiss::ui {

using viewers::CaseImages;

PaperFigureModel::PaperFigureModel(std::shared_ptr<const Dataset> dataset, QStringList resultFolders, QObject* parent)
    : QObject(parent), dataset_(std::move(dataset)), results_(std::move(resultFolders)) {
  const Task& task = dataset_->manifest.task;
  std::vector<std::string> images = task.sources;
  images.push_back(task.target);
  for (const auto& key : images) candidates_.push_back({QString::fromStdString(key), QString::fromStdString(key), {}, {}});
  for (const QString& folder : results_) {
    const QString run = QFileInfo(folder).fileName();
    candidates_.push_back({run, run + "/synth", run + "/seg", QString::fromStdString(task.target)});
  }
  spec.truth = QString::fromStdString(task.label);
  spec.cases = defaultCases();
  for (const auto& c : candidates_) spec.columns.push_back(c);
}

PaperFigureModel::~PaperFigureModel() { *alive_ = false; }

QStringList PaperFigureModel::allCases() const {
  QStringList ids;
  for (const auto& c : dataset_->cases) ids << QString::fromStdString(c.id);
  return ids;
}

QStringList PaperFigureModel::defaultCases() const {
  QStringList ids;
  for (const auto& id : dataset_->split.ids(SplitPart::Test)) ids << QString::fromStdString(id);
  if (ids.isEmpty())
    for (const auto& c : dataset_->cases) ids << QString::fromStdString(c.id);
  return ids;
}

void PaperFigureModel::exportFigure(const QString& path) {
  busy_ = true;
  auto alive = alive_;
  auto dataset = dataset_;
  const auto spec = this->spec;
  const auto options = this->options;
  const QStringList results = results_;
  QThreadPool::globalInstance()->start([=] {
    // Reading is the slow part (seconds per BraTS case): off the UI thread.
    auto loaded = std::make_shared<std::map<QString, Result<CaseImages>>>();
    for (const QString& id : spec.cases) {
      std::map<QString, QString> files;
      if (const CaseFiles* c = dataset->find(id.toStdString()))
        for (const auto& [key, file] : c->paths) files[QString::fromStdString(key)] = QString::fromStdString(file);
      for (const QString& folder : results) files.merge(viewers::resultFiles(folder, id));
      loaded->emplace(id, viewers::loadCaseImages(id, files));
    }
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, loaded, spec, options, path] {
      // Views are widgets: built on the UI thread from what the worker read.
      auto figure = viewers::PaperFigure::build(spec, [&](const QString& id) { return loaded->at(id); });
      Status st = figure ? (*figure)->exportTo(path, options) : Status(figure.error());
      busy_ = false;
      Q_EMIT finished(st ? QString() : errorText(st.error(), tr("Building the figure")));
    }, Qt::QueuedConnection);
  });
}

}  // namespace tiss::ui
