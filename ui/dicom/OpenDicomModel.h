#pragma once
/// File > Open DICOM Folder… and what "Open from PACS…" retrieves, without widgets: the folder's
/// MR series with their guessed sequences, editable as in Open Case, the case id and what to do
/// with series on another grid. Importing writes the case as NIfTI in the workspace
/// (workspace/dicom/ID, tiss/dicom/dicom_import.h) and keeps it as a case opened on its own;
/// the DICOM files are never written, and no patient-identifying tag is copied.
#include <QObject>
#include <QStringList>

#include <vector>

#include "tiss/dicom/dicom_import.h"

namespace tiss::ui {

class OpenDicomModel : public QObject {
  Q_OBJECT
 public:
  explicit OpenDicomModel(QObject* parent = nullptr);

  /// Scans `folder` (headers only; any nesting). Returns the error text naming the folder, or
  /// "" (a folder without any readable MR series is a problem, not an error).
  QString setFolder(const QString& folder);
  QString folder() const { return folder_; }

  /// One row per series of the study: "series 7: t2_tirm_tra_dark-fluid (24 slices)", and why
  /// a series cannot be used, if it cannot.
  int rows() const { return int(rows_.size()); }
  QString rowText(int row) const;
  QString rowProblem(int row) const;
  /// The sequence series `row` is used as ("" not used); the scan's guess at first.
  QString sequence(int row) const;
  /// One series per sequence: a row that had `sequence` loses it. Rows with a problem take none.
  void setSequence(int row, const QString& sequence);
  static QStringList sequenceChoices();  ///< t1n, t1c, t2w, t2f

  QString caseId() const { return caseId_; }
  void setCaseId(const QString& id);
  FrameRule frameRule() const { return rule_; }
  void setFrameRule(FrameRule rule);
  /// Files the scan could not read, "file: reason", for the dialog's details.
  QStringList unreadFiles() const { return unread_; }

  /// What prevents importing, translated; empty when the case can be imported.
  QStringList problems() const;
  bool valid() const { return problems().isEmpty(); }
  /// The chosen series in sequence order (t1n, t1c, t2w, t2f): the first is the reference grid.
  std::vector<SequenceChoice> choices() const;

  /// Imports into `dicomRoot`/ID (NIfTI) and keeps the case in `casesRoot` (a manifest naming
  /// those files as t1, t1ce, t2, flair). Returns the kept case's folder, or "" with `error`.
  /// Blocking (seconds; a registration longer): call it off the UI thread.
  QString import(const QString& dicomRoot, const QString& casesRoot, QString* error) const;

 Q_SIGNALS:
  void changed();

 private:
  struct Row {
    DicomSeries series;
    QString sequence;
  };
  QString folder_, caseId_;
  std::vector<Row> rows_;
  QStringList unread_;
  FrameRule rule_ = FrameRule::Refuse;
};

}  // namespace tiss::ui
