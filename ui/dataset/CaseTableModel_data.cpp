// CaseTableModel: what each cell shows, sorts by and explains on hover.
#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QLocale>

#include "dataset/CaseTableModel.h"
#include "dataset/ThumbnailProvider.h"

namespace tiss::ui {

QVariant CaseTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const CaseRecord& r = rows_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case SortRole: return sortKey(r, index.column());
    case ProblemRole: return r.hasProblems();
    case SplitRole: return int(split_.partOf(r.id.toStdString()));
    case Qt::DecorationRole:
      if (index.column() == Thumbnails && thumbnails_) return thumbnails_->thumbnail(r.id);
      // A pixmap, not an icon: the view scales icons to the (thumbnail-sized) icon size.
      if (index.column() == StatusColumn && r.hasProblems()) return QIcon(":/icons/actions/problems.svg").pixmap(16, 16);
      return {};
    case Qt::ToolTipRole:
      if (r.hasProblems()) return r.problems.join("\n");
      if (index.column() == Thumbnails) return tr("Axial slice through the tumor's largest extent");
      return {};
    case Qt::ForegroundRole:
      if (r.hasProblems()) return QBrush(QColor(0xc0, 0x20, 0x20));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == TumorVolume) return int(Qt::AlignRight | Qt::AlignVCenter);
      return {};
  }
  return {};
}

QVariant CaseTableModel::display(const CaseRecord& r, int column) const {
  const QLocale locale;
  switch (column) {
    case Id: return r.id;
    case Modalities: return r.modalities.join(", ");
    case Size:
      if (r.size[0] == 0) return QString();
      return tr("%1 × %2 × %3").arg(r.size[0]).arg(r.size[1]).arg(r.size[2]);
    case Spacing:
      if (r.size[0] == 0) return QString();
      return tr("%1 × %2 × %3 mm")
          .arg(locale.toString(r.spacing[0], 'g', 3), locale.toString(r.spacing[1], 'g', 3),
               locale.toString(r.spacing[2], 'g', 3));
    case TumorVolume:
      if (r.tumorVolumeMl < 0) return QString();
      return tr("%1 mL").arg(locale.toString(r.tumorVolumeMl, 'f', 2));
    case SplitColumn: return splitName(split_.partOf(r.id.toStdString()));
    case StatusColumn: return statusText(r);
  }
  return {};
}

QVariant CaseTableModel::sortKey(const CaseRecord& r, int column) const {
  switch (column) {
    case Size: return qlonglong(r.size[0]) * r.size[1] * r.size[2];
    case Spacing: return r.spacing[0] * r.spacing[1] * r.spacing[2];
    case TumorVolume: return r.tumorVolumeMl;
    case SplitColumn: return int(split_.partOf(r.id.toStdString()));
    case StatusColumn: return r.hasProblems() ? 2 : r.stage == CaseRecord::Stage::FullyChecked ? 0 : 1;
    case Modalities: return r.modalities.size();
    default: return display(r, column);
  }
}

QString CaseTableModel::statusText(const CaseRecord& r) const {
  if (r.hasProblems()) return tr("%n problem(s)", "", int(r.problems.size()));
  switch (r.stage) {
    case CaseRecord::Stage::Listed: return tr("waiting");
    case CaseRecord::Stage::HeadersChecked: return tr("headers OK, reading…");
    case CaseRecord::Stage::FullyChecked: break;
  }
  return tr("OK");
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Id: return tr("Case");
    case Thumbnails: return tr("Thumbnails");
    case Modalities: return tr("Modalities");
    case Size: return tr("Size (voxels)");
    case Spacing: return tr("Spacing");
    case TumorVolume: return tr("Tumor volume");
    case SplitColumn: return tr("Split");
    case StatusColumn: return tr("Status");
  }
  return {};
}

}  // namespace tiss::ui
