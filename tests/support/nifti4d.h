#pragma once
// MSD's 4D images for the tests: channels stacked along the fourth axis, written with ITK
// directly (core writes 3D volumes only). Tests that include this link ITK.
#include <itkImage.h>
#include <itkImageFileWriter.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tiss/io/volume.h"

namespace testsupport {

/// Writes `channels` (same geometry) as one 4D image at `to`, with their spatial geometry.
inline void writeStacked(const std::vector<tiss::Volume>& channels, const std::string& to) {
  using Image4 = itk::Image<float, 4>;
  auto img = Image4::New();
  Image4::RegionType region;
  Image4::SpacingType spacing;
  Image4::PointType origin;
  Image4::DirectionType direction;
  direction.SetIdentity();
  const tiss::Geometry& g = channels.at(0).geometry;
  for (int a = 0; a < 3; ++a) {
    region.SetSize(a, itk::SizeValueType(g.size[a]));
    spacing[a] = g.spacing[a];
    origin[a] = g.origin[a];
    for (int c = 0; c < 3; ++c) direction(a, c) = g.direction[a * 3 + c];
  }
  region.SetSize(3, channels.size());
  spacing[3] = 1;
  origin[3] = 0;
  img->SetRegions(region);
  img->SetSpacing(spacing);
  img->SetOrigin(origin);
  img->SetDirection(direction);
  img->Allocate();
  float* out = img->GetBufferPointer();
  for (const auto& v : channels) out = std::copy(v.voxels.begin(), v.voxels.end(), out);
  std::filesystem::create_directories(std::filesystem::path(to).parent_path());
  auto writer = itk::ImageFileWriter<Image4>::New();
  writer->SetFileName(to);
  writer->SetInput(img);
  writer->Update();
}

}  // namespace testsupport
