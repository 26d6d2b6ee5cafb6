#include "model/losses.h"

namespace tiss::losses {

torch::Tensor dice(const torch::Tensor& p, const torch::Tensor& y, double eps) {
  const auto intersection = (p * y).sum();
  return 1 - (2 * intersection + eps) / (p.sum() + y.sum() + eps);
}

torch::Tensor lsganGenerator(const torch::Tensor& fake) { return (fake - 1).pow(2).mean(); }

torch::Tensor lsganDiscriminator(const torch::Tensor& real, const torch::Tensor& fake) {
  return fake.pow(2).mean() + (real - 1).pow(2).mean();
}

torch::Tensor tumorBoxMask(const torch::Tensor& label) {
  auto mask = torch::zeros_like(label);
  for (int64_t n = 0; n < label.size(0); ++n) {
    const auto nz = torch::nonzero(label[n][0] > 0.5);  // K x 3 (d, h, w)
    if (nz.size(0) == 0) continue;
    const auto lo = std::get<0>(nz.min(0)), hi = std::get<0>(nz.max(0));
    using torch::indexing::Slice;
    mask.index_put_({n, 0, Slice(lo[0].item<int64_t>(), hi[0].item<int64_t>() + 1),
                     Slice(lo[1].item<int64_t>(), hi[1].item<int64_t>() + 1),
                     Slice(lo[2].item<int64_t>(), hi[2].item<int64_t>() + 1)},
                    1.0);
  }
  return mask;
}

torch::Tensor refined(const torch::Tensor& c, const torch::Tensor& e) { return (1 - c) * e + c * (1 - e); }

torch::Tensor errorTarget(const torch::Tensor& coarse, const torch::Tensor& label) {
  return ((coarse.detach() > 0.5) != (label > 0.5)).to(label.scalar_type());
}

torch::Tensor consistency(const torch::Tensor& f, const torch::Tensor& r) { return (f - r).pow(2).mean(); }

}  // namespace tiss::losses
