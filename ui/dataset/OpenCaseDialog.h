#pragma once
/// File > Open Case: the files of a case with the modality each is used as (guessed, editable),
/// the case id and the task; OK only when the case can be opened. Binds to an OpenCaseModel.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tiss::ui {

class OpenCaseModel;

class OpenCaseDialog : public QDialog {
  Q_OBJECT
 public:
  OpenCaseDialog(OpenCaseModel* model, QWidget* parent = nullptr);
  QTableWidget* table() const { return table_; }

 private:
  void fillTable();
  void refresh();

  OpenCaseModel* model_;
  QLineEdit* caseId_;
  QComboBox* task_;
  QTableWidget* table_;
  QLabel* problems_;
  QDialogButtonBox* buttons_;
};

}  // namespace tiss::ui
