#pragma once
/// Synchronized panels: a grid of SliceViews of one case sharing a cursor, built from a
/// LayoutSpec, with a readout of the cursor (voxel, mm, the value of every volume) and each
/// mask's Dice on the current slice and the whole volume.
#include <QWidget>

#include <map>

#include "layout/CaseImages.h"
#include "layout/LayoutSpec.h"
#include "slice/CursorModel.h"
#include "slice/SliceView.h"

class QGridLayout;
class QLabel;

namespace tiss::viewers {

class ComparisonView : public QWidget {
  Q_OBJECT
 public:
  explicit ComparisonView(QWidget* parent = nullptr);

  /// Shows `images` with `layout` along `axis`; panels whose keys are missing are left out.
  void display(std::shared_ptr<const CaseImages> images, const LayoutSpec& layout, SliceAxis axis = SliceAxis::Axial);
  void setAxis(SliceAxis axis);
  /// Sets every grey panel's window to `preset` of its own image (colour-mapped panels keep
  /// theirs).
  void applyWindowPreset(WindowLevel::Preset preset);
  /// Moves the cursor into `mask`'s largest axial slice, at the centre of its box (no move
  /// when the mask is empty).
  void centreOn(const Volume& mask);
  const LayoutSpec& layoutSpec() const { return layout_; }
  CursorModel* cursor() { return &cursor_; }
  const std::vector<SliceView*>& panels() const { return views_; }
  int columns() const { return columns_; }
  /// The readout text (voxel index, position in mm, values under the cursor).
  QString readout() const;
  /// Whole-volume Dice (%) of panel `i`'s first overlay against its diceAgainst mask; -1 if none.
  double volumeDice(size_t panel) const;

 Q_SIGNALS:
  void readoutChanged(const QString& text);

 private:
  SliceLayers layersOf(const PanelSpec& p);
  std::shared_ptr<const Volume> difference(const QString& a, const QString& b);
  void updateCaptions();
  void rebuild();

  std::shared_ptr<const CaseImages> images_;
  LayoutSpec layout_;
  SliceAxis axis_ = SliceAxis::Axial;
  CursorModel cursor_;
  QGridLayout* grid_;
  QLabel* readout_;
  std::vector<SliceView*> views_;
  std::vector<const PanelSpec*> shown_;
  std::map<QString, std::shared_ptr<const Volume>> derived_;
  std::map<size_t, double> volumeDice_;
  int columns_ = 1;
};

/// Dice (%) of masks a and b (voxels > 0.5) on slice `index` along `axis`; -1 when both are empty.
double sliceDice(const Volume& a, const Volume& b, SliceAxis axis, long index);

}  // namespace tiss::viewers
