#pragma once
/// The open data set of the workbench, without widgets: scanner, case table and thumbnails
/// wired together, progress reported to a TaskProgressModel. Tests drive it headless.
#include <QObject>

#include "dataset/CaseTableModel.h"
#include "dataset/DatasetScanner.h"
#include "dataset/ThumbnailProvider.h"

namespace tiss::ui {

class TaskProgressModel;

class DatasetSession : public QObject {
  Q_OBJECT
 public:
  /// `progress` (may be null) shows the scan in the status bar.
  explicit DatasetSession(TaskProgressModel* progress, QObject* parent = nullptr);

  /// Opens `dir` and scans it in the background; thumbnails are cached under `cacheRoot`.
  void open(const QString& dir, const QString& cacheRoot, int threads = 2);
  /// Scans the open data set again (files changed on disk).
  void rescan();
  QString folder() const { return folder_; }
  bool scanning() const { return scanner_.running(); }

  CaseTableModel* cases() { return &cases_; }
  ThumbnailProvider* thumbnails() { return &thumbnails_; }
  DatasetScanner* scanner() { return &scanner_; }

 Q_SIGNALS:
  /// Opening failed; the message names the folder and says what to do.
  void failed(const QString& message);
  /// The data set is listed (the table has its rows).
  void opened(const QString& dir);
  /// The scan is complete (or was cancelled).
  void scanFinished(bool cancelled);

 private:
  TaskProgressModel* progress_;
  CaseTableModel cases_;
  ThumbnailProvider thumbnails_;
  DatasetScanner scanner_;
  QString folder_, cacheRoot_;
  int threads_ = 2;
};

}  // namespace tiss::ui
