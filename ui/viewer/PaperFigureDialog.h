#pragma once
/// Tools > Paper Figure: pick cases (rows) and columns, the slice rule, size and DPI, and a file.
#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace tiss::ui {

class PaperFigureModel;

class PaperFigureDialog : public QDialog {
  Q_OBJECT
 public:
  PaperFigureDialog(PaperFigureModel* model, QWidget* parent = nullptr);
  /// Copies the widgets into the model's spec and options.
  void apply();

 private:
  void exportTo();

  PaperFigureModel* model_;
  QListWidget *cases_, *columns_;
  QComboBox* rule_;
  QSpinBox *slice_, *dpi_;
  QDoubleSpinBox* width_;
  QPushButton* export_;
  QLabel* status_;
};

}  // namespace tiss::ui
