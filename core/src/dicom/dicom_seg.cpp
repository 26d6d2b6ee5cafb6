// DICOM SEG export and import with DCMTK's dcmseg: one binary segment, frames placed by their
// plane positions, the source slices referenced frame by frame and series by series.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "dicom/dicom_files.h"
#include "tiss/dicom/dicom_export.h"
#include "tiss/io/image_io.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

std::string str(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6f", v);
  return b;
}

Status dcmFailed(const std::string& file, const std::string& what, const OFCondition& c) {
  return makeError(file, what + ": " + c.text());
}

// The plane position, orientation and pixel measures shared by every frame.
Status addSharedGroups(DcmSegmentation& seg, const Geometry& g, const std::string& out) {
  FGPixelMeasures pixels;
  pixels.setPixelSpacing((str(g.spacing[1]) + "\\" + str(g.spacing[0])).c_str());
  pixels.setSliceThickness(str(g.spacing[2]).c_str());
  pixels.setSpacingBetweenSlices(str(g.spacing[2]).c_str());
  const auto& d = g.direction;  // columns: x (along a row), y (down a column), slice normal
  std::unique_ptr<FGPlaneOrientationPatient> orientation(FGPlaneOrientationPatient::createMinimal(
      str(d[0]).c_str(), str(d[3]).c_str(), str(d[6]).c_str(), str(d[1]).c_str(), str(d[4]).c_str(), str(d[7]).c_str()));
  if (!orientation) return makeError(out, "cannot describe the plane orientation");
  OFCondition c = seg.addForAllFrames(pixels);
  if (c.good()) c = seg.addForAllFrames(*orientation);
  if (c.bad()) return dcmFailed(out, "cannot add the shared functional groups", c);
  return Status();
}

// One frame's own groups: where it lies, its index, the source slice it derives from.
Status addFrame(DcmSegmentation& seg, std::vector<Uint8>& pixels, const Geometry& g, long z, const std::string& sourceFile,
                const std::string& out) {
  const Vec3 p = g.indexToPhysical({0, 0, double(z)});
  std::unique_ptr<FGPlanePosPatient> position(FGPlanePosPatient::createMinimal(str(p[0]).c_str(), str(p[1]).c_str(), str(p[2]).c_str()));
  FGFrameContent content;
  content.setDimensionIndexValues(1, 0);
  content.setDimensionIndexValues(Uint32(z + 1), 1);
  FGDerivationImage derivation;
  DerivationImageItem* item = nullptr;
  SourceImageItem* source = nullptr;
  OFCondition c = derivation.addDerivationImageItem(CodeSequenceMacro("113076", "DCM", "Segmentation"), "", item);
  if (c.good()) c = item->addSourceImageItem(sourceFile.c_str(), CodeSequenceMacro("121322", "DCM", "Source image for image processing operation"), source);
  if (c.bad()) return dcmFailed(sourceFile, "cannot be referenced as the source of a frame", c);
  OFVector<FGBase*> groups;
  groups.push_back(position.get());
  groups.push_back(&content);
  groups.push_back(&derivation);
  c = seg.addFrame(pixels.data(), 1, groups);
  if (c.bad()) return dcmFailed(out, "cannot add frame " + std::to_string(z + 1), c);
  return Status();
}

Status addSegment(DcmSegmentation& seg, const DicomResultInfo& info, const std::string& out) {
  DcmSegment* segment = nullptr;
  OFCondition c = DcmSegment::create(segment, "Tumor", CodeSequenceMacro("49755003", "SCT", "Morphologically abnormal structure"),
                                     CodeSequenceMacro("108369006", "SCT", "Neoplasm"), DcmSegTypes::SAT_AUTOMATIC, info.algorithm.c_str());
  Uint16 number = 0;
  if (c.good()) c = seg.addSegment(segment, number);
  if (c.bad()) {
    delete segment;
    return dcmFailed(out, "cannot add the segment", c);
  }
  char uid[100];
  dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
  seg.getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, uid, DCM_SegmentIdentificationSequence, "ReferencedSegmentNumber");
  seg.getDimensions().addDimensionIndex(DCM_ImagePositionPatient, uid, DCM_PlanePositionSequence, "ImagePositionPatient");
  return Status();
}

Status addReferences(DcmSegmentation& seg, const DicomSeries& source) {
  IODReferences refs;
  for (const auto& file : source.files) {
    auto ids = readInstanceIds(file);
    if (!ids) return ids.error();
    refs.add(new IODImageReference(ids->patientId.c_str(), ids->studyUid.c_str(), ids->seriesUid.c_str(), ids->sopInstanceUid.c_str(),
                                   ids->sopClassUid.c_str()));
  }
  seg.getCommonInstanceReference().addReferences(refs, source.studyUid.c_str());
  return Status();
}

// The frames' orientation (shared) must be the grid's slice plane.
Status checkOrientation(DcmSegmentation& seg, const Geometry& grid, const std::string& file) {
  auto* o = dynamic_cast<FGPlaneOrientationPatient*>(seg.getFunctionalGroups().get(0, DcmFGTypes::EFG_PLANEORIENTPATIENT));
  Float64 v[6];
  if (!o || o->getImageOrientationPatient(v[0], v[1], v[2], v[3], v[4], v[5]).bad()) return makeError(file, "has no plane orientation");
  const auto& d = grid.direction;
  const double want[6] = {d[0], d[3], d[6], d[1], d[4], d[7]};
  for (int i = 0; i < 6; ++i)
    if (std::abs(v[i] - want[i]) > 1e-3) return makeError(file, "its frames are not in the grid's slice plane");
  return Status();
}

}  // namespace

