#pragma once
/// The widgets of OpenDicomModel: the case id, one row per MR series with its sequence
/// (editable, as Open Case's modality column), what to do with series on another grid.
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace tiss::ui {

class OpenDicomModel;

class OpenDicomDialog : public QDialog {
  Q_OBJECT
 public:
  OpenDicomDialog(OpenDicomModel* model, QWidget* parent = nullptr);

 private:
  void fillTable();
  void refresh();

  OpenDicomModel* model_;
  QLineEdit* caseId_;
  QComboBox* frames_;
  QTableWidget* table_;
  QLabel *problems_, *unread_;
  QDialogButtonBox* buttons_;
};

}  // namespace tiss::ui
