#pragma once
/// The cases of one data set as a table: id, thumbnails, modalities, size, spacing (mm),
/// tumor volume (mL), split and check status. Holds the split being edited; the browser's
/// view binds to it, and Qt Test drives it without a window.
#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <memory>

#include "dataset/CaseRecord.h"
#include "tiss/data/dataset.h"
#include "tiss/util/result.h"

namespace tiss::ui {

class ThumbnailProvider;

class CaseTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Id, Thumbnails, Modalities, Size, Spacing, TumorVolume, SplitColumn, StatusColumn, ColumnCount };
  /// Sort key of a cell: numbers as numbers, text as text.
  static constexpr int SortRole = Qt::UserRole;
  /// True for a case with problems (any column).
  static constexpr int ProblemRole = Qt::UserRole + 1;
  /// The case's split part as int(SplitPart).
  static constexpr int SplitRole = Qt::UserRole + 2;

  explicit CaseTableModel(QObject* parent = nullptr);

  /// Shows the (listed, not yet checked) cases of `dataset` with its split.
  void setDataset(std::shared_ptr<const Dataset> dataset);
  std::shared_ptr<const Dataset> dataset() const { return dataset_; }
  /// Thumbnails for the Thumbnails column (none when null).
  void setThumbnailProvider(ThumbnailProvider* provider);
  /// Replaces the records of the same ids (scan results).
  void updateRecords(const QVector<CaseRecord>& records);

  const CaseRecord& record(int row) const { return rows_[row]; }
  int rowOf(const QString& id) const { return rowById_.value(id, -1); }
  int problemCount() const;
  /// The detected layout and how the task's keys map to its files, for people (translated):
  /// "Layout: BraTS 2023-2025 · task glioma · sources t1 = t1n, ... · target flair = t2f · ...".
  QString layoutText() const;
  /// A case from imagesTs (nnU-Net, MSD): no label, kept out of the split.
  bool heldOut(const std::string& id) const;

  // Split editing.
  const Split& split() const { return split_; }
  /// Moves the cases of `rows` to `part`.
  void assign(const QList<int>& rows, SplitPart part);
  /// Draws a new split of every case with `seed` (70 / 10 / 20 %).
  void redrawSplit(uint64_t seed);
  bool splitModified() const { return splitModified_; }
  /// Writes split.json into the data set folder (atomically); the error names the file.
  Status saveSplit();
  /// Writes splits_final.json (tiss/data/folds.h: K folds, nnU-Net's format) over the labelled
  /// cases outside the saved split's test part, drawn with `seed`. Refused while the split has
  /// unsaved changes, and an existing file unless `replace`. Returns each fold's val size.
  Result<std::vector<size_t>> writeFolds(int k, uint64_t seed, bool replace);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  void splitModifiedChanged(bool modified);

 private:
  QVariant display(const CaseRecord& r, int column) const;
  QVariant sortKey(const CaseRecord& r, int column) const;
  QString statusText(const CaseRecord& r) const;
  void thumbnailsReady(const QStringList& ids);
  void setSplitModified(bool modified);

  std::shared_ptr<const Dataset> dataset_;
  QVector<CaseRecord> rows_;
  QHash<QString, int> rowById_;
  Split split_;
  bool splitModified_ = false;
  ThumbnailProvider* thumbnails_ = nullptr;
};

/// The translated name of a split part ("train", "val", "test", "—").
QString splitName(SplitPart part);

}  // namespace tiss::ui
