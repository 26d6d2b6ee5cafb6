// Scanning a DICOM folder with DCMTK: headers only (pixel data is not loaded), grouped into
// series, each series sorted and checked along its slice normal.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include "dicom/dicom_files.h"
#include "tiss/dicom/dicom_scan.h"
#include "tiss/io/image_io.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

// What one file's header says.
struct SliceHeader {
  std::string file, patientId, studyUid, studyDate, studyDescription, seriesUid, modality, description, protocol, sequenceName;
  int seriesNumber = 0;
  bool contrast = false, synthetic = false;
  std::array<double, 6> orientation{};
  Vec3 position{};
  int rows = 0, columns = 0;
  double tilt = 0;
};

std::string text(DcmDataset& d, const DcmTagKey& key) {
  OFString v;
  return d.findAndGetOFStringArray(key, v).good() ? std::string(v.c_str()) : std::string();
}

bool numbers(DcmDataset& d, const DcmTagKey& key, double* out, int n) {
  for (int i = 0; i < n; ++i)
    if (d.findAndGetFloat64(key, out[i], unsigned(i)).bad()) return false;
  return true;
}

// The header, or why the file is not a usable DICOM image.
Result<SliceHeader> readSliceHeader(const std::string& file) {
  DcmFileFormat ff;
  // Elements over 4 KB (the pixel data) are not loaded, only checked against the file's size.
  const OFCondition loaded = ff.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
  if (loaded.bad()) return makeError(file, std::string("not a readable DICOM file (") + loaded.text() + ")");
  OFString sopClass, syntax;
  ff.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPClassUID, sopClass);
  if (sopClass == UID_MediaStorageDirectoryStorage) return makeError(file, "DICOMDIR");  // an index, not an image
  if (ff.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, syntax).good() && DcmXfer(syntax.c_str()).getXfer() == EXS_Unknown)
    return makeError(file, "transfer syntax " + std::string(syntax.c_str()) + " is not one this program reads (private or unknown compression)");
  DcmDataset& d = *ff.getDataset();
  if (!d.tagExists(DCM_PixelData)) return makeError(file, "has no pixel data");
  SliceHeader h;
  h.file = file;
  h.patientId = text(d, DCM_PatientID);
  h.studyUid = text(d, DCM_StudyInstanceUID);
  h.studyDate = text(d, DCM_StudyDate);
  h.studyDescription = text(d, DCM_StudyDescription);
  h.seriesUid = text(d, DCM_SeriesInstanceUID);
  h.modality = text(d, DCM_Modality);
  h.description = text(d, DCM_SeriesDescription);
  h.protocol = text(d, DCM_ProtocolName);
  h.sequenceName = text(d, DCM_SequenceName) + " " + text(d, DCM_ScanningSequence);
  h.contrast = !text(d, DCM_ContrastBolusAgent).empty();
  h.synthetic = text(d, DCM_ImageType).find("SYNTHETIC") != std::string::npos;
  h.seriesNumber = std::atoi(text(d, DCM_SeriesNumber).c_str());
  Uint16 rows = 0, columns = 0;
  d.findAndGetUint16(DCM_Rows, rows);
  d.findAndGetUint16(DCM_Columns, columns);
  h.rows = rows, h.columns = columns;
  if (h.seriesUid.empty()) return makeError(file, "has no SeriesInstanceUID");
  if (!numbers(d, DCM_ImageOrientationPatient, h.orientation.data(), 6) || !numbers(d, DCM_ImagePositionPatient, h.position.data(), 3))
    return makeError(file, "has no image position or orientation (ImagePositionPatient, ImageOrientationPatient)");
  d.findAndGetFloat64(DCM_GantryDetectorTilt, h.tilt);
  return h;
}

