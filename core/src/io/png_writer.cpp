#include "io/png_writer.h"

#include "io/itk_init.h"

#include <itkImage.h>
#include <itkImageFileWriter.h>


namespace tiss {

Status writeGreyPng(const std::vector<uint8_t>& pixels, long width, long height, const std::string& path) {
  detail::initItk();  // registers the PNG factory with the others, before any reader runs
  if (width <= 0 || height <= 0 || pixels.size() != size_t(width * height))
    return makeError(path, "an empty or inconsistent image cannot be written");
  using Image = itk::Image<unsigned char, 2>;
  auto img = Image::New();
  Image::RegionType region;
  region.SetSize(0, itk::SizeValueType(width));
  region.SetSize(1, itk::SizeValueType(height));
  img->SetRegions(region);
  img->Allocate();
  std::copy(pixels.begin(), pixels.end(), img->GetBufferPointer());
  auto writer = itk::ImageFileWriter<Image>::New();
  writer->SetFileName(path);
  writer->SetInput(img);
  try {
    writer->Update();
  } catch (const itk::ExceptionObject& e) {
    return makeError(path, std::string("could not write the image: ") + e.GetDescription());
  }
  return Status();
}

}  // namespace tiss
