#include "sweep/ResultsTableModel.h"

#include <algorithm>
#include <cmath>

#include <QFileInfo>
#include <QFont>

#include "tiss/util/atomic_file.h"

namespace tiss::ui {

ResultsTableModel::ResultsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResultsTableModel::setTable(ResultsTable table) {
  const bool sameShape = table.rows == table_.rows && table.columns.size() == table_.columns.size();
  if (!sameShape) beginResetModel();
  table_ = std::move(table);
  if (!sameShape) endResetModel();
  else if (rowCount() > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ResultsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(table_.rows.size()); }

int ResultsTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : 1 + int(table_.columns.size());
}

QVariant ResultsTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const size_t r = size_t(index.row());
  if (index.column() == 0) {
    if (role == Qt::UserRole) return QString::fromStdString(table_.rows[r]);
    if (role == Qt::DisplayRole) return tr("%1 (n = %2)").arg(QString::fromStdString(table_.rows[r])).arg(table_.caseCounts[r]);
    if (role == Qt::FontRole && int(r) == table_.baseline) {
      QFont f;
      f.setItalic(true);
      return f;
    }
    if (role == Qt::ToolTipRole && int(r) == table_.baseline) return tr("Baseline of the comparisons");
    return {};
  }
  const size_t c = size_t(index.column() - 1);
  const TableCell& cell = table_.cells[r][c];
  switch (role) {
    case Qt::DisplayRole:
      if (!cell.present) return QStringLiteral("–");
      return QString::fromStdString(formatCell(cell, table_.columns[c])) + (cell.significant() ? QStringLiteral(" †") : QString());
    case Qt::FontRole: {
      QFont f;
      f.setBold(cell.best);
      return f;
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignCenter);
    case Qt::ToolTipRole:
      if (!cell.tested) return {};
      return tooltip(cell);
    case Qt::UserRole: return cell.present ? QVariant(cell.summary.mean) : QVariant();
    case Qt::UserRole + 1: return cell.tested ? QVariant(cell.comparison.pAdjusted) : QVariant();
  }
  return {};
}

// Raw and adjusted p, the test and its correction, the difference with its interval and n.
QString ResultsTableModel::tooltip(const TableCell& cell) const {
  const PairedComparison& c = cell.comparison;
  const QString base = QString::fromStdString(table_.rows[size_t(table_.baseline)]);
  const QString test = c.test == PairedTestKind::T ? tr("paired t-test") : c.exact ? tr("Wilcoxon signed-rank test (exact)")
                                                                                     : tr("Wilcoxon signed-rank test (normal approximation)");
  QString correction = tr("no correction");
  if (table_.comparison.correction == Correction::Holm) correction = tr("Holm correction");
  if (table_.comparison.correction == Correction::Bonferroni) correction = tr("Bonferroni correction");
  QString text = tr("p = %1, adjusted p = %2 (%3 against %4, %5, %n case(s))", nullptr, int(c.n))
                     .arg(QString::number(c.p, 'f', 4), QString::number(c.pAdjusted, 'f', 4), test, base, correction);
  if (std::isfinite(c.ciLow))
    text += "\n" + tr("difference %1, 95 % CI [%2, %3]").arg(c.meanDiff, 0, 'f', 2).arg(c.ciLow, 0, 'f', 2).arg(c.ciHigh, 0, 'f', 2);
  if (!cell.significant()) text += "\n" + tr("Not shown different from %1 (which does not mean equal).").arg(base);
  return text;
}

QString ResultsTableModel::note() const {
  if (table_.baseline < 0 || table_.rows.size() < 2) return {};
  size_t fewest = 0, most = 0;
  for (const auto& row : table_.cells)
    for (const auto& cell : row)
      if (cell.tested) {
        fewest = fewest ? std::min(fewest, cell.pairs) : cell.pairs;
        most = std::max(most, cell.pairs);
      }
  if (!most) return {};
  const ComparisonOptions& o = table_.comparison;
  const QString test = o.test == PairedTestKind::T ? tr("two-sided paired t-test") : tr("two-sided Wilcoxon signed-rank test");
  QString correction = tr("no correction");
  if (o.correction == Correction::Holm) correction = tr("Holm correction over each metric's %n comparison(s)", nullptr, int(table_.rows.size() - 1));
  if (o.correction == Correction::Bonferroni)
    correction = tr("Bonferroni correction over each metric's %n comparison(s)", nullptr, int(table_.rows.size() - 1));
  const QString n = fewest == most ? QString::number(most) : QStringLiteral("%1-%2").arg(fewest).arg(most);
  QString text = tr("† adjusted p < %1 against %2: %3, %4; n = %5 paired cases. No mark: not shown different, which "
                    "does not mean equal.")
                     .arg(o.alpha)
                     .arg(QString::fromStdString(table_.rows[size_t(table_.baseline)]), test, correction, n);
  if (o.paperConvention) text += " " + tr("The paper's convention (uncorrected), kept to reproduce it.");
  if (most < 10) text += " " + tr("Fewer than 10 pairs: only large differences can be shown (detectable differences on hover).");
  return text;
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section == 0) return tr("Method");
  return QString::fromStdString(table_.columns[size_t(section - 1)].title);
}

Status ResultsTableModel::exportTo(const QString& path, const QString& caption) const {
  const QString suffix = QFileInfo(path).suffix().toLower();
  std::string text;
  if (suffix == "csv") text = tableCsv(table_);
  else if (suffix == "md") text = tableMarkdown(table_);
  else if (suffix == "tex") text = tableLatex(table_, caption.toStdString());
  else return makeError(path.toStdString(), "unknown table format (use .csv, .md or .tex)");
  return writeFileAtomically(path.toStdString(), text);
}

}  // namespace tiss::ui
