#pragma once
/// Thumbnail strips of the data set browser: one small image per case with every modality's
/// axial slice at the tumor's largest slice, side by side. Drawn on worker threads by core
/// (cached on disk there), kept in memory here; a request never blocks the caller.
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

#include "tiss/data/dataset.h"

namespace tiss::ui {

class ThumbnailProvider : public QObject {
  Q_OBJECT
 public:
  explicit ThumbnailProvider(QObject* parent = nullptr);
  ~ThumbnailProvider() override;

  /// Forgets every thumbnail and serves those of `dataset`, cached on disk under `cacheDir`.
  void setDataset(std::shared_ptr<const Dataset> dataset, const QString& cacheDir);
  /// The case's strip when ready. Otherwise a null image, and the case is queued once; the
  /// latest request is drawn first, so the rows in view come before rows scrolled past.
  QImage thumbnail(const QString& caseId);
  /// Height in pixels of every strip.
  static constexpr int kHeight = 48;
  /// Cases queued or being drawn.
  int pending() const { return queued_.size(); }

 Q_SIGNALS:
  /// Strips became ready (coalesced: at most one signal per `kCoalesceMs`).
  void ready(const QStringList& caseIds);

 private:
  static constexpr int kCoalesceMs = 50;
  void deliver(int generation, const QString& id, const QImage& strip);

  QThreadPool pool_;
  std::shared_ptr<const Dataset> dataset_;
  QString cacheDir_;
  QHash<QString, QImage> strips_;
  QSet<QString> queued_;
  QStringList readyIds_;
  QTimer coalesce_;
  int generation_ = 0, priority_ = 0;
};

}  // namespace tiss::ui
