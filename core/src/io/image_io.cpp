#include "tiss/io/image_io.h"

#include "io/itk_init.h"
#include "io/nifti_payload.h"
#include "tiss/util/atomic_file.h"

#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkImageIOFactory.h>
#include <itkImageSeriesReader.h>
#include <itkGDCMImageIOFactory.h>
#include <itkMetaImageIOFactory.h>
#include <itkNiftiImageIOFactory.h>
#include <itkNrrdImageIOFactory.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <mutex>

namespace fs = std::filesystem;

namespace tiss {
namespace {

using FloatImage = itk::Image<float, 3>;

// The formats we support are registered there, with ITK's singletons made on one thread.
void registerFormats() { detail::initItk(); }
using IOComponent = itk::IOComponentEnum;

PixelType fromItk(IOComponent c) {
  switch (c) {
    case IOComponent::UCHAR: return PixelType::UInt8;
    case IOComponent::CHAR: return PixelType::Int8;
    case IOComponent::USHORT: return PixelType::UInt16;
    case IOComponent::SHORT: return PixelType::Int16;
    case IOComponent::UINT: return PixelType::UInt32;
    case IOComponent::INT: return PixelType::Int32;
    case IOComponent::DOUBLE: return PixelType::Float64;
    default: return PixelType::Float32;
  }
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Checks the cheap things first so the message says exactly what is wrong with the file.
Status checkFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return makeError(path, "file not found");
  if (fs::is_directory(path, ec)) return Status();
  if (fs::file_size(path, ec) == 0) return makeError(path, "file is empty (0 bytes)");
  if (endsWith(path, ".gz")) {
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[2] = {0, 0};
    in.read(reinterpret_cast<char*>(magic), 2);
    if (magic[0] != 0x1f || magic[1] != 0x8b)
      return makeError(path, "named .gz but not gzip-compressed (corrupt or wrong extension)");
  }
  return Status();
}

Geometry geometryOf(const FloatImage* img) {
  Geometry g;
  const auto size = img->GetLargestPossibleRegion().GetSize();
  for (int a = 0; a < 3; ++a) {
    g.size[a] = static_cast<long>(size[a]);
    g.spacing[a] = img->GetSpacing()[a];
    g.origin[a] = img->GetOrigin()[a];
    for (int c = 0; c < 3; ++c) g.direction[a * 3 + c] = img->GetDirection()(a, c);
  }
  return g;
}

Result<Volume> toVolume(const std::string& path, FloatImage* img, PixelType type) {
  Volume v;
  v.geometry = geometryOf(img);
  v.pixelType = type;
  const float* data = img->GetBufferPointer();
  v.voxels.assign(data, data + v.geometry.voxelCount());
  const auto bad = std::find_if(v.voxels.begin(), v.voxels.end(),
                                [](float f) { return !std::isfinite(f); });
  if (bad != v.voxels.end()) {
    const long n = std::count_if(v.voxels.begin(), v.voxels.end(),
                                 [](float f) { return !std::isfinite(f); });
    return makeError(path, "contains " + std::to_string(n) + " NaN or Inf voxels");
  }
  return v;
}

Result<Volume> readSlices(const std::string& name, const std::vector<std::string>& files) {
  registerFormats();
  try {
    auto reader = itk::ImageSeriesReader<FloatImage>::New();
    auto io = itk::GDCMImageIO::New();
    reader->SetImageIO(io);
    reader->SetFileNames(files);
    reader->Update();
    return toVolume(name, reader->GetOutput(), fromItk(io->GetComponentType()));
  } catch (const itk::ExceptionObject& e) {
    return makeError(name, std::string("unreadable DICOM series: ") + e.GetDescription());
  }
}

Result<Volume> readDicomSeries(const std::string& dir) {
  registerFormats();
  try {
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetDirectory(dir);
    const auto& series = names->GetSeriesUIDs();
    if (series.empty()) return makeError(dir, "folder holds no DICOM series");
    return readSlices(dir, names->GetFileNames(series.front()));
  } catch (const itk::ExceptionObject& e) {
    return makeError(dir, std::string("unreadable DICOM series: ") + e.GetDescription());
  }
}

Result<itk::ImageIOBase::Pointer> openIO(const std::string& path) {
  registerFormats();
  if (auto st = checkFile(path); !st) return st.error();
  if (endsWith(path, ".nii") || endsWith(path, ".nii.gz"))
    if (auto st = detail::checkNiftiHeader(path); !st) return st.error();
  auto io = itk::ImageIOFactory::CreateImageIO(path.c_str(), itk::IOFileModeEnum::ReadMode);
  if (!io) return makeError(path, "not a readable image (unknown format, or a corrupt header)");
  try {
    io->SetFileName(path);
    io->ReadImageInformation();
  } catch (const itk::ExceptionObject& e) {
    return makeError(path, std::string("corrupt header: ") + e.GetDescription());
  }
  return io;
}

VolumeHeader headerOf(itk::ImageIOBase* io) {
  VolumeHeader h;
  h.dimensions = io->GetNumberOfDimensions();
  h.components = io->GetNumberOfComponents();
  h.pixelType = fromItk(io->GetComponentType());
  for (unsigned a = 0; a < std::min(3u, h.dimensions); ++a) {
    h.geometry.size[a] = static_cast<long>(io->GetDimensions(a));
    h.geometry.spacing[a] = io->GetSpacing(a);
    h.geometry.origin[a] = io->GetOrigin(a);
    const auto dir = io->GetDirection(a);
    for (unsigned r = 0; r < std::min<size_t>(3, dir.size()); ++r) h.geometry.direction[r * 3 + a] = dir[r];
  }
  if (h.dimensions < 3) h.geometry.size[2] = 1;
  return h;
}

// A channel's header: the 4D file's first three axes; the file must be 4D and hold the channel.
Result<VolumeHeader> readChannelHeader(const ChannelRef& ref) {
  auto io = openIO(ref.file);
  if (!io) return io.error();
  VolumeHeader h = headerOf(io->GetPointer());
  const std::string wanted = "the layout reads its channel " + std::to_string(ref.channel);
  if (h.dimensions != 4) return makeError(ref.file, "is a " + std::to_string(h.dimensions) + "D image; " + wanted + " (a 4D image)");
  const long channels = long((*io)->GetDimensions(3));
  if (ref.channel >= channels) return makeError(ref.file, "has " + std::to_string(channels) + " channels; " + wanted);
  if (h.components != 1) return makeError(ref.file, "has " + std::to_string(h.components) + " components per voxel; a scalar image is required");
  h.dimensions = 3;
  return h;
}

// A NIfTI file's voxel data read through once: a cut-short or corrupt payload is named
// before ITK's reader sees it.
Status checkPayload(const std::string& file, PixelType type) {
  if (!endsWith(file, ".nii") && !endsWith(file, ".nii.gz")) return Status();
  auto io = openIO(file);
  if (!io) return io.error();
  detail::PayloadFacts facts;
  facts.expectedBytes = (*io)->GetImageSizeInBytes();
  facts.componentBytes = unsigned((*io)->GetComponentSize());
  facts.floating = type == PixelType::Float32 || type == PixelType::Float64;
  facts.swapped = (*io)->GetByteOrder() == itk::IOByteOrderEnum::BigEndian;
  return detail::checkNiftiPayload(file, facts);
}

// Channel `ref.channel` of a 4D image: the contiguous block of x*y*z voxels at its offset.
Result<Volume> readChannel(const ChannelRef& ref, const VolumeHeader& h) {
  try {
    auto reader = itk::ImageFileReader<itk::Image<float, 4>>::New();
    reader->SetFileName(ref.file);
    reader->Update();
    const size_t n = size_t(h.geometry.voxelCount());
    const float* data = reader->GetOutput()->GetBufferPointer() + n * size_t(ref.channel);
    auto img = FloatImage::New();
    FloatImage::RegionType region;
    for (int a = 0; a < 3; ++a) region.SetSize(a, itk::SizeValueType(h.geometry.size[a]));
    img->SetRegions(region);
    img->Allocate();
    std::copy(data, data + n, img->GetBufferPointer());
    Result<Volume> v = toVolume(channelPath(ref.file, ref.channel), img.GetPointer(), h.pixelType);
    if (v) v->geometry = h.geometry;  // the 4D file's spatial axes, as its header says
    return v;
  } catch (const itk::ExceptionObject& e) {
    return makeError(ref.file, std::string("truncated or corrupt voxel data: ") + e.GetDescription());
  }
}

}  // namespace

ChannelRef parseChannelRef(const std::string& path) {
  const auto hash = path.rfind('#');
  std::error_code ec;
  if (hash == std::string::npos || hash + 1 >= path.size() || path.size() - hash > 4 || fs::exists(path, ec))
    return {path, -1};
  const std::string digits = path.substr(hash + 1);
  if (!std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) return {path, -1};
  return {path.substr(0, hash), std::stoi(digits)};
}

std::string channelPath(const std::string& file, int channel) { return file + "#" + std::to_string(channel); }

bool volumeExists(const std::string& path) {
  std::error_code ec;
  return fs::exists(parseChannelRef(path).file, ec);
}

Result<VolumeHeader> readHeader(const std::string& path) {
  const ChannelRef ref = parseChannelRef(path);
  if (ref.channel >= 0) return readChannelHeader(ref);
  auto io = openIO(path);
  if (!io) return io.error();
  return headerOf(io->GetPointer());
}

Result<Volume> readDicomFiles(const std::vector<std::string>& files) {
  if (files.empty()) return makeError("", "no DICOM slices to read");
  return readSlices(files.front(), files);
}

Result<Volume> readVolume(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return readDicomSeries(path);
  auto header = readHeader(path);
  if (!header) return header.error();
  if (header->dimensions != 3)
    return makeError(path, "is a " + std::to_string(header->dimensions) +
                               "D image; a 3D volume is required");
  if (header->components != 1)
    return makeError(path, "has " + std::to_string(header->components) +
                               " components per voxel; a scalar volume is required");
  const ChannelRef ref = parseChannelRef(path);
  if (auto st = checkPayload(ref.file, header->pixelType); !st) return st.error();
  if (ref.channel >= 0) return readChannel(ref, *header);
  try {
    auto reader = itk::ImageFileReader<FloatImage>::New();
    reader->SetFileName(path);
    reader->Update();
    return toVolume(path, reader->GetOutput(), header->pixelType);
  } catch (const itk::ExceptionObject& e) {
    return makeError(path, std::string("truncated or corrupt voxel data: ") + e.GetDescription());
  }
}

namespace {

template <class T>
Status writeAs(const Volume& v, const std::string& path) {
  using Image = itk::Image<T, 3>;
  auto img = Image::New();
  typename Image::RegionType region;
  typename Image::SpacingType spacing;
  typename Image::PointType origin;
  typename Image::DirectionType dir;
  for (int a = 0; a < 3; ++a) {
    region.SetSize(a, static_cast<itk::SizeValueType>(v.size()[a]));
    spacing[a] = v.geometry.spacing[a];
    origin[a] = v.geometry.origin[a];
    for (int c = 0; c < 3; ++c) dir(a, c) = v.geometry.direction[a * 3 + c];
  }
  img->SetRegions(region);
  img->SetSpacing(spacing);
  img->SetOrigin(origin);
  img->SetDirection(dir);
  img->Allocate();
  T* out = img->GetBufferPointer();
  constexpr bool integral = std::numeric_limits<T>::is_integer;
  const double lo = double(std::numeric_limits<T>::lowest()), hi = double(std::numeric_limits<T>::max());
  for (size_t i = 0; i < v.voxels.size(); ++i) {
    const double x = integral ? std::round(double(v.voxels[i])) : double(v.voxels[i]);
    out[i] = static_cast<T>(integral ? std::clamp(x, lo, hi) : x);
  }
  auto writer = itk::ImageFileWriter<Image>::New();
  writer->SetFileName(path);
  writer->SetInput(img);
  writer->SetUseCompression(true);
  try {
    writer->Update();
  } catch (const itk::ExceptionObject& e) {
    return makeError(path, std::string("could not write: ") + e.GetDescription());
  }
  return Status();
}

Status writeTyped(const Volume& v, const std::string& path) {
  switch (v.pixelType) {
    case PixelType::UInt8: return writeAs<unsigned char>(v, path);
    case PixelType::Int8: return writeAs<signed char>(v, path);
    case PixelType::UInt16: return writeAs<unsigned short>(v, path);
    case PixelType::Int16: return writeAs<short>(v, path);
    case PixelType::UInt32: return writeAs<unsigned int>(v, path);
    case PixelType::Int32: return writeAs<int>(v, path);
    case PixelType::Float64: return writeAs<double>(v, path);
    case PixelType::Float32: break;
  }
  return writeAs<float>(v, path);
}

size_t bytesPerVoxel(PixelType t) {
  switch (t) {
    case PixelType::UInt8: case PixelType::Int8: return 1;
    case PixelType::UInt16: case PixelType::Int16: return 2;
    case PixelType::Float64: return 8;
    default: return 4;
  }
}

Status verifyWritten(const Volume& v, const std::string& file) {
  if (auto st = syncFile(file); !st) return st;
  if (!endsWith(file, ".nii") && !endsWith(file, ".nii.gz")) return Status();
  detail::PayloadFacts facts;
  facts.componentBytes = unsigned(bytesPerVoxel(v.pixelType));
  facts.expectedBytes = uint64_t(v.voxels.size()) * facts.componentBytes;
  return detail::checkNiftiPayload(file, facts);
}

}  // namespace

Status writeVolume(const Volume& v, const std::string& path) {
  registerFormats();
  if (static_cast<long>(v.voxels.size()) != v.geometry.voxelCount())
    return makeError(path, "volume has " + std::to_string(v.voxels.size()) +
                               " voxels but its geometry needs " +
                               std::to_string(v.geometry.voxelCount()));
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // Keep the extension (ITK picks the format from it) and hide the partial file.
  // Reserved exclusively first: ITK then writes into a file we created, never through a link.
  auto reserved = createTemporaryFile(path);
  if (!reserved) return reserved.error();
  const fs::path tmp = *reserved;
  if (auto st = writeTyped(v, tmp.string()); !st) {
    fs::remove(tmp, ec);
    return makeError(path, st.error().message);
  }
  // ITK's NIfTI writer does not report a short write (a full disk gives a truncated .gz):
  // the file is flushed and its payload read back before it replaces anything.
  if (auto st = verifyWritten(v, tmp.string()); !st) {
    fs::remove(tmp, ec);
    return makeError(path, "could not write the file (disk full?); the previous version is kept: " + st.error().message);
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return makeError(path, "could not move the written file into place: " + ec.message());
  }
  syncFolder(target.parent_path().string());
  return Status();
}

}  // namespace tiss
