#pragma once
/// The paper-figure builder: cases as rows, images or runs as columns, each panel on the slice a
/// rule picks, with the ground truth contoured in yellow and the result in green (the paper's
/// Fig. 4/5 style), exported as one figure.
#include <QColor>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

#include "export/FigureExport.h"
#include "layout/CaseImages.h"
#include "slice/CursorModel.h"

namespace tiss::viewers {

struct FigureColumn {
  QString title;
  QString image;   ///< image key shown in grey
  QString result;  ///< mask key contoured in the result colour; empty for an image-only column
  QString fallbackImage;  ///< shown when `image` is missing (a segmentation-only run has no x_t')
};

struct PaperFigureSpec {
  QStringList cases;  ///< rows, top to bottom
  std::vector<FigureColumn> columns;
  QString truth = "seg";               ///< ground-truth key, contoured on result columns
  bool truthOnImages = false;          ///< also contour the truth on image-only columns
  bool largestTumorSlice = true;       ///< else `fixedSlice`
  long fixedSlice = 0;
  SliceAxis axis = SliceAxis::Axial;
  QColor truthColour = QColor(255, 220, 0);  ///< yellow
  QColor resultColour = QColor(40, 220, 80); ///< green
};

/// Panels of a built figure; they own their views and cursors (no window needed).
class PaperFigure {
 public:
  /// Loads every case with `load` and lays out its panels. Fails with the first case that
  /// cannot be loaded or lacks a key a column needs (the error names the case and key).
  static Result<std::shared_ptr<PaperFigure>> build(const PaperFigureSpec& spec,
                                                    const std::function<Result<CaseImages>(const QString&)>& load);
  std::vector<const SliceView*> panels() const;
  int columns() const { return columns_; }
  /// The slice index shown in each row.
  const std::vector<long>& slices() const { return slices_; }
  Status exportTo(const QString& path, const FigureOptions& options) const;

 private:
  std::vector<std::unique_ptr<CursorModel>> cursors_;
  std::vector<std::unique_ptr<SliceView>> views_;
  std::vector<long> slices_;
  int columns_ = 1;
};

}  // namespace tiss::viewers
