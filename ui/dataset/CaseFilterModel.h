#pragma once
/// Sorting and filtering of the case table: by text in the case id, by split part and to the
/// cases with problems. Sorting uses CaseTableModel::SortRole (numbers sort as numbers).
#include <QSortFilterProxyModel>

#include <optional>

#include "tiss/data/dataset.h"

namespace tiss::ui {

class CaseFilterModel : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit CaseFilterModel(QObject* parent = nullptr);

  /// Keeps cases whose id contains `text` (case-insensitive); empty keeps all.
  void setIdFilter(const QString& text);
  /// Keeps only cases with problems.
  void setProblemsOnly(bool on);
  bool problemsOnly() const { return problemsOnly_; }
  /// Keeps one split part; std::nullopt keeps all.
  void setSplitFilter(std::optional<SplitPart> part);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString idFilter_;
  bool problemsOnly_ = false;
  std::optional<SplitPart> split_;
};

}  // namespace tiss::ui
