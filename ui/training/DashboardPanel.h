#pragma once
/// The training dashboard: the runs (left) with New, Open, Stop, Resume; for the selected runs
/// the loss curves (every term, toggles, smoothing, log scale), validation metrics and learning
/// rate, progress with it/s and ETA, status, the trainer's log and the validation previews.
/// Selecting several runs overlays their curves, one colour per run.
#include <QVector>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableView;

namespace tiss::ui {

class CurvePlot;
class LossGrid;
class RunsModel;
struct RunHistory;
struct Series;
class SettingsModel;
class WorkspaceModel;

class DashboardPanel : public QWidget {
  Q_OBJECT
 public:
  DashboardPanel(RunsModel* runs, QWidget* parent = nullptr);

  CurvePlot* lossPlot() const { return losses_; }
  CurvePlot* validationPlot() const { return validation_; }
  CurvePlot* learningRatePlot() const { return lr_; }
  /// One chart per loss term (small multiples).
  LossGrid* termPlots() const { return termGrid_; }
  QTableView* runTable() const { return table_; }
  QProgressBar* progressBar() const { return progress_; }
  QLabel* statusLabel() const { return status_; }
  QPlainTextEdit* log() const { return log_; }
  QListWidget* previews() const { return previews_; }
  /// Shows the runs of these rows (one colour per run).
  void showRuns(const QList<int>& rows);
  QList<int> shownRuns() const { return shown_; }
  /// "Group by seed": runs of the same config but their seed as one mean curve with a band.
  QCheckBox* groupBySeedBox() const { return groupSeeds_; }
  /// Off by default: on, one chart per network part of the gradient norms a run logged
  /// (optim.gradient_norms_every), a curve per loss group, beside the loss terms.
  QCheckBox* gradientNormsBox() const { return gradients_; }
  /// Redraws everything shown from the monitors (called on their coalesced updates).
  void refresh();
  /// Writes every plotted curve as CSV: run, curve, step, value.
  bool exportCsv(const QString& path) const;

 Q_SIGNALS:
  void newRunRequested();
  void openRunRequested();
  void stopRequested(int row);
  void resumeRequested(int row);
  /// A preview image was activated: its PNG (absolute path), the run's data set folder and the
  /// validation case it shows (both empty when unknown).
  void previewActivated(const QString& png, const QString& dataDir, const QString& caseId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QString selectText(const RunHistory& history) const;
  void drawGroup(const QString& prefix, const QString& runName, const QVector<const RunHistory*>& histories, int colourIndex);
  void drawSeries(CurvePlot* plot, const QString& name, const QVector<const RunHistory*>& histories,
                  const std::function<const Series*(const RunHistory&)>& pick, const QColor& colour, bool rightAxis = false);
  QWidget* makeRunList();
  QWidget* makeCurveArea();
  QWidget* makeStatusArea();
  void refreshTermList();
  QString networkPartText(const QString& part) const;
  QString lossGroupText(const QString& source) const;
  void drawGradients(const QString& runName, const QVector<const RunHistory*>& histories, int colourIndex);
  void retranslate();

  RunsModel* runs_;
  QList<int> shown_;
  QTableView* table_;
  CurvePlot *losses_, *validation_, *lr_;
  LossGrid* termGrid_;
  QListWidget *terms_, *previews_;
  QSlider* smoothing_;
  QCheckBox *logScale_, *groupSeeds_, *gradients_;
  QProgressBar* progress_;
  QLabel *status_, *smoothingLabel_;
  QPlainTextEdit* log_;
  QPushButton *new_, *open_, *stop_, *resume_, *export_;
};

/// The colour of the n-th run (or curve) in a plot.
QColor curveColour(int n);

}  // namespace tiss::ui
