#pragma once
/// The workbench window: menus, toolbar, status bar with the background task's progress and
/// cancel, the data set browser in the centre (cases open as further tabs) and dockable
/// Workspace and Log panels. Dock layout and window geometry are remembered in the settings.
#include <QMainWindow>
#include <QPointer>
#include <QSettings>

#include <functional>
#include <memory>

#include "tiss/data/dataset.h"

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace tiss::ui {

class ApplyModelModel;
class CaseViewerPage;
class DashboardPanel;
class RunsModel;
class SweepModel;
class SweepPanel;
class DatasetBrowserPanel;
class DatasetSession;
class SettingsModel;
class TaskProgressModel;
class WorkbenchModel;
class WorkspaceModel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  /// `store` holds settings, recent workspaces and the layout (not owned).
  explicit MainWindow(QSettings* store, QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a workspace folder and its current data set; errors go to the log and a dialog.
  bool openWorkspace(const QString& dir);
  /// Adds `dir` to the workspace and opens it in the browser.
  void openDataset(const QString& dir);
  /// Opens the case in the slice viewers (a tab; shown again when already open). Null when the
  /// open data set has no such case.
  CaseViewerPage* openCase(const QString& caseId);
  /// Opens a case without a data set: a case folder or image files, modalities guessed from
  /// the names and shown for correction (in quiet mode opened as guessed when they suffice).
  /// The case is kept as a one-case manifest in the workspace's cases/ folder. Null when the
  /// user cancels or the files cannot make a case (the reason is shown).
  CaseViewerPage* openStandaloneCase(const QStringList& paths);
  /// Opens a folder of DICOM files as a case: its series' sequences guessed and shown for
  /// correction (in quiet mode imported as guessed, series on another grid resampled), the
  /// series imported as NIfTI into the workspace off the UI thread (status bar), then the case
  /// opened. `then` gets the page, or null when the user cancelled or it failed (lastError()).
  void openDicomFolder(const QString& folder, std::function<void(CaseViewerPage*)> then = {});
  /// Opens again a case kept in the workspace's cases/ folder by openStandaloneCase.
  CaseViewerPage* openKeptCase(const QString& folder);
  /// What a drop of `paths` does: a data set folder opens in the browser, anything else as a case.
  void openDropped(const QStringList& paths);

  /// The models this window binds to (owned by the WorkbenchModel).
  WorkbenchModel* model() const { return model_; }
  DatasetSession* session() const;
  WorkspaceModel* workspace() const;
  SettingsModel* settings() const;
  TaskProgressModel* tasks() const;
  DatasetBrowserPanel* browser() const { return browser_; }
  DashboardPanel* dashboard() const { return dashboard_; }
  RunsModel* runs() const;
  SweepModel* sweep() const;
  SweepPanel* sweepPanel() const { return sweepPanel_; }
  /// Pages that never close: data set, training, sweeps.
  static constexpr int kFixedPages = 3;
  /// Opens the New Sweep dialog (on the current data set) and starts the sweep it creates.
  void newSweep();
  /// Shows the sweep in `folder` on the Sweeps page; a sweep with unfinished work that no
  /// scheduler drives (the workbench or the scheduler was closed or killed) is continued.
  bool openSweep(const QString& folder);
  /// Opens the form for a new training run (on the current data set).
  void newTrainingRun();
  /// "Run model…": lets the user pick a finished run and applies it to the case.
  void chooseModelFor(CaseViewerPage* page);
  /// Runs `runDir` on the case of `page` off the UI thread (progress and cancel in the status
  /// bar); the outputs become a result source of the page when done.
  bool applyModel(CaseViewerPage* page, const QString& runDir);
  ApplyModelModel* applying() const;
  /// Follows a run folder in the dashboard and shows it.
  void openRun(const QString& folder);
  QTabWidget* pages() const { return pages_; }
  /// Every action of the menus, for the shortcuts dialog and tests.
  QList<QAction*> allActions() const;
  /// Saves the dock layout and geometry to the store (also done on close).
  void saveLayout();
  /// Messages shown with a dialog are also logged here; tests read it.
  QString lastError() const { return lastError_; }
  /// No modal dialogs (tests and screenshots): errors only go to the log.
  void setQuiet(bool quiet) { quiet_ = quiet; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createDocks();
  void createStatusBar();
  void retranslate();
  void bindProgress();
  void refreshRecent();
  void refreshWorkspaceList();
  void showError(const QString& message);
  void log(const QString& message);
  void chooseWorkspace();
  void chooseDataset();
  void chooseCaseFiles();
  void chooseDicomFolder();
  void openFromPacs();
  /// The workspace's folder `name` (cases, dicom, pacs); without a workspace the user's cache.
  QString workspaceFolder(const QString& name);
  CaseViewerPage* openCasePage(std::shared_ptr<const Dataset> dataset, const QString& caseId);
  QString casesFolder();
  void showSettings();
  void showShortcuts();
  void showAbout();
  void showPaperFigure();
  void chooseSweep();
  void connectSweeps();
  void connectApply();
  void restoreSweeps();
  void continueSweep();

  WorkbenchModel* model_;
  QSettings* store_;
  DatasetBrowserPanel* browser_;
  DashboardPanel* dashboard_;
  SweepPanel* sweepPanel_;
  QPointer<CaseViewerPage> applyPage_;
  QTabWidget* pages_;
  QDockWidget *workspaceDock_, *logDock_;
  QListWidget* datasetList_;
  QPlainTextEdit* log_;
  QLabel* taskLabel_;
  QProgressBar* progressBar_;
  QToolButton* cancelButton_;
  QMenu *fileMenu_, *recentMenu_, *viewMenu_, *toolsMenu_, *helpMenu_;
  QToolBar* toolbar_;
  QAction *openWorkspace_, *openDataset_, *openCase_, *openDicom_, *openPacs_, *rescan_, *saveSplit_, *quit_, *findCases_, *problemsOnly_,
      *closePage_, *newRun_, *openRun_, *newSweep_, *openSweep_, *resetLayout_, *paperFigure_, *settingsAction_, *shortcuts_, *about_, *cancelTask_;
  QByteArray defaultState_;
  QString lastError_;
  bool quiet_ = false;
};

}  // namespace tiss::ui