Status exportDicomSeg(const Volume& mask, const DicomSeries& source, const std::string& outFile, const DicomResultInfo& info) {
  quietDcmtkLog();
  auto sourceVolume = readDicomSeries(source);
  if (!sourceVolume) return sourceVolume.error();
  const Geometry& g = mask.geometry;
  if (!g.sameAs(sourceVolume->geometry, 1e-3)) return makeError(outFile, "the segmentation is not on the grid of the source series");
  if (g.size[0] > 65535 || g.size[1] > 65535) return makeError(outFile, "slices too large for DICOM");
  DcmSegmentation* raw = nullptr;
  OFCondition c = DcmSegmentation::createBinarySegmentation(
      raw, Uint16(g.size[1]), Uint16(g.size[0]),
      IODGeneralEquipmentModule::EquipmentInfo("TISS Workbench", info.algorithm.c_str(), "0", info.softwareVersion.c_str()),
      ContentIdentificationMacro("1", "TUMOR", (info.algorithm + " tumor segmentation").c_str(), "TISS Workbench"));
  if (c.bad()) return dcmFailed(outFile, "cannot create the segmentation", c);
  std::unique_ptr<DcmSegmentation> seg(raw);
  if ((c = seg->importFromSourceImage(source.files.front().c_str())).bad()) return dcmFailed(source.files.front(), "patient and study not read", c);
  char uid[100];
  seg->getSeries().setSeriesInstanceUID(dcmGenerateUniqueIdentifier(uid, SITE_SERIES_UID_ROOT));
  seg->getSeries().setSeriesNumber(std::to_string(info.seriesNumber ? info.seriesNumber : source.seriesNumber + 1000).c_str());
  seg->getSeries().setSeriesDescription(info.seriesDescription.c_str());
  if (auto ok = addSegment(*seg, info, outFile); !ok) return ok;
  if (auto ok = addSharedGroups(*seg, g, outFile); !ok) return ok;
  const size_t plane = size_t(g.size[0] * g.size[1]);
  long frames = 0;
  for (long z = 0; z < g.size[2]; ++z) {
    std::vector<Uint8> pixels(plane);
    bool any = false;
    for (size_t i = 0; i < plane; ++i) any |= (pixels[i] = mask.voxels[size_t(z) * plane + i] > 0.5f) != 0;
    if (!any && !(z + 1 == g.size[2] && frames == 0)) continue;  // an empty mask keeps one frame: a SEG needs one
    if (auto ok = addFrame(*seg, pixels, g, z, source.files[size_t(z)], outFile); !ok) return ok;
    ++frames;
  }
  if (auto ok = addReferences(*seg, source); !ok) return ok;
  return saveAtomically(outFile, [&](const std::string& tmp) { return seg->saveFile(tmp.c_str(), EXS_LittleEndianExplicit); });
}

Result<Volume> readDicomSeg(const std::string& file, const Geometry& grid) {
  quietDcmtkLog();
  DcmSegmentation* raw = nullptr;
  OFCondition c = DcmSegmentation::loadFile(file.c_str(), raw);
  if (c.bad()) return makeError(file, std::string("not a readable DICOM SEG: ") + c.text());
  std::unique_ptr<DcmSegmentation> seg(raw);
  Uint16 rows = 0, columns = 0;
  DcmFileFormat header;  // the frame size (dcmseg keeps its pixel module protected)
  header.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
  header.getDataset()->findAndGetUint16(DCM_Rows, rows);
  header.getDataset()->findAndGetUint16(DCM_Columns, columns);
  if (rows != grid.size[1] || columns != grid.size[0]) return makeError(file, "its frames are not the size of the grid's slices");
  if (auto ok = checkOrientation(*seg, grid, file); !ok) return ok.error();
  Volume out(grid, 0.f, PixelType::UInt8);
  const Vec3 origin = grid.indexToPhysical({0, 0, 0}), normal{grid.direction[2], grid.direction[5], grid.direction[8]};
  const Vec3 row{grid.direction[0], grid.direction[3], grid.direction[6]};
  const size_t plane = size_t(grid.size[0] * grid.size[1]);
  for (size_t f = 0; f < seg->getNumberOfFrames(); ++f) {
    auto* position = dynamic_cast<FGPlanePosPatient*>(seg->getFunctionalGroups().get(Uint32(f), DcmFGTypes::EFG_PLANEPOSPATIENT));
    Float64 p[3];
    if (!position || position->getImagePositionPatient(p[0], p[1], p[2]).bad()) return makeError(file, "frame " + std::to_string(f + 1) + " has no plane position");
    Vec3 d{p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]};
    const double along = (d[0] * normal[0] + d[1] * normal[1] + d[2] * normal[2]) / grid.spacing[2];
    const double across = d[0] * row[0] + d[1] * row[1] + d[2] * row[2];
    const long z = std::lround(along);
    if (z < 0 || z >= grid.size[2] || std::abs(along - double(z)) > 0.01 || std::abs(across) > 0.01 * grid.spacing[0])
      return makeError(file, "frame " + std::to_string(f + 1) + " lies off the grid's slices");
    std::unique_ptr<DcmIODTypes::Frame> bits(DcmSegUtils::unpackBinaryFrame(seg->getFrame(f), rows, columns));
    if (!bits) return makeError(file, "frame " + std::to_string(f + 1) + " cannot be unpacked");
    for (size_t i = 0; i < plane; ++i)
      if (bits->pixData[i]) out.voxels[size_t(z) * plane + i] = 1.f;
  }
  return out;
}

}  // namespace tiss
