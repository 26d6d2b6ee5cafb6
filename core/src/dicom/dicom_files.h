#pragma once
// What the DICOM writers share: the identifiers a derived object copies from its source
// slices, and DCMTK's saves made atomic.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <functional>
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// DCMTK's own log lines would repeat, less clearly, what our errors say per file: only its
/// fatal messages are kept. Idempotent.
void quietDcmtkLog();

struct InstanceIds {
  std::string patientId, studyUid, seriesUid, sopInstanceUid, sopClassUid, frameOfReferenceUid;
};

/// The identifiers of one DICOM file (header only). Fails naming the file.
Result<InstanceIds> readInstanceIds(const std::string& file);

/// Runs `save` on a fresh hidden file beside `path` (created exclusively), flushes it and
/// renames it over `path`: a failure leaves no half-written file. The error names `path`.
Status saveAtomically(const std::string& path, const std::function<OFCondition(const std::string& temporary)>& save);

}  // namespace tiss
