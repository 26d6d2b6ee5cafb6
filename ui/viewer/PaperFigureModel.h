#pragma once
/// Behind Tools > Paper Figure: which cases (rows), which images and runs (columns), the slice
/// rule and the output; reads the cases on a worker thread, then builds and exports the figure.
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

#include "export/PaperFigure.h"
#include "tiss/data/dataset.h"

namespace tiss::ui {

class PaperFigureModel : public QObject {
  Q_OBJECT
 public:
  /// `resultFolders`: outputs of tissnet infer (each a run column candidate).
  PaperFigureModel(std::shared_ptr<const Dataset> dataset, QStringList resultFolders, QObject* parent = nullptr);
  ~PaperFigureModel() override;

  /// Every column that can be chosen: each modality, then per run its synthesized target with
  /// its segmentation contoured.
  const std::vector<viewers::FigureColumn>& candidateColumns() const { return candidates_; }
  /// The data set's test cases (all cases when the split has no test part).
  QStringList defaultCases() const;
  QStringList allCases() const;

  viewers::PaperFigureSpec spec;   ///< edited by the dialog
  viewers::FigureOptions options;

  /// Reads the cases and writes the figure to `path`; finished() follows (error empty on success).
  void exportFigure(const QString& path);
  bool busy() const { return busy_; }

 Q_SIGNALS:
  void finished(const QString& error);

 private:
  std::shared_ptr<const Dataset> dataset_;
  QStringList results_;
  std::vector<viewers::FigureColumn> candidates_;
  bool busy_ = false;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace tiss::ui
