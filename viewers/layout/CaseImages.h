#pragma once
/// The volumes of one case that a layout can show, by key: the data set's modalities and label
/// ("t1", "flair", "seg", ...) and a result folder's outputs prefixed by its run name
/// ("tissnet/synth", "tissnet/yf", ...). Every volume is reoriented to LPS and must share the
/// geometry of the first one.
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss::viewers {

struct CaseImages {
  QString caseId;
  Geometry geometry;  ///< shared by every volume (after reorientation)
  std::map<QString, std::shared_ptr<const Volume>> volumes;

  std::shared_ptr<const Volume> get(const QString& key) const;
  QStringList keys() const;
};

/// Reads `files` (key -> path). Fails naming the file when one cannot be read or its geometry
/// differs from the first; call it off the UI thread (BraTS cases take seconds).
Result<CaseImages> loadCaseImages(const QString& caseId, const std::map<QString, QString>& files);

/// The outputs of `tissnet infer` for `caseId` in `folder` (folder/ID/ID_<name>.nii.gz), keyed
/// "<run>/<name>" with run = the folder's name.
std::map<QString, QString> resultFiles(const QString& folder, const QString& caseId);

/// |a - b| voxel by voxel (same geometry).
Volume absoluteDifference(const Volume& a, const Volume& b);

}  // namespace tiss::viewers
