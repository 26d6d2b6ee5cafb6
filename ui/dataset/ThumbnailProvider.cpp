#include "dataset/ThumbnailProvider.h"

#include <QPainter>

#include "tiss/data/thumbnail.h"

namespace tiss::ui {
namespace {

// Every modality's PNG scaled to the strip height, left to right in task order.
QImage composeStrip(const Dataset& d, const CaseThumbnails& t) {
  std::vector<std::string> order = d.manifest.task.sources;
  order.push_back(d.manifest.task.target);
  QList<QImage> parts;
  int width = 0;
  for (const auto& key : order) {
    const auto file = t.files.find(key);
    if (file == t.files.end()) continue;
    QImage img(QString::fromStdString(file->second));
    if (img.isNull()) continue;
    parts << img.scaledToHeight(ThumbnailProvider::kHeight, Qt::SmoothTransformation);
    width += parts.back().width() + 2;
  }
  if (parts.isEmpty()) return {};
  QImage strip(width - 2, ThumbnailProvider::kHeight, QImage::Format_RGB32);
  strip.fill(Qt::black);
  QPainter p(&strip);
  int x = 0;
  for (const auto& part : parts) {
    p.drawImage(x, 0, part);
    x += part.width() + 2;
  }
  return strip;
}

}  // namespace

ThumbnailProvider::ThumbnailProvider(QObject* parent) : QObject(parent) {
  pool_.setMaxThreadCount(2);
  coalesce_.setSingleShot(true);
  coalesce_.setInterval(kCoalesceMs);
  connect(&coalesce_, &QTimer::timeout, this, [this] {
    Q_EMIT ready(readyIds_);
    readyIds_.clear();
  });
}

ThumbnailProvider::~ThumbnailProvider() {
  pool_.clear();
  pool_.waitForDone();
}

void ThumbnailProvider::setDataset(std::shared_ptr<const Dataset> dataset, const QString& cacheDir) {
  pool_.clear();
  ++generation_;
  dataset_ = std::move(dataset);
  cacheDir_ = cacheDir;
  strips_.clear();
  queued_.clear();
  readyIds_.clear();
}

QImage ThumbnailProvider::thumbnail(const QString& caseId) {
  const auto hit = strips_.constFind(caseId);
  if (hit != strips_.constEnd()) return *hit;
  if (!dataset_ || queued_.contains(caseId)) return {};
  const CaseFiles* c = dataset_->find(caseId.toStdString());
  if (!c) return {};
  queued_.insert(caseId);
  auto dataset = dataset_;
  const std::string cache = cacheDir_.toStdString();
  const int generation = generation_;
  pool_.start([this, dataset, c, cache, generation, caseId] {
    auto t = makeThumbnails(*dataset, *c, cache);
    const QImage strip = t ? composeStrip(*dataset, *t) : QImage();
    QMetaObject::invokeMethod(this, [=] { deliver(generation, caseId, strip); }, Qt::QueuedConnection);
  }, ++priority_);
  return {};
}

void ThumbnailProvider::deliver(int generation, const QString& id, const QImage& strip) {
  if (generation != generation_) return;  // a strip of a data set closed since
  queued_.remove(id);
  // A case without any readable image keeps an empty strip, so it is not requested again.
  strips_.insert(id, strip);
  readyIds_ << id;
  if (!coalesce_.isActive()) coalesce_.start();
}

}  // namespace tiss::ui
