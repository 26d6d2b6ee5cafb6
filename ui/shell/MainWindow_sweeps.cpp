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
  form.setDataDir(session_->folder());
  form.setThreadsPerJob(settings_->threads());
  form.setMaxParallel(settings_->maxRuns());
  form.setDevices(settings_->device());
  const QString base = workspace_->folder().isEmpty() ? QDir::homePath() : workspace_->sweepsFolder();
  form.setOutDir(QDir(base).filePath(QDateTime::currentDateTime().toString("'sweep-'yyyyMMdd-HHmmss")));
  NewSweepDialog dialog(&form, this);
  if (dialog.exec() != QDialog::Accepted) return;
  auto dir = form.create();
  if (!dir) return showError(errorText(dir.error(), tr("Creating the sweep")));
  log(tr("Created sweep %1 (%n job(s))", nullptr, form.jobCount()).arg(*dir));
  openSweep(*dir);
}

void MainWindow::chooseSweep() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a sweep folder"), workspace_->sweepsFolder());
  if (!dir.isEmpty()) openSweep(dir);
}

bool MainWindow::openSweep(const QString& folder) {
  if (auto st = sweepModel_->open(folder); !st) {
    showError(errorText(st.error(), tr("Opening the sweep")));
    return false;
  }
  if (!workspace_->folder().isEmpty()) workspace_->addExternalSweep(folder);  // listed again next time
  sweepPanel_->setSweeps(workspace_->folder().isEmpty() ? QStringList{sweepModel_->folder()} : workspace_->sweeps());
  pages_->setCurrentWidget(sweepPanel_);
  if (sweepModel_->needsScheduler() && !sweepModel_->paused()) continueSweep();
  return true;
}

void MainWindow::continueSweep() {
  if (auto st = sweepModel_->continueSweep(defaultTissnet()); !st)
    return showError(errorText(st.error(), tr("Continuing the sweep")));
  log(tr("Sweep %1: scheduler started").arg(sweepModel_->folder()));
}

// Every workspace sweep with unfinished work and no scheduler is continued; the newest is shown.
void MainWindow::restoreSweeps() {
  const QStringList sweeps = workspace_->sweeps();
  sweepPanel_->setSweeps(sweeps);
  for (const QString& dir : sweeps) {
    auto f = SweepFolder::open(dir.toStdString());
    if (!f || readScheduler(*f).alive || isPaused(*f) || onCluster(*f)) continue;  // Slurm runs those
    bool unfinished = false;
    for (const auto& job : f->jobs) {
      const std::string state = readTrialState(*f, job).state;
      unfinished = unfinished || state == "queued" || state == "stopped" || state == "running";
    }
    if (unfinished && sweepModel_->open(dir)) continueSweep();
  }
  if (!sweeps.isEmpty() && sweepModel_->folder().isEmpty()) sweepModel_->open(sweeps.last());
}

}  // namespace tiss::ui
