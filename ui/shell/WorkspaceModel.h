#pragma once
/// A workspace: a folder holding the data sets the user added (by reference), runs and sweeps,
/// described by workspace.json. Recent workspaces are remembered in the settings store.
#include <QJsonObject>
#include <QObject>
#include <QSettings>
#include <QStringList>

#include "tiss/util/result.h"

namespace tiss::ui {

class WorkspaceModel : public QObject {
  Q_OBJECT
 public:
  static constexpr const char* kFile = "workspace.json";
  static constexpr int kMaxRecent = 8;

  explicit WorkspaceModel(QSettings* store, QObject* parent = nullptr);

  /// Opens (creating it when absent) the workspace folder `dir`: reads workspace.json, makes
  /// runs/ and sweeps/, and puts it first in the recent list. Fails naming the file when the
  /// folder cannot be created or workspace.json is not valid (nothing is overwritten then).
  Status open(const QString& dir);
  QString folder() const { return folder_; }
  QString runsFolder() const;
  QString sweepsFolder() const;
  /// Where thumbnails and other re-creatable files go.
  QString cacheFolder() const;

  QStringList datasets() const { return datasets_; }
  /// Adds a data set folder (absolute path) and saves workspace.json; no duplicate entries.
  Status addDataset(const QString& dir);
  Status removeDataset(const QString& dir);
  /// The data set shown last, reopened at start.
  QString currentDataset() const { return current_; }
  Status setCurrentDataset(const QString& dir);

  /// Run folders outside the workspace's runs/ that the dashboard follows (re-attached at start).
  QStringList externalRuns() const { return externalRuns_; }
  Status addExternalRun(const QString& dir);
  /// Sweep folders under sweeps/ and those opened from elsewhere (kept in workspace.json).
  QStringList sweeps() const;
  Status addExternalSweep(const QString& dir);

  /// The case viewers' state (result folders, layout, axis) kept for data set `dir`.
  QJsonObject viewerState(const QString& dir) const;
  Status setViewerState(const QString& dir, const QJsonObject& state);

  /// Most recent first, at most kMaxRecent, only folders that still exist.
  QStringList recentWorkspaces() const;

 Q_SIGNALS:
  void changed();

 private:
  Status save();

  QSettings* store_;
  QString folder_, current_;
  QStringList datasets_;
  QJsonObject viewers_;
  QStringList externalRuns_, externalSweeps_;
};

}  // namespace tiss::ui
