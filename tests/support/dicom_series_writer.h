#pragma once
// DICOM series written by the tests from volumes of known geometry (ITK/GDCM, one file per
// slice, the files spread over sub-folders in a scrambled order): what a scanner export looks
// like to the scan, import, export and PACS tests.
#include <itkGDCMImageIO.h>
#include <itkImage.h>
#include <itkImageSeriesWriter.h>
#include <itkMetaDataObject.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "tiss/io/volume.h"

namespace tiss::test {

struct SeriesSpec {
  std::string uid, description;
  std::string modality = "MR";
  std::string studyUid = "1.2.826.0.1.3680043.2.1125.9", patientId = "PAT-7", patientName = "Doe^Jane";
  std::string frameOfReferenceUid = "1.2.826.0.1.3680043.2.1125.10";
  int number = 0;        ///< 0: the UID's length modulo 10
  double tilt = 0;       ///< GantryDetectorTilt, degrees
  bool scramble = true;  ///< files in sub-folders under scrambled names
};

inline std::string joinedValues(const double* v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? "\\" : "") + std::to_string(v[i]);
  return s;
}

/// Writes `v` (voxels rounded to int16) as series `spec` under `dir`; returns the files in
/// slice order.
inline std::vector<std::string> writeDicomSeries(const std::string& dir, const Volume& v, const SeriesSpec& spec) {
  using Image3 = itk::Image<short, 3>;
  using Image2 = itk::Image<short, 2>;
  const Geometry& g = v.geometry;
  auto img = Image3::New();
  Image3::RegionType region;
  Image3::SpacingType sp;
  Image3::PointType o;
  Image3::DirectionType d;
  for (unsigned a = 0; a < 3; ++a) {
    region.SetSize(a, itk::SizeValueType(g.size[a]));
    sp[a] = g.spacing[a], o[a] = g.origin[a];
    for (unsigned c = 0; c < 3; ++c) d(a, c) = g.direction[a * 3 + c];
  }
  img->SetRegions(region);
  img->SetSpacing(sp);
  img->SetOrigin(o);
  img->SetDirection(d);
  img->Allocate();
  for (size_t i = 0; i < v.voxels.size(); ++i) img->GetBufferPointer()[i] = short(std::lround(v.voxels[i]));
  const auto& m = g.direction;
  const double orientation[6] = {m[0], m[3], m[6], m[1], m[4], m[7]};
  std::vector<itk::MetaDataDictionary> storage(size_t(g.size[2]));
  itk::ImageSeriesWriter<Image3, Image2>::DictionaryArrayType dicts;
  std::vector<std::string> files;
  for (long z = 0; z < g.size[2]; ++z) {
    auto& dict = storage[size_t(z)];
    const Vec3 p = g.indexToPhysical({0, 0, double(z)});
    auto put = [&](const char* tag, const std::string& value) { itk::EncapsulateMetaData<std::string>(dict, tag, value); };
    put("0008|0016", "1.2.840.10008.5.1.4.1.1.4");  // MR Image Storage
    put("0008|0060", spec.modality);
    put("0010|0010", spec.patientName);
    put("0010|0020", spec.patientId);
    put("0020|000d", spec.studyUid);
    put("0020|000e", spec.uid);
    put("0020|0052", spec.frameOfReferenceUid);
    put("0020|0011", std::to_string(spec.number ? spec.number : int(spec.uid.size() % 10)));
    put("0008|103e", spec.description);
    put("0020|0013", std::to_string(z + 1));
    put("0020|0037", joinedValues(orientation, 6));
    put("0020|0032", joinedValues(p.data(), 3));
    put("0028|0030", std::to_string(g.spacing[1]) + "\\" + std::to_string(g.spacing[0]));
    put("0018|0050", std::to_string(g.spacing[2]));
    if (spec.tilt != 0) put("0018|1120", std::to_string(spec.tilt));
    dicts.push_back(&dict);
    const std::string tail = spec.uid.substr(spec.uid.size() - std::min<size_t>(2, spec.uid.size()));
    const std::string sub = spec.scramble ? dir + "/" + tail + "/" + std::to_string(z % 3) : dir;
    std::filesystem::create_directories(sub);
    files.push_back(sub + "/IM" + std::to_string(spec.scramble ? (z * 37) % 101 : z + 1) + ".dcm");
  }
  auto io = itk::GDCMImageIO::New();
  io->KeepOriginalUIDOn();
  auto writer = itk::ImageSeriesWriter<Image3, Image2>::New();
  writer->SetInput(img);
  writer->SetImageIO(io);
  writer->SetFileNames(files);
  writer->SetMetaDataDictionaryArray(&dicts);
  writer->Update();
  return files;
}

/// A volume with the grid `row`, `col` (in-plane directions), slices along their normal.
inline Geometry gridOf(const Size3& n, const Vec3& spacing, const Vec3& row, const Vec3& col, const Vec3& origin) {
  const Vec3 normal{row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2], row[0] * col[1] - row[1] * col[0]};
  Geometry g;
  g.size = n, g.spacing = spacing, g.origin = origin;
  g.direction = {row[0], col[0], normal[0], row[1], col[1], normal[1], row[2], col[2], normal[2]};
  return g;
}

}  // namespace tiss::test
