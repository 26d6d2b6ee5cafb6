// MainWindow: what the actions do: workspaces, data sets, case pages, dialogs, errors, layout.
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>

#include "common/ErrorText.h"
#include "dataset/DatasetBrowserPanel.h"
#include "dataset/DatasetSession.h"
#include "shell/MainWindow.h"
#include "shell/WorkbenchModel.h"
#include "shell/SettingsDialog.h"
#include "shell/SettingsModel.h"
#include "shell/ShortcutsDialog.h"
#include "shell/WorkspaceModel.h"
#include "training/DashboardPanel.h"
#include "training/RunsModel.h"
#include "training/TrainingDialog.h"
#include "training/TrainingFormModel.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"
#include "tiss/util/cache_dir.h"
#include "viewer/PaperFigureDialog.h"
#include "viewer/PaperFigureModel.h"
#include "tiss/util/version.h"

namespace tiss::ui {

bool MainWindow::openWorkspace(const QString& dir) {
  if (auto st = model_->workspace()->open(dir); !st) {
    showError(errorText(st.error(), tr("Opening the workspace")));
    return false;
  }
  retranslate();  // the title names the workspace
  model_->runs()->scan(model_->workspace()->runsFolder());  // runs still training re-attach
  for (const QString& run : model_->workspace()->externalRuns())
    if (QFileInfo(run).isDir()) model_->runs()->attach(run);
  log(tr("Workspace %1").arg(model_->workspace()->folder()));
  restoreSweeps();
  if (!model_->workspace()->currentDataset().isEmpty() && QFileInfo(model_->workspace()->currentDataset()).isDir())
    openDataset(model_->workspace()->currentDataset());
  return true;
}

void MainWindow::openDataset(const QString& dir) {
  // The previous data set's case pages close; cases opened on their own stay.
  for (int i = pages_->count() - 1; i >= kFixedPages; --i)
    if (auto* page = qobject_cast<CaseViewerPage*>(pages_->widget(i)); !page || !page->model()->standalone()) delete pages_->widget(i);
  pages_->setCurrentWidget(browser_);
  QString cache = model_->workspace()->cacheFolder();
  if (model_->workspace()->folder().isEmpty()) {  // no workspace: the per-user cache (0700), never /tmp
    auto user = userCacheDir("thumbnails");
    if (!user) return showError(errorText(user.error(), tr("Opening the data set")));
    cache = QString::fromStdString(*user);
  }
  model_->session()->open(dir, cache, model_->settings()->threads());
}

void MainWindow::newTrainingRun() {
  TrainingFormModel form;
  form.setDataDir(model_->session()->folder());
  form.setRunName(QDateTime::currentDateTime().toString("'run-'yyyyMMdd-HHmmss"));
  form.threads = model_->settings()->threads();
  form.device = model_->settings()->device();
  TrainingDialog dialog(&form, this);
  if (dialog.exec() != QDialog::Accepted || !form.valid()) return;
  model_->runs()->setMaxConcurrent(model_->settings()->maxRuns());
  auto row = model_->runs()->launch(form.launch(model_->workspace()->runsFolder(), defaultTissnet()));
  if (!row) return showError(errorText(row.error(), tr("Starting the training run")));
  pages_->setCurrentWidget(dashboard_);
  dashboard_->runTable()->selectRow(*row);
}

void MainWindow::openRun(const QString& folder) {
  const int row = model_->runs()->attach(folder);
  if (!model_->workspace()->folder().isEmpty()) model_->workspace()->addExternalRun(folder);  // followed again next time
  pages_->setCurrentWidget(dashboard_);
  dashboard_->runTable()->selectRow(row);
}

void MainWindow::chooseWorkspace() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open or create a workspace folder"), model_->workspace()->folder());
  if (!dir.isEmpty()) openWorkspace(dir);
}

void MainWindow::chooseDataset() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a data set folder"), model_->settings()->dataFolder());
  if (!dir.isEmpty()) openDataset(dir);
}

void MainWindow::showSettings() { SettingsDialog(model_->settings(), this).exec(); }

void MainWindow::showPaperFigure() {
  const auto dataset = model_->session()->cases()->dataset();
  if (!dataset) return showError(tr("Open a data set first: the figure's rows are its cases."));
  QStringList results;
  for (const auto& r : model_->workspace()->viewerState(model_->session()->folder()).value("results").toArray()) results << r.toString();
  PaperFigureModel model(dataset, results);
  PaperFigureDialog(&model, this).exec();
}

void MainWindow::showShortcuts() { ShortcutsDialog(allActions(), this).exec(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About TISS Workbench"),
                     tr("<b>TISS Workbench</b> %1<br>Synthesis of a missing MRI modality and brain-tumor "
                        "segmentation with TISS-Net.")
                         .arg(QString::fromLatin1(tiss::version())));
}

void MainWindow::refreshRecent() {
  recentMenu_->clear();
  for (const QString& dir : model_->workspace()->recentWorkspaces())
    recentMenu_->addAction(dir, this, [this, dir] { openWorkspace(dir); });
  recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void MainWindow::refreshWorkspaceList() {
  datasetList_->clear();
  for (const QString& dir : model_->workspace()->datasets()) {
    auto* item = new QListWidgetItem(QIcon(":/icons/actions/open-dataset.svg"), QFileInfo(dir).fileName(), datasetList_);
    item->setData(Qt::UserRole, dir);
    item->setToolTip(dir);
  }
  // Cases opened without a data set, kept in the workspace's cases/ folder.
  const QDir cases(model_->workspace()->folder() + "/cases");
  for (const QString& id : model_->workspace()->folder().isEmpty() ? QStringList() : cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
    if (!QFileInfo::exists(cases.filePath(id) + "/manifest.json")) continue;
    auto* item = new QListWidgetItem(QIcon(":/icons/actions/find.svg"), id, datasetList_);
    item->setData(Qt::UserRole, cases.filePath(id));
    item->setData(Qt::UserRole + 1, true);
    item->setToolTip(tr("%1, opened without a data set").arg(id));
  }
}

void MainWindow::showError(const QString& message) {
  lastError_ = message;
  log(message);
  if (!quiet_) QMessageBox::warning(this, tr("TISS Workbench"), message);
}

void MainWindow::log(const QString& message) {
  log_->appendPlainText(QString("%1  %2").arg(QTime::currentTime().toString("HH:mm:ss"), message));
}

void MainWindow::saveLayout() {
  store_->setValue("window/geometry", saveGeometry());
  store_->setValue("window/state", saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (model_->session()->cases()->splitModified() && !quiet_) {
    const auto answer = QMessageBox::question(this, tr("Unsaved split"), tr("The edited split is not saved. Save it now?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return event->ignore();
    if (answer == QMessageBox::Save) browser_->saveSplit();
  }
  saveLayout();
  event->accept();
}

}  // namespace tiss::ui
