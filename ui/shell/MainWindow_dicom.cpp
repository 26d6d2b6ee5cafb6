// MainWindow: cases from DICOM: a folder of DICOM files (File > Open DICOM Folder…) or series
// retrieved from a PACS (File > Open from PACS…), imported into the workspace and opened.
#include <QFileDialog>
#include <QThreadPool>

#include <memory>

#include "common/TaskProgressModel.h"
#include "dicom/OpenDicomDialog.h"
#include "dicom/OpenDicomModel.h"
#include "dicom/PacsDialog.h"
#include "dicom/PacsModel.h"
#include "shell/MainWindow.h"
#include "shell/SettingsModel.h"
#include "shell/WorkbenchModel.h"

namespace tiss::ui {

void MainWindow::openDicomFolder(const QString& folder, std::function<void(CaseViewerPage*)> then) {
  auto form = std::make_shared<OpenDicomModel>();
  auto done = [this, then](CaseViewerPage* page) {
    if (then) then(page);
  };
  if (const QString error = form->setFolder(folder); !error.isEmpty()) return showError(error), done(nullptr);
  if (quiet_) form->setFrameRule(FrameRule::Resample);
  if (quiet_ && !form->valid()) return showError(form->problems().join("\n")), done(nullptr);
  if (!quiet_ && OpenDicomDialog(form.get(), this).exec() != QDialog::Accepted) return done(nullptr);
  const QString dicomRoot = workspaceFolder("dicom"), casesRoot = casesFolder();
  if (dicomRoot.isEmpty() || casesRoot.isEmpty()) return done(nullptr);
  // Reading the series and a registration take seconds: off the UI thread, shown as a task.
  model_->tasks()->begin(tr("Importing DICOM series of %1").arg(form->caseId()), {});
  auto alive = std::make_shared<bool>(true);
  connect(this, &QObject::destroyed, [alive] { *alive = false; });
  QThreadPool::globalInstance()->start([this, form, dicomRoot, casesRoot, done, folder, alive] {
    QString error;
    const QString kept = form->import(dicomRoot, casesRoot, &error);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, kept, error, done, folder, form] {
      model_->tasks()->finish();
      if (kept.isEmpty()) return showError(error), done(nullptr);
      log(tr("Imported DICOM series of %1 from %2").arg(form->caseId(), folder));
      refreshWorkspaceList();
      done(openKeptCase(kept));
    }, Qt::QueuedConnection);
  });
}

void MainWindow::chooseDicomFolder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of DICOM files"), model_->settings()->dataFolder());
  if (!dir.isEmpty()) openDicomFolder(dir);
}

void MainWindow::openFromPacs() {
  const QString root = workspaceFolder("pacs");
  if (root.isEmpty()) return;
  PacsDialog dialog(model_->pacs(), root, this);
  if (dialog.exec() != QDialog::Accepted) return;
  log(tr("Retrieved series from %1 into %2").arg(QString::fromStdString(model_->pacs()->node().calledAe), dialog.retrievedFolder()));
  openDicomFolder(dialog.retrievedFolder());
}

}  // namespace tiss::ui
