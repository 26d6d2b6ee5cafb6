#pragma once
/// Patients as they come from the hospital: a folder of DICOM files (any nesting, a DICOMDIR or
/// not) scanned into series, each MR series checked to be readable as one volume, its MRI
/// sequence guessed from its tags. Plain C++ (DCMTK stays behind it).
#include <string>
#include <vector>

#include "tiss/io/volume.h"
#include "tiss/util/result.h"

namespace tiss {

/// One series of a scan (a DICOM series split further when its slices differ in orientation
/// or matrix size: "mixed" series, e.g. a three-plane localizer).
struct DicomSeries {
  std::string patientId, studyUid, studyDate, studyDescription;  ///< identifying: never written out unasked
  std::string seriesUid, modality, description, protocol;
  int seriesNumber = 0;
  int part = 0;                     ///< > 0 for the second, third... part of a mixed series
  std::vector<std::string> files;   ///< sorted along the slice normal (increasing position)
  std::string sequence;             ///< guessed: t1n, t1c, t2w or t2f; "" when no rule matched or the series is synthetic (ImageType)
  std::string problem;              ///< why it is not read as a volume; "" when it can be
};

/// A file that is not part of any series, and why.
struct DicomFileProblem {
  std::string file, reason;
};

struct DicomScan {
  std::vector<DicomSeries> series;  ///< by patient, study date, study, series number
  std::vector<DicomFileProblem> problems;
  int files = 0;                    ///< files looked at
};

/// Scans `dir` recursively. Files that are not DICOM, are truncated, have no pixel data or use
/// a transfer syntax no installed codec reads are listed in `problems` by name; series that are
/// not MR, have one slice, a gantry tilt (slices sheared against their orientation) or
/// inconsistent slice spacing keep their files and say why in `problem`. Fails only when
/// `dir` cannot be listed.
Result<DicomScan> scanDicomFolder(const std::string& dir);

/// The same for a given list of files (e.g. the source files a case's dicom.json records).
DicomScan scanDicomFiles(const std::vector<std::string>& files);

/// The MRI sequence a series' tags suggest, from SeriesDescription, ProtocolName and
/// SequenceName as Siemens, GE and Philips write them (e.g. "t2_tirm_tra_dark-fluid" t2f,
/// "Ax T1 BRAVO +C" t1c, "T1W_3D_TFE" t1n); `contrast`: ContrastBolusAgent is set. "" when no
/// rule matches (the user chooses, as for loose NIfTI cases).
std::string guessSequence(const std::string& description, const std::string& protocol, const std::string& sequenceName,
                          bool contrast);

/// The series as one volume (ITK/GDCM, the files in the scan's order). Fails naming the series
/// when it has a problem or a file cannot be read.
Result<Volume> readDicomSeries(const DicomSeries& series);

}  // namespace tiss
