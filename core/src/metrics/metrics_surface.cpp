#include <itkImage.h>
#include <itkSignedMaurerDistanceMapImageFilter.h>

#include <algorithm>
#include <cmath>

#include "io/itk_init.h"
#include "tiss/metrics/metrics.h"
#include "tiss/metrics/statistics.h"

namespace tiss {
namespace {

using MaskImage = itk::Image<unsigned char, 3>;
using DistanceImage = itk::Image<float, 3>;

Box unionBox(const Box& a, const Box& b, const Size3& limit) {
  Box u;
  for (int ax = 0; ax < 3; ++ax) {
    long lo = std::min(a.empty() ? b.begin[ax] : a.begin[ax], b.empty() ? a.begin[ax] : b.begin[ax]);
    long hi = std::max(a.empty() ? b.end(ax) : a.end(ax), b.empty() ? a.end(ax) : b.end(ax));
    lo = std::max(0L, lo - 1);  // one voxel of margin keeps the surface inside the box
    hi = std::min(limit[ax], hi + 1);
    u.begin[ax] = lo;
    u.size[ax] = hi - lo;
  }
  return u;
}

// Surface voxels of the mask (value > 0.5) inside `box`: foreground with a background
// 6-neighbour; voxels outside the image count as background.
std::vector<unsigned char> surface(const Volume& v, const Box& box) {
  std::vector<unsigned char> s(size_t(box.size[0] * box.size[1] * box.size[2]), 0);
  auto fg = [&](long x, long y, long z) { return v.contains(x, y, z) && v.at(x, y, z) > 0.5f; };
  const long d[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (long z = 0; z < box.size[2]; ++z)
    for (long y = 0; y < box.size[1]; ++y)
      for (long x = 0; x < box.size[0]; ++x) {
        const long X = x + box.begin[0], Y = y + box.begin[1], Z = z + box.begin[2];
        if (!fg(X, Y, Z)) continue;
        bool edge = false;
        for (const auto& n : d) edge = edge || !fg(X + n[0], Y + n[1], Z + n[2]);
        s[size_t(x + box.size[0] * (y + box.size[1] * z))] = edge;
      }
  return s;
}

// Euclidean distance (mm) from every voxel of the box to the nearest surface voxel centre.
std::vector<float> distanceTo(const std::vector<unsigned char>& surf, const Box& box, const Vec3& spacing) {
  detail::initItk();  // evaluation runs on several threads
  auto img = MaskImage::New();
  MaskImage::RegionType region;
  MaskImage::SpacingType sp;
  for (int a = 0; a < 3; ++a) {
    region.SetSize(a, itk::SizeValueType(box.size[a]));
    sp[a] = spacing[a];
  }
  img->SetRegions(region);
  img->SetSpacing(sp);
  img->Allocate();
  std::copy(surf.begin(), surf.end(), img->GetBufferPointer());
  auto filter = itk::SignedMaurerDistanceMapImageFilter<MaskImage, DistanceImage>::New();
  filter->SetInput(img);
  filter->SetUseImageSpacing(true);
  filter->SetSquaredDistance(false);
  filter->SetInsideIsPositive(false);
  filter->Update();
  const float* out = filter->GetOutput()->GetBufferPointer();
  std::vector<float> dist(out, out + surf.size());
  for (auto& x : dist) x = std::abs(x);
  return dist;
}

std::vector<double> directed(const std::vector<unsigned char>& from, const std::vector<float>& toDistance) {
  std::vector<double> d;
  for (size_t i = 0; i < from.size(); ++i)
    if (from[i]) d.push_back(toDistance[i]);
  return d;
}

// PyMIC's directed HD95: the order statistic at floor(0.95 n) of the sorted distances.
double pymicPercentile95(std::vector<double> d) {
  if (d.empty()) return 0;
  std::sort(d.begin(), d.end());
  return d[std::min(d.size() - 1, size_t(double(d.size()) * 0.95))];
}

double pooledMean(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (double v : a) sum += v;
  for (double v : b) sum += v;
  return a.size() + b.size() ? sum / double(a.size() + b.size()) : 0;
}

SurfaceDistances combine(const std::vector<double>& dpt, const std::vector<double>& dtp, SurfaceConvention c) {
  switch (c) {
    case SurfaceConvention::Medpy: {
      std::vector<double> pooled = dpt;
      pooled.insert(pooled.end(), dtp.begin(), dtp.end());
      return {(summarize(dpt).mean + summarize(dtp).mean) / 2, percentile(pooled, 95)};
    }
    case SurfaceConvention::Monai:
      return {pooledMean(dpt, dtp), std::max(percentile(dpt, 95), percentile(dtp, 95))};
    case SurfaceConvention::PyMIC: break;
  }
  return {pooledMean(dpt, dtp), std::max(pymicPercentile95(dpt), pymicPercentile95(dtp))};
}

}  // namespace

std::string toString(SurfaceConvention c) {
  return c == SurfaceConvention::Medpy ? "medpy" : c == SurfaceConvention::Monai ? "monai" : "pymic";
}

Result<SurfaceConvention> parseSurfaceConvention(const std::string& name) {
  for (auto c : {SurfaceConvention::PyMIC, SurfaceConvention::Medpy, SurfaceConvention::Monai})
    if (name == toString(c)) return c;
  return makeError("", "unknown surface distance convention '" + name + "' (pymic, medpy, monai)");
}

SurfaceDistances surfaceDistances(const Volume& p, const Volume& t, SurfaceConvention convention) {
  const Box bp = boundingBox(p, 0.5f), bt = boundingBox(t, 0.5f);
  if (bp.empty() && bt.empty()) return {0, 0};
  if (bp.empty() || bt.empty()) {
    double diag = 0;
    for (int a = 0; a < 3; ++a) diag += std::pow(p.size()[a] * p.spacing()[a], 2);
    return {std::sqrt(diag), std::sqrt(diag)};
  }
  const Box box = unionBox(bp, bt, p.size());
  const auto sp = surface(p, box), st = surface(t, box);
  const auto dpt = directed(sp, distanceTo(st, box, p.spacing()));
  const auto dtp = directed(st, distanceTo(sp, box, p.spacing()));
  return combine(dpt, dtp, convention);
}

}  // namespace tiss
