#pragma once
/// The data set browser: filter bar, the case table with thumbnails, and split editing. Binds
/// to CaseTableModel / CaseFilterModel; holds no state of its own beyond the widgets.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tiss::ui {

class CaseFilterModel;
class CaseTableModel;

class DatasetBrowserPanel : public QWidget {
  Q_OBJECT
 public:
  DatasetBrowserPanel(CaseTableModel* cases, QWidget* parent = nullptr);

  QTableView* table() const { return table_; }
  CaseFilterModel* filter() const { return filter_; }
  /// Source rows of the selected cases.
  QList<int> selectedRows() const;
  /// Writes split.json; a failure is reported through errorOccurred().
  void saveSplit();
  /// Writes splits_final.json with the folds and seed shown (asks before replacing one); the
  /// result goes to messageLogged(), a failure to errorOccurred().
  void writeFolds();
  /// Flips the "cases with problems" filter (its check box follows).
  void toggleProblemsOnly();
  /// Puts the keyboard focus in the id filter.
  void focusSearch();

 Q_SIGNALS:
  /// Double-click or Enter on a case.
  void caseActivated(const QString& caseId);
  /// Saving the split failed; the message is ready to show.
  void errorOccurred(const QString& message);
  /// Something was written (the folds): one line for the log.
  void messageLogged(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QWidget* makeFilterBar();
  QWidget* makeSplitBar();
  void retranslate();
  void updateSummary();

  CaseTableModel* cases_;
  CaseFilterModel* filter_;
  QTableView* table_;
  QLineEdit* search_;
  QCheckBox* problemsOnly_;
  QComboBox* splitFilter_;
  QComboBox* moveTo_;
  QPushButton *move_, *redraw_, *save_, *writeFolds_;
  QSpinBox *seed_, *folds_;
  QLabel *summary_, *seedLabel_, *layoutLabel_;
};

}  // namespace tiss::ui
