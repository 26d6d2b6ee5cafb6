#include "shell/WorkbenchModel.h"

#include "common/TaskProgressModel.h"
#include "dataset/DatasetSession.h"
#include "dicom/PacsModel.h"
#include "shell/SettingsModel.h"
#include "shell/WorkspaceModel.h"
#include "sweep/SweepModel.h"
#include "training/RunsModel.h"
#include "viewer/ApplyModelModel.h"

namespace tiss::ui {

WorkbenchModel::WorkbenchModel(QSettings* store, QObject* parent)
    : QObject(parent),
      store_(store),
      settings_(new SettingsModel(store, this)),
      workspace_(new WorkspaceModel(store, this)),
      tasks_(new TaskProgressModel(this)),
      session_(new DatasetSession(tasks_, this)),
      runs_(new RunsModel(this)),
      sweep_(new SweepModel(this)),
      apply_(new ApplyModelModel(this)),
      pacs_(new PacsModel(this)) {
  pacs_->setNode(settings_->pacs());
  connect(settings_, &SettingsModel::changed, pacs_, [this] { pacs_->setNode(settings_->pacs()); });
}

}  // namespace tiss::ui
