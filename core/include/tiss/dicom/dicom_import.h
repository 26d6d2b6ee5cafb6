#pragma once
/// A DICOM study made into a case every other command reads: one series per MRI sequence,
/// brought onto the grid of the first chosen one and written in the BraTS 2020/2021 layout
/// (`CASE/CASE_t1.nii.gz`, `_t1ce`, `_t2`, `_flair`). Plain C++ (ITK and DCMTK stay behind it).
#include <string>
#include <utility>
#include <vector>

#include "tiss/dicom/dicom_scan.h"
#include "tiss/util/result.h"

namespace tiss {

/// What to do with a series whose grid (size, spacing, origin, orientation) is not the
/// reference series' grid.
enum class FrameRule {
  Refuse,    ///< the import fails naming both series and how their grids differ
  Resample,  ///< resampled onto the reference grid in scanner coordinates (linear), as acquired
  Register,  ///< registered rigidly to the reference (ITK: Mattes mutual information, versor
             ///< rigid transform, three levels) and then resampled (for a patient who moved)
};

/// One series chosen for one sequence (t1n, t1c, t2w or t2f).
struct SequenceChoice {
  std::string sequence;
  const DicomSeries* series = nullptr;
};

/// How each series was brought onto the reference grid.
struct ImportedSeries {
  std::string sequence, file;  ///< the NIfTI written (inside the case folder)
  std::string how;             ///< "reference", "same grid", "resampled" or "registered"
  /// Registered: the rigid transform's rotation (degrees) and translation (mm) found.
  double rotationDeg = 0, translationMm = 0;
};

/// The series the scan suggests for each sequence: per sequence the guessed series with the
/// most slices among those without a problem, in the order t1n, t1c, t2w, t2f; sequences
/// with no guessed series are left out. Only series of `studyUid` ("" : the scan's first study).
std::vector<SequenceChoice> suggestedChoices(const DicomScan& scan, const std::string& studyUid = "");

/// Writes `caseDir` (created; refused when it exists and is not empty, so nothing there is
/// replaced) as a BraTS-layout case named after the folder: the first choice is the reference
/// grid, every other series is checked against it under `rule`. Also writes
/// `caseDir/dicom.json`: for each sequence the series UID, number, description and source
/// files, and how it was brought onto the grid (what `tissnet dicom export-seg` reads to
/// reference the source series); no patient name, id or birth date. Patient-identifying tags
/// never reach the NIfTI files.
Result<std::vector<ImportedSeries>> importDicomCase(const std::vector<SequenceChoice>& choices, const std::string& caseDir,
                                                    FrameRule rule);

/// The series a case written by importDicomCase was gridded on (its dicom.json's reference),
/// scanned again from the recorded files: what exported results reference. Fails naming
/// dicom.json when it is missing or malformed, or a recorded file when it is gone.
Result<DicomSeries> caseReferenceSeries(const std::string& caseDir);

/// The BraTS 2020/2021 file suffix of a sequence: t1n "t1", t1c "t1ce", t2w "t2", t2f "flair".
std::string bratsSuffix(const std::string& sequence);

}  // namespace tiss