Vec3 normalOf(const std::array<double, 6>& o) {
  return {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
}

double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

// Series UID, orientation and matrix: one volume's worth of slices.
std::string groupKey(const SliceHeader& h) {
  std::ostringstream k;
  k << h.seriesUid << '|' << h.rows << 'x' << h.columns;
  for (double c : h.orientation) k << '|' << std::lround(c * 1000);
  return k.str();
}

// Sorts the slices along the normal and says what keeps them from being one volume.
std::string checkSlices(std::vector<SliceHeader>& slices) {
  const Vec3 n = normalOf(slices.front().orientation);
  std::sort(slices.begin(), slices.end(), [&](const SliceHeader& a, const SliceHeader& b) { return dot(a.position, n) < dot(b.position, n); });
  if (slices.size() < 2) return "a series of one slice (no volume)";
  for (const auto& s : slices)
    if (std::abs(s.tilt) > 1e-3) return "gantry tilt of " + std::to_string(s.tilt) + " degrees (sheared slices): not read";
  double lo = 1e30, hi = 0;
  for (size_t i = 1; i < slices.size(); ++i) {
    Vec3 step;
    for (int a = 0; a < 3; ++a) step[size_t(a)] = slices[i].position[size_t(a)] - slices[i - 1].position[size_t(a)];
    const double along = dot(step, n), across = std::sqrt(std::max(0.0, dot(step, step) - along * along));
    if (across > 1e-3 + 0.01 * std::abs(along)) return "slices shifted across their plane (a gantry tilt or a stack of several series): not read";
    lo = std::min(lo, along), hi = std::max(hi, along);
  }
  if (lo < 1e-4) return "two slices at one position (a duplicate or a mixed series)";
  if (hi - lo > 1e-3 + 0.01 * hi) {
    std::ostringstream why;
    why << "inconsistent slice spacing (" << lo << " to " << hi << " mm)";
    return why.str();
  }
  return "";
}

DicomSeries seriesOf(std::vector<SliceHeader>& slices, int part) {
  const SliceHeader& h = slices.front();
  DicomSeries s;
  s.patientId = h.patientId, s.studyUid = h.studyUid, s.studyDate = h.studyDate, s.studyDescription = h.studyDescription;
  s.seriesUid = h.seriesUid, s.modality = h.modality, s.description = h.description, s.protocol = h.protocol;
  s.seriesNumber = h.seriesNumber;
  s.part = part;
  s.problem = h.modality != "MR" ? "modality " + (h.modality.empty() ? std::string("unknown") : h.modality) + ", not MR"
                                 : checkSlices(slices);
  // A synthesized series (ours or another program's) is never guessed as an acquired sequence.
  if (!h.synthetic && (s.problem.empty() || h.modality == "MR")) s.sequence = guessSequence(h.description, h.protocol, h.sequenceName, h.contrast);
  for (const auto& slice : slices) s.files.push_back(slice.file);
  return s;
}

}  // namespace

Result<DicomScan> scanDicomFolder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(dir, "is not a folder");
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; it != end; it.increment(ec)) {
    if (ec) return makeError(dir, "cannot be listed: " + ec.message());
    if (it->is_regular_file(ec)) files.push_back(it->path().string());  // links to elsewhere are not followed into
  }
  return scanDicomFiles(files);
}

DicomScan scanDicomFiles(const std::vector<std::string>& files) {
  quietDcmtkLog();
  DicomScan scan;
  std::map<std::string, std::vector<SliceHeader>> groups;
  for (const auto& file : files) {
    ++scan.files;
    auto h = readSliceHeader(file);
    if (!h) {
      if (h.error().message != "DICOMDIR") scan.problems.push_back({h.error().file, h.error().message});
      continue;
    }
    groups[groupKey(*h)].push_back(*h);
  }
  std::map<std::string, int> parts;  // per series UID: how many groups so far (mixed series)
  for (auto& [key, slices] : groups) scan.series.push_back(seriesOf(slices, parts[slices.front().seriesUid]++));
  std::sort(scan.series.begin(), scan.series.end(), [](const DicomSeries& a, const DicomSeries& b) {
    return std::tie(a.patientId, a.studyDate, a.studyUid, a.seriesNumber, a.seriesUid, a.part) <
           std::tie(b.patientId, b.studyDate, b.studyUid, b.seriesNumber, b.seriesUid, b.part);
  });
  std::sort(scan.problems.begin(), scan.problems.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return scan;
}

Result<Volume> readDicomSeries(const DicomSeries& s) {
  const std::string name = "series " + std::to_string(s.seriesNumber) + " (" + s.description + ")";
  if (!s.problem.empty()) return makeError(name, s.problem);
  return readDicomFiles(s.files);
}

}  // namespace tiss
