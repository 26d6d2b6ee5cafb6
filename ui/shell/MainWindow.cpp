// MainWindow: construction of actions, menus, docks and status bar, and translation.
#include "shell/MainWindow.h"
#include "viewer/ApplyModelModel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

#include "common/ErrorText.h"
#include "dataset/DatasetBrowserPanel.h"
#include "training/DashboardPanel.h"
#include "training/RunsModel.h"
#include "training/TrainingLauncher.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPanel.h"
#include "dataset/DatasetSession.h"
#include "shell/SettingsModel.h"
#include "common/TaskProgressModel.h"
#include "shell/WorkbenchModel.h"
#include "shell/WorkspaceModel.h"

namespace tiss::ui {

DatasetSession* MainWindow::session() const { return model_->session(); }
WorkspaceModel* MainWindow::workspace() const { return model_->workspace(); }
SettingsModel* MainWindow::settings() const { return model_->settings(); }
TaskProgressModel* MainWindow::tasks() const { return model_->tasks(); }
RunsModel* MainWindow::runs() const { return model_->runs(); }
SweepModel* MainWindow::sweep() const { return model_->sweep(); }
ApplyModelModel* MainWindow::applying() const { return model_->apply(); }

MainWindow::MainWindow(QSettings* store, QWidget* parent)
    : QMainWindow(parent), model_(new WorkbenchModel(store, this)), store_(store) {
  setObjectName("MainWindow");
  setWindowIcon(QIcon(":/icons/tissnet.svg"));
  pages_ = new QTabWidget(this);
  pages_->setObjectName("pages");
  pages_->setTabsClosable(true);
  pages_->setDocumentMode(true);
  browser_ = new DatasetBrowserPanel(model_->session()->cases(), pages_);
  pages_->addTab(browser_, QString());
  dashboard_ = new DashboardPanel(model_->runs(), pages_);
  pages_->addTab(dashboard_, QString());
  sweepPanel_ = new SweepPanel(model_->sweep(), pages_);
  pages_->addTab(sweepPanel_, QString());
  // The browser, the dashboard and the sweeps stay open; case pages come and go.
  for (int i = 0; i < kFixedPages; ++i) pages_->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
  setCentralWidget(pages_);
  setAcceptDrops(true);  // a data set folder, a case folder or a case's files
  createActions();
  createMenus();
  createDocks();
  createStatusBar();
  bindProgress();
  connect(pages_, &QTabWidget::tabCloseRequested, this, [this](int i) {
    if (i >= kFixedPages) delete pages_->widget(i);
  });
  connect(browser_, &DatasetBrowserPanel::caseActivated, this, &MainWindow::openCase);
  connect(dashboard_, &DashboardPanel::newRunRequested, this, &MainWindow::newTrainingRun);
  connect(dashboard_, &DashboardPanel::openRunRequested, openRun_, &QAction::trigger);
  connect(dashboard_, &DashboardPanel::stopRequested, this, [this](int row) {
    if (!model_->runs()->stop(row)) showError(tr("This run's trainer is not running on this computer."));
  });
  connect(dashboard_, &DashboardPanel::resumeRequested, this, [this](int row) {
    model_->runs()->setMaxConcurrent(model_->settings()->maxRuns());
    if (auto r = model_->runs()->resume(row, defaultTissnet(), model_->settings()->threads()); !r)
      showError(errorText(r.error(), tr("Resuming the run")));
  });
  connect(dashboard_, &DashboardPanel::previewActivated, this, [this](const QString& png, const QString& data,
                                                                     const QString& caseId) {
    // The validation case in the slice viewers when its data set is the one open; else the PNG.
    if (!caseId.isEmpty() && QFileInfo(data) == QFileInfo(model_->session()->folder()) && openCase(caseId)) return;
    auto* label = new QLabel;
    label->setPixmap(QPixmap(png));
    label->setAlignment(Qt::AlignCenter);
    pages_->setCurrentIndex(pages_->addTab(label, QFileInfo(png).completeBaseName()));
  });
  connectSweeps();
  connectApply();
  connect(browser_, &DatasetBrowserPanel::errorOccurred, this, &MainWindow::showError);
  connect(browser_, &DatasetBrowserPanel::messageLogged, this, &MainWindow::log);
  connect(model_->session(), &DatasetSession::failed, this, &MainWindow::showError);
  connect(model_->session(), &DatasetSession::opened, this, [this](const QString& dir) {
    log(tr("Opened %1").arg(dir));
    // Listed in the workspace once it is a data set, even one whose cases have problems.
    if (model_->workspace()->folder().isEmpty()) return;
    if (auto st = model_->workspace()->addDataset(dir); !st) showError(errorText(st.error(), tr("Saving the workspace")));
    model_->workspace()->setCurrentDataset(dir);
  });
  connect(model_->session(), &DatasetSession::scanFinished, this, [this](bool cancelled) {
    log(cancelled ? tr("Check cancelled") : tr("Checked %n case(s), %1 with problems", "", model_->session()->cases()->rowCount())
                                                .arg(model_->session()->cases()->problemCount()));
  });
  connect(model_->workspace(), &WorkspaceModel::changed, this, [this] {
    refreshRecent();
    refreshWorkspaceList();
  });
  retranslate();
  defaultState_ = saveState();
  resize(1280, 800);
  restoreGeometry(store_->value("window/geometry").toByteArray());
  restoreState(store_->value("window/state").toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
  auto make = [this](const char* icon, const QKeySequence& key, auto slot) {
    auto* a = new QAction(this);
    if (icon) a->setIcon(QIcon(QString(":/icons/actions/%1.svg").arg(icon)));
    if (!key.isEmpty()) a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  openWorkspace_ = make("open-workspace", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), [this] { chooseWorkspace(); });
  openDataset_ = make("open-dataset", QKeySequence::Open, [this] { chooseDataset(); });
  openCase_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { chooseCaseFiles(); });
  openDicom_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] { chooseDicomFolder(); });
  openPacs_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { openFromPacs(); });
  rescan_ = make("rescan", QKeySequence::Refresh, [this] { model_->session()->rescan(); });
  saveSplit_ = make("save", QKeySequence::Save, [this] { browser_->saveSplit(); });
  quit_ = make(nullptr, QKeySequence::Quit, [this] { close(); });
  findCases_ = make("find", QKeySequence::Find, [this] {
    pages_->setCurrentWidget(browser_);
    browser_->focusSearch();
  });
  problemsOnly_ = make("problems", QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
    pages_->setCurrentWidget(browser_);
    browser_->toggleProblemsOnly();
  });
  closePage_ = make(nullptr, QKeySequence::Close, [this] {
    if (pages_->currentIndex() >= kFixedPages) delete pages_->currentWidget();
  });
  resetLayout_ = make(nullptr, QKeySequence(), [this] { restoreState(defaultState_); });
  newRun_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::Key_T), [this] { newTrainingRun(); });
  openRun_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), model_->workspace()->runsFolder());
    if (!dir.isEmpty()) openRun(dir);
  });
  newSweep_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N), [this] { newSweep(); });
  openSweep_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O), [this] { chooseSweep(); });
  paperFigure_ = make(nullptr, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { showPaperFigure(); });
  settingsAction_ = make("settings", QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { showSettings(); });
  shortcuts_ = make("shortcuts", QKeySequence::HelpContents, [this] { showShortcuts(); });
  about_ = make(nullptr, QKeySequence(), [this] { showAbout(); });
  cancelTask_ = make("cancel", QKeySequence(Qt::Key_Escape), [this] { model_->tasks()->cancel(); });
}

