#pragma once
/// Results sent back as DICOM: a segmentation as a DICOM SEG (DCMTK dcmseg) and a synthesized
/// sequence as a new MR series, both referencing the series they were computed on and filed
/// under its patient and study, so a PACS viewer overlays them on the original.
#include <string>
#include <vector>

#include "tiss/dicom/dicom_scan.h"
#include "tiss/io/volume.h"
#include "tiss/util/result.h"

namespace tiss {

/// Who made the result and what it is, for the exported object's description.
struct DicomResultInfo {
  std::string seriesDescription;  ///< e.g. "TISS-Net tumor segmentation"
  int seriesNumber = 0;           ///< 0: the source's series number + 1000
  std::string algorithm = "TISS-Net";
  std::string softwareVersion;    ///< the program's version
};

/// Writes `mask` (voxels > 0.5 set; it must lie on the grid of `source`, as a case imported by
/// importDicomCase does) as a binary DICOM SEG with one segment, "Tumor" (SNOMED CT 49755003
/// "Morphologically abnormal structure" / 108369006 "Neoplasm"), one frame per slice that
/// has any voxel set (the first slice when none has), each frame's plane position and the
/// source slice it derives from, and the source series in ReferencedSeriesSequence. Patient,
/// study and frame of reference come from the source. Written atomically to `outFile`.
Status exportDicomSeg(const Volume& mask, const DicomSeries& source, const std::string& outFile, const DicomResultInfo& info);

/// A DICOM SEG's first segment on `grid` (1 where a frame sets a voxel, else 0): each frame is
/// placed by its ImagePositionPatient. Fails naming the file when it is not a SEG, its frames'
/// orientation or pixel spacing differ from `grid`'s, or a frame lies off the grid's slices.
Result<Volume> readDicomSeg(const std::string& file, const Geometry& grid);

/// Writes `image` (on the grid of `source`) as a new MR series in `outDir` (created; one file
/// per slice, IM0001.dcm...): derived (ImageType DERIVED\SECONDARY\SYNTHETIC), labelled in
/// SeriesDescription ("SYNTHETIC t2f - not acquired (TISS-Net)") and DerivationDescription,
/// each slice referencing the source slice at its position, values stored as 12-bit integers
/// with RescaleSlope/Intercept giving `image`'s values back. Returns the files written.
Result<std::vector<std::string>> exportSyntheticSeries(const Volume& image, const DicomSeries& source, const std::string& sequence,
                                                       const std::string& outDir, const DicomResultInfo& info);

}  // namespace tiss
