#pragma once
/// File > New Training Run: a form over TrainingFormModel, every config key with an editor,
/// validated as the user types; Start is enabled only when the form is valid.
#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tiss::ui {

class TrainingFormModel;

class TrainingDialog : public QDialog {
  Q_OBJECT
 public:
  TrainingDialog(TrainingFormModel* model, QWidget* parent = nullptr);
  QPushButton* startButton() const { return start_; }
  QLabel* errorLabel() const { return error_; }
  /// The editor of config key `key` (a QLineEdit, QComboBox or QCheckBox).
  QWidget* editor(const QString& key) const;

 private:
  void rebuildFields();
  void showValidity();

  TrainingFormModel* model_;
  QComboBox *preset_, *device_;
  QLineEdit *data_, *name_;
  QSpinBox *threads_, *nproc_;
  QFormLayout* fields_;
  QLabel* error_;
  QPushButton* start_;
};

}  // namespace tiss::ui