void MainWindow::createMenus() {
  fileMenu_ = menuBar()->addMenu(QString());
  fileMenu_->addActions({openWorkspace_});
  recentMenu_ = fileMenu_->addMenu(QString());
  fileMenu_->addActions({openDataset_, openCase_, openDicom_, openPacs_, rescan_, saveSplit_});
  fileMenu_->addSeparator();
  fileMenu_->addActions({newRun_, openRun_});
  fileMenu_->addActions({newSweep_, openSweep_});
  fileMenu_->addSeparator();
  fileMenu_->addAction(quit_);
  viewMenu_ = menuBar()->addMenu(QString());
  viewMenu_->addActions({findCases_, problemsOnly_, closePage_});
  viewMenu_->addSeparator();
  toolsMenu_ = menuBar()->addMenu(QString());
  toolsMenu_->addActions({paperFigure_, settingsAction_});
  helpMenu_ = menuBar()->addMenu(QString());
  helpMenu_->addActions({shortcuts_, about_});
  toolbar_ = addToolBar(QString());
  toolbar_->setObjectName("mainToolbar");
  toolbar_->addActions({openWorkspace_, openDataset_, rescan_, saveSplit_});
  toolbar_->addSeparator();
  toolbar_->addActions({findCases_, problemsOnly_, settingsAction_});
}

void MainWindow::createDocks() {
  datasetList_ = new QListWidget(this);
  datasetList_->setObjectName("datasetList");
  connect(datasetList_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const QString folder = item->data(Qt::UserRole).toString();
    if (item->data(Qt::UserRole + 1).toBool()) openKeptCase(folder);  // a case opened on its own
    else openDataset(folder);
  });
  workspaceDock_ = new QDockWidget(this);
  workspaceDock_->setObjectName("workspaceDock");
  workspaceDock_->setWidget(datasetList_);
  addDockWidget(Qt::LeftDockWidgetArea, workspaceDock_);
  log_ = new QPlainTextEdit(this);
  log_->setObjectName("log");
  log_->setReadOnly(true);
  log_->setMaximumBlockCount(5000);
  logDock_ = new QDockWidget(this);
  logDock_->setObjectName("logDock");
  logDock_->setWidget(log_);
  addDockWidget(Qt::BottomDockWidgetArea, logDock_);
  resizeDocks({workspaceDock_}, {170}, Qt::Horizontal);
  resizeDocks({logDock_}, {110}, Qt::Vertical);
  viewMenu_->addActions({workspaceDock_->toggleViewAction(), logDock_->toggleViewAction(), toolbar_->toggleViewAction()});
  viewMenu_->addAction(resetLayout_);
}

