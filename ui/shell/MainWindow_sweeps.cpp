// MainWindow: the Sweeps page: new sweeps from the dialog, opening sweep folders, and
// continuing sweeps whose scheduler is gone when the workspace opens again.
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTabWidget>

#include "common/ErrorText.h"
#include "training/TrainingLauncher.h"
#include "dataset/DatasetSession.h"
#include "shell/MainWindow.h"
#include "shell/WorkbenchModel.h"
#include "shell/SettingsModel.h"
#include "shell/WorkspaceModel.h"
#include "sweep/NewSweepDialog.h"
#include "sweep/NewSweepModel.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPanel.h"
#include "tiss/sweep/sweep_folder.h"

namespace tiss::ui {

void MainWindow::connectSweeps() {
  connect(sweepPanel_, &SweepPanel::newSweepRequested, this, &MainWindow::newSweep);
  connect(sweepPanel_, &SweepPanel::openSweepRequested, this, &MainWindow::chooseSweep);
  connect(sweepPanel_, &SweepPanel::sweepChosen, this, &MainWindow::openSweep);
  connect(sweepPanel_, &SweepPanel::continueRequested, this, &MainWindow::continueSweep);
  connect(sweepPanel_, &SweepPanel::errorOccurred, this, &MainWindow::showError);
  connect(sweepPanel_, &SweepPanel::runActivated, this, &MainWindow::openRun);
}

void MainWindow::newSweep() {
  NewSweepModel form;
  form.setDataDir(model_->session()->folder());
  form.setThreadsPerJob(model_->settings()->threads());
  form.setMaxParallel(model_->settings()->maxRuns());
  form.setDevices(model_->settings()->device());
  const QString base = model_->workspace()->folder().isEmpty() ? QDir::homePath() : model_->workspace()->sweepsFolder();
  form.setOutDir(QDir(base).filePath(QDateTime::currentDateTime().toString("'sweep-'yyyyMMdd-HHmmss")));
  NewSweepDialog dialog(&form, this);
  if (dialog.exec() != QDialog::Accepted) return;
  auto dir = form.create();
  if (!dir) return showError(errorText(dir.error(), tr("Creating the sweep")));
  log(tr("Created sweep %1 (%n job(s))", nullptr, form.jobCount()).arg(*dir));
  openSweep(*dir);
}

void MainWindow::chooseSweep() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a sweep folder"), model_->workspace()->sweepsFolder());
  if (!dir.isEmpty()) openSweep(dir);
}

bool MainWindow::openSweep(const QString& folder) {
  if (auto st = model_->sweep()->open(folder); !st) {
    showError(errorText(st.error(), tr("Opening the sweep")));
    return false;
  }
  if (!model_->workspace()->folder().isEmpty()) model_->workspace()->addExternalSweep(folder);  // listed again next time
  sweepPanel_->setSweeps(model_->workspace()->folder().isEmpty() ? QStringList{model_->sweep()->folder()} : model_->workspace()->sweeps());
  pages_->setCurrentWidget(sweepPanel_);
  if (model_->sweep()->needsScheduler() && !model_->sweep()->paused()) continueSweep();
  return true;
}

void MainWindow::continueSweep() {
  if (auto st = model_->sweep()->continueSweep(defaultTissnet()); !st)
    return showError(errorText(st.error(), tr("Continuing the sweep")));
  log(tr("Sweep %1: scheduler started").arg(model_->sweep()->folder()));
}

// Every workspace sweep with unfinished work and no scheduler is continued; the newest is shown.
void MainWindow::restoreSweeps() {
  const QStringList sweeps = model_->workspace()->sweeps();
  sweepPanel_->setSweeps(sweeps);
  for (const QString& dir : sweeps) {
    auto f = SweepFolder::open(dir.toStdString());
    if (!f || readScheduler(*f).alive || isPaused(*f) || onCluster(*f)) continue;  // Slurm runs those
    bool unfinished = false;
    for (const auto& job : f->jobs) {
      const std::string state = readTrialState(*f, job).state;
      unfinished = unfinished || state == "queued" || state == "stopped" || state == "running";
    }
    if (unfinished && model_->sweep()->open(dir)) continueSweep();
  }
  if (!sweeps.isEmpty() && model_->sweep()->folder().isEmpty()) model_->sweep()->open(sweeps.last());
}

}  // namespace tiss::ui
