#pragma once
/// A results table (core/results_table.h) for a QTableView: rows are methods or sweep points,
/// columns the metrics with their units; cells "mean ± sd", the best of each column bold, "†"
/// after a significant difference from the baseline row, the p-value and case count on hover.
/// UserRole: the row's name (column 0) or the cell's mean (for sorting); UserRole + 1: p.
/// Exports the same table as CSV, Markdown or LaTeX by the file's suffix.
#include <QAbstractTableModel>

#include "tiss/evaluation/results_table.h"

namespace tiss::ui {

class ResultsTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit ResultsTableModel(QObject* parent = nullptr);

  /// Replaces the table; the view keeps its scroll position when the shape is unchanged.
  void setTable(ResultsTable table);
  const ResultsTable& table() const { return table_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  /// Column 0 is the method and its case count; then one per metric.
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  /// One translated line under the table: what † means (test, correction and its family, α),
  /// n, and that no mark means "not shown different", never "equal". Empty without tests.
  QString note() const;

  /// Writes .csv, .md or .tex (LaTeX with `caption`); the error names the file.
  Status exportTo(const QString& path, const QString& caption = {}) const;

 private:
  QString tooltip(const TableCell& cell) const;
  ResultsTable table_;
};

}  // namespace tiss::ui
