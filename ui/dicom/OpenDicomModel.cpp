#include "dicom/OpenDicomModel.h"

#include <QDir>

#include "common/ErrorText.h"
#include "tiss/data/loose_case.h"
#include "tiss/util/safe_path.h"

namespace tiss::ui {

OpenDicomModel::OpenDicomModel(QObject* parent) : QObject(parent) {}

QString OpenDicomModel::setFolder(const QString& folder) {
  auto scan = scanDicomFolder(folder.toStdString());
  if (!scan) return errorText(scan.error(), tr("Opening a DICOM folder"));
  folder_ = folder;
  rows_.clear();
  unread_.clear();
  // One study is offered: the first holding a readable MR series (as tissnet dicom import).
  std::string study;
  for (const auto& choice : suggestedChoices(*scan)) study = choice.series->studyUid;
  for (const auto& s : scan->series)
    if (s.modality == "MR" && (study.empty() || s.studyUid == study)) rows_.push_back({s, QString()});
  for (const auto& choice : suggestedChoices(*scan, study))
    for (auto& r : rows_)
      if (r.series.seriesUid == choice.series->seriesUid && r.series.part == choice.series->part) r.sequence = QString::fromStdString(choice.sequence);
  for (const auto& p : scan->problems) unread_ << QString::fromStdString(p.file + ": " + p.reason);
  caseId_ = QDir(folder).dirName();
  Q_EMIT changed();
  return {};
}

QString OpenDicomModel::rowText(int row) const {
  if (row < 0 || row >= rows()) return {};
  const DicomSeries& s = rows_[size_t(row)].series;
  return tr("series %1: %2 (%n slices)", "", int(s.files.size()))
      .arg(s.seriesNumber)
      .arg(QString::fromStdString(s.description.empty() ? s.protocol : s.description));
}

QString OpenDicomModel::rowProblem(int row) const {
  return row < 0 || row >= rows() ? QString() : QString::fromStdString(rows_[size_t(row)].series.problem);
}

QString OpenDicomModel::sequence(int row) const { return row < 0 || row >= rows() ? QString() : rows_[size_t(row)].sequence; }

QStringList OpenDicomModel::sequenceChoices() { return {"t1n", "t1c", "t2w", "t2f"}; }

void OpenDicomModel::setSequence(int row, const QString& sequence) {
  if (row < 0 || row >= rows() || (!sequence.isEmpty() && (!sequenceChoices().contains(sequence) || !rowProblem(row).isEmpty()))) return;
  if (!sequence.isEmpty())
    for (auto& r : rows_)
      if (r.sequence == sequence) r.sequence.clear();
  rows_[size_t(row)].sequence = sequence;
  Q_EMIT changed();
}

void OpenDicomModel::setCaseId(const QString& id) {
  caseId_ = id.trimmed();
  Q_EMIT changed();
}

void OpenDicomModel::setFrameRule(FrameRule rule) {
  rule_ = rule;
  Q_EMIT changed();
}

std::vector<SequenceChoice> OpenDicomModel::choices() const {
  std::vector<SequenceChoice> out;
  for (const QString& sequence : sequenceChoices())
    for (const auto& r : rows_)
      if (r.sequence == sequence) out.push_back({sequence.toStdString(), &r.series});
  return out;
}

QStringList OpenDicomModel::problems() const {
  QStringList p;
  if (rows_.empty()) return {tr("No MR series in this folder.")};
  if (!checkCaseId(caseId_.toStdString()) || caseId_.startsWith('.')) p << tr("The case id must not be empty, start with a dot or hold a slash.");
  if (choices().empty()) p << tr("No series is used: choose the sequence of at least one series.");
  return p;
}

QString OpenDicomModel::import(const QString& dicomRoot, const QString& casesRoot, QString* error) const {
  if (!valid()) return *error = problems().join("\n"), QString();
  const auto chosen = choices();
  const QString target = QDir(dicomRoot).filePath(caseId_);
  auto done = importDicomCase(chosen, target.toStdString(), rule_);
  if (!done) return *error = errorText(done.error(), tr("Importing the DICOM series")), QString();
  // BraTS 2020/2021 keys of the glioma task: the case opens like any other.
  LooseCase c;
  c.id = caseId_.toStdString();
  for (const auto& r : *done) c.files[bratsSuffix(r.sequence)] = r.file;
  auto kept = keepLooseCase(c, casesRoot.toStdString());
  if (!kept) return *error = errorText(kept.error(), tr("Keeping the case in the workspace")), QString();
  return QDir(casesRoot).filePath(QString::fromStdString(kept->id));
}

}  // namespace tiss::ui
