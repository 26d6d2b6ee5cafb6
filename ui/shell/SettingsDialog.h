#pragma once
/// Tools > Settings: binds widgets to a SettingsModel. Values apply on OK; the language applies
/// at once so the user sees it.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tiss::ui {

class SettingsModel;

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  SettingsDialog(SettingsModel* model, QWidget* parent = nullptr);
  /// Writes the widgets' values to the model.
  void apply();

 private:
  SettingsModel* model_;
  QComboBox *device_, *language_;
  QSpinBox *threads_, *maxRuns_, *pacsPort_;
  QLineEdit *data_, *runs_, *pacsHost_, *pacsCalledAe_, *pacsCallingAe_, *pacsTrusted_;
  QCheckBox* pacsTls_;
};

}  // namespace tiss::ui
