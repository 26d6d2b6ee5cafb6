#pragma once
/// The widgets of PacsModel: the query's fields, the studies found, the chosen study's series
/// with tick boxes, a progress bar and Retrieve/Cancel. Closes with accept() once the series
/// are in the workspace (the caller then opens them as a case).
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tiss::ui {

class PacsModel;

class PacsDialog : public QDialog {
  Q_OBJECT
 public:
  /// `retrieveRoot`: the workspace folder retrieved studies go into.
  PacsDialog(PacsModel* model, const QString& retrieveRoot, QWidget* parent = nullptr);
  /// The study folder retrieved (valid after accept()).
  QString retrievedFolder() const { return retrieved_; }

 private:
  void search();
  void fillStudies();
  void fillSeries();
  void refresh();

  PacsModel* model_;
  QString root_, retrieved_;
  QLineEdit *patientId_, *patientName_, *modality_;
  QCheckBox* anyDate_;
  QDateEdit *from_, *to_;
  QTableWidget* studies_;
  QListWidget* series_;
  QProgressBar* progress_;
  QLabel* status_;
  QPushButton *search_, *retrieve_, *cancel_;
};

}  // namespace tiss::ui
