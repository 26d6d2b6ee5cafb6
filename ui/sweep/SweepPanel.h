#pragma once
/// The Sweeps page of the dashboard: the sweep chosen in the list (workspace sweeps and those
/// opened from elsewhere) with its jobs (state, progress, metric), counts, the best so far and
/// the overall progress; Pause/Resume, Cancel and Retry of the selected job, Continue when no
/// scheduler drives it; below, the results table (baseline choice, exports) and the plot
/// (metric vs a swept value with error bars, or a heat map over two of them; export).
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tiss::ui {

class ResultsTableModel;
class SweepModel;
class SweepPlot;

class SweepPanel : public QWidget {
  Q_OBJECT
 public:
  SweepPanel(SweepModel* model, QWidget* parent = nullptr);

  /// The sweeps offered in the list (folders); the open one stays selected.
  void setSweeps(const QStringList& folders);
  /// Redraws from the model (on its coalesced updates).
  void refresh();
  /// Plot kinds: 0 metric vs a value, 1 heat map over two, 2 one panel per swept value (Fig. 6).
  void setPlot(int kind, const QString& metric, const QString& xAxis, const QString& yAxis = {});
  bool exportPlot(const QString& path) const;

  QTableView* trialTable() const { return trials_; }
  QTableView* resultsTable() const { return results_; }
  ResultsTableModel* resultsModel() const { return resultsModel_; }
  SweepPlot* plot() const { return plot_; }
  QComboBox* baselineChoice() const { return baseline_; }
  QComboBox* testChoice() const { return test_; }
  QComboBox* correctionChoice() const { return correction_; }
  /// What the daggers mean (test, correction, n), under the results table.
  QLabel* comparisonNote() const { return note_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* continueButton() const { return continue_; }
  QLabel* summaryLabel() const { return summary_; }

 Q_SIGNALS:
  void newSweepRequested();
  void openSweepRequested();
  void sweepChosen(const QString& folder);
  void continueRequested();
  /// A job's row was double-clicked: its run folder, to follow in the training dashboard.
  void runActivated(const QString& runFolder);
  /// A control failed: the message is already translated.
  void errorOccurred(const QString& message);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QWidget* makeControls();
  QWidget* makeResults();
  QWidget* makePlotArea();
  void retranslate();
  void refreshResults();
  void refreshPlot();
  void refreshChoices();
  void chooseComparison();
  void exportTable();
  void exportCases();
  void choosePlotFile();
  int selectedRow() const;

  SweepModel* model_;
  ResultsTableModel* resultsModel_;
  QComboBox *sweeps_, *baseline_, *test_, *correction_, *metric_, *kind_, *xAxis_, *yAxis_;
  QPushButton *new_, *open_, *pause_, *cancel_, *retry_, *continue_, *exportTable_, *exportCases_, *exportPlot_;
  QLabel *summary_, *best_, *scheduler_, *baselineLabel_, *testLabel_, *note_;
  QProgressBar* progress_;
  QTableView *trials_, *results_;
  SweepPlot* plot_;
  QStringList sweepFolders_;
  int shownResults_ = -1;  // the model's resultsVersion() the table and plot show
};

}  // namespace tiss::ui
