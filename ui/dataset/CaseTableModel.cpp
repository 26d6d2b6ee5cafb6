#include "dataset/CaseTableModel.h"

#include "tiss/data/folds.h"

#include <QDir>
#include <QFileInfo>

#include "dataset/ThumbnailProvider.h"

namespace tiss::ui {

QString splitName(SplitPart part) {
  switch (part) {
    case SplitPart::Train: return CaseTableModel::tr("train");
    case SplitPart::Val: return CaseTableModel::tr("val");
    case SplitPart::Test: return CaseTableModel::tr("test");
    case SplitPart::Unassigned: break;
  }
  return CaseTableModel::tr("—");
}

CaseTableModel::CaseTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CaseTableModel::setDataset(std::shared_ptr<const Dataset> dataset) {
  beginResetModel();
  dataset_ = std::move(dataset);
  rows_.clear();
  rowById_.clear();
  split_ = dataset_ ? dataset_->split : Split();
  if (dataset_)
    for (const auto& c : dataset_->cases) {
      CaseRecord r;
      r.id = QString::fromStdString(c.id);
      rowById_.insert(r.id, rows_.size());
      rows_.push_back(r);
    }
  endResetModel();
  setSplitModified(false);
}

void CaseTableModel::setThumbnailProvider(ThumbnailProvider* provider) {
  thumbnails_ = provider;
  if (provider) connect(provider, &ThumbnailProvider::ready, this, &CaseTableModel::thumbnailsReady);
}

void CaseTableModel::thumbnailsReady(const QStringList& ids) {
  for (const auto& id : ids)
    if (const int row = rowOf(id); row >= 0) Q_EMIT dataChanged(index(row, Thumbnails), index(row, Thumbnails));
}

void CaseTableModel::updateRecords(const QVector<CaseRecord>& records) {
  int first = rows_.size(), last = -1;
  for (const auto& r : records) {
    const int row = rowOf(r.id);
    if (row < 0) continue;
    rows_[row] = r;
    first = std::min(first, row);
    last = std::max(last, row);
  }
  // One signal for the whole batch: the view repaints once.
  if (last >= 0) Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int CaseTableModel::problemCount() const {
  return int(std::count_if(rows_.begin(), rows_.end(), [](const CaseRecord& r) { return r.hasProblems(); }));
}

void CaseTableModel::assign(const QList<int>& rows, SplitPart part) {
  bool changed = false;
  for (int row : rows) {
    if (row < 0 || row >= rows_.size()) continue;
    const std::string id = rows_[row].id.toStdString();
    if (split_.partOf(id) == part || heldOut(id)) continue;  // imagesTs cases have no label to train on
    split_.assignment[id] = part;
    changed = true;
    Q_EMIT dataChanged(index(row, SplitColumn), index(row, SplitColumn));
  }
  if (changed) setSplitModified(true);
}

void CaseTableModel::redrawSplit(uint64_t seed) {
  std::vector<std::string> ids;
  for (const auto& r : rows_)
    if (!heldOut(r.id.toStdString())) ids.push_back(r.id.toStdString());
  split_ = drawSplit(ids, seed);
  if (!rows_.isEmpty()) Q_EMIT dataChanged(index(0, SplitColumn), index(rows_.size() - 1, SplitColumn));
  setSplitModified(true);
}

Status CaseTableModel::saveSplit() {
  if (!dataset_) return makeError("", "no data set is open");
  const auto file = QDir(QString::fromStdString(dataset_->root)).filePath(kSplitFile).toStdString();
  if (auto st = writeSplit(split_, file); !st) return st;
  setSplitModified(false);
  return Status();
}

Result<std::vector<size_t>> CaseTableModel::writeFolds(int k, uint64_t seed, bool replace) {
  if (!dataset_) return makeError("", tr("no data set is open").toStdString());
  if (splitModified_) return makeError(kSplitFile, tr("has unsaved changes: save the split first (its test part is held out of every fold)").toStdString());
  const auto file = QDir(QString::fromStdString(dataset_->root)).filePath(kFoldsFile);
  if (QFileInfo::exists(file) && !replace)
    return makeError(file.toStdString(), tr("already exists (runs keep the split they were created with)").toStdString());
  // The labelled cases outside the saved split's test part (no split.json: no fixed test set).
  const bool fixedTest = QFileInfo::exists(QDir(QString::fromStdString(dataset_->root)).filePath(kSplitFile));
  std::vector<std::string> ids;
  for (const auto& r : rows_) {
    const std::string id = r.id.toStdString();
    if (!heldOut(id) && !(fixedTest && split_.partOf(id) == SplitPart::Test)) ids.push_back(id);
  }
  if (k < 2 || size_t(k) > ids.size())
    return makeError(dataset_->root, tr("%1 folds need at least %1 labelled cases outside the test set; there are %2").arg(k).arg(ids.size()).toStdString());
  const auto folds = drawFolds(ids, k, seed);
  if (auto st = tiss::writeFolds(folds, file.toStdString()); !st) return st.error();
  std::vector<size_t> sizes;
  for (const auto& f : folds) sizes.push_back(f.val.size());
  return sizes;
}

void CaseTableModel::setSplitModified(bool modified) {
  if (modified == splitModified_) return;
  splitModified_ = modified;
  Q_EMIT splitModifiedChanged(modified);
}

int CaseTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_.size(); }
int CaseTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool CaseTableModel::heldOut(const std::string& id) const {
  const CaseFiles* c = dataset_ ? dataset_->find(id) : nullptr;
  return c && c->heldOut;
}

namespace {

QString layoutName(const std::string& layout) {
  if (layout == "brats") return CaseTableModel::tr("BraTS 2020/2021");
  if (layout == "brats2023") return CaseTableModel::tr("BraTS 2023-2025");
  if (layout == "msd") return CaseTableModel::tr("Medical Segmentation Decathlon (4D images)");
  if (layout == "nnunet") return CaseTableModel::tr("nnU-Net v2 raw dataset");
  return CaseTableModel::tr("manifest.json");
}

}  // namespace

QString CaseTableModel::layoutText() const {
  if (!dataset_) return {};
  const Manifest& m = dataset_->manifest;
  auto named = [&](const std::string& key) {
    const auto it = m.names.find(key);
    const QString k = QString::fromStdString(key);
    return it == m.names.end() || it->second == key ? k : tr("%1 = %2").arg(k, QString::fromStdString(it->second));
  };
  QStringList sources, values;
  for (const auto& s : m.task.sources) sources << named(s);
  for (int v : m.task.labelValues) values << QString::number(v);
  QString text = tr("Layout: %1 · task %2 · sources %3 · target %4 · label %5")
                     .arg(layoutName(m.layout), QString::fromStdString(m.task.name), sources.join(", "),
                          m.task.target.empty() ? tr("none (segmentation only)") : named(m.task.target), named(m.task.label));
  if (!values.isEmpty()) text += tr(" (values %1)").arg(values.join(' '));
  const auto held = std::count_if(dataset_->cases.begin(), dataset_->cases.end(), [](const CaseFiles& c) { return c.heldOut; });
  if (held) text += tr(" · %n case(s) from imagesTs, without a label", "", int(held));
  // Cases refused by the case-id rule are named, never silently missing.
  QStringList refused;
  for (const auto& e : dataset_->refused) refused << QString::fromStdString(e.describe());
  if (!refused.isEmpty())
    text += "\n" + tr("%n case(s) left out: %1", "", int(refused.size())).arg(refused.mid(0, 5).join("; ")) +
            (refused.size() > 5 ? tr("; and %1 more").arg(refused.size() - 5) : QString());
  return text;
}

}  // namespace tiss::ui
