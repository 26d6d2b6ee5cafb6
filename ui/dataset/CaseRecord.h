#pragma once
/// One row of the data set browser: what a scan learned about a case, as plain values.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include "tiss/data/check.h"
#include "tiss/data/dataset.h"

namespace tiss::ui {

struct CaseRecord {
  enum class Stage { Listed, HeadersChecked, FullyChecked };

  QString id;
  QStringList modalities;        ///< manifest keys whose file could be read, image keys first
  Size3 size{0, 0, 0};           ///< voxels (x, y, z) of the first readable file
  Vec3 spacing{0, 0, 0};         ///< mm
  double tumorVolumeMl = -1;     ///< -1 until the full check has read the label
  QStringList problems;          ///< one sentence each, naming the file
  Stage stage = Stage::Listed;

  bool hasProblems() const { return !problems.isEmpty(); }
};

/// The record of a check report; `full` says whether the report read voxels.
CaseRecord recordFromReport(const CaseReport& report, const Manifest& manifest, bool full);

}  // namespace tiss::ui

Q_DECLARE_METATYPE(tiss::ui::CaseRecord)