void MainWindow::createStatusBar() {
  taskLabel_ = new QLabel(this);
  progressBar_ = new QProgressBar(this);
  progressBar_->setObjectName("taskProgress");
  progressBar_->setMaximumWidth(220);
  progressBar_->setFormat("%v / %m");
  cancelButton_ = new QToolButton(this);
  cancelButton_->setObjectName("cancelTask");
  cancelButton_->setDefaultAction(cancelTask_);
  statusBar()->addPermanentWidget(taskLabel_);
  statusBar()->addPermanentWidget(progressBar_);
  statusBar()->addPermanentWidget(cancelButton_);
}

void MainWindow::bindProgress() {
  auto refresh = [this] {
    const bool busy = model_->tasks()->busy();
    taskLabel_->setText(busy ? model_->tasks()->name() : QString());
    progressBar_->setVisible(busy);
    cancelButton_->setVisible(busy && model_->tasks()->cancellable());
    cancelTask_->setEnabled(busy && model_->tasks()->cancellable());
    progressBar_->setRange(0, model_->tasks()->total());
    progressBar_->setValue(model_->tasks()->done());
  };
  connect(model_->tasks(), &TaskProgressModel::changed, this, refresh);
  refresh();
}

void MainWindow::retranslate() {
  setWindowTitle(model_->workspace()->folder().isEmpty() ? tr("TISS Workbench")
                                                : tr("TISS Workbench — %1").arg(model_->workspace()->folder()));
  fileMenu_->setTitle(tr("&File"));
  recentMenu_->setTitle(tr("Recent &Workspaces"));
  viewMenu_->setTitle(tr("&View"));
  toolsMenu_->setTitle(tr("&Tools"));
  helpMenu_->setTitle(tr("&Help"));
  toolbar_->setWindowTitle(tr("Toolbar"));
  openWorkspace_->setText(tr("Open &Workspace…"));
  openDataset_->setText(tr("&Open Data Set…"));
  openCase_->setText(tr("Open &Case…"));
  openCase_->setToolTip(tr("Open one case's image files without a data set (or drop a case folder on the window)"));
  openDicom_->setText(tr("Open &DICOM Folder…"));
  openDicom_->setToolTip(tr("Open the MR series of a folder of DICOM files as a case, each series' sequence guessed"));
  openPacs_->setText(tr("Open from &PACS…"));
  openPacs_->setToolTip(tr("Find a study on the PACS set in Settings, retrieve its series and open them as a case"));
  rescan_->setText(tr("&Rescan Data Set"));
  saveSplit_->setText(tr("&Save Split"));
  quit_->setText(tr("&Quit"));
  findCases_->setText(tr("&Find Cases"));
  problemsOnly_->setText(tr("Show Only Cases With &Problems"));
  closePage_->setText(tr("&Close Case Page"));
  newRun_->setText(tr("&New Training Run…"));
  openRun_->setText(tr("Open &Run Folder…"));
  newSweep_->setText(tr("New S&weep…"));
  openSweep_->setText(tr("Open Swee&p Folder…"));
  resetLayout_->setText(tr("&Reset Layout"));
  paperFigure_->setText(tr("&Paper Figure…"));
  settingsAction_->setText(tr("&Settings…"));
  shortcuts_->setText(tr("&Keyboard Shortcuts"));
  about_->setText(tr("&About TISS Workbench"));
  cancelTask_->setText(tr("Cancel"));
  cancelTask_->setToolTip(tr("Cancel the background task (Esc)"));
  workspaceDock_->setWindowTitle(tr("Workspace"));
  logDock_->setWindowTitle(tr("Log"));
  pages_->setTabText(0, tr("Data Set"));
  pages_->setTabText(1, tr("Training"));
  pages_->setTabText(2, tr("Sweeps"));
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

QList<QAction*> MainWindow::allActions() const {
  return {openWorkspace_, openDataset_, openCase_, openDicom_, openPacs_, rescan_, saveSplit_, quit_, findCases_, problemsOnly_, closePage_,
          newRun_, openRun_, newSweep_, openSweep_, resetLayout_, paperFigure_, settingsAction_, shortcuts_, about_, cancelTask_};
}

}  // namespace tiss::ui
