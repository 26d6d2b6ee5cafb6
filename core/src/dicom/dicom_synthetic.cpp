// A synthesized sequence as a new MR series: the source's patient, study and frame of
// reference, a new series, every slice marked derived and synthetic and referencing the
// acquired slice it lies on.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "dicom/dicom_files.h"
#include "tiss/dicom/dicom_export.h"
#include "tiss/io/image_io.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

// Decimal strings (DS: at most 16 characters each) with 10 significant digits: the rescale
// slope must not round away a 12-bit step.
std::string joined(std::initializer_list<double> values) {
  std::string s;
  char b[32];
  for (double v : values) {
    std::snprintf(b, sizeof b, "%.10g", v);
    s += (s.empty() ? "" : "\\") + std::string(b);
  }
  return s;
}

// Patient and study tags copied from the source slice (what files the result with the original).
void copyPatientAndStudy(DcmDataset& from, DcmDataset& to) {
  for (const DcmTagKey& key : {DCM_SpecificCharacterSet, DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate, DCM_PatientSex,
                               DCM_StudyInstanceUID, DCM_StudyDate, DCM_StudyTime, DCM_AccessionNumber, DCM_ReferringPhysicianName,
                               DCM_StudyID, DCM_StudyDescription, DCM_FrameOfReferenceUID, DCM_PositionReferenceIndicator}) {
    OFString v;
    if (from.findAndGetOFStringArray(key, v).good()) to.putAndInsertString(key, v.c_str());
    else to.putAndInsertString(key, "");
  }
}

struct Scaling {
  double slope = 1, intercept = 0;
};

// 12-bit integers spanning the image's range: value = stored * slope + intercept.
Scaling scalingOf(const Volume& v) {
  const auto [lo, hi] = std::minmax_element(v.voxels.begin(), v.voxels.end());
  Scaling s;
  s.intercept = *lo;
  s.slope = *hi > *lo ? (double(*hi) - *lo) / 4095.0 : 1.0;
  return s;
}

