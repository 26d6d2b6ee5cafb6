#pragma once
/// The overlays of a case page: one row per mask or probability output (and the ground truth)
/// with on/off, colour, opacity (%), contour and probability-map switches. Binds to a
/// CaseViewerModel; every change applies to all panels of the layout.
#include <QWidget>

class QTableWidget;

namespace tiss::ui {

class CaseViewerModel;

class OverlayPanel : public QWidget {
  Q_OBJECT
 public:
  OverlayPanel(CaseViewerModel* model, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }
  /// Re-reads the rows from the model.
  void refresh();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  enum Column { Shown, Colour, Opacity, Contour, Probability, ColumnCount };
  void apply(int row);
  void retranslate();

  CaseViewerModel* model_;
  QTableWidget* table_;
  bool updating_ = false;
};

}  // namespace tiss::ui
