#pragma once
/// The one owner of the workbench's UI models (ITK-SNAP's GlobalUIModel): settings, the
/// workspace, the background task, the open data set, the training runs, the sweep and the
/// "Run model…" job. Windows and panels only bind to them; tests drive them without a window.
#include <QObject>

class QSettings;

namespace tiss::ui {

class ApplyModelModel;
class DatasetSession;
class PacsModel;
class RunsModel;
class SettingsModel;
class SweepModel;
class TaskProgressModel;
class WorkspaceModel;

class WorkbenchModel : public QObject {
  Q_OBJECT
 public:
  /// `store` holds settings, recent workspaces and the layout (not owned; outlives this).
  explicit WorkbenchModel(QSettings* store, QObject* parent = nullptr);

  QSettings* store() const { return store_; }
  SettingsModel* settings() const { return settings_; }
  WorkspaceModel* workspace() const { return workspace_; }
  TaskProgressModel* tasks() const { return tasks_; }
  DatasetSession* session() const { return session_; }
  RunsModel* runs() const { return runs_; }
  SweepModel* sweep() const { return sweep_; }
  ApplyModelModel* apply() const { return apply_; }
  /// File > Open from PACS…: its server follows the settings.
  PacsModel* pacs() const { return pacs_; }

 private:
  QSettings* store_;
  SettingsModel* settings_;
  WorkspaceModel* workspace_;
  TaskProgressModel* tasks_;
  DatasetSession* session_;
  RunsModel* runs_;
  SweepModel* sweep_;
  ApplyModelModel* apply_;
  PacsModel* pacs_;
};

}  // namespace tiss::ui
