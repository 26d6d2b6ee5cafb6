#include "tiss/preview.h"

#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkPNGImageIOFactory.h>

#include <algorithm>
#include <cmath>
#include <mutex>


namespace tiss {

long largestSlice(const Volume& m) {
  long best = m.size()[2] / 2, bestCount = 0;
  for (long z = 0; z < m.size()[2]; ++z) {
    long count = 0;
    for (long y = 0; y < m.size()[1]; ++y)
      for (long x = 0; x < m.size()[0]; ++x) count += m.at(x, y, z) > 0.5f;
    if (count > bestCount) {
      bestCount = count;
      best = z;
    }
  }
  return best;
}

Status writePreviewPng(const std::vector<PreviewPanel>& panels, long z, const std::string& path) {
  static std::once_flag once;
  std::call_once(once, [] { itk::PNGImageIOFactory::RegisterOneFactory(); });
  if (panels.empty()) return makeError(path, "nothing to preview");
  const Size3 n = panels.front().volume->size();
  using Image = itk::Image<unsigned char, 2>;
  auto img = Image::New();
  Image::RegionType region;
  region.SetSize(0, itk::SizeValueType(n[0] * long(panels.size())));
  region.SetSize(1, itk::SizeValueType(n[1]));
  img->SetRegions(region);
  img->Allocate();
  for (size_t p = 0; p < panels.size(); ++p)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) {
        const float v = panels[p].volume->at(x, y, std::clamp(z, 0L, n[2] - 1));
        const double t = panels[p].image ? (v + 1) / 2 : v;
        img->SetPixel({{long(p) * n[0] + x, y}}, static_cast<unsigned char>(std::lround(std::clamp(t, 0.0, 1.0) * 255)));
      }
  auto writer = itk::ImageFileWriter<Image>::New();
  writer->SetFileName(path);
  writer->SetInput(img);
  try {
    writer->Update();
  } catch (const itk::ExceptionObject& e) {
    return makeError(path, std::string("could not write the preview: ") + e.GetDescription());
  }
  return Status();
}

}  // namespace tiss
