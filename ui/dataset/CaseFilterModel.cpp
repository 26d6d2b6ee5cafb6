#include "dataset/CaseFilterModel.h"

#include "dataset/CaseTableModel.h"

namespace tiss::ui {

CaseFilterModel::CaseFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(CaseTableModel::SortRole);
  setSortCaseSensitivity(Qt::CaseInsensitive);
  // Scan results change rows in place: keep order and filter current without a reset.
  setDynamicSortFilter(true);
}

void CaseFilterModel::setIdFilter(const QString& text) {
  idFilter_ = text.trimmed();
  invalidateRowsFilter();
}

void CaseFilterModel::setProblemsOnly(bool on) {
  problemsOnly_ = on;
  invalidateRowsFilter();
}

void CaseFilterModel::setSplitFilter(std::optional<SplitPart> part) {
  split_ = part;
  invalidateRowsFilter();
}

bool CaseFilterModel::filterAcceptsRow(int row, const QModelIndex& parent) const {
  const QModelIndex cell = sourceModel()->index(row, CaseTableModel::Id, parent);
  if (!idFilter_.isEmpty() && !cell.data(Qt::DisplayRole).toString().contains(idFilter_, Qt::CaseInsensitive))
    return false;
  if (problemsOnly_ && !cell.data(CaseTableModel::ProblemRole).toBool()) return false;
  if (split_ && cell.data(CaseTableModel::SplitRole).toInt() != int(*split_)) return false;
  return true;
}

}  // namespace tiss::ui
