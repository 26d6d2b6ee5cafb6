// MainWindow: case pages: a case of the open data set, or a case opened on its own (File >
// Open Case, a drop of a folder or of NIfTI files).
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QTabWidget>

#include "common/ErrorText.h"
#include "dataset/DatasetSession.h"
#include "dataset/OpenCaseDialog.h"
#include "dataset/OpenCaseModel.h"
#include "shell/MainWindow.h"
#include "shell/WorkbenchModel.h"
#include "shell/SettingsModel.h"
#include "shell/WorkspaceModel.h"
#include "tiss/util/cache_dir.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/CaseViewerPage.h"

namespace tiss::ui {

CaseViewerPage* MainWindow::openCase(const QString& caseId) {
  const auto dataset = model_->session()->cases()->dataset();
  if (!dataset || !dataset->find(caseId.toStdString())) return nullptr;
  return openCasePage(dataset, caseId);
}

CaseViewerPage* MainWindow::openCasePage(std::shared_ptr<const Dataset> dataset, const QString& caseId) {
  const QString folder = QString::fromStdString(dataset->root);
  for (int i = kFixedPages; i < pages_->count(); ++i)
    if (auto* page = qobject_cast<CaseViewerPage*>(pages_->widget(i));
        page && page->caseId() == caseId && QFileInfo(page->model()->dataFolder()) == QFileInfo(folder)) {
      pages_->setCurrentIndex(i);
      return page;
    }
  auto* model = new CaseViewerModel(dataset, caseId);
  // The workspace keeps one viewer state per data set: result folders, layout, axis.
  model->restore(model_->workspace()->viewerState(folder));
  connect(model, &CaseViewerModel::stateChanged, this, [this, model, folder] { model_->workspace()->setViewerState(folder, model->state()); });
  auto* page = new CaseViewerPage(model, pages_);
  connect(page, &CaseViewerPage::errorOccurred, this, &MainWindow::showError);
  connect(page, &CaseViewerPage::applyRequested, this, [this, page] { chooseModelFor(page); });
  const int tab = pages_->addTab(page, caseId);
  if (model->standalone()) pages_->setTabToolTip(tab, tr("%1, opened without a data set").arg(caseId));
  pages_->setCurrentIndex(tab);
  return page;
}

// Kept in the workspace (cases/ID/manifest.json); without a workspace in the user's cache.
QString MainWindow::casesFolder() { return workspaceFolder("cases"); }

QString MainWindow::workspaceFolder(const QString& name) {
  if (!model_->workspace()->folder().isEmpty()) return model_->workspace()->folder() + "/" + name;
  auto user = userCacheDir(name.toStdString());
  if (!user) return showError(errorText(user.error(), tr("Opening a case"))), QString();
  return QString::fromStdString(*user);
}

CaseViewerPage* MainWindow::openStandaloneCase(const QStringList& paths) {
  OpenCaseModel form;
  if (const QString error = form.setPaths(paths); !error.isEmpty()) return showError(error), nullptr;
  if (quiet_ && !form.valid()) return showError(form.problems().join("\n")), nullptr;
  if (!quiet_ && OpenCaseDialog(&form, this).exec() != QDialog::Accepted) return nullptr;
  const QString root = casesFolder();
  if (root.isEmpty()) return nullptr;
  QString error;
  const QString folder = form.save(root, &error);
  if (folder.isEmpty()) return showError(error), nullptr;
  log(tr("Opened case %1 from %2").arg(form.caseId(), QFileInfo(form.files().first()).path()));
  refreshWorkspaceList();
  return openKeptCase(folder);
}

CaseViewerPage* MainWindow::openKeptCase(const QString& folder) {
  auto dataset = tiss::openDataset(folder.toStdString());
  if (!dataset) return showError(errorText(dataset.error(), tr("Opening a case"))), nullptr;
  if (dataset->manifest.cases.empty()) return showError(tr("%1 holds no case opened on its own.").arg(folder)), nullptr;
  const QString id = QString::fromStdString(dataset->manifest.cases.front());
  return openCasePage(std::make_shared<const Dataset>(std::move(*dataset)), id);
}

void MainWindow::chooseCaseFiles() {
  const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open the image files of a case"), model_->settings()->dataFolder(),
                                                          tr("Images (*.nii.gz *.nii *.nrrd *.mha *.mhd *.nhdr)"));
  if (!files.isEmpty()) openStandaloneCase(files);
}

void MainWindow::openDropped(const QStringList& paths) {
  if (paths.size() == 1 && QFileInfo(paths.first()).isDir()) {
    const auto asDataset = tiss::openDataset(paths.first().toStdString());
    if (asDataset && asDataset->manifest.layout != "files") return openDataset(paths.first());
  }
  openStandaloneCase(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const auto urls = event->mimeData()->urls();
  if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl& u) { return u.isLocalFile(); }))
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) paths << url.toLocalFile();
  event->acceptProposedAction();
  openDropped(paths);
}

}  // namespace tiss::ui
