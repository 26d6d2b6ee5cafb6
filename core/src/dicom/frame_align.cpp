// ITK's resampler and v4 registration framework, on float images made from Volumes.
#include "dicom/frame_align.h"

#include <itkCenteredTransformInitializer.h>
#include <itkImage.h>
#include <itkImageRegistrationMethodv4.h>
#include <itkLinearInterpolateImageFunction.h>
#include <itkMattesMutualInformationImageToImageMetricv4.h>
#include <itkRegularStepGradientDescentOptimizerv4.h>
#include <itkResampleImageFilter.h>
#include <itkVersorRigid3DTransform.h>

#include <algorithm>
#include <cmath>

namespace tiss {
namespace {

using Image = itk::Image<float, 3>;
using Rigid = itk::VersorRigid3DTransform<double>;

Image::Pointer toItk(const Volume& v) {
  auto img = Image::New();
  Image::RegionType region;
  Image::SpacingType spacing;
  Image::PointType origin;
  Image::DirectionType direction;
  for (unsigned a = 0; a < 3; ++a) {
    region.SetSize(a, itk::SizeValueType(v.geometry.size[a]));
    spacing[a] = v.geometry.spacing[a];
    origin[a] = v.geometry.origin[a];
    for (unsigned c = 0; c < 3; ++c) direction(a, c) = v.geometry.direction[a * 3 + c];
  }
  img->SetRegions(region);
  img->SetSpacing(spacing);
  img->SetOrigin(origin);
  img->SetDirection(direction);
  img->Allocate();
  std::copy(v.voxels.begin(), v.voxels.end(), img->GetBufferPointer());
  return img;
}

Volume resampled(const Image* moving, const Geometry& grid, const itk::Transform<double, 3, 3>* transform, PixelType type) {
  auto filter = itk::ResampleImageFilter<Image, Image>::New();
  filter->SetInput(moving);
  if (transform) filter->SetTransform(transform);
  filter->SetInterpolator(itk::LinearInterpolateImageFunction<Image, double>::New());
  filter->SetDefaultPixelValue(0);
  Image::SizeType size;
  Image::SpacingType spacing;
  Image::PointType origin;
  Image::DirectionType direction;
  for (unsigned a = 0; a < 3; ++a) {
    size[a] = itk::SizeValueType(grid.size[a]);
    spacing[a] = grid.spacing[a];
    origin[a] = grid.origin[a];
    for (unsigned c = 0; c < 3; ++c) direction(a, c) = grid.direction[a * 3 + c];
  }
  filter->SetSize(size);
  filter->SetOutputSpacing(spacing);
  filter->SetOutputOrigin(origin);
  filter->SetOutputDirection(direction);
  filter->Update();
  Volume out(grid, 0.f, type);
  const float* data = filter->GetOutput()->GetBufferPointer();
  out.voxels.assign(data, data + grid.voxelCount());
  return out;
}

}  // namespace

Volume resampleOnto(const Volume& moving, const Geometry& grid) {
  const auto img = toItk(moving);
  return resampled(img.GetPointer(), grid, nullptr, moving.pixelType);
}

Result<RigidAlignment> registerRigid(const Volume& fixed, const Volume& moving) {
  try {
    const auto f = toItk(fixed), m = toItk(moving);
    auto transform = Rigid::New();
    auto init = itk::CenteredTransformInitializer<Rigid, Image, Image>::New();
    init->SetTransform(transform);
    init->SetFixedImage(f);
    init->SetMovingImage(m);
    init->GeometryOn();
    init->InitializeTransform();

    using Metric = itk::MattesMutualInformationImageToImageMetricv4<Image, Image>;
    using Optimizer = itk::RegularStepGradientDescentOptimizerv4<double>;
    using Method = itk::ImageRegistrationMethodv4<Image, Image, Rigid>;
    auto metric = Metric::New();
    metric->SetNumberOfHistogramBins(32);
    auto optimizer = Optimizer::New();
    // Versor parameters are radians, translations mm: one radian weighs as 1/1000 mm.
    Optimizer::ScalesType scales(transform->GetNumberOfParameters());
    for (unsigned i = 0; i < 3; ++i) scales[i] = 1.0, scales[i + 3] = 1.0 / 1000.0;
    optimizer->SetScales(scales);
    optimizer->SetLearningRate(0.2);
    optimizer->SetMinimumStepLength(1e-4);
    optimizer->SetRelaxationFactor(0.5);
    optimizer->SetNumberOfIterations(200);
    auto method = Method::New();
    method->SetFixedImage(f);
    method->SetMovingImage(m);
    method->SetMetric(metric);
    method->SetOptimizer(optimizer);
    method->SetInitialTransform(transform);
    method->InPlaceOn();
    Method::ShrinkFactorsArrayType shrink(3);
    Method::SmoothingSigmasArrayType sigmas(3);
    shrink[0] = 4, shrink[1] = 2, shrink[2] = 1;
    sigmas[0] = 2, sigmas[1] = 1, sigmas[2] = 0;
    method->SetNumberOfLevels(3);
    method->SetShrinkFactorsPerLevel(shrink);
    method->SetSmoothingSigmasPerLevel(sigmas);
    method->SetMetricSamplingStrategy(Method::MetricSamplingStrategyType::RANDOM);
    method->SetMetricSamplingPercentage(0.25);
    method->MetricSamplingReinitializeSeed(7);  // the same result every run
    method->Update();

    RigidAlignment r;
    const auto versor = transform->GetVersor();
    r.rotationDeg = versor.GetAngle() * 180.0 / M_PI;
    const auto t = transform->GetTranslation();
    r.translationMm = std::sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
    r.aligned = resampled(m.GetPointer(), fixed.geometry, transform.GetPointer(), moving.pixelType);
    return r;
  } catch (const itk::ExceptionObject& e) {
    return makeError("", std::string("rigid registration failed: ") + e.GetDescription());
  }
}

}  // namespace tiss
