// MainWindow: "Run model…" on a case page: pick a finished run, infer the case off the UI
// thread with progress and cancel in the status bar, show the outputs as a result source.
#include <QFileInfo>
#include <QInputDialog>
#include <QTabWidget>

#include "common/ErrorText.h"
#include "dataset/DatasetSession.h"
#include "shell/MainWindow.h"
#include "shell/WorkbenchModel.h"
#include "shell/SettingsModel.h"
#include "common/TaskProgressModel.h"
#include "shell/WorkspaceModel.h"
#include "viewer/ApplyModelModel.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"

namespace tiss::ui {

void MainWindow::connectApply() {
  connect(model_->apply(), &ApplyModelModel::progressChanged, model_->tasks(), [this](double f) { model_->tasks()->setProgress(int(1000 * f), 1000); });
  connect(model_->apply(), &ApplyModelModel::finished, this, [this](const QString& folder, const QString& caseId) {
    model_->tasks()->finish();
    log(tr("Results of %1 for case %2 in %3").arg(QFileInfo(folder).fileName(), caseId, folder));
    if (CaseViewerPage* page = applyPage_.data()) {  // null when its page was closed meanwhile
      page->model()->addResultFolder(folder);
      page->model()->load();
      pages_->setCurrentWidget(page);
    }
  });
  connect(model_->apply(), &ApplyModelModel::failed, this, [this](const QString& message) {
    model_->tasks()->finish();
    showError(tr("Running the model failed: %1").arg(message));
  });
  connect(model_->apply(), &ApplyModelModel::cancelled, this, [this] {
    model_->tasks()->finish();
    log(tr("Model run cancelled; nothing was kept"));
  });
}

void MainWindow::chooseModelFor(CaseViewerPage* page) {
  const QString caseId = page->caseId();
  model_->apply()->scan(QStringList{model_->workspace()->runsFolder()} + model_->workspace()->externalRuns() + model_->workspace()->sweeps());
  if (model_->apply()->runs().isEmpty())
    return showError(tr("No finished run in this workspace: train one (Training page) or open a run folder first."));
  QStringList items;
  for (const RunChoice& r : model_->apply()->runs()) {
    const QString target = r.target.isEmpty() ? tr("segmentation only") : tr("target %1").arg(r.target);
    items << tr("%1 — %2, %3%4").arg(r.name, r.stage, target, r.metric.isEmpty() ? QString() : ", " + r.metric);
  }
  bool ok = false;
  const QString chosen = QInputDialog::getItem(this, tr("Run model on %1").arg(caseId), tr("Finished run:"), items, 0, false, &ok);
  if (ok) applyModel(page, model_->apply()->runs()[items.indexOf(chosen)].folder);
}

bool MainWindow::applyModel(CaseViewerPage* page, const QString& runDir) {
  const QString caseId = page->caseId();
  if (model_->workspace()->folder().isEmpty()) return showError(tr("Open a workspace first: a model's results are saved in it.")), false;
  model_->apply()->setThreads(model_->settings()->threads());
  if (auto st = model_->apply()->start(page->model()->dataFolder(), caseId, runDir, model_->workspace()->folder() + "/results"); !st) {
    showError(errorText(st.error(), tr("Running the model")));
    return false;
  }
  applyPage_ = page;
  model_->tasks()->begin(tr("Running %1 on %2").arg(QFileInfo(runDir).fileName(), caseId), [this] { model_->apply()->cancel(); });
  return true;
}

}  // namespace tiss::ui
