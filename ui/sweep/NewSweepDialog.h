#pragma once
/// The New Sweep dialog: binds a NewSweepModel (preset or spec file, data set, folder, config
/// preset, jobs at once, threads, overrides) and shows its validation and job count live.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tiss::ui {

class NewSweepModel;

class NewSweepDialog : public QDialog {
  Q_OBJECT
 public:
  NewSweepDialog(NewSweepModel* model, QWidget* parent = nullptr);
  QLabel* statusLabel() const { return status_; }
  QDialogButtonBox* buttons() const { return buttons_; }

 private:
  void refresh();

  NewSweepModel* model_;
  QComboBox *preset_, *base_;
  QLineEdit *spec_, *data_, *out_, *devices_;
  QSpinBox *parallel_, *threads_;
  QPlainTextEdit* overrides_;
  QLabel *description_, *status_;
  QDialogButtonBox* buttons_;
};

}  // namespace tiss::ui