OFCondition writeSlice(const Volume& image, long z, const Scaling& scale, DcmDataset& source, const std::string& seriesUid,
                       const std::string& sequence, int seriesNumber, const DicomResultInfo& info, const std::string& file) {
  DcmFileFormat ff;
  DcmDataset& d = *ff.getDataset();
  copyPatientAndStudy(source, d);
  char uid[100];
  const Geometry& g = image.geometry;
  const Vec3 p = g.indexToPhysical({0, 0, double(z)});
  const auto& dir = g.direction;
  OFString sourceClass, sourceInstance;
  source.findAndGetOFString(DCM_SOPClassUID, sourceClass);
  source.findAndGetOFString(DCM_SOPInstanceUID, sourceInstance);
  d.putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
  d.putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT));
  d.putAndInsertString(DCM_Modality, "MR");
  d.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
  d.putAndInsertString(DCM_SeriesNumber, std::to_string(seriesNumber).c_str());
  d.putAndInsertString(DCM_InstanceNumber, std::to_string(z + 1).c_str());
  d.putAndInsertString(DCM_SeriesDescription, info.seriesDescription.c_str());
  d.putAndInsertString(DCM_ImageType, "DERIVED\\SECONDARY\\SYNTHETIC");
  d.putAndInsertString(DCM_DerivationDescription, ("Synthesized " + sequence + " by " + info.algorithm + " from the other sequences; not an acquired image").c_str());
  d.putAndInsertString(DCM_Manufacturer, "TISS Workbench");
  d.putAndInsertString(DCM_SoftwareVersions, info.softwareVersion.c_str());
  for (const DcmTagKey& key : {DCM_ScanningSequence, DCM_SequenceVariant, DCM_ScanOptions, DCM_MRAcquisitionType, DCM_EchoTime, DCM_EchoTrainLength})
    d.putAndInsertString(key, "");
  d.putAndInsertString(DCM_ImagePositionPatient, joined({p[0], p[1], p[2]}).c_str());
  d.putAndInsertString(DCM_ImageOrientationPatient, joined({dir[0], dir[3], dir[6], dir[1], dir[4], dir[7]}).c_str());
  d.putAndInsertString(DCM_PixelSpacing, joined({g.spacing[1], g.spacing[0]}).c_str());
  d.putAndInsertString(DCM_SliceThickness, joined({g.spacing[2]}).c_str());
  d.putAndInsertString(DCM_RescaleIntercept, joined({scale.intercept}).c_str());
  d.putAndInsertString(DCM_RescaleSlope, joined({scale.slope}).c_str());
  d.putAndInsertString(DCM_RescaleType, "US");
  d.putAndInsertString(DCM_WindowCenter, joined({scale.intercept + 2048 * scale.slope}).c_str());
  d.putAndInsertString(DCM_WindowWidth, joined({4096 * scale.slope}).c_str());
  d.putAndInsertUint16(DCM_SamplesPerPixel, 1);
  d.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
  d.putAndInsertUint16(DCM_Rows, Uint16(g.size[1]));
  d.putAndInsertUint16(DCM_Columns, Uint16(g.size[0]));
  d.putAndInsertUint16(DCM_BitsAllocated, 16);
  d.putAndInsertUint16(DCM_BitsStored, 12);
  d.putAndInsertUint16(DCM_HighBit, 11);
  d.putAndInsertUint16(DCM_PixelRepresentation, 0);
  // The acquired slice this one lies on.
  DcmItem* ref = nullptr;
  if (d.findOrCreateSequenceItem(DCM_SourceImageSequence, ref, 0).good()) {
    ref->putAndInsertString(DCM_ReferencedSOPClassUID, sourceClass.c_str());
    ref->putAndInsertString(DCM_ReferencedSOPInstanceUID, sourceInstance.c_str());
  }
  const size_t plane = size_t(g.size[0] * g.size[1]);
  std::vector<Uint16> pixels(plane);
  for (size_t i = 0; i < plane; ++i)
    pixels[i] = Uint16(std::clamp(std::lround((image.voxels[size_t(z) * plane + i] - scale.intercept) / scale.slope), 0L, 4095L));
  d.putAndInsertUint16Array(DCM_PixelData, pixels.data(), unsigned(plane));
  return ff.saveFile(file.c_str(), EXS_LittleEndianExplicit);
}

}  // namespace

Result<std::vector<std::string>> exportSyntheticSeries(const Volume& image, const DicomSeries& source, const std::string& sequence,
                                                       const std::string& outDir, const DicomResultInfo& info) {
  auto sourceVolume = readDicomSeries(source);
  if (!sourceVolume) return sourceVolume.error();
  if (!image.geometry.sameAs(sourceVolume->geometry, 1e-3)) return makeError(outDir, "the image is not on the grid of the source series");
  std::error_code ec;
  if (fs::is_symlink(outDir, ec) || (fs::exists(outDir, ec) && !(fs::is_directory(outDir, ec) && fs::is_empty(outDir, ec))))
    return makeError(outDir, "exists and is not an empty folder: nothing there is replaced; choose a new folder");
  fs::create_directories(outDir, ec);
  if (ec) return makeError(outDir, "cannot be created: " + ec.message());
  char uid[100];
  const std::string seriesUid = dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT);
  const int number = info.seriesNumber ? info.seriesNumber : source.seriesNumber + 1000;
  const Scaling scale = scalingOf(image);
  std::vector<std::string> files;
  for (long z = 0; z < image.geometry.size[2]; ++z) {
    DcmFileFormat sourceSlice;
    const std::string& from = source.files[size_t(z)];
    if (sourceSlice.loadFile(from.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect).bad()) return makeError(from, "cannot be read again");
    char name[32];
    std::snprintf(name, sizeof name, "IM%04ld.dcm", z + 1);
    const std::string file = (fs::path(outDir) / name).string();
    auto ok = saveAtomically(file, [&](const std::string& tmp) {
      return writeSlice(image, z, scale, *sourceSlice.getDataset(), seriesUid, sequence, number, info, tmp);
    });
    if (!ok) return ok.error();
    files.push_back(file);
  }
  return files;
}

}  // namespace tiss
